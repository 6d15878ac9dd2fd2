from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from reports import services
from reports.models import ReportJob


class Command(BaseCommand):
    help = (
        "Render a report synchronously through the same code as the worker: "
        "`render_report half-yearly 2022-autumn --output FILE` or `render_report annual 2023 --output FILE`."
    )

    def add_arguments(self, parser):
        parser.add_argument("kind", choices=["half-yearly", "annual"])
        parser.add_argument("period", help="a status round (2022-autumn) or a year (2023)")
        parser.add_argument("--output", "-o", required=True, help="where to write the PDF")

    def handle(self, *args, kind, period, output, **options):
        try:
            resolved_kind, resolved_period = services.resolve_parameters(kind, period)
        except services.ReportParameterError as error:
            raise CommandError(str(error)) from None
        job, _created = services.report_job_request(kind=resolved_kind, period=resolved_period, queue=False)
        job = services.report_job_run(job_id=job.pk)
        if job.state != ReportJob.State.DONE:
            raise CommandError(f"Report job {job.pk} is {job.state}: {job.error}")
        with job.file.open("rb") as source:
            Path(output).write_bytes(source.read())
        self.stdout.write(
            self.style.SUCCESS(
                f"{output}: {job.pages} pages, {job.size} bytes, sha256 {job.sha256} "
                f"(job {job.pk}, version {job.version}, {job.render_seconds:.2f} s)"
            )
        )
