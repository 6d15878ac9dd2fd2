"""Which workflow transition e-mails whom, once, in whose language, with a link straight to the report."""

import pytest
from django.utils import translation

from core.workflow import report_approve, report_return, report_submit
from notifications.events import report_transition
from notifications.models import Notification, Preference
from tests.conftest import _user

pytestmark = pytest.mark.django_db

REPORT_URL = "https://portal.kkr.example/vip/rapporter/{pk}/"


def test_submitting_mails_the_secretariat_with_a_link_to_the_report(
    mailbox,
    django_capture_on_commit_callbacks,
    vip2_spring_draft,
    albertslund_member,
    secretariat,
    other_member,
):
    with django_capture_on_commit_callbacks(execute=True):
        report_submit(report=vip2_spring_draft, by=albertslund_member)
    assert [m.to for m in mailbox] == [[secretariat.email]]
    message = mailbox[0]
    assert message.subject == "Indsendt til behandling: VIP 2 · Forår 2023"
    assert "albertslund (Albertslund) har indsendt VIP 2 · Forår 2023." in message.body
    assert REPORT_URL.format(pk=vip2_spring_draft.pk) in message.body
    html = message.alternatives[0][0]
    assert f'href="{REPORT_URL.format(pk=vip2_spring_draft.pk)}"' in html
    assert Notification.objects.get().sent_at is not None


def test_returning_mails_the_leads_users_with_the_comment(
    mailbox,
    django_capture_on_commit_callbacks,
    vip2_spring_draft,
    albertslund_member,
    secretariat,
    other_member,
):
    colleague = _user("albertslund2", organisation=albertslund_member.organisation)
    report_submit(report=vip2_spring_draft, by=albertslund_member)
    mailbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        report_return(
            report=vip2_spring_draft, by=secretariat, comment="Tilføj tal for 2023 & <b>kilder</b>."
        )
    assert sorted(m.to[0] for m in mailbox) == sorted([albertslund_member.email, colleague.email])
    message = mailbox[0]
    assert message.subject == "Sendt retur: VIP 2 · Forår 2023"
    assert "Tilføj tal for 2023 & <b>kilder</b>." in message.body  # plain text: as written
    html = message.alternatives[0][0]
    assert "Tilføj tal for 2023 &amp; &lt;b&gt;kilder&lt;/b&gt;." in html  # HTML: escaped
    assert REPORT_URL.format(pk=vip2_spring_draft.pk) in message.body


def test_approving_mails_the_leads_users(
    mailbox, django_capture_on_commit_callbacks, vip2_spring_draft, albertslund_member, secretariat
):
    report_submit(report=vip2_spring_draft, by=albertslund_member)
    mailbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        report_approve(report=vip2_spring_draft, by=secretariat)
    assert [m.to for m in mailbox] == [[albertslund_member.email]]
    assert mailbox[0].subject == "Godkendt: VIP 2 · Forår 2023"
    assert "KKR-sekretariatet godkendte VIP 2 · Forår 2023 den " in mailbox[0].body


def test_an_event_is_recorded_once_per_recipient_and_a_resubmission_is_a_new_event(
    mailbox, django_capture_on_commit_callbacks, vip2_spring_draft, albertslund_member, secretariat
):
    with django_capture_on_commit_callbacks(execute=True):
        report_submit(report=vip2_spring_draft, by=albertslund_member)
        assert report_transition(vip2_spring_draft) == []  # the same event again: nothing new
        report_return(report=vip2_spring_draft, by=secretariat, comment="Ret det.")
        report_submit(report=vip2_spring_draft, by=albertslund_member)
    kinds = list(Notification.objects.values_list("kind", "email"))
    assert kinds == [
        ("submitted", secretariat.email),
        ("returned", albertslund_member.email),
        ("submitted", secretariat.email),
    ]
    assert len(mailbox) == 3


def test_a_failed_transition_writes_no_mail(mailbox, vip2_spring_draft, secretariat):
    from core.workflow import WorkflowError

    with pytest.raises(WorkflowError):
        report_approve(report=vip2_spring_draft, by=secretariat)  # a draft cannot be approved
    assert not Notification.objects.exists()


def test_each_recipient_reads_their_own_language_whatever_the_callers(
    mailbox, django_capture_on_commit_callbacks, vip2_spring_draft, english, secretariat
):
    colleague = _user("albertslund2", organisation=english.organisation)  # no preference: Danish
    report_submit(report=vip2_spring_draft, by=english)
    mailbox.clear()
    with translation.override("en"), django_capture_on_commit_callbacks(execute=True):
        report_return(report=vip2_spring_draft, by=secretariat, comment="Ret tallene.")
    by_address = {m.to[0]: m for m in mailbox}
    assert by_address[english.email].subject == "Returned: VIP 2 · Spring 2023"
    assert "The secretariat's comment:" in by_address[english.email].body
    assert "Open the report:" in by_address[english.email].body
    assert by_address[colleague.email].subject == "Sendt retur: VIP 2 · Forår 2023"
    assert "Sekretariatets kommentar:" in by_address[colleague.email].body
    assert '<html lang="en">' in by_address[english.email].alternatives[0][0]


def test_the_secretariat_mailbox_is_used_when_no_secretariat_user_has_an_address(
    mailbox, django_capture_on_commit_callbacks, vip2_spring_draft, albertslund_member, secretariat
):
    secretariat.email = ""
    secretariat.save()
    with django_capture_on_commit_callbacks(execute=True):
        report_submit(report=vip2_spring_draft, by=albertslund_member)
    assert [m.to for m in mailbox] == [["sekretariat@kkr.example"]]
    assert Notification.objects.get().language == "da"


def test_inactive_users_and_users_without_address_get_nothing(
    mailbox, django_capture_on_commit_callbacks, vip2_spring_draft, albertslund_member, secretariat
):
    _user("albertslund-gone", organisation=albertslund_member.organisation).__class__.objects.filter(
        username="albertslund-gone"
    ).update(is_active=False)
    no_address = _user("albertslund-noaddr", organisation=albertslund_member.organisation)
    no_address.email = ""
    no_address.save()
    report_submit(report=vip2_spring_draft, by=albertslund_member)
    with django_capture_on_commit_callbacks(execute=True):
        report_approve(report=vip2_spring_draft, by=secretariat)
    assert list(Notification.objects.filter(kind="approved").values_list("email", flat=True)) == [
        albertslund_member.email
    ]


def test_an_infrastructure_follow_up_is_mailed_too(
    mailbox, django_capture_on_commit_callbacks, organisations, secretariat
):
    from infrastructure.models import FollowUpReport, Project

    hilleroed = organisations["Hillerød"]
    member = _user("hilleroed", organisation=hilleroed)
    report = FollowUpReport.objects.create(project=Project.objects.first(), year=2024, lead=hilleroed)
    report_submit(report=report, by=member)
    with django_capture_on_commit_callbacks(execute=True):
        report_return(report=report, by=secretariat, comment="Mangler milepæle.")
    assert [m.to for m in mailbox] == [[member.email]]
    assert f"https://portal.kkr.example/infrastructure/opfoelgning/{report.pk}/" in mailbox[0].body


def test_weekly_recipients_get_no_immediate_mail(
    mailbox, django_capture_on_commit_callbacks, vip2_spring_draft, albertslund_member, secretariat
):
    Preference.objects.create(user=secretariat, frequency=Preference.Frequency.WEEKLY)
    with django_capture_on_commit_callbacks(execute=True):
        report_submit(report=vip2_spring_draft, by=albertslund_member)
    assert mailbox == []
    row = Notification.objects.get()
    assert row.digest and row.sent_at is None
