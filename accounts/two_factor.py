"""Two-factor login for local accounts: who needs it, enrolment, checking a code, recovery codes, resets.

django-otp keeps the devices: one TOTP device (the authenticator app) and one static device holding the
ten one-use recovery codes. A session is "verified" once `django_otp.login` has stored the device that
accepted a code (`request.user.is_verified()`, from django_otp's OTPMiddleware); accounts.middleware's
TwoFactorMiddleware sends every other logged-in request to enrolment or to the code page.
"""

import base64
import re
from dataclasses import dataclass

import django_otp
import segno
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from core.roles import SECRETARIAT, group_names

from .models import LoginEvent
from .services import record_event

RECOVERY_CODE_COUNT = 10
APP_DEVICE_NAME = "Authenticator"
RECOVERY_DEVICE_NAME = "Gendannelseskoder"
# Set by the SSO login (sso/ app): the municipality's identity provider did the strong authentication.
SSO_SESSION_KEY = "sso_login"

# What a person types: six digits from the app, or a recovery code (eight base32 letters, shown "abcd-efgh").
TOTP_PATTERN = re.compile(r"^[0-9]{6}$")
RECOVERY_PATTERN = re.compile(r"^[a-z2-7]{8}$")


class Step:
    ENROL = "enrol"
    VERIFY = "verify"


def is_required(user) -> bool:
    """Staff, superusers and the Secretariat must have a second factor; for others it is optional."""
    return bool(user.is_staff or user.is_superuser or SECRETARIAT in group_names(user))


def app_device(user, *, confirmed: bool = True) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=confirmed).order_by("pk").first()


def has_second_factor(user) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def pending_step(request) -> str | None:
    """What a logged-in request must do before it may see a page: None, or a `Step`."""
    user = request.user
    if request.session.get(SSO_SESSION_KEY):
        # Logged in through the municipality's SSO: its identity provider vouches for the login (the SSO
        # app requires NSIS level "Betydelig" for secretariat roles), so no local code is asked for.
        return None
    if user.is_verified():
        return None
    if has_second_factor(user):
        return Step.VERIFY
    if is_required(user):
        return Step.ENROL
    return None


def normalise_code(raw: str) -> str:
    """Spaces and dashes are how codes are shown and grouped; they carry nothing."""
    return re.sub(r"[\s-]", "", raw or "").lower()


def recovery_codes_left(user) -> int:
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


# --- enrolment --------------------------------------------------------------------------------------


def enrolment_device(user) -> TOTPDevice:
    """The unconfirmed device an enrolment shows as a QR code; the same one until it is confirmed."""
    device = app_device(user, confirmed=False)
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=APP_DEVICE_NAME, confirmed=False)
    return device


def secret_base32(device: TOTPDevice) -> str:
    """The key as the apps want it typed by hand, in groups of four."""
    secret = base64.b32encode(device.bin_key).decode("ascii").rstrip("=")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def qr_data_uri(device: TOTPDevice) -> str:
    """The otpauth:// URL as an SVG QR code in a data URI: drawn on the server, no script, no inline style."""
    return segno.make(device.config_url, error="m").svg_data_uri(scale=4, border=2)


def _new_recovery_codes(user) -> list[str]:
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name=RECOVERY_DEVICE_NAME, confirmed=True)
    codes = []
    while len(codes) < RECOVERY_CODE_COUNT:
        code = StaticToken.random_token()
        if code not in codes:
            codes.append(code)
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


@dataclass
class Outcome:
    device: object | None = None
    error: str = ""
    recovery_codes: list[str] | None = None


def two_factor_enrol(*, request, device: TOTPDevice, code: str) -> Outcome:
    """Confirm the app by its first code, make ten recovery codes and count this session as verified."""
    user = request.user
    with transaction.atomic():
        device = TOTPDevice.objects.select_for_update().get(pk=device.pk, user=user, confirmed=False)
        allowed, _details = device.verify_is_allowed()
        if not allowed:
            return Outcome(error=str(_("For mange forkerte koder. Vent lidt, og prøv igen.")))
        if not device.verify_token(code):
            record_event(LoginEvent.Kind.TWO_FACTOR_FAILED, request=request, user=user)
            return Outcome(
                error=str(_("Koden passer ikke. Tjek uret på telefonen, og prøv med den næste kode."))
            )
        # One app per person: an older confirmed one (from before a reset that failed half-way) goes.
        TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        codes = _new_recovery_codes(user)
        record_event(LoginEvent.Kind.TWO_FACTOR_ENROLLED, request=request, user=user)
    _mark_verified(request, device)
    return Outcome(device=device, recovery_codes=codes)


# --- the code at login --------------------------------------------------------------------------------


def two_factor_verify(*, request, code: str) -> Outcome:
    """Check a code from the app (or a recovery code, used up by this); throttled by django-otp."""
    user = request.user
    kind_ok = LoginEvent.Kind.TWO_FACTOR_OK
    with transaction.atomic():
        if RECOVERY_PATTERN.match(code):
            device = StaticDevice.objects.select_for_update().filter(user=user, confirmed=True).first()
            kind_ok = LoginEvent.Kind.RECOVERY_CODE_USED
        else:
            device = TOTPDevice.objects.select_for_update().filter(user=user, confirmed=True).first()
        if device is None:
            return Outcome(error=str(_("Koden passer ikke.")))
        allowed, _details = device.verify_is_allowed()
        if not allowed:
            record_event(LoginEvent.Kind.TWO_FACTOR_FAILED, request=request, user=user)
            return Outcome(error=str(_("For mange forkerte koder. Vent lidt, og prøv igen.")))
        if not device.verify_token(code):
            record_event(LoginEvent.Kind.TWO_FACTOR_FAILED, request=request, user=user)
            return Outcome(error=str(_("Koden passer ikke.")))
        record_event(kind_ok, request=request, user=user)
    # The login's verification belongs to the app, also when a recovery code opened it.
    _mark_verified(request, app_device(user) or device)
    return Outcome(device=device)


def _mark_verified(request, device) -> None:
    # A new session key for the raised privilege, as Django does at login.
    request.session.cycle_key()
    django_otp.login(request, device)


# --- the account page and the secretariat ---------------------------------------------------------------


def recovery_codes_renew(*, request) -> list[str]:
    user = request.user
    with transaction.atomic():
        codes = _new_recovery_codes(user)
        record_event(LoginEvent.Kind.RECOVERY_CODES_NEW, request=request, user=user)
    return codes


def two_factor_disable(*, request) -> None:
    """A person for whom it is optional turns it off; their devices go."""
    user = request.user
    with transaction.atomic():
        _delete_devices(user)
        record_event(LoginEvent.Kind.TWO_FACTOR_DISABLED, request=request, user=user)


def two_factor_reset(*, user, request) -> None:
    """The secretariat removes a person's devices (a lost phone); at the next login they enrol again if
    the second factor is required for them. Their sessions lose their verification at once: OTPMiddleware
    no longer finds the device the session names."""
    with transaction.atomic():
        _delete_devices(user)
        record_event(LoginEvent.Kind.TWO_FACTOR_RESET, request=request, user=user, by=request.user)


def _delete_devices(user) -> None:
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()
