from datetime import date

from django.core.management.base import BaseCommand, CommandError

from meetings import packet
from meetings.models import Meeting
from reports.commands import run_to_file
from reports.models import ReportJob

DOCUMENTS = {
    "packet": ReportJob.Kind.MEETING_PACKET,
    "minutes": ReportJob.Kind.MEETING_MINUTES,
    "export": ReportJob.Kind.MEETING_EXPORT,
}


class Command(BaseCommand):
    help = (
        "Render a meeting's packet (or its minutes or export ZIP) synchronously through the same job pipeline "
        "as the worker: `render_meeting_packet 2022-12-14 --output F.pdf`."
    )

    def add_arguments(self, parser):
        parser.add_argument("date", help="the meeting's date, YYYY-MM-DD")
        parser.add_argument("--output", "-o", required=True, help="where to write the file")
        parser.add_argument("--body", choices=[choice for choice, _label in Meeting.Body.choices])
        parser.add_argument("--document", choices=sorted(DOCUMENTS), default="packet")

    def handle(self, *args, date: str, output: str, body=None, document="packet", **options):
        meeting = self._meeting(date, body)
        try:
            job, _created = packet.meeting_document_request(
                meeting=meeting, kind=DOCUMENTS[document], queue=False
            )
        except packet.PacketError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(self.style.SUCCESS(run_to_file(job, output)))

    def _meeting(self, text: str, body) -> Meeting:
        try:
            day = date.fromisoformat(text)
        except ValueError:
            raise CommandError(f"Not a date: {text!r} (use YYYY-MM-DD)") from None
        meetings = Meeting.objects.filter(date=day)
        if body:
            meetings = meetings.filter(body=body)
        found = list(meetings[:2])
        if not found:
            raise CommandError(f"No meeting on {day.isoformat()}")
        if len(found) > 1:
            raise CommandError(f"Several meetings on {day.isoformat()}: choose one with --body")
        return found[0]
