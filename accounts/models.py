"""The login audit: who logged in, failed, was locked out, logged out or was refused a page, when and from
where. Kept `settings.LOGIN_AUDIT_RETENTION_DAYS` days (accounts.tasks.purge_login_audit)."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class LoginEvent(models.Model):
    class Kind(models.TextChoices):
        LOGIN = "login", _("Logget ind")
        FAILED = "failed", _("Forkert login")
        LOCKED_OUT = "locked_out", _("Spærret efter for mange forsøg")
        LOGOUT = "logout", _("Logget ud")
        DENIED = "denied", _("Adgang nægtet")
        PASSWORD_CHANGED = "password_changed", _("Adgangskode skiftet")
        PASSWORD_RESET = "password_reset", _("Adgangskode nulstillet")
        TWO_FACTOR_OK = "2fa_ok", _("Totrinskode godkendt")
        TWO_FACTOR_FAILED = "2fa_failed", _("Forkert totrinskode")
        TWO_FACTOR_ENROLLED = "2fa_enrolled", _("Totrinslogin slået til")
        RECOVERY_CODE_USED = "2fa_recovery_used", _("Gendannelseskode brugt")
        RECOVERY_CODES_NEW = "2fa_codes_new", _("Nye gendannelseskoder")
        TWO_FACTOR_DISABLED = "2fa_disabled", _("Totrinslogin slået fra")
        TWO_FACTOR_RESET = "2fa_reset", _("Totrinslogin nulstillet af sekretariatet")
        SSO_LOGIN = "sso_login", _("Logget ind med SSO")
        SSO_REFUSED = "sso_refused", _("SSO-login afvist")

    at = models.DateTimeField(_("tidspunkt"), default=timezone.now, db_index=True)
    kind = models.CharField(_("hændelse"), max_length=20, choices=Kind.choices, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("bruger"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="login_events",
    )
    # What was typed, for failed logins of unknown users too (kept as typed, cut to the field's length).
    username = models.CharField(_("brugernavn"), max_length=150, blank=True, db_index=True)
    ip = models.GenericIPAddressField(_("IP-adresse"), null=True, blank=True)
    path = models.CharField(_("adresse"), max_length=300, blank=True)
    # Who did it, when that is someone else than `user` (the secretariat resetting a lost second factor).
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("udført af"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Why a single sign-on was refused (sso.mapping.Refusal's code and detail), empty otherwise.
    detail = models.CharField(_("detaljer"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("loginhændelse")
        verbose_name_plural = _("loginhændelser")
        ordering = ["-at", "-pk"]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.kind} {self.username}"
