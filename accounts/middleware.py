import time

from django.conf import settings
from django.contrib.auth import logout
from django.http import HttpResponseRedirect
from django.shortcuts import resolve_url
from django.utils.http import urlencode

from .models import LoginEvent
from .services import record_event
from .two_factor import Step, pending_step


class PermissionDeniedAuditMiddleware:
    """Every 403 the portal answers (permission rules, CSRF) goes into the login audit."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        # A view that wrote its own, more precise entry (a refused single sign-on) says so on the request.
        if response.status_code == 403 and not getattr(request, "login_audit_recorded", False):
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


class TwoFactorMiddleware:
    """No page before the second factor: a logged-in user who has one must give a code first, and one for
    whom it is required but who has none is sent to enrolment (accounts/two_factor.py decides which).

    Runs after LoginRequiredMiddleware (anonymous users go to the login page first) and answers in
    process_view, where the URL's name is known. Static files never get here (WhiteNoise answers them).
    """

    # What a half-logged-in person may still reach: the two steps themselves, logging out, the language
    # switch and the health check. Everything else, public pages and the admin included, waits.
    EXEMPT = frozenset({"two_factor_verify", "two_factor_enrol", "logout", "set_language", "healthz"})

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not request.user.is_authenticated:
            return None
        match = request.resolver_match
        if match is not None and match.url_name in self.EXEMPT and not match.namespace:
            return None
        step = pending_step(request)
        if step is None:
            return None
        target = resolve_url("two_factor_verify" if step == Step.VERIFY else "two_factor_enrol")
        return HttpResponseRedirect(f"{target}?{urlencode({'next': request.get_full_path()})}")
