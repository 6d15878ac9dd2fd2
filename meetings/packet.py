"""The meeting's documents: the packet (mødemappe), the minutes (referat) and the export for the
municipalities' meeting systems. They are report jobs (`reports.models.ReportJob`, a kind with the subject
"meeting:<pk>"), so the pipeline's queue, heartbeat, retries, one stored file and checksum apply; reports'
`EXTERNAL_RENDERERS` calls the `render_*_job` functions below.

The packet: a front part rendered by WeasyPrint (cover, agenda with page numbers, each case with its
recommendation), then for each annex a one-page divider ("Bilag 3.7.1", its pages in the packet, its checksum)
followed by the annex's own pages: a generated annex's frozen file (or, for an unpublished agenda, a fresh
rendering), an uploaded PDF as it was uploaded. pypdf joins the parts and writes the bookmarks. The agenda's
page numbers come from two passes: count every part's pages, then render the front with the real numbers
(again if the front itself grew).
"""

import io
import json
import time
import zipfile
from dataclasses import dataclass, field

from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _

from core import tabular
from core.models import ReportingPeriod
from reports import conf
from reports.models import ReportJob
from reports.services import (
    AUTHOR,
    RenderError,
    RenderResult,
    document_to_pdf,
    html_to_pdf,
    render_document,
    report_job_request,
)

from . import annexes as annex_files
from .models import Annex, Meeting

KINDS = {
    "mappe": ReportJob.Kind.MEETING_PACKET,
    "referat": ReportJob.Kind.MEETING_MINUTES,
    "eksport": ReportJob.Kind.MEETING_EXPORT,
}
FILE_NAMES = {
    ReportJob.Kind.MEETING_PACKET: "moedemappe",
    ReportJob.Kind.MEETING_MINUTES: "referat",
    ReportJob.Kind.MEETING_EXPORT: "dagsorden-eksport",
}
# Minutes exist after the meeting; the packet and the export from the agenda on.
MINUTES_STATES = (Meeting.State.HELD, Meeting.State.MINUTES_APPROVED)
MAX_FRONT_PASSES = 4


class PacketError(RenderError):
    """A meeting document that cannot be put together (a Danish message for the user)."""


# --- jobs -------------------------------------------------------------------------------------------


def subject_of(meeting) -> str:
    return f"meeting:{meeting.pk}"


def meeting_document_request(*, meeting: Meeting, kind: str, by=None, queue: bool = True):
    """Queue (or find under way) the meeting's packet, minutes or export. Returns (job, created)."""
    if kind == ReportJob.Kind.MEETING_MINUTES and meeting.state not in MINUTES_STATES:
        raise PacketError(_("Referatet kan først dannes, når mødet er afholdt."))
    period = ReportingPeriod.get_or_create_for(meeting.date.year)
    return report_job_request(kind=kind, period=period, subject=subject_of(meeting), by=by, queue=queue)


def meeting_jobs(meeting):
    return ReportJob.objects.filter(subject=subject_of(meeting)).select_related("period", "requested_by")


def _meeting_for(job) -> Meeting:
    prefix, _sep, pk = (job.subject or "").partition(":")
    meeting = Meeting.objects.filter(pk=int(pk)).first() if prefix == "meeting" and pk.isdigit() else None
    if meeting is None:
        raise PacketError(_("Mødet findes ikke længere."))
    return meeting


def _timed(render):
    def run(job) -> RenderResult:
        started = time.perf_counter()
        content, pages, weasy_seconds = render(_meeting_for(job))
        total = time.perf_counter() - started
        return RenderResult(
            pdf=content, pages=pages, total_seconds=total, weasyprint_seconds=weasy_seconds, html_seconds=0.0
        )

    return run


# --- the parts ---------------------------------------------------------------------------------------


@dataclass
class AnnexPart:
    annex: Annex
    content: bytes
    pages: int  # the annex's own pages (the divider comes on top)
    first: int = 0  # the divider's page in the assembled document
    last: int = 0

    @property
    def label(self) -> str:
        return self.annex.label

    @property
    def title(self) -> str:
        return self.annex.title

    @property
    def frozen(self) -> bool:
        return self.annex.frozen_at is not None


@dataclass
class ItemPart:
    item: object
    annexes: list[AnnexPart] = field(default_factory=list)

    @property
    def anchor(self) -> str:
        return f"punkt-{self.item.pk}"

    @property
    def bookmark(self) -> str:
        return f"{self.item.number} {self.item.title}".strip()


def load_meeting(meeting_id: int) -> Meeting:
    return Meeting.objects.prefetch_related("items__annexes", "items__decision__actions__owner").get(
        pk=meeting_id
    )


def load_published(meeting: Meeting) -> Meeting:
    """The meeting with its annexes; a published agenda's annexes frozen first if they are not yet (a meeting
    loaded from the source as published never went through the publish service), so every packet of a
    published agenda shows the same annexes."""
    if not meeting.is_draft:
        with transaction.atomic():
            annex_files.freeze_annexes(meeting, by=None)
    return load_meeting(meeting.pk)


def _annex_content(annex: Annex) -> bytes:
    """A frozen or uploaded annex: its stored file (checked); an unfrozen generated annex: rendered now."""
    if annex.kind == Annex.Kind.GENERATED and annex.frozen_at is None:
        content, _pages = annex_files.render_generated(annex)
        return content
    return annex_files.read_file(annex)


def collect_parts(meeting: Meeting) -> list[ItemPart]:
    parts = []
    for item in meeting.items.all():
        part = ItemPart(item=item)
        for annex in item.annexes.all():
            annex.item = item  # the label needs the number; no query
            content = _annex_content(annex)
            pages = annex_files.pdf_page_count(content, label=annex.label)
            part.annexes.append(AnnexPart(annex=annex, content=content, pages=pages))
        parts.append(part)
    return parts


def number_pages(parts: list[ItemPart], front_pages: int) -> int:
    """Give each annex its page range after the front part (divider + own pages); returns the total."""
    page = front_pages + 1
    for part in parts:
        for annex in part.annexes:
            annex.first = page
            annex.last = page + annex.pages
            page = annex.last + 1
    return page - 1


# --- rendering ---------------------------------------------------------------------------------------


def _state_label(meeting: Meeting) -> str:
    if meeting.is_draft:
        return _("Udkast: dagsordenen er ikke offentliggjort")
    if meeting.published_at:
        return _("Dagsorden offentliggjort %(date)s") % {
            "date": _date(timezone.localtime(meeting.published_at).date())
        }
    return str(meeting.get_state_display()).capitalize()


def _date(value) -> str:
    from django.utils.formats import date_format

    return date_format(value, "j. F Y")


def _render_front(meeting, parts, *, total: int, template: str, extra: dict | None = None):
    context = {
        "meeting": meeting,
        "parts": parts,
        "total_pages": total,
        "state_label": _state_label(meeting),
        "author": AUTHOR,
        "date": timezone.localdate(),
        **(extra or {}),
    }
    with translation.override("da"):
        html = render_to_string(template, context)
        return render_document(html)


def _anchor_pages(document) -> dict[str, int]:
    """Anchor id -> 0-based page index in the rendered document."""
    pages = {}
    for index, page in enumerate(document.pages):
        for anchor in page.anchors:
            pages.setdefault(anchor, index)
    return pages


def _dividers(meeting, parts, *, total: int) -> bytes:
    annexes = [(part, annex) for part in parts for annex in part.annexes]
    context = {"meeting": meeting, "annexes": annexes, "total_pages": total, "author": AUTHOR}
    with translation.override("da"):
        html = render_to_string("meetings/pdf/dividers.html", context)
        document = render_document(html)
    if len(document.pages) != len(annexes):
        raise PacketError(_("Bilagsforsiderne fylder mere end én side hver; mødemappen kan ikke nummereres."))
    return document_to_pdf(document, variant=conf.PDF_VARIANT or None)


def assemble(meeting, parts, *, template: str, title: str, extra: dict | None = None):
    """Front part + dividers + annexes as one PDF with bookmarks. Returns (bytes, pages, weasyprint seconds)."""
    weasy = 0.0
    front_pages = 1
    for _attempt in range(MAX_FRONT_PASSES):
        total = number_pages(parts, front_pages)
        started = time.perf_counter()
        document = _render_front(meeting, parts, total=total, template=template, extra=extra)
        weasy += time.perf_counter() - started
        if len(document.pages) == front_pages:
            break
        front_pages = len(document.pages)
    else:
        raise PacketError(_("Dagsordenens sidetal kunne ikke fastlægges."))
    started = time.perf_counter()
    front = document_to_pdf(document, variant=conf.PDF_VARIANT or None)
    dividers = _dividers(meeting, parts, total=total) if any(p.annexes for p in parts) else b""
    weasy += time.perf_counter() - started
    content = _merge(front, dividers, parts, anchors=_anchor_pages(document), title=title)
    return content, total, weasy


def _merge(front: bytes, dividers: bytes, parts, *, anchors: dict[str, int], title: str) -> bytes:
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import NameObject

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(front)))
    divider_pages = PdfReader(io.BytesIO(dividers)).pages if dividers else []
    # The front keeps its tags; pages taken from other files lose their structure references (they would point
    # into another file's structure tree), and the file no longer claims PDF/UA conformance as a whole.
    if "/Metadata" in writer._root_object:
        del writer._root_object["/Metadata"]
    writer._root_object[NameObject("/PageMode")] = NameObject("/UseOutlines")

    def add(page):
        added = writer.add_page(page)
        if "/StructParents" in added:
            del added["/StructParents"]
        for annotation in added.get("/Annots", None) or []:
            annotation = annotation.get_object()
            if "/StructParent" in annotation:
                del annotation["/StructParent"]

    index = 0
    for part in parts:
        for annex in part.annexes:
            add(divider_pages[index])
            index += 1
            for page in PdfReader(io.BytesIO(annex.content)).pages:
                add(page)

    writer.add_outline_item(title=_("Forside"), page_number=0)
    if "dagsorden" in anchors:
        writer.add_outline_item(title=_("Dagsorden"), page_number=anchors["dagsorden"])
    for part in parts:
        parent = writer.add_outline_item(title=part.bookmark, page_number=anchors.get(part.anchor, 0))
        for annex in part.annexes:
            writer.add_outline_item(
                title=f"{annex.label} {annex.title}", page_number=annex.first - 1, parent=parent
            )
    writer.add_metadata({"/Title": title, "/Author": AUTHOR, "/Creator": "KKR Hovedstadens portal"})
    output = io.BytesIO()
    writer.write(output)
    return output.getvalue()


def packet_title(meeting: Meeting) -> str:
    return _("Mødemappe: %(meeting)s %(date)s") % {
        "meeting": meeting.get_body_display(),
        "date": _date(meeting.date),
    }


def render_packet(meeting: Meeting) -> tuple[bytes, int, float]:
    meeting = load_published(meeting)
    parts = collect_parts(meeting)
    return assemble(meeting, parts, template="meetings/pdf/packet.html", title=packet_title(meeting))


def render_minutes(meeting: Meeting) -> tuple[bytes, int, float]:
    """The recorded decisions per item; an item without one says so (nothing is inferred)."""
    meeting = load_meeting(meeting.pk)
    items = []
    for item in meeting.items.all():
        decision = getattr(item, "decision", None)
        items.append(
            {"item": item, "decision": decision, "actions": list(decision.actions.all()) if decision else []}
        )
    context = {
        "meeting": meeting,
        "items": items,
        "approved": meeting.state == Meeting.State.MINUTES_APPROVED,
        "author": AUTHOR,
        "date": timezone.localdate(),
    }
    started = time.perf_counter()
    with translation.override("da"):
        html = render_to_string("meetings/pdf/minutes.html", context)
    content, pages = html_to_pdf(html, variant=conf.PDF_VARIANT or None)
    return content, pages, time.perf_counter() - started


def item_file_name(item) -> str:
    return f"punkt-{slugify(item.number.replace('.', '-'))}-{slugify(item.title)[:60]}.pdf".replace("--", "-")


def render_export(meeting: Meeting) -> tuple[bytes, int, float]:
    """A ZIP for the municipalities' meeting systems: one PDF per item (case + its annexes) and an index
    (index.csv, index.json: number, title, file name, SHA-256). Returns (bytes, pages in all, seconds)."""
    meeting = load_published(meeting)
    parts = collect_parts(meeting)
    weasy = 0.0
    pages = 0
    index = []
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for part in parts:
            title = f"{part.item.number} {part.item.title}"
            content, item_pages, seconds = assemble(
                meeting, [part], template="meetings/pdf/packet.html", title=title, extra={"single_item": True}
            )
            weasy += seconds
            pages += item_pages
            name = item_file_name(part.item)
            archive.writestr(name, content)
            index.append(
                {
                    "number": part.item.number,
                    "title": part.item.title,
                    "file": name,
                    "sha256": annex_files.sha256(content),
                    "pages": item_pages,
                    "annexes": [
                        {"label": a.label, "title": a.title, "sha256": annex_files.sha256(a.content)}
                        for a in part.annexes
                    ],
                }
            )
        archive.writestr(
            "index.csv",
            tabular.csv_bytes(
                ["nummer", "titel", "fil", "sha256", "sider"],
                [[e["number"], e["title"], e["file"], e["sha256"], e["pages"]] for e in index],
            ),
        )
        meta = {
            "meeting": {
                "body": meeting.get_body_display(),
                "title": meeting.title,
                "date": meeting.date.isoformat(),
            },
            "items": index,
        }
        archive.writestr("index.json", json.dumps(meta, ensure_ascii=False, indent=2))
    return buffer.getvalue(), pages, weasy


render_packet_job = _timed(render_packet)
render_minutes_job = _timed(render_minutes)
render_export_job = _timed(render_export)
