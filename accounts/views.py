from django.conf import settings
from django.contrib.auth import views as auth_views
from django.core.paginator import Paginator
from django.shortcuts import render
from django.urls import reverse_lazy
from django.views.decorators.cache import never_cache

from core.access import require_perm

from . import two_factor
from .forms import LoginAuditFilter
from .models import LoginEvent
from .services import record_event

PAGE_SIZE = 50


def account(request):
    """The user's own page: who the portal thinks they are, and the way to change the password."""
    require_perm(request.user, "accounts.view_own_account")
    return render(
        request,
        "accounts/account.html",
        {
            "can_read_audit": request.user.has_perm("accounts.view_login_audit"),
            "session_hours": settings.SESSION_COOKIE_AGE // 3600,
            "two_factor_on": two_factor.has_second_factor(request.user),
            "two_factor_required": two_factor.is_required(request.user),
            "recovery_codes_left": two_factor.recovery_codes_left(request.user),
            "can_reset_two_factor": request.user.has_perm("accounts.reset_two_factor"),
            "sso_login": bool(request.session.get(two_factor.SSO_SESSION_KEY)),
        },
    )


@never_cache
def login_audit(request):
    require_perm(request.user, "accounts.view_login_audit")
    form = LoginAuditFilter(request.GET or None)
    events = LoginEvent.objects.select_related("user", "by")
    if form.is_bound and form.is_valid():
        events = form.filter(events)
    elif form.is_bound:
        events = events.none()
    page = Paginator(events, PAGE_SIZE).get_page(request.GET.get("side"))
    query = request.GET.copy()
    query.pop("side", None)
    return render(
        request,
        "accounts/login_audit.html",
        {
            "form": form,
            "page": page,
            "query": query.urlencode(),
            "retention_days": settings.LOGIN_AUDIT_RETENTION_DAYS,
        },
    )


def locked_out(request, original_response=None, credentials=None):
    """django-axes' answer to a locked-out login (AXES_LOCKOUT_CALLABLE): the portal's page, 429."""
    return render(
        request,
        "registration/locked_out.html",
        {
            "failure_limit": settings.AXES_FAILURE_LIMIT,
            "cooloff_minutes": int(settings.AXES_COOLOFF_TIME.total_seconds() // 60),
        },
        status=429,
    )


class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = "accounts/password_change_form.html"
    success_url = reverse_lazy("password_change_done")

    def form_valid(self, form):
        response = super().form_valid(form)
        record_event(LoginEvent.Kind.PASSWORD_CHANGED, request=self.request, user=form.user)
        return response


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "accounts/password_reset_confirm.html"
    success_url = reverse_lazy("password_reset_complete")

    def form_valid(self, form):
        response = super().form_valid(form)
        record_event(LoginEvent.Kind.PASSWORD_RESET, request=self.request, username=form.user.get_username())
        return response
