"""What single sign-on keeps: which identity provider subject is which portal user, and the assertions
already used (a replayed assertion is refused until it would have expired anyway)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class SsoIdentity(models.Model):
    """A user created by single sign-on, found again by the identity provider's subject (NameID)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("bruger"),
        on_delete=models.CASCADE,
        related_name="sso_identity",
    )
    issuer = models.CharField(_("identitetsudbyder"), max_length=300)
    subject = models.CharField(_("emne (NameID)"), max_length=500)
    created_at = models.DateTimeField(_("oprettet"), auto_now_add=True)
    last_login_at = models.DateTimeField(_("seneste login"), null=True, blank=True)
    # What the last assertion said, for the secretariat's questions ("why can't she see X?").
    last_cvr = models.CharField(_("seneste CVR-nummer"), max_length=8, blank=True)
    last_privileges = models.JSONField(_("seneste roller"), default=list, blank=True)
    last_nsis_level = models.CharField(_("seneste sikringsniveau"), max_length=20, blank=True)

    class Meta:
        verbose_name = _("SSO-identitet")
        verbose_name_plural = _("SSO-identiteter")
        constraints = [
            models.UniqueConstraint(fields=["issuer", "subject"], name="sso_identity_unique_subject")
        ]

    def __str__(self) -> str:
        return f"{self.subject} ({self.issuer})"


class UsedAssertion(models.Model):
    """An assertion ID seen at the assertion consumer service; kept until its NotOnOrAfter has passed."""

    assertion_id = models.CharField(_("assertion-ID"), max_length=200, unique=True)
    issuer = models.CharField(_("identitetsudbyder"), max_length=300, blank=True)
    not_on_or_after = models.DateTimeField(_("gyldig til"), db_index=True)
    used_at = models.DateTimeField(_("brugt"), auto_now_add=True)

    class Meta:
        verbose_name = _("brugt assertion")
        verbose_name_plural = _("brugte assertions")

    def __str__(self) -> str:
        return self.assertion_id
