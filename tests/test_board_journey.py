"""Issue #14's journey in a real Chromium: a board member reads the dashboard, picks a round without data and
is told so, then compares the municipalities, sorts by SOSU shortfall, exports and opens a municipality."""

from pathlib import Path

import pytest

from tests.comparison.test_browser import realised  # noqa: F401  (the fixture: two municipalities short)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_board_member_reads_the_dashboard_then_compares_the_municipalities(
    page_for,
    board_member,
    realised,  # noqa: F811
):
    page = page_for(board_member)
    page.goto("/")

    # The status bar of the contract's goals: each part's count in words, not colour alone.
    contract = page.locator("section.card", has=page.locator("#tile-contracts"))
    assert "afventer data" in contract.inner_text()
    # The attention list: counted, ordered, with links; the 7+3 projects without a lead among them.
    attention = page.locator("section.attention")
    assert attention.get_by_role("heading", name="Kræver opmærksomhed").is_visible()
    assert "punkter, de vigtigste først." in attention.inner_text()
    assert attention.get_by_role("link", name="Ring 5 Syd").count() == 1

    # A round nobody has reported in says so, in the list and in the VIP panel.
    page.locator("#period-round").select_option("2025-spring")
    page.get_by_role("button", name="Vis", exact=True).click()
    page.wait_for_url("**runde=2025-spring**")
    assert "Ingen data for Forår 2025" in page.locator("section.attention").inner_text()
    assert "Klima-VIP-projekter: ingen statusrapporter i runden." in page.content()

    # The comparison: sorted by the assistants' shortfall, exported, and a municipality opened from its row.
    # Opened from the dashboard for the period shown there.
    page.goto("/?aar=2023")
    page.get_by_role("link", name="Sammenlign kommunerne for perioden").click()
    page.wait_for_url("**/sammenligning/?runde=**&aar=2023")
    header = page.locator("th", has=page.get_by_role("link", name="Manko (fordelt − realiseret)")).last
    header.get_by_role("link").click()
    page.wait_for_url("**sort=sosu-social-og-sundhedsassistent-shortfall**")
    first = page.locator("tbody tr th").first.inner_text()
    assert first == "Gribskov"
    with page.expect_download() as download:
        page.get_by_role("link", name="Hent som XLSX").click()
    assert download.value.suggested_filename.endswith(".xlsx")
    assert Path(download.value.path()).read_bytes()[:2] == b"PK"
    page.locator("tbody tr").first.get_by_role("link", name="Gribskov").click()
    page.wait_for_url("**/organisationer/gribskov/")
    assert page.locator("h1").inner_text() == "Gribskov"
