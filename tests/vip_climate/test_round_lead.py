"""Running a round: starting reports, round states, closing and reopening (issue #13)."""

from datetime import date

import pytest
from django.urls import reverse

from core.models import ReportingPeriod
from core.periods import PeriodError, closing_history, period_close, period_reopen
from core.workflow import RoundClosed, report_return, report_save, report_submit
from vip_climate.models import Project, StatusReport
from vip_climate.services import status_report_start

pytestmark = pytest.mark.django_db


def start_url(number):
    return reverse("vip_climate:report_start", args=[number])


# --- starting a report -----------------------------------------------------------------------------


def test_a_round_that_has_not_begun_is_refused_when_posted(client, secretariat, vip):
    Project.objects.filter(number=2).update(end_year=2100)
    future = ReportingPeriod.get_or_create_for(2099, "spring")
    client.force_login(secretariat)
    response = client.post(start_url(2), {"period": future.code}, follow=True)
    assert response.status_code == 200
    assert "er ikke begyndt endnu" in response.content.decode()
    assert not StatusReport.objects.filter(period=future).exists()


def test_the_service_refuses_a_round_that_has_not_begun(vip, secretariat):
    Project.objects.filter(number=2).update(end_year=2100)
    future = ReportingPeriod.get_or_create_for(2099, "autumn")
    with pytest.raises(Exception, match="ikke begyndt"):
        status_report_start(project=Project.objects.get(number=2), period=future, by=secretariat)
    assert not StatusReport.objects.filter(period=future).exists()


def test_a_round_outside_the_projects_period_is_refused(client, secretariat, vip):
    outside = ReportingPeriod.get_or_create_for(2025, "spring")  # the projects run 2020–2023
    client.force_login(secretariat)
    response = client.post(start_url(2), {"period": outside.code}, follow=True)
    assert "uden for projektets periode" in response.content.decode()
    assert not StatusReport.objects.filter(period=outside).exists()


@pytest.mark.parametrize("code", ["2023-spring'", "9999-autumn", "x" * 300, "2023-spring\x00"])
def test_a_strange_posted_round_is_a_message_not_a_500(client, secretariat, vip, code):
    client.force_login(secretariat)
    response = client.post(start_url(2), {"period": code})
    assert response.status_code == 302


def test_the_project_page_offers_only_begun_rounds_of_its_period_and_proposes_the_newest(
    client, secretariat, vip
):
    Project.objects.filter(number=5).update(end_year=2100)
    ReportingPeriod.get_or_create_for(2099, "spring")
    client.force_login(secretariat)
    response = client.get(reverse("vip_climate:project_detail", args=[5]))
    codes = [p.code for p in response.context["startable"]]
    assert "2099-spring" not in codes
    assert response.context["proposed"] == response.context["startable"][-1]
    assert f'<option value="{response.context["proposed"].code}" selected>' in response.content.decode()


def test_a_report_started_from_the_previous_text_says_so(client, albertslund_member, vip2_spring_draft):
    client.force_login(albertslund_member)
    body = client.get(reverse("vip_climate:report_edit", args=[vip2_spring_draft.pk])).content.decode()
    assert "Udfyldt med teksten fra Efterår 2022 — ret det, der er ændret" in body


# --- the round page --------------------------------------------------------------------------------


def test_the_round_page_shows_every_state(
    client, secretariat, albertslund_member, vip, spring_2023, django_assert_max_num_queries
):
    status_report_start(project=vip[1], period=spring_2023, by=secretariat)
    submitted = status_report_start(project=vip[2], period=spring_2023, by=secretariat)
    report_submit(report=submitted, by=secretariat)
    returned = status_report_start(project=vip[3], period=spring_2023, by=secretariat)
    report_submit(report=returned, by=secretariat)
    report_return(report=returned, by=secretariat, comment="Mere om budget")
    approved = status_report_start(project=vip[4], period=spring_2023, by=secretariat)
    report_submit(report=approved, by=secretariat)
    from core.workflow import report_approve

    report_approve(report=approved, by=secretariat)
    client.force_login(secretariat)
    with django_assert_max_num_queries(14):
        response = client.get(reverse("vip_climate:round_period", args=[spring_2023.code]))
    states = {row["project"].number: row["state"] for row in response.context["rows"]}
    assert states[1]["code"] == "draft" and states[1]["overdue"]  # the 2023 deadline has passed
    assert states[2]["code"] == "submitted" and not states[2]["overdue"]
    assert states[3]["code"] == "returned" and states[3]["since"] is not None and states[3]["overdue"]
    assert states[4]["code"] == "approved" and not states[4]["overdue"]
    assert states[5]["code"] == "not_started" and states[5]["overdue"]
    body = response.content.decode()
    for label in ("Kladde", "Indsendt", "Sendt retur", "Godkendt", "Ikke startet", "Forsinket", "siden "):
        assert label in body, label


def test_a_round_before_its_deadline_is_not_overdue(vip, spring_2023):
    from vip_climate.selectors import round_matrix

    rows = round_matrix(spring_2023, today=date(2023, 3, 15))
    assert rows and not any(row["state"]["overdue"] for row in rows)


# --- closing and reopening -------------------------------------------------------------------------


def close_url(period):
    return reverse("vip_climate:round_close", args=[period.code])


def reopen_url(period):
    return reverse("vip_climate:round_reopen", args=[period.code])


def test_a_closed_round_is_read_only_in_the_services(vip2_spring_draft, secretariat, spring_2023):
    period_close(period=spring_2023, by=secretariat)
    vip2_spring_draft.refresh_from_db()
    with pytest.raises(RoundClosed):
        report_save(report=vip2_spring_draft, fields={"changes": "x"}, expected_version=1, by=secretariat)
    with pytest.raises(RoundClosed):
        report_submit(report=vip2_spring_draft, by=secretariat)
    vip2_spring_draft.refresh_from_db()
    assert vip2_spring_draft.changes == "" and vip2_spring_draft.version == 1
    with pytest.raises(RoundClosed):
        status_report_start(
            project=vip2_spring_draft.project.__class__.objects.get(number=1),
            period=spring_2023,
            by=secretariat,
        )


def test_a_closed_round_refuses_the_forms_with_a_message(
    client, albertslund_member, secretariat, vip2_spring_draft, spring_2023
):
    from tests.vip_climate.test_views import form_data

    period_close(period=spring_2023, by=secretariat)
    client.force_login(albertslund_member)
    edit = reverse("vip_climate:report_edit", args=[vip2_spring_draft.pk])
    response = client.get(edit, follow=True)
    assert "er lukket" in response.content.decode()
    assert response.redirect_chain[-1][0] == reverse("vip_climate:report_detail", args=[vip2_spring_draft.pk])
    response = client.post(edit, form_data(vip2_spring_draft, changes="sent efter lukning"), follow=True)
    assert "er lukket" in response.content.decode()
    submit = reverse("vip_climate:report_submit", args=[vip2_spring_draft.pk])
    response = client.post(submit, {"version": vip2_spring_draft.version}, follow=True)
    assert "er lukket" in response.content.decode()
    vip2_spring_draft.refresh_from_db()
    assert vip2_spring_draft.changes == "" and vip2_spring_draft.state == "draft"


def test_the_secretariat_closes_and_reopens_with_a_reason(
    client, secretariat, vip2_spring_draft, spring_2023
):
    client.force_login(secretariat)
    assert client.post(close_url(spring_2023)).status_code == 302
    spring_2023.refresh_from_db()
    assert spring_2023.is_closed and spring_2023.closed_by == secretariat
    # No reason: the form again with its error, the round still closed.
    response = client.post(reopen_url(spring_2023), {"reason": "  "})
    assert response.status_code == 400
    spring_2023.refresh_from_db()
    assert spring_2023.is_closed
    client.post(reopen_url(spring_2023), {"reason": "VIP 2 fik udsat fristen"})
    spring_2023.refresh_from_db()
    assert not spring_2023.is_closed
    events = closing_history(spring_2023)
    assert [e["closed"] for e in events] == [False, True]
    assert events[0]["reason"] == "VIP 2 fik udsat fristen" and events[0]["by"] == secretariat
    page = client.get(reverse("vip_climate:round_period", args=[spring_2023.code])).content.decode()
    assert "VIP 2 fik udsat fristen" in page
    # Open again: the lead may edit.
    vip2_spring_draft.refresh_from_db()
    assert vip2_spring_draft.is_editable


def test_closing_twice_or_reopening_an_open_round_is_refused(secretariat, spring_2023, vip):
    with pytest.raises(PeriodError):
        period_reopen(period=spring_2023, by=secretariat, reason="x")
    period_close(period=spring_2023, by=secretariat)
    with pytest.raises(PeriodError):
        period_close(period=spring_2023, by=secretariat)


@pytest.mark.parametrize("who", ["albertslund_member", "board_member", "other_member"])
def test_only_the_secretariat_closes_or_reopens(client, request, who, spring_2023, secretariat, vip):
    client.force_login(request.getfixturevalue(who))
    assert client.post(close_url(spring_2023)).status_code == 403
    period_close(period=spring_2023, by=secretariat)
    assert client.post(reopen_url(spring_2023), {"reason": "fordi"}).status_code == 403
    spring_2023.refresh_from_db()
    assert spring_2023.is_closed


def test_closing_an_unknown_round_is_404_and_get_is_405(client, secretariat, vip):
    client.force_login(secretariat)
    assert client.post(reverse("vip_climate:round_close", args=["2023"])).status_code == 404
    assert client.post(reverse("vip_climate:round_close", args=["nope"])).status_code == 404
    assert client.get(reverse("vip_climate:round_close", args=["2023-spring"])).status_code == 405


# --- review of a resubmitted report ----------------------------------------------------------------


def test_a_resubmitted_report_is_diffed_against_the_returned_version_with_the_comment(
    client, albertslund_member, secretariat, vip2_spring_draft
):
    report = vip2_spring_draft
    report_save(
        report=report,
        fields={"challenges": "Første udkast"},
        expected_version=report.version,
        by=albertslund_member,
    )
    report_submit(report=report, by=albertslund_member)
    report_return(report=report, by=secretariat, comment="Skriv mere om økonomien")
    report_save(
        report=report,
        fields={"challenges": "Første udkast\nØkonomien er stram"},
        expected_version=report.version,
        by=albertslund_member,
    )
    report_submit(report=report, by=albertslund_member)
    client.force_login(secretariat)
    response = client.get(reverse("vip_climate:report_detail", args=[report.pk]))
    body = response.content.decode()
    assert "Ændret siden versionen, der blev sendt retur" in body
    assert "Skriv mere om økonomien" in body
    changes = response.context["changes"]
    lines = [(line["added"], line["text"]) for change in changes for line in change["lines"]]
    # Only what changed since the return, not everything since last year's approved text.
    assert lines == [(True, "Økonomien er stram")]
    assert "Ændret siden den afsluttede rapport" not in body


def test_a_closed_round_offers_no_review_and_refuses_one(
    client, secretariat, albertslund_member, vip2_spring_draft, spring_2023
):
    report_submit(report=vip2_spring_draft, by=albertslund_member)
    period_close(period=spring_2023, by=secretariat)
    client.force_login(secretariat)
    detail = client.get(reverse("vip_climate:report_detail", args=[vip2_spring_draft.pk]))
    assert not detail.context["can_review"] and "kan kun læses" in detail.content.decode()
    url = reverse("vip_climate:report_approve", args=[vip2_spring_draft.pk])
    response = client.post(url, {"version": vip2_spring_draft.version}, follow=True)
    assert "er lukket" in response.content.decode()
    vip2_spring_draft.refresh_from_db()
    assert vip2_spring_draft.state == "submitted"


def test_a_round_that_has_not_begun_offers_no_start_button(client, secretariat, vip):
    Project.objects.update(end_year=2100)
    future = ReportingPeriod.get_or_create_for(2099, "spring")
    client.force_login(secretariat)
    body = client.get(reverse("vip_climate:round_period", args=[future.code])).content.decode()
    assert "Start rapport" not in body
