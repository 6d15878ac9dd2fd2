"""Receivers that write the login audit. Lockouts come from django-axes' own signal."""

import time

from axes.signals import user_locked_out
from django.contrib.auth import BACKEND_SESSION_KEY
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver

from .middleware import LOGIN_AT
from .models import LoginEvent
from .services import record_event


@receiver(user_logged_in, dispatch_uid="accounts-audit-login")
def _logged_in(sender, request, user, **kwargs):
    # The 8-hour limit counts from here (SessionLifetimeMiddleware).
    if request is not None and hasattr(request, "session"):
        request.session[LOGIN_AT] = time.time()
    # A single sign-on (sso/) logs in through its own backend and is audited as such.
    session = getattr(request, "session", None) or {}
    sso = session.get(BACKEND_SESSION_KEY) == "sso.backends.SsoBackend"
    record_event(LoginEvent.Kind.SSO_LOGIN if sso else LoginEvent.Kind.LOGIN, request=request, user=user)


@receiver(user_logged_out, dispatch_uid="accounts-audit-logout")
def _logged_out(sender, request, user, **kwargs):
    if user is not None:
        record_event(LoginEvent.Kind.LOGOUT, request=request, user=user)


@receiver(user_login_failed, dispatch_uid="accounts-audit-failed")
def _login_failed(sender, credentials, request=None, **kwargs):
    if getattr(request, "axes_locked_out", False):
        return  # the attempt is recorded once, as a lockout (below)
    record_event(LoginEvent.Kind.FAILED, request=request, username=str(credentials.get("username") or ""))


@receiver(user_locked_out, dispatch_uid="accounts-audit-locked-out")
def _locked_out(sender, request, username=None, ip_address=None, **kwargs):
    record_event(LoginEvent.Kind.LOCKED_OUT, request=request, username=str(username or ""))
