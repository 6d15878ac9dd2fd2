from datetime import date, timedelta

import pytest
from django.core import mail

from core.models import ReportingPeriod
from core.workflow import report_submit
from tests.conftest import _user
from vip_climate.services import reminders_send
from vip_climate.tasks import send_vip_reminders

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def locmem(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.SECRETARIAT_EMAIL = "sekretariat@kkr.example"


def test_leads_are_reminded_two_weeks_before_the_deadline(vip, spring_2023, albertslund_member, other_member):
    colleague = _user("albertslund2", organisation=albertslund_member.organisation)
    sent = reminders_send(today=spring_2023.deadline - timedelta(days=14))
    assert sent == {"lead": 1, "secretariat": 0}
    assert len(mail.outbox) == 1
    assert sorted(mail.outbox[0].to) == sorted([albertslund_member.email, colleague.email])
    assert "VIP 2" in mail.outbox[0].subject


def test_no_reminder_once_submitted(vip2_spring_draft, spring_2023, albertslund_member):
    report_submit(report=vip2_spring_draft, by=albertslund_member)
    reminders_send(today=spring_2023.deadline - timedelta(days=14))
    assert mail.outbox == []


def test_reminders_are_sent_once_per_day_and_round(vip, spring_2023, albertslund_member):
    day = spring_2023.deadline - timedelta(days=14)
    reminders_send(today=day)
    reminders_send(today=day)
    reminders_send(today=day + timedelta(days=1))
    assert len(mail.outbox) == 1


def test_no_reminder_outside_the_window(vip, spring_2023, albertslund_member):
    reminders_send(today=spring_2023.deadline - timedelta(days=15))
    assert mail.outbox == []


def test_secretariat_gets_the_missing_list_the_day_after(
    vip, vip2_spring_draft, spring_2023, albertslund_member, secretariat
):
    report_submit(report=vip2_spring_draft, by=albertslund_member)
    sent = reminders_send(today=spring_2023.deadline + timedelta(days=1))
    assert sent == {"lead": 0, "secretariat": 1}
    message = mail.outbox[0]
    assert message.to == ["sekretariat@kkr.example"]
    assert "VIP 1" in message.body and "VIP 2:" not in message.body
    assert message.body.count("tovholder mangler") == 6
    reminders_send(today=spring_2023.deadline + timedelta(days=1))
    assert len(mail.outbox) == 1


def test_the_beat_task_runs_the_service(vip, spring_2023, albertslund_member):
    day = (spring_2023.deadline - timedelta(days=14)).isoformat()
    assert send_vip_reminders.delay(day).get() == {"lead": 1, "secretariat": 0}
    assert send_vip_reminders.delay(day).get() == {"lead": 0, "secretariat": 0}
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
    from vip_climate.models import ReminderLog

    day = (spring_2023.deadline - timedelta(days=14)).isoformat()
    assert send_vip_reminders.delay(day).get(timeout=60) == {"lead": 1, "secretariat": 0}
    assert send_vip_reminders.delay(day).get(timeout=60) == {"lead": 0, "secretariat": 0}
    log = ReminderLog.objects.get()
    assert log.recipients == albertslund_member.email and log.project == vip[2]


def test_reminders_are_written_in_the_recipients_language_not_the_callers(
    vip, vip2_spring_draft, spring_2023, albertslund_member, secretariat
):
    """The users have no language of their own, so the mails are Danish even from an English request."""
    from django.utils import translation

    with translation.override("en"):
        reminders_send(today=spring_2023.deadline - timedelta(days=14))
        report_submit(report=vip2_spring_draft, by=albertslund_member)
        reminders_send(today=spring_2023.deadline + timedelta(days=1))
        assert translation.get_language() == "en"
    lead, secretariat_notice = mail.outbox
    assert lead.subject.startswith("Påmindelse: status for VIP 2 (Forår 2023) senest ")
    assert "Statusrapporten for Forår 2023 er endnu ikke indsendt." in lead.body
    assert secretariat_notice.subject == "Manglende VIP-statusrapporter for Forår 2023"
    assert "er overskredet. Disse rapporter er ikke indsendt:" in secretariat_notice.body
    assert "tovholder mangler" in secretariat_notice.body
