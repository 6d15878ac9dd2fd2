"""Sending what the outbox holds: one row at a time, the sweeper, and the weekly digest.

A row is locked while it is sent and marked sent in the same transaction, so the task queued after commit
and the sweeper never both send it. A failed send leaves the row unsent with its error, for the sweeper.
"""

import logging

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from .models import Notification

logger = logging.getLogger(__name__)


def _deliver(*, subject: str, text: str, html: str, email: str) -> None:
    message = EmailMultiAlternatives(subject, text, settings.DEFAULT_FROM_EMAIL, [email])
    if html:
        message.attach_alternative(html, "text/html")
    message.send()


def _failed(rows: list[Notification], error: Exception) -> None:
    logger.warning("sending e-mail to %s failed: %s", rows[0].email, error)
    for row in rows:
        row.attempts += 1
        row.last_error = f"{type(error).__name__}: {error}"[:2000]
        row.save(update_fields=["attempts", "last_error"])


def _unsent():
    return Notification.objects.filter(sent_at__isnull=True, attempts__lt=settings.NOTIFY_MAX_ATTEMPTS)


def notification_send(pk: int) -> bool:
    """Send one immediate row unless it is sent already (or being sent); True if this call sent it."""
    with transaction.atomic():
        row = _unsent().select_for_update(skip_locked=True).filter(pk=pk, digest=False).first()
        if row is None:
            return False
        try:
            _deliver(subject=row.subject, text=row.body_text, html=row.body_html, email=row.email)
        except Exception as error:  # SMTP down, refused address: kept for the sweeper
            _failed([row], error)
            return False
        row.sent_at = timezone.now()
        row.save(update_fields=["sent_at"])
    return True


def pending_send() -> int:
    """The sweeper: every immediate row still unsent (its task was lost or failed); how many went out."""
    pks = list(_unsent().filter(digest=False).values_list("pk", flat=True))
    return sum(notification_send(pk) for pk in pks)


def digests_send() -> int:
    """One e-mail per recipient with the messages collected for the weekly digest; how many went out."""
    sent = 0
    emails = sorted(set(_unsent().filter(digest=True).values_list("email", flat=True)))
    for email in emails:
        with transaction.atomic():
            rows = list(_unsent().select_for_update(skip_locked=True).filter(digest=True, email=email))
            if not rows:
                continue
            language = rows[-1].language
            with translation.override(language):
                subject = _("Ugens beskeder fra KKR-portalen (%(count)s)") % {"count": len(rows)}
                context = {"rows": rows, "count": len(rows)}
                text = render_to_string("notifications/digest.txt", context)
                html = render_to_string("notifications/digest.html", context)
            try:
                _deliver(subject=subject, text=text, html=html, email=email)
            except Exception as error:
                _failed(rows, error)
                continue
            Notification.objects.filter(pk__in=[r.pk for r in rows]).update(sent_at=timezone.now())
            sent += 1
    return sent
