"""The board's journeys in a real Chromium, on the loaded KKR data."""

import pytest

from tests.conftest import axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_board_member_reads_the_dashboard_and_opens_a_project(page_for, board_member, kkr_data):
    page = page_for(board_member)
    page.goto("/")
    page.get_by_label("Statusrunde").select_option("2022-autumn")
    page.get_by_label("År", exact=True).select_option("2022")
    page.get_by_role("button", name="Vis").click()
    page.wait_for_url("**/?runde=2022-autumn&aar=2022")
    assert "Viser statusrunden Efterår 2022 og året 2022." in page.locator("main").inner_text()
    assert axe_violations(page) == []
    page.get_by_role("link", name="Klima-VIP-projekter").first.click()
    page.wait_for_url("**/vip/")
    page.locator("main a[href='/vip/projekter/2/']").first.click()
    page.wait_for_url("**/vip/projekter/2/")
    assert "Albertslund" in page.locator("main").inner_text()


def test_a_board_member_requests_the_annual_report_and_downloads_the_pdf(page_for, board_member, kkr_data):
    page = page_for(board_member)
    page.goto("/reports/")
    page.get_by_label("Årsrapport").check()
    page.get_by_label("Periode").select_option("2023")
    page.get_by_role("button", name="Dan rapporten").click()
    page.wait_for_url("**/reports/job/*/")
    link = page.get_by_role("link", name="Hent PDF")
    link.wait_for(timeout=90000)
    with page.expect_download() as download_info:
        link.click()
    download = download_info.value
    assert download.suggested_filename == "KKR-aarsrapport-2023.pdf"
    with open(download.path(), "rb") as pdf:
        assert pdf.read(5) == b"%PDF-"
