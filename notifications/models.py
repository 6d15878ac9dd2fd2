"""The e-mail outbox and each user's choice of language and frequency.

A message is a row written in the same transaction as the event it tells about (a report submitted,
returned, approved; a reminder), so it is never lost: after commit a task sends it, and a beat task (the
sweeper) sends whatever is still unsent, e.g. because the broker was down at commit time. `key` names the
event and the recipient, so an event reaches each recipient once however often it is recorded.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

LANGUAGE_CHOICES = [("da", "Dansk"), ("en", "English")]


class Preference(models.Model):
    class Frequency(models.TextChoices):
        IMMEDIATE = "immediate", _("Straks, én e-mail pr. hændelse")
        WEEKLY = "weekly", _("Ugentligt, samlet i én e-mail")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_preference"
    )
    language = models.CharField(_("sprog i e-mails"), max_length=5, choices=LANGUAGE_CHOICES, default="da")
    frequency = models.CharField(
        _("hvornår vil du have e-mails"),
        max_length=10,
        choices=Frequency.choices,
        default=Frequency.IMMEDIATE,
    )

    class Meta:
        verbose_name = _("e-mail-indstilling")
        verbose_name_plural = _("e-mail-indstillinger")

    def __str__(self) -> str:
        return f"{self.user}: {self.language}, {self.frequency}"


class Notification(models.Model):
    class Kind(models.TextChoices):
        SUBMITTED = "submitted", _("Rapport indsendt")
        RETURNED = "returned", _("Rapport sendt retur")
        APPROVED = "approved", _("Rapport godkendt")
        REMINDER = "reminder", _("Påmindelse før fristen")
        OVERDUE = "overdue", _("Fristen er overskredet")
        OVERDUE_LIST = "overdue_list", _("Liste over manglende rapporter")

    key = models.CharField(max_length=200, unique=True)
    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices)
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    email = models.EmailField(_("modtager"))
    language = models.CharField(_("sprog"), max_length=5, choices=LANGUAGE_CHOICES, default="da")
    digest = models.BooleanField(_("i den ugentlige samling"), default=False)
    subject = models.CharField(_("emne"), max_length=250)
    body_text = models.TextField()
    body_html = models.TextField(blank=True)
    link = models.URLField(max_length=500, blank=True)
    created_at = models.DateTimeField(_("oprettet"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sendt"), null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.TextField(blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["sent_at", "digest"], name="notification_unsent")]
        verbose_name = _("e-mail")
        verbose_name_plural = _("e-mails")

    def __str__(self) -> str:
        return self.key
