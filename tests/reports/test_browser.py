"""The report pages in a real Chromium: request a report, follow it to the download, axe-core clean."""

import pytest

from core.models import ReportingPeriod
from reports import services
from reports.models import ReportJob
from tests.conftest import axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_secretariat_requests_a_report_and_gets_the_download_link(page_for, secretariat, no_areas):
    page = page_for(secretariat)
    page.goto("/reports/")
    assert page.get_by_role("heading", level=1).inner_text() == "Rapporter"
    assert axe_violations(page) == []
    page.get_by_label("Halvårsstatus for klima-VIP-projekterne").check()
    page.get_by_label("Periode").select_option("2022-autumn")
    page.get_by_role("button", name="Dan rapporten").click()
    page.wait_for_url("**/reports/job/*/")
    page.get_by_role("link", name="Hent PDF").wait_for(timeout=60000)
    assert "Færdig" in page.locator("#job-status").inner_text()
    assert axe_violations(page) == []
    job = ReportJob.objects.get()
    assert job.state == ReportJob.State.DONE and job.requested_by == secretariat


def test_a_failed_job_page_and_the_archive_work_at_phone_width(page_for, board_member, organisations):
    job, _ = services.report_job_request(
        kind=ReportJob.Kind.ANNUAL, period=ReportingPeriod.from_code("2023"), by=board_member, queue=False
    )
    services.report_job_fail(job_id=job.pk, error="Rapporten kunne ikke dannes: prøvefejl")
    page = page_for(board_member, viewport={"width": 375, "height": 740})
    page.goto(f"/reports/job/{job.pk}/")
    assert page.get_by_role("button", name="Forsøg igen").is_visible()
    assert axe_violations(page) == []
    page.goto("/reports/")
    assert axe_violations(page) == []
