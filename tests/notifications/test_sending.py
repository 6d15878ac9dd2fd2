"""The outbox never loses a message: a broker or mail server that is down leaves the row for the sweeper;
sending marks a row sent once; the weekly digest collects a recipient's messages into one e-mail."""

import pytest

from core.workflow import report_submit
from kkr_portal.celery import app as celery_app
from notifications.models import Notification, Preference
from notifications.sending import digests_send, notification_send, pending_send
from notifications.tasks import send_pending_notifications

pytestmark = pytest.mark.django_db


@pytest.fixture
def broker_down(settings):
    """Tasks go to a broker on a closed port, as when Redis is briefly down."""
    previous = celery_app.conf.broker_url
    celery_app.conf.task_always_eager = False
    settings.CELERY_TASK_ALWAYS_EAGER = False
    celery_app.conf.broker_url = "redis://127.0.0.1:1/0"
    celery_app._pool = None
    celery_app.amqp._producer_pool = None
    yield
    celery_app.conf.broker_url = previous
    celery_app._pool = None
    celery_app.amqp._producer_pool = None
    celery_app.conf.task_always_eager = True
    settings.CELERY_TASK_ALWAYS_EAGER = True


def test_a_broker_that_is_down_keeps_the_row_and_the_sweeper_sends_it_later(
    mailbox,
    django_capture_on_commit_callbacks,
    vip2_spring_draft,
    albertslund_member,
    secretariat,
    broker_down,
    caplog,
):
    with django_capture_on_commit_callbacks(execute=True):
        report_submit(report=vip2_spring_draft, by=albertslund_member)  # no exception for the user
    vip2_spring_draft.refresh_from_db()
    assert vip2_spring_draft.state == "submitted"
    row = Notification.objects.get()
    assert row.sent_at is None and mailbox == []
    assert "could not send notifications.tasks.send_notification" in caplog.text
    celery_app.conf.broker_url = None
    celery_app.conf.task_always_eager = True  # the broker is back: the beat's sweeper runs
    assert send_pending_notifications.delay().get() == 1
    row.refresh_from_db()
    assert row.sent_at is not None
    assert [m.to for m in mailbox] == [[secretariat.email]]
    assert send_pending_notifications.delay().get() == 0  # sent once
    assert len(mailbox) == 1


def test_a_mail_server_that_is_down_leaves_the_row_unsent_with_its_error(
    mailbox, settings, django_capture_on_commit_callbacks, vip2_spring_draft, albertslund_member, secretariat
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 1, 2
    with django_capture_on_commit_callbacks(execute=True):
        report_submit(report=vip2_spring_draft, by=albertslund_member)
    row = Notification.objects.get()
    assert row.sent_at is None and row.attempts == 1
    assert "ConnectionRefusedError" in row.last_error
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert pending_send() == 1
    assert [m.to for m in mailbox] == [[secretariat.email]]


def test_sending_a_row_twice_sends_it_once(mailbox, vip2_spring_draft, albertslund_member, secretariat):
    report_submit(report=vip2_spring_draft, by=albertslund_member)  # on-commit task not run (no commit)
    row = Notification.objects.get()
    assert notification_send(row.pk) is True
    assert notification_send(row.pk) is False
    assert pending_send() == 0
    assert len(mailbox) == 1


def test_the_weekly_digest_collects_a_recipients_messages_into_one_mail(
    mailbox, django_capture_on_commit_callbacks, vip, spring_2023, albertslund_member, secretariat, english
):
    from vip_climate.services import status_report_start

    Preference.objects.create(user=secretariat, frequency=Preference.Frequency.WEEKLY, language="en")
    with django_capture_on_commit_callbacks(execute=True):
        for number in (1, 2):
            report = status_report_start(project=vip[number], period=spring_2023, by=secretariat)
            report_submit(report=report, by=secretariat)
    assert mailbox == []
    assert pending_send() == 0  # the sweeper leaves digest rows alone
    assert digests_send() == 1
    (digest,) = mailbox
    assert digest.to == [secretariat.email]
    assert digest.subject == "This week's messages from the KKR portal (2)"
    assert "There are 2 messages from the KKR portal since the last digest:" in digest.body
    assert "Submitted for review: VIP 1 · Spring 2023" in digest.body
    assert "Submitted for review: VIP 2 · Spring 2023" in digest.body
    assert "https://portal.kkr.example/vip/rapporter/" in digest.body
    assert not Notification.objects.filter(sent_at__isnull=True).exists()
    assert digests_send() == 0
    assert len(mailbox) == 1


def test_the_beat_schedule_has_the_sweeper_and_the_digest(settings):
    schedule = settings.CELERY_BEAT_SCHEDULE
    assert schedule["notifications-send-pending"]["task"] == "notifications.tasks.send_pending_notifications"
    assert schedule["notifications-weekly-digest"]["task"] == "notifications.tasks.send_weekly_digests"


@pytest.mark.services
@pytest.mark.django_db(transaction=True)
def test_with_the_real_worker_a_message_written_while_redis_is_down_is_sent_once_it_is_back(
    celery_worker_process, vip, spring_2023, albertslund_member, secretariat
):
    from pathlib import Path

    from tests.notifications.test_journey import Mailbox
    from vip_climate.services import status_report_start

    report = status_report_start(project=vip[2], period=spring_2023, by=secretariat)
    mails = Mailbox(Path(celery_worker_process.mail_dir))
    previous = celery_app.conf.broker_url
    celery_app.conf.broker_url = "redis://127.0.0.1:1/0"
    celery_app._pool = None
    celery_app.amqp._producer_pool = None
    try:
        report_submit(report=report, by=albertslund_member)  # commits; the queueing fails and is logged
    finally:
        celery_app.conf.broker_url = previous
        celery_app._pool = None
        celery_app.amqp._producer_pool = None
    report.refresh_from_db()
    assert report.state == "submitted"
    row = Notification.objects.get()
    assert row.sent_at is None
    assert send_pending_notifications.delay().get(timeout=60) == 1  # the beat's sweeper, on the worker
    message = mails.wait_for(secretariat.email)
    assert message["Subject"] == "Indsendt til behandling: VIP 2 · Forår 2023"
    row.refresh_from_db()
    assert row.sent_at is not None
    assert send_pending_notifications.delay().get(timeout=60) == 0
