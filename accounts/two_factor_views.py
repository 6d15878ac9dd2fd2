"""The pages of the second factor: enrolment, the code at login, recovery codes, turning it off, and the
secretariat's list of users with their reset button. The rules live in accounts/two_factor.py."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render, resolve_url
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from django_otp.plugins.otp_totp.models import TOTPDevice

from core.access import require_perm

from . import two_factor
from .forms import TwoFactorCodeForm

# The codes just made wait here for the one page that shows them.
FRESH_CODES_SESSION_KEY = "accounts_fresh_recovery_codes"
# Where the person goes after writing the codes down (the page they first asked for).
NEXT_SESSION_KEY = "accounts_two_factor_next"
PAGE_SIZE = 50


def _next_url(request) -> str:
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(candidate, {request.get_host()}, require_https=request.is_secure()):
        return candidate
    return resolve_url(settings.LOGIN_REDIRECT_URL)


@never_cache
def enrol(request):
    """Scan the QR code (or type the key), confirm with the first code; then the recovery codes, once."""
    require_perm(request.user, "accounts.view_own_account")
    if two_factor.has_second_factor(request.user):
        return redirect("account" if request.user.is_verified() else "two_factor_verify")
    device = two_factor.enrolment_device(request.user)
    form = TwoFactorCodeForm(request.POST or None, allow_recovery=False)
    if request.method == "POST" and form.is_valid():
        outcome = two_factor.two_factor_enrol(request=request, device=device, code=form.cleaned_data["code"])
        if not outcome.error:
            request.session[FRESH_CODES_SESSION_KEY] = outcome.recovery_codes
            request.session[NEXT_SESSION_KEY] = _next_url(request)
            return redirect("two_factor_recovery_codes")
        form.add_error("code", outcome.error)
    return render(
        request,
        "accounts/two_factor_enrol.html",
        {
            "form": form,
            "qr": two_factor.qr_data_uri(device),
            "secret": two_factor.secret_base32(device),
            "required": two_factor.is_required(request.user),
            "next": request.POST.get("next") or request.GET.get("next", ""),
        },
    )


@never_cache
def verify(request):
    """The second step of the login: a code from the app or a recovery code."""
    if two_factor.pending_step(request) != two_factor.Step.VERIFY:
        return redirect(_next_url(request))
    form = TwoFactorCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        outcome = two_factor.two_factor_verify(request=request, code=form.cleaned_data["code"])
        if not outcome.error:
            left = two_factor.recovery_codes_left(request.user)
            if isinstance(outcome.device, two_factor.StaticDevice):
                messages.warning(
                    request,
                    _(
                        "Du brugte en gendannelseskode; den kan ikke bruges igen. Du har %(left)s tilbage. "
                        "Lav nye koder på din kontoside, hvis du har mistet telefonen."
                    )
                    % {"left": left},
                )
            return redirect(_next_url(request))
        form.add_error("code", outcome.error)
    return render(
        request,
        "accounts/two_factor_verify.html",
        {"form": form, "next": request.POST.get("next") or request.GET.get("next", "")},
    )


@never_cache
def recovery_codes(request):
    """GET shows the codes just made, once; POST makes ten new ones (the old ones stop working)."""
    require_perm(request.user, "accounts.manage_own_two_factor")
    if request.method == "POST":
        request.session[FRESH_CODES_SESSION_KEY] = two_factor.recovery_codes_renew(request=request)
        request.session[NEXT_SESSION_KEY] = resolve_url("account")
        return redirect("two_factor_recovery_codes")
    codes = request.session.pop(FRESH_CODES_SESSION_KEY, None)
    next_url = request.session.pop(NEXT_SESSION_KEY, None) or resolve_url("account")
    return render(
        request,
        "accounts/two_factor_recovery_codes.html",
        {
            "codes": [f"{code[:4]}-{code[4:]}" for code in codes or []],
            "codes_left": two_factor.recovery_codes_left(request.user),
            "next_url": next_url,
        },
    )


@require_POST
def disable(request):
    require_perm(request.user, "accounts.disable_two_factor")
    if two_factor.has_second_factor(request.user):
        two_factor.two_factor_disable(request=request)
        messages.success(request, _("Totrinslogin er slået fra."))
    return redirect("account")


@never_cache
def users(request):
    """The secretariat's list of who has a second factor, with a reset for a lost phone."""
    require_perm(request.user, "accounts.reset_two_factor")
    devices = (
        TOTPDevice.objects.filter(confirmed=True)
        .select_related("user", "user__organisation")
        .order_by("user__username")
    )
    page = Paginator(devices, PAGE_SIZE).get_page(request.GET.get("side"))
    return render(request, "accounts/two_factor_users.html", {"page": page})


@require_POST
def reset(request, user_id: int):
    require_perm(request.user, "accounts.reset_two_factor")
    # One's own second factor is turned off or renewed from the account page, not reset here.
    target = get_object_or_404(get_user_model().objects.exclude(pk=request.user.pk), pk=user_id)
    if target.is_superuser and not request.user.is_superuser:
        raise PermissionDenied
    two_factor.two_factor_reset(user=target, request=request)
    messages.success(
        request,
        _("Totrinslogin for %(user)s er nulstillet. Ved næste login skal de oprette det igen.")
        % {"user": target.get_username()},
    )
    return redirect("two_factor_users")
