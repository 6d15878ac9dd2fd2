"""The lead's landing page starts with what the lead must do (issue #13)."""

from datetime import date

import pytest
from django.urls import reverse

from core.models import Organisation, ReportingPeriod
from core.periods import period_close
from core.workflow import report_return, report_submit
from vip_climate import portal
from vip_climate.models import LeadPeriod, Project
from vip_climate.services import status_report_start

pytestmark = pytest.mark.django_db


@pytest.fixture
def current_round(vip):
    """The round of today's date, with every project running in it."""
    Project.objects.update(end_year=2100)
    return ReportingPeriod.current_round()


def lead(project, organisation):
    LeadPeriod.objects.create(project=project, organisation=organisation, starts=date(2020, 1, 1))


def landing(client, user):
    return client.get(reverse("organisation_detail", args=[user.organisation.slug]))


def test_a_lead_sees_the_report_due_with_deadline_state_and_a_start_button(
    client, albertslund_member, current_round
):
    client.force_login(albertslund_member)
    response = landing(client, albertslund_member)
    body = response.content.decode()
    assert "Det skal du gøre" in body
    assert "1 opgave venter" in body
    assert f"VIP 2: Håndtering af madspild · {current_round.label}" in body
    assert "Ikke startet" in body and "Start rapporten" in body
    assert f'value="{current_round.code}"' in body
    # The button starts the proposed round's report.
    start = client.post(reverse("vip_climate:report_start", args=[2]), {"period": current_round.code})
    assert start.status_code == 302 and "/rediger/" in start["Location"]
    body = landing(client, albertslund_member).content.decode()
    assert "Kladde" in body and "Fortsæt rapporten" in body


def test_plurals_count_the_reports(client, albertslund_member, current_round, vip):
    lead(vip[4], albertslund_member.organisation)
    client.force_login(albertslund_member)
    assert "2 opgaver venter" in landing(client, albertslund_member).content.decode()


def test_a_returned_report_shows_the_secretariats_comment(
    client, albertslund_member, secretariat, vip2_spring_draft
):
    report_submit(report=vip2_spring_draft, by=albertslund_member)
    report_return(report=vip2_spring_draft, by=secretariat, comment="Tilføj tal for madspild")
    client.force_login(albertslund_member)
    body = landing(client, albertslund_member).content.decode()
    assert "Sendt retur" in body and "Tilføj tal for madspild" in body
    assert reverse("vip_climate:report_edit", args=[vip2_spring_draft.pk]) in body


def test_a_submitted_report_is_no_longer_waiting(albertslund_member, secretariat, vip, spring_2023):
    today = date(2023, 4, 1)
    assert len(portal.lead_duties(albertslund_member, today)) == 1
    report = status_report_start(project=vip[2], period=spring_2023, by=albertslund_member, today=today)
    report_submit(report=report, by=albertslund_member)
    assert portal.lead_duties(albertslund_member, today) == []


def test_a_closed_round_asks_nothing(albertslund_member, secretariat, vip, spring_2023):
    period_close(period=spring_2023, by=secretariat)
    assert portal.lead_duties(albertslund_member, date(2023, 4, 1)) == []


def test_a_user_with_nothing_due_is_told_so(client, other_member, current_round):
    client.force_login(other_member)
    body = landing(client, other_member).content.decode()
    assert "Du har ingen opgaver, der venter." in body


def test_the_list_is_on_the_members_own_organisation_page_only(
    client, albertslund_member, board_member, current_round
):
    client.force_login(albertslund_member)
    assert "Det skal du gøre" not in client.get("/organisationer/koebenhavn/").content.decode()
    client.force_login(board_member)
    assert "Det skal du gøre" not in client.get("/organisationer/albertslund/").content.decode()


def test_the_list_has_a_flat_query_count(
    albertslund_member, current_round, vip, django_assert_max_num_queries
):
    with django_assert_max_num_queries(6):
        assert len(portal.lead_duties(albertslund_member)) == 1
    for number in (1, 3, 4, 5, 6, 7):
        lead(vip[number], albertslund_member.organisation)
    status_report_start(project=Project.objects.get(number=3), period=current_round, by=albertslund_member)
    with django_assert_max_num_queries(6):
        assert len(portal.lead_duties(albertslund_member)) == 7


def test_the_landing_page_has_a_flat_query_count(
    client, albertslund_member, current_round, vip, django_assert_max_num_queries
):
    client.force_login(albertslund_member)
    landing(client, albertslund_member)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from core import dashboard_cache

    # Both measured without the page's cache (the writes below invalidate it; flat must hold uncached).
    dashboard_cache.forget_all()
    with CaptureQueriesContext(connection) as one:
        landing(client, albertslund_member)
    for number in (1, 3, 4, 5, 6, 7):
        lead(vip[number], Organisation.objects.get(slug="albertslund"))
    dashboard_cache.forget_all()
    with django_assert_max_num_queries(len(one.captured_queries)):
        body = landing(client, albertslund_member).content.decode()
    assert "7 opgaver venter" in body
