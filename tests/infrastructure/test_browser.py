"""The infrastructure pages in a real Chromium, checked with axe-core (WCAG 2.1 AA)."""

import pytest

from core.workflow import report_submit
from infrastructure import services
from infrastructure.models import SubCriterion
from tests.conftest import axe_violations, click_and_load

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PAGES = [
    "/infrastructure/",
    "/infrastructure/projekter/hilleroed-frederikssund-motorvejene/",
    "/infrastructure/matrix/",
    "/infrastructure/mobilitetsanalyse/",
    "/infrastructure/projekter/ring-5-syd/overslag/",
    "/infrastructure/projekter/ring-5-syd/vurdering/2.1/",
    "/infrastructure/projekter/nyt/",
]


@pytest.fixture
def assessed(infra, secretariat):
    services.assessment_set(
        project=infra["ring-5-syd"],
        sub_criterion=SubCriterion.objects.get(code="2.1"),
        level="score",
        score=2,
        rationale="Kortere rejsetid",
        by=secretariat,
    )
    return infra


@pytest.mark.parametrize("url", PAGES)
def test_the_pages_have_no_wcag_violations_for_the_secretariat(page_for, secretariat, assessed, url):
    page = page_for(secretariat)
    page.goto(url)
    assert page.locator("h1").count() == 1
    assert axe_violations(page) == []


def test_the_overview_works_at_phone_width(page_for, albertslund_member, infra):
    page = page_for(albertslund_member, viewport={"width": 375, "height": 740})
    page.goto("/infrastructure/")
    assert page.get_by_role("link", name="Ring 5 Syd").first.is_visible()
    assert axe_violations(page) == []


def test_a_lead_files_a_follow_up_in_the_browser(page_for, led_project, hilleroed_member):
    page = page_for(hilleroed_member)
    page.goto("/infrastructure/projekter/hilleroed-station/")
    page.get_by_role("textbox", name="År", exact=True).fill("2025")
    click_and_load(page.get_by_role("button", name="Start opfølgning"))
    page.get_by_role("textbox", name="Status", exact=True).fill("Projektering i gang")
    assert axe_violations(page) == []
    click_and_load(page.get_by_role("button", name="Gem og send til sekretariatet"))
    assert "Indsendt" in page.locator("main").inner_text()


def test_the_secretariat_reviews_in_the_browser(page_for, led_project, hilleroed_member, secretariat):
    report = services.follow_up_start(project=led_project, year=2025, by=hilleroed_member)
    report_submit(report=report, by=hilleroed_member)
    page = page_for(secretariat)
    page.goto(f"/infrastructure/opfoelgning/{report.pk}/")
    assert axe_violations(page) == []
    click_and_load(page.get_by_role("button", name="Godkend"))
    assert "Godkendt" in page.locator("main").inner_text()
