"""Pages for the meeting's documents: render the packet, minutes or export, follow the job, download."""

from django.contrib import messages
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from core.access import get_for_user, require_perm
from reports import services as report_services
from reports.models import ReportJob

from . import packet, packet_rules  # noqa: F401 (registers the permissions)
from .models import Meeting

DOCUMENTS = (
    ("mappe", gettext_lazy("Mødemappe"), gettext_lazy("Dan mødemappe")),
    ("referat", gettext_lazy("Referat"), gettext_lazy("Dan referat")),
    ("eksport", gettext_lazy("Dagsorden til mødesystemer (ZIP)"), gettext_lazy("Dan eksport")),
)


def _meeting(request, pk: int) -> Meeting:
    meeting, _can = get_for_user(
        request.user, Meeting.objects.all(), view_perm="meetings.view_meeting", pk=pk
    )
    return meeting


def _visible_jobs(request, meeting):
    """Jobs of the meeting the user may see: others than the secretariat only those rendered after the
    agenda was published (a draft's packet showed unfrozen annexes)."""
    jobs = packet.meeting_jobs(meeting)
    if not request.user.has_perm("meetings.prepare", meeting):
        if meeting.is_draft:
            return jobs.none()
        if meeting.published_at is not None:  # None: loaded from the source as published
            jobs = jobs.filter(created_at__gte=meeting.published_at)
    return jobs


def _job(request, meeting, job_id) -> ReportJob:
    return get_object_or_404(_visible_jobs(request, meeting), pk=job_id)


def _kind_label(kind: str) -> str:
    return str(dict(ReportJob.Kind.choices)[kind])


def queue_document(request, meeting, kind: str) -> None:
    """Ask for one of the meeting's documents and tell the user what happens (queued, already under way,
    waiting for the background service, or refused)."""
    try:
        job, created = packet.meeting_document_request(meeting=meeting, kind=kind, by=request.user)
    except packet.PacketError as error:
        messages.error(request, str(error))
        return
    if report_services.report_job_waiting_for_broker(job):
        messages.warning(
            request,
            _("Dokumentet står i kø. Baggrundstjenesten svarer ikke lige nu; det dannes, når den svarer."),
        )
    elif created:
        messages.success(request, _("%(document)s dannes nu.") % {"document": _kind_label(kind)})
    else:
        messages.info(
            request, _("%(document)s er allerede ved at blive dannet.") % {"document": _kind_label(kind)}
        )


@require_GET
def documents(request, pk: int):
    meeting = _meeting(request, pk)
    jobs = list(_visible_jobs(request, meeting).order_by("-version", "-pk"))
    can_request = request.user.has_perm("meetings.request_documents", meeting)
    rows = []
    for code, title, button in DOCUMENTS:
        kind = packet.KINDS[code]
        latest = next((job for job in jobs if job.kind == kind), None)
        available = kind != ReportJob.Kind.MEETING_MINUTES or meeting.state in packet.MINUTES_STATES
        rows.append(
            {
                "code": code,
                "title": title,
                "button": button,
                "job": latest,
                "can_request": can_request and available,
                "available": available,
            }
        )
    return render(request, "meetings/packet/documents.html", {"meeting": meeting, "rows": rows})


@require_POST
def document_request(request, pk: int, document: str):
    meeting = _meeting(request, pk)
    require_perm(request.user, "meetings.request_documents", meeting)
    kind = packet.KINDS.get(document)
    if kind is None:
        raise Http404
    queue_document(request, meeting, kind)
    return redirect("meetings:documents", pk=meeting.pk)


@require_GET
def document_status(request, pk: int, job: int):
    meeting = _meeting(request, pk)
    found = _job(request, meeting, job)
    return render(request, "meetings/packet/_document_status.html", {"meeting": meeting, "job": found})


@require_GET
def document_download(request, pk: int, job: int):
    meeting = _meeting(request, pk)
    found = _job(request, meeting, job)
    if not found.is_done:
        raise Http404
    try:
        handle = found.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    name = (
        f"KKR-{meeting.date.isoformat()}-{packet.FILE_NAMES[found.kind]}-v{found.version}.{found.extension}"
    )
    response = FileResponse(handle, as_attachment=True, filename=name, content_type=found.content_type)
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response
