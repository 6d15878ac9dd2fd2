"""The meeting documents page in both languages (no UI words of the other language) and in a browser
(axe, phone width)."""

import pytest
from django.conf import settings
from django.test import Client

from meetings import packet
from reports.models import ReportJob
from reports.services import report_job_run
from tests.conftest import axe_violations
from tests.test_language_crawl import PageText, foreign_ui, normalised, stored_texts

from .packet_helpers import make_meeting, small_pdf


@pytest.fixture(autouse=True)
def _private_media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def _documents_with_jobs(secretariat):
    """A held meeting with a finished packet and a failed export (an unreadable upload)."""
    from meetings.models import Meeting

    meeting = make_meeting(upload=small_pdf("Kommissorium"), generators=[], state=Meeting.State.HELD)
    job, _ = packet.meeting_document_request(meeting=meeting, kind=ReportJob.Kind.MEETING_PACKET, queue=False)
    report_job_run(job_id=job.pk)
    return meeting, job


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["da", "en"])
def test_documents_page_speaks_one_language(kkr_data, secretariat, language):
    meeting, job = _documents_with_jobs(secretariat)
    client = Client()
    client.force_login(secretariat)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    stored = stored_texts()
    for path in (
        f"/meetings/{meeting.pk}/dokumenter/",
        f"/meetings/{meeting.pk}/dokumenter/job/{job.pk}/status/",
    ):
        response = client.get(path)
        assert response.status_code == 200
        html = response.content.decode()
        html = html[html.find("<main") :] if "<main" in html else html  # the navigation is not this page's
        parser = PageText(language)
        parser.feed(html.replace(meeting.title, " "))
        findings = [
            found
            for chunk in map(normalised, parser.chunks)
            if (found := foreign_ui(chunk, language, stored))
        ]
        assert not findings, (path, findings)


@pytest.mark.django_db(transaction=True)
def test_documents_page_in_a_browser(kkr_data, secretariat, page_for):
    meeting, _job = _documents_with_jobs(secretariat)
    for viewport in ({"width": 390, "height": 844},):
        page = page_for(secretariat, viewport=viewport)
        page.goto(f"/meetings/{meeting.pk}/dokumenter/")
        assert page.get_by_role("link", name="Hent mødemappe").is_visible()
        assert axe_violations(page) == []
        widest = page.evaluate(
            "[...document.querySelectorAll('main *')].filter(e => e.getBoundingClientRect().right > innerWidth)"
            ".map(e => e.tagName + '.' + e.className).slice(0, 5)"
        )
        assert widest == []
