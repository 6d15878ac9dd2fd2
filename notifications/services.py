"""Writing messages to the outbox: who gets what, in which language, once per event and recipient.

`notify` is called inside the transaction of the event (a workflow transition, a reminder run); the
row commits with the event or not at all, and only then is its sending queued.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.conf import settings
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from core.dispatch import enqueue_on_commit
from core.models import User
from core.roles import SECRETARIAT

from .models import Notification, Preference

DEFAULT_LANGUAGE = "da"  # the portal's language; also the secretariat mailbox's


@dataclass(frozen=True)
class Recipient:
    ident: str  # stable part of the once-only key: the user's id, or the address of a mailbox
    email: str
    language: str = DEFAULT_LANGUAGE
    digest: bool = False
    user: User | None = None


@dataclass(frozen=True)
class Message:
    subject: str
    intro: str
    link: str = ""
    comment: str = ""
    items: tuple[str, ...] = ()
    link_label: str = ""  # what the link opens, if not the report ("Åbn rapporten")


def preference_of(user) -> Preference:
    """The user's stored choice, or the defaults (Danish, immediately) unsaved."""
    try:
        return user.notification_preference
    except Preference.DoesNotExist:
        return Preference(user=user)


def preference_save(*, preference: Preference) -> Preference:
    """Store the user's choice; a user who leaves the weekly digest gets what it held now, not on Monday."""
    from .tasks import send_notification

    with transaction.atomic():
        preference.save()
        if preference.frequency == Preference.Frequency.IMMEDIATE:
            waiting = Notification.objects.filter(
                recipient=preference.user, digest=True, sent_at__isnull=True
            )
            for pk in list(waiting.values_list("pk", flat=True)):
                Notification.objects.filter(pk=pk).update(digest=False)
                enqueue_on_commit(send_notification, pk)
    return preference


def absolute_url(path: str) -> str:
    return settings.PORTAL_BASE_URL.rstrip("/") + path


def user_recipients(users: Iterable[User]) -> list[Recipient]:
    recipients = []
    for user in users:
        if not user.is_active or not user.email:
            continue
        preference = preference_of(user)
        recipients.append(
            Recipient(
                ident=f"user{user.pk}",
                email=user.email,
                language=preference.language,
                digest=preference.frequency == Preference.Frequency.WEEKLY,
                user=user,
            )
        )
    return recipients


def member_recipients(organisations) -> list[Recipient]:
    """The active users of these organisations (a report's leads) who have an address."""
    ids = [o.pk for o in organisations if o is not None]
    users = User.objects.filter(organisation_id__in=ids).select_related("notification_preference")
    return user_recipients(users.order_by("pk"))


def secretariat_recipients() -> list[Recipient]:
    """The secretariat's users; if none has an address, the secretariat's mailbox (SECRETARIAT_EMAIL)."""
    users = User.objects.filter(groups__name=SECRETARIAT).select_related("notification_preference")
    recipients = user_recipients(users.order_by("pk").distinct())
    if not recipients and settings.SECRETARIAT_EMAIL:
        recipients = [Recipient(ident=settings.SECRETARIAT_EMAIL, email=settings.SECRETARIAT_EMAIL)]
    return recipients


def render(message: Message) -> tuple[str, str]:
    """The plain-text and HTML bodies, in the active language."""
    context = {"message": message, "settings_link": absolute_url(reverse("notifications:preferences"))}
    return (
        render_to_string("notifications/message.txt", context),
        render_to_string("notifications/message.html", context),
    )


def notify(
    *, kind: str, event: str, recipients: Iterable[Recipient], compose: Callable[[Recipient], Message]
) -> list[Notification]:
    """One outbox row per recipient not yet told about `event`; queued for sending once committed.

    `compose` runs in the recipient's language. Returns the rows written now (empty: all were told before).
    """
    from .tasks import send_notification

    written = []
    for recipient in recipients:
        key = f"{event}:{recipient.ident}"[:200]
        if Notification.objects.filter(key=key).exists():
            continue
        with translation.override(recipient.language):
            message = compose(recipient)
            text, html = render(message)
        try:
            with transaction.atomic():
                row = Notification.objects.create(
                    key=key,
                    kind=kind,
                    recipient=recipient.user,
                    email=recipient.email,
                    language=recipient.language,
                    digest=recipient.digest,
                    subject=str(message.subject)[:250],
                    body_text=text,
                    body_html=html,
                    link=message.link,
                )
        except IntegrityError:  # written at the same moment by another run
            continue
        if not row.digest:
            enqueue_on_commit(send_notification, row.pk)
        written.append(row)
    return written
