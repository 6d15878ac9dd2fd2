"""The dashboard with the infrastructure and education panels in a real Chromium, in Danish and English:
axe-core WCAG 2.1 AA and the W3C Nu checker at desktop width, no sideways scroll at 390 px."""

import pytest
from django.conf import settings

from tests.conftest import axe_violations
from tests.test_axe_crawl import require_vnu, validate_html

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("language", ["da", "en"])
def test_the_panels_are_accessible_valid_and_fit_a_phone(
    page_for, live_server, board_member, kkr_data, language, tmp_path
):
    cookie = [{"name": settings.LANGUAGE_COOKIE_NAME, "value": language, "url": live_server.url}]
    desktop = page_for(board_member)
    desktop.context.add_cookies(cookie)
    source = desktop.goto("/").text()  # the HTML as served, for the Nu checker
    for app in ("infrastructure", "education"):
        assert desktop.locator(f"section:has(#tile-{app}) svg.kkr-chart").count() == 1
        assert desktop.locator(f"section:has(#tile-{app}) figcaption").count() == 1
    desktop.locator("section:has(#tile-infrastructure) details summary").click()
    assert desktop.locator("section:has(#tile-infrastructure) details table").is_visible()
    assert axe_violations(desktop) == []

    phone = page_for(board_member, viewport={"width": 390, "height": 800})
    phone.context.add_cookies(cookie)
    phone.goto("/")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390

    require_vnu("axe and width checked")
    assert validate_html({"/": source}, tmp_path) == {}
