from django.contrib.auth.backends import ModelBackend


class SsoBackend(ModelBackend):
    """The backend a single sign-on session is logged in with. It authenticates nothing by itself (the
    assertion consumer service has checked the assertion); it loads the session's user on later requests
    and tells the login audit that the login was a single sign-on."""

    def authenticate(self, request, **credentials):
        return None
