"""A spring 2023 round for VIP 2 in a real Chromium: submit, return, fix, resubmit, approve; axe on each page."""

import pytest
from django.conf import settings

from tests.conftest import axe_violations
from vip_climate.models import StatusReport

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def fresh_session(client):
    """page_for logs in through the test client; forget its cookie so the next login does not end this one."""
    client.cookies.pop(settings.SESSION_COOKIE_NAME, None)


def test_the_spring_2023_round_in_the_browser(page_for, client, vip, albertslund_member, secretariat):
    lead = page_for(albertslund_member, viewport={"width": 375, "height": 800})
    lead.goto("/vip/")
    assert lead.get_by_role("heading", level=1).inner_text() == "Klima-VIP-projekter"
    assert axe_violations(lead) == []

    lead.goto("/vip/projekter/2/")
    assert axe_violations(lead) == []
    lead.get_by_label("Start statusrapport for runden").select_option("2023-spring")
    lead.get_by_role("button", name="Start rapport").click()
    lead.wait_for_url("**/rediger/")
    assert axe_violations(lead) == []
    lead.get_by_label("Samlet status").select_option("challenges")
    lead.get_by_label("Ændringer").fill("Albertslund er tovholder fra november 2022.")
    lead.get_by_role("button", name="Gem og indsend").click()
    lead.wait_for_url("**/rapporter/*/")
    assert "Indsendt" in lead.content()
    report = StatusReport.objects.get(project=vip[2], period__year=2023, period__half="spring")
    assert report.state == "submitted"

    fresh_session(client)
    office = page_for(secretariat)
    office.goto("/vip/behandling/")
    assert axe_violations(office) == []
    office.get_by_role("link", name="Behandl VIP 2").click()
    office.get_by_label("Kommentar til tovholderen").fill("Beskriv udfordringerne, tak.")
    office.get_by_role("button", name="Send retur").click()
    office.wait_for_url("**/behandling/")
    report.refresh_from_db()
    assert report.state == "returned"

    lead.goto(f"/vip/rapporter/{report.pk}/rediger/")
    assert "Beskriv udfordringerne, tak." in lead.content()
    lead.get_by_label("Udfordringer").fill("Få ressourcer i kommunerne.")
    lead.get_by_role("button", name="Gem og indsend").click()
    lead.wait_for_url("**/rapporter/*/")
    report.refresh_from_db()
    assert report.state == "submitted" and report.challenges == "Få ressourcer i kommunerne."

    office.goto(f"/vip/rapporter/{report.pk}/")
    assert axe_violations(office) == []
    office.get_by_role("button", name="Godkend").click()
    office.wait_for_url("**/behandling/")
    report.refresh_from_db()
    assert report.state == "approved"

    office.goto("/vip/runde/2023-spring/")
    assert "Godkendt" in office.content()
    assert axe_violations(office) == []


def test_the_matrices_have_no_wcag_violations(page_for, vip, board_member):
    page = page_for(board_member)
    for url in ("/vip/deltagelse/", "/vip/forpligtelser/", "/organisationer/albertslund/"):
        page.goto(url)
        assert axe_violations(page) == [], url
