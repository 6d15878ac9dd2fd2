"""The round-lead screens in a real Chromium: the landing list, the Markdown preview, closing a round."""

import pytest

from core.models import ReportingPeriod
from tests.conftest import axe_violations, click_and_load
from vip_climate.models import Project

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 800}


def no_sideways_scroll(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_the_lead_starts_from_the_landing_list_and_previews_a_list(page_for, vip, albertslund_member):
    Project.objects.update(end_year=2100)
    current = ReportingPeriod.current_round()
    page = page_for(albertslund_member, viewport=PHONE)
    page.goto("/start/")
    page.wait_for_url("**/organisationer/albertslund/")
    assert "1 opgave venter" in page.content()
    assert axe_violations(page) == [] and no_sideways_scroll(page)
    page.get_by_role("button", name="Start rapporten").click()
    page.wait_for_url("**/rediger/")
    assert current.label in page.content()
    assert axe_violations(page) == [] and no_sideways_scroll(page)
    page.get_by_label("Status", exact=True).fill("- første punkt\n- andet punkt\n<script>alert(1)</script>")
    page.locator("#div_id_status_text").get_by_role("button", name="Forhåndsvis").click()
    preview = page.locator("#id_status_text-preview")
    preview.locator("li").nth(1).wait_for()
    assert preview.locator("li").all_inner_texts() == ["første punkt", "andet punkt"]
    assert "<script>alert(1)</script>" in preview.inner_text()
    assert axe_violations(page) == []


def test_the_secretariat_closes_and_reopens_a_round(page_for, vip, secretariat):
    page = page_for(secretariat)
    page.goto("/vip/runde/2023-spring/")
    assert axe_violations(page) == []
    click_and_load(page.get_by_role("button", name="Luk runden"))
    assert page.url.endswith("/vip/runde/2023-spring/")
    assert "er lukket" in page.content()
    # No reason: the browser refuses to send the form (the field is required), so nothing navigates.
    page.get_by_role("button", name="Genåbn runden").click()
    assert page.get_by_label("Hvorfor genåbnes runden?").evaluate("field => !field.validity.valid")
    assert axe_violations(page) == []
    page.get_by_label("Hvorfor genåbnes runden?").fill("Fristen er rykket")
    click_and_load(page.get_by_role("button", name="Genåbn runden"))
    assert page.url.endswith("/vip/runde/2023-spring/")
    assert "Fristen er rykket" in page.content()
    assert not ReportingPeriod.objects.get(year=2023, half="spring").is_closed
    assert axe_violations(page) == []
