"""What the render commands share (`render_report`, meetings' `render_meeting_packet`)."""

from pathlib import Path

from django.core.management.base import CommandError

from . import services
from .models import ReportJob


def run_to_file(job: ReportJob, output: str) -> str:
    """Render the job here, through the worker's code, and write its file to `output`; the summary line."""
    job = services.report_job_run(job_id=job.pk)
    if job.state != ReportJob.State.DONE:
        raise CommandError(f"Job {job.pk} is {job.state}: {job.error}")
    with job.file.open("rb") as source:
        Path(output).write_bytes(source.read())
    return (
        f"{output}: {job.pages} pages, {job.size} bytes, sha256 {job.sha256} "
        f"(job {job.pk}, version {job.version}, {job.render_seconds:.2f} s)"
    )
