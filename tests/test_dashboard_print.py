"""The dashboard in a real Chromium: one A4 landscape page when printed, a phone's width, axe-clean."""

import subprocess

import pytest

from tests.conftest import axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _pages(pdf: bytes, tmp_path) -> int:
    path = tmp_path / "dashboard.pdf"
    path.write_bytes(pdf)
    info = subprocess.run(["pdfinfo", str(path)], check=True, capture_output=True, text=True).stdout
    fields = dict(line.split(":", 1) for line in info.splitlines() if ":" in line)
    width, height = (float(v) for v in fields["Page size"].split("pts")[0].split("x"))
    assert width > height  # landscape
    return int(fields["Pages"])


@pytest.mark.parametrize("query", ["", "?runde=2023-spring&aar=2024"])
def test_the_dashboard_prints_on_one_a4_landscape_page(page_for, board_member, tmp_path, query):
    page = page_for(board_member)
    page.goto(f"/{query}")
    page.emulate_media(media="print")
    assert not page.locator("nav.navbar").is_visible() and not page.locator("form").first.is_visible()
    assert page.get_by_role("heading", name="Kræver opmærksomhed").is_visible()
    pdf = page.pdf(format="A4", landscape=True, prefer_css_page_size=True, print_background=True)
    assert _pages(pdf, tmp_path) == 1


def test_the_dashboard_fits_a_phone_and_has_no_wcag_violations(page_for, board_member):
    page = page_for(board_member, viewport={"width": 390, "height": 844})
    page.goto("/?runde=2023-spring&aar=2023")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.get_by_text("punkter mere").click()  # the folded rest of the list opens
    assert page.locator(".attention-more[open]").count() == 1
    assert axe_violations(page) == []
