from django.core.management.base import BaseCommand, CommandError

from reports import services
from reports.commands import run_to_file


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
        self.stdout.write(self.style.SUCCESS(run_to_file(job, output)))
