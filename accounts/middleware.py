import time

from django.conf import settings
from django.contrib.auth import logout

from .models import LoginEvent
from .services import record_event


class PermissionDeniedAuditMiddleware:
    """Every 403 the portal answers (permission rules, CSRF) goes into the login audit."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code == 403:
            record_event(LoginEvent.Kind.DENIED, request=request, user=getattr(request, "user", None))
        return response


LOGIN_AT = "accounts_login_at"


class SessionLifetimeMiddleware:
    """A session ends SESSION_COOKIE_AGE (8 hours) after the login, however busy it was.

    Django's own expiry slides forward whenever the session is saved; this one counts from the login
    (stamped by accounts.signals). A session from before the stamp existed is stamped on its next request.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            login_at = request.session.get(LOGIN_AT)
            if login_at is None:
                request.session[LOGIN_AT] = time.time()
            elif time.time() - login_at > settings.SESSION_COOKIE_AGE:
                logout(request)
        return self.get_response(request)
