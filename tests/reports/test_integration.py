"""The reports with the real areas merged: every section renders from the loaded KKR data."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from core.models import ReportingPeriod
from reports import services
from reports.models import ReportJob
from tests.reports.conftest import pdf_text

pytestmark = pytest.mark.django_db


def render(kind, code, by):
    job, _ = services.report_job_request(
        kind=kind, period=ReportingPeriod.from_code(code), by=by, queue=False
    )
    services.report_job_run(job_id=job.pk)
    job.refresh_from_db()
    assert job.state == ReportJob.State.DONE, job.error
    return job


def test_the_annual_report_holds_all_four_areas_from_the_loaded_data(kkr_data, board_member, tmp_path):
    job = render(ReportJob.Kind.ANNUAL, "2023", board_member)
    text = " ".join(pdf_text(job.file.read(), tmp_path).split())
    assert "Området har endnu ingen data" not in text
    for expected in ("Erhvervshus Hovedstaden", "Ring 5 Syd", "Albertslund", "1.776"):
        assert expected in text, expected


def test_the_half_yearly_report_holds_the_autumn_2022_round(kkr_data, board_member, tmp_path):
    job = render(ReportJob.Kind.HALF_YEARLY, "2022-autumn", board_member)
    text = " ".join(pdf_text(job.file.read(), tmp_path).split())
    assert "Området har endnu ingen data" not in text
    assert "Grønne brændstoffer" in text or "grønne drivmidler" in text.lower()


def test_lead_rights_on_the_file_follow_the_vip_lead_data(
    kkr_data, client, board_member, albertslund_member, other_member
):
    job = render(ReportJob.Kind.HALF_YEARLY, "2022-autumn", board_member)
    url = reverse("reports:job_download", args=[job.pk])
    client.force_login(albertslund_member)  # Albertslund leads VIP 2 from November 2022
    assert client.get(url).status_code == 200
    client.force_login(other_member)
    assert client.get(url).status_code == 403


def test_a_report_rendered_from_the_command_line_shows_in_the_archive(
    kkr_data, client, secretariat, tmp_path
):
    call_command("render_report", "annual", "2023", "--output", str(tmp_path / "a.pdf"), verbosity=0)
    client.force_login(secretariat)
    response = client.get(reverse("reports:index"))
    assert response.status_code == 200
    assert "kommandolinjen" in response.content.decode()
    job = ReportJob.objects.get()
    assert client.get(reverse("reports:job_detail", args=[job.pk])).status_code == 200
