"""Reminders before a round's deadline and escalation after it, through the notifications outbox: each once
per event and recipient, in the recipient's language, with a link to the report (or the project to start it)."""

from datetime import date, timedelta

import pytest
from django.core import mail

from core.models import ReportingPeriod
from core.workflow import report_submit
from notifications.models import Notification, Preference
from tests.conftest import _user
from vip_climate.services import reminders_send
from vip_climate.tasks import send_vip_reminders

pytestmark = pytest.mark.django_db

NOTHING = {"reminder": 0, "overdue": 0, "secretariat": 0}


@pytest.fixture(autouse=True)
def locmem(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.SECRETARIAT_EMAIL = "sekretariat@kkr.example"
    settings.PORTAL_BASE_URL = "https://portal.kkr.example"
    settings.NOTIFY_REMINDER_DAYS = [14, 3]
    settings.NOTIFY_ESCALATE_LEADS_AFTER_DAYS = 1
    settings.NOTIFY_ESCALATE_SECRETARIAT_AFTER_DAYS = 3
    settings.NOTIFY_OVERDUE_WINDOW_DAYS = 14


@pytest.fixture
def remind(django_capture_on_commit_callbacks):
    """Run the reminders as the beat task does: outside a transaction, so the e-mails go out on commit."""

    def run(*, today):
        with django_capture_on_commit_callbacks(execute=True):
            return reminders_send(today=today)

    return run


@pytest.fixture
def beat(django_capture_on_commit_callbacks):
    def run(day):
        with django_capture_on_commit_callbacks(execute=True):
            return send_vip_reminders.delay(day).get()

    return run


def test_leads_are_reminded_two_weeks_before_the_deadline(
    remind, vip, spring_2023, albertslund_member, other_member
):
    colleague = _user("albertslund2", organisation=albertslund_member.organisation)
    sent = remind(today=spring_2023.deadline - timedelta(days=14))
    assert sent == {**NOTHING, "reminder": 1}
    assert sorted(m.to[0] for m in mail.outbox) == sorted([albertslund_member.email, colleague.email])
    message = mail.outbox[0]
    assert message.subject == "Påmindelse: status for VIP 2 (Forår 2023) senest 30. april 2023"
    assert "Start rapporten: https://portal.kkr.example/vip/projekter/2/" in message.body  # start it there
    assert "https://portal.kkr.example/e-mails/" in message.body  # where to change what one gets


def test_a_started_reports_reminder_links_to_the_report(
    remind, vip2_spring_draft, spring_2023, albertslund_member
):
    remind(today=spring_2023.deadline - timedelta(days=14))
    body = mail.outbox[0].body
    assert f"Åbn rapporten: https://portal.kkr.example/vip/rapporter/{vip2_spring_draft.pk}/" in body


def test_no_reminder_once_submitted(remind, vip2_spring_draft, spring_2023, albertslund_member):
    report_submit(report=vip2_spring_draft, by=albertslund_member)
    mail.outbox.clear()
    remind(today=spring_2023.deadline - timedelta(days=14))
    assert mail.outbox == []


def test_each_reminder_is_sent_once_then_the_second_one_three_days_before(
    remind, vip, spring_2023, albertslund_member
):
    day = spring_2023.deadline - timedelta(days=14)
    remind(today=day)
    remind(today=day)
    remind(today=day + timedelta(days=1))
    assert len(mail.outbox) == 1
    assert remind(today=spring_2023.deadline - timedelta(days=3)) == {**NOTHING, "reminder": 1}
    assert remind(today=spring_2023.deadline - timedelta(days=2)) == NOTHING
    assert len(mail.outbox) == 2
    keys = sorted(Notification.objects.values_list("key", flat=True))
    assert keys == [
        f"reminder14:2023-spring:vip2:user{albertslund_member.pk}",
        f"reminder3:2023-spring:vip2:user{albertslund_member.pk}",
    ]


def test_a_missed_first_reminder_is_not_sent_late(remind, vip, spring_2023, albertslund_member):
    remind(today=spring_2023.deadline - timedelta(days=2))
    assert Notification.objects.get().key.startswith("reminder3:")


def test_no_reminder_outside_the_window(remind, vip, spring_2023, albertslund_member):
    remind(today=spring_2023.deadline - timedelta(days=15))
    assert mail.outbox == []


def test_after_the_deadline_the_leads_then_the_secretariat_are_told(
    remind, vip, vip2_spring_draft, spring_2023, albertslund_member, secretariat
):
    assert remind(today=spring_2023.deadline) == {**NOTHING, "reminder": 1}  # the day itself
    mail.outbox.clear()
    assert remind(today=spring_2023.deadline + timedelta(days=1)) == {**NOTHING, "overdue": 1}
    (lead,) = mail.outbox
    assert lead.to == [albertslund_member.email]
    assert lead.subject == "Fristen er overskredet: status for VIP 2 (Forår 2023)"
    assert remind(today=spring_2023.deadline + timedelta(days=2)) == NOTHING
    assert remind(today=spring_2023.deadline + timedelta(days=3)) == {**NOTHING, "secretariat": 1}
    notice = mail.outbox[-1]
    assert notice.to == [secretariat.email]
    assert notice.subject == "Manglende VIP-statusrapporter for Forår 2023"
    assert "- VIP 2: " in notice.body and "(Albertslund)" in notice.body
    assert "Åbn runden: https://portal.kkr.example/vip/runde/2023-spring/" in notice.body
    assert remind(today=spring_2023.deadline + timedelta(days=4)) == NOTHING
    assert len(mail.outbox) == 2


def test_the_secretariat_list_names_only_the_missing_reports(
    remind, vip, vip2_spring_draft, spring_2023, albertslund_member, secretariat
):
    report_submit(report=vip2_spring_draft, by=albertslund_member)
    mail.outbox.clear()
    sent = remind(today=spring_2023.deadline + timedelta(days=3))
    assert sent == {**NOTHING, "secretariat": 1}
    (message,) = mail.outbox
    assert message.to == [secretariat.email]
    assert "VIP 1" in message.body and "VIP 2:" not in message.body
    assert message.body.count("tovholder mangler") == 6


def test_nothing_is_escalated_after_the_window(remind, vip, spring_2023, albertslund_member, secretariat):
    assert remind(today=spring_2023.deadline + timedelta(days=15)) == NOTHING


def test_the_beat_task_runs_the_service(beat, vip, spring_2023, albertslund_member):
    day = (spring_2023.deadline - timedelta(days=14)).isoformat()
    assert beat(day) == {**NOTHING, "reminder": 1}
    assert beat(day) == NOTHING
    assert len(mail.outbox) == 1


def test_the_beat_schedule_has_the_entry(settings):
    assert (
        settings.CELERY_BEAT_SCHEDULE["vip-climate-reminders"]["task"]
        == "vip_climate.tasks.send_vip_reminders"
    )


def test_rounds_are_found_by_deadline(vip):
    assert ReportingPeriod.objects.get(year=2023, half="spring").deadline == date(2023, 4, 30)


@pytest.mark.services
@pytest.mark.django_db(transaction=True)
def test_the_real_worker_sends_each_reminder_once(
    celery_worker_process, vip, spring_2023, albertslund_member
):
    day = (spring_2023.deadline - timedelta(days=14)).isoformat()
    assert send_vip_reminders.delay(day).get(timeout=60) == {**NOTHING, "reminder": 1}
    assert send_vip_reminders.delay(day).get(timeout=60) == NOTHING
    row = Notification.objects.get()
    assert row.email == albertslund_member.email and row.key.endswith(f":vip2:user{albertslund_member.pk}")


def test_reminders_are_written_in_the_recipients_language_not_the_callers(
    remind, vip, vip2_spring_draft, spring_2023, albertslund_member, secretariat
):
    """A user without a preference reads Danish even when the run happens under English; one who chose
    English reads English."""
    from django.utils import translation

    colleague = _user("albertslund2", organisation=albertslund_member.organisation)
    Preference.objects.create(user=colleague, language="en")
    with translation.override("en"):
        remind(today=spring_2023.deadline - timedelta(days=14))
        report_submit(report=vip2_spring_draft, by=albertslund_member)
        remind(today=spring_2023.deadline + timedelta(days=3))
        assert translation.get_language() == "en"
    by_address = {m.to[0]: m for m in mail.outbox if m.subject.startswith(("Påmindelse", "Reminder"))}
    danish, english = by_address[albertslund_member.email], by_address[colleague.email]
    assert danish.subject == "Påmindelse: status for VIP 2 (Forår 2023) senest 30. april 2023"
    assert "Statusrapporten for Forår 2023 er endnu ikke indsendt." in danish.body
    assert english.subject == "Reminder: status for VIP 2 (Spring 2023) due by April 30, 2023"
    secretariat_notice = mail.outbox[-1]
    assert secretariat_notice.subject == "Manglende VIP-statusrapporter for Forår 2023"
    assert "er overskredet. Disse rapporter er ikke indsendt:" in secretariat_notice.body
    assert "tovholder mangler" in secretariat_notice.body
