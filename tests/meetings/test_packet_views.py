"""The meeting documents page: who may render and fetch, the download, the query budget."""

import pytest

from meetings.models import Meeting
from reports.models import ReportJob

from .packet_helpers import make_meeting, small_pdf

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _private_media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def test_secretariat_renders_a_draft_packet_that_the_board_cannot_see(
    kkr_data, client, secretariat, board_member, django_capture_on_commit_callbacks
):
    meeting = make_meeting(upload=small_pdf("Kommissorium"), generators=[])
    client.force_login(secretariat)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/meetings/{meeting.pk}/dokumenter/mappe/dan/")
    assert response.status_code == 302  # eager Celery: rendered on commit
    job = ReportJob.objects.get(kind=ReportJob.Kind.MEETING_PACKET)
    assert job.state == ReportJob.State.DONE
    download = client.get(f"/meetings/{meeting.pk}/dokumenter/job/{job.pk}/hent/")
    assert download.status_code == 200 and download["Content-Type"] == "application/pdf"
    assert b"".join(download.streaming_content).startswith(b"%PDF-")
    assert "moedemappe" in download["Content-Disposition"]
    client.force_login(board_member)
    assert client.get(f"/meetings/{meeting.pk}/dokumenter/").status_code == 404
    assert client.get(f"/meetings/{meeting.pk}/dokumenter/job/{job.pk}/hent/").status_code == 404


def test_board_sees_only_packets_rendered_after_publication(
    kkr_data, client, secretariat, board_member, django_capture_on_commit_callbacks
):
    from meetings import services

    meeting = make_meeting(upload=small_pdf("Kommissorium"), generators=[])
    client.force_login(secretariat)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/meetings/{meeting.pk}/dokumenter/mappe/dan/")
    draft_job = ReportJob.objects.get(kind=ReportJob.Kind.MEETING_PACKET)
    services.meeting_publish_agenda(meeting=meeting, by=secretariat)
    client.force_login(board_member)
    assert client.get(f"/meetings/{meeting.pk}/dokumenter/job/{draft_job.pk}/hent/").status_code == 404
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(f"/meetings/{meeting.pk}/dokumenter/mappe/dan/").status_code == 302
    job = ReportJob.objects.filter(kind=ReportJob.Kind.MEETING_PACKET).latest("pk")
    assert job.pk != draft_job.pk and job.state == ReportJob.State.DONE
    page = client.get(f"/meetings/{meeting.pk}/dokumenter/").content.decode()
    assert f"/dokumenter/job/{job.pk}/hent/" in page and f"/job/{draft_job.pk}/" not in page
    assert client.get(f"/meetings/{meeting.pk}/dokumenter/job/{job.pk}/hent/").status_code == 200


def test_unknown_document_and_early_minutes(
    kkr_data, client, secretariat, django_capture_on_commit_callbacks
):
    meeting = make_meeting(generators=[])
    client.force_login(secretariat)
    assert client.post(f"/meetings/{meeting.pk}/dokumenter/hemmeligt/dan/").status_code == 404
    response = client.post(f"/meetings/{meeting.pk}/dokumenter/referat/dan/", follow=True)
    assert "først dannes, når mødet er afholdt" in response.content.decode()
    assert not ReportJob.objects.filter(kind=ReportJob.Kind.MEETING_MINUTES).exists()


def test_failed_upload_is_shown_as_an_error_on_the_page(
    kkr_data, client, secretariat, django_capture_on_commit_callbacks
):
    meeting = make_meeting(upload=b"%PDF-1.4 broken", generators=[])
    client.force_login(secretariat)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/meetings/{meeting.pk}/dokumenter/mappe/dan/")
    page = client.get(f"/meetings/{meeting.pk}/dokumenter/").content.decode()
    assert "Bilag 3.8.1 kan ikke læses som PDF" in page


def test_documents_page_query_budget(
    kkr_data, client, secretariat, django_assert_max_num_queries, django_capture_on_commit_callbacks
):
    meeting = make_meeting(generators=[], state=Meeting.State.HELD)
    client.force_login(secretariat)
    client.get(f"/meetings/{meeting.pk}/dokumenter/")
    with django_assert_max_num_queries(12):
        assert client.get(f"/meetings/{meeting.pk}/dokumenter/").status_code == 200


def test_the_reports_form_offers_only_the_area_reports(kkr_data, client, secretariat):
    client.force_login(secretariat)
    page = client.get("/reports/").content.decode()
    assert 'value="half_yearly"' in page and 'value="meeting_packet"' not in page
    response = client.post("/reports/bestil/", {"kind": "meeting_packet", "period": "2022"})
    assert response.status_code == 200 and not ReportJob.objects.exists()
