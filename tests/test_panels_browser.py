"""The contract and VIP panels in a real browser, in Danish and English: axe-clean with their tables
opened, valid HTML, and no sideways scroll at phone width."""

import pytest
from django.conf import settings

from core.models import ReportingPeriod
from core.workflow import report_submit
from tests.conftest import axe_violations
from tests.contracts.panel_data import measure_the_2023_contract
from tests.test_axe_crawl import require_vnu, validate_html
from vip_climate.models import Project
from vip_climate.services import status_report_start

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}


@pytest.mark.parametrize("language", ["da", "en"])
def test_the_panels_are_accessible_valid_and_fit_a_phone(
    page_for, live_server, board_member, secretariat, kkr_data, language, tmp_path
):
    measure_the_2023_contract()
    spring = ReportingPeriod.get_or_create_for(2023, "spring")
    status_report_start(project=Project.objects.get(number=2), period=spring, by=secretariat)
    report_submit(
        report=status_report_start(project=Project.objects.get(number=3), period=spring, by=secretariat),
        by=secretariat,
    )
    sources = {}
    for viewport in ({"width": 1280, "height": 900}, PHONE):
        page = page_for(board_member, viewport=viewport)
        page.context.add_cookies(
            [{"name": settings.LANGUAGE_COOKIE_NAME, "value": language, "url": live_server.url}]
        )
        for url in ("/?runde=2023-spring&aar=2023", "/?runde=2022-autumn&aar=2023"):
            response = page.goto(url)
            sources[url] = response.text()
            assert page.locator("#tile-contracts ~ figure svg.kkr-chart").count() == 2
            assert page.locator(".trend-list svg.kkr-chart").count() == 2
            for summary in page.locator("details > summary").all():
                summary.click()
            assert axe_violations(page) == []
            width = page.evaluate("() => document.documentElement.scrollWidth")
            assert width <= viewport["width"], f"{url} is {width} px wide at {viewport['width']} px"
    require_vnu("axe and widths checked")
    assert validate_html(sources, tmp_path) == {}
