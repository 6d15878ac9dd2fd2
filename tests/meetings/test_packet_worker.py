"""The packet through a real Celery worker on PostgreSQL and Redis (the reports pipeline's task)."""

import time

import pytest

from meetings import packet
from meetings.models import Meeting
from reports.models import ReportJob

from .packet_helpers import pdf_pages_text

pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def private_media():
    """The worker process writes under the configured MEDIA_ROOT: the test reads the file from there too."""


def test_the_loaded_meetings_packet_is_rendered_by_the_real_worker(celery_worker_process, board_member):
    meeting = Meeting.objects.get(date="2022-12-14")
    job, created = packet.meeting_document_request(
        meeting=meeting, kind=ReportJob.Kind.MEETING_PACKET, by=board_member
    )
    assert created
    deadline = time.monotonic() + 180
    while job.state in ReportJob.ACTIVE_STATES and time.monotonic() < deadline:
        time.sleep(0.5)
        job.refresh_from_db()
    assert job.state == ReportJob.State.DONE, job.error
    content = job.file.read()
    assert len(content) == job.size and job.pages == len(pdf_pages_text(content))
    assert "Bilag 3.8.1" in "".join(pdf_pages_text(content))
    job.file.delete(save=False)
