"""Annexes generated from the portal's data, frozen when an agenda is published.

`GENERATORS` maps a generator key to its title and a function rendering PDF bytes from the annex's
`generator_args`. Each generator renders the same section template and context as the area's report
(reports/sections.py, `<app>/report_sections.py`), so an annex says what the area report of that period says.
`freeze_annexes` stores each generated annex once (file, SHA-256, frozen_at, page_count); from then on the
packet uses the stored file, so a later change in the portal does not alter a published packet.
"""

import hashlib
import io
from collections.abc import Callable
from dataclasses import dataclass

from django.core.files.base import ContentFile
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.areas import registry
from core.models import ReportingPeriod
from reports import conf, sections
from reports.services import AUTHOR, RenderError, html_to_pdf


class AnnexError(RenderError):
    """An annex that cannot be rendered or read (a Danish message for the user)."""


@dataclass(frozen=True)
class Generator:
    title: str
    render_section: Callable[[dict, object], sections.Section]  # (args, meeting) -> the report section
    period: str = "year"  # what its args name: {"year": 2023} or {"round": "2022-autumn"}

    def get(self, key: str, default=None):
        """Read like a dict ({"title": ...}), as the annex form does."""
        return getattr(self, key, default)

    def __getitem__(self, key: str):
        return getattr(self, key)


def _year(args: dict, meeting) -> int:
    try:
        return int(args.get("year") or meeting.date.year)
    except (TypeError, ValueError, AttributeError):
        raise AnnexError(
            _("Bilagets år «%(year)s» er ikke et årstal.") % {"year": args.get("year")}
        ) from None


def _annual(app: str):
    """The area's section of the annual report for args["year"] (default: the meeting's year)."""

    def section(args: dict, meeting) -> sections.Section:
        year = _year(args, meeting)
        area = registry.get(app)
        module = area.report_sections if area is not None else None
        context = module.annual_section(year) if module is not None else None
        title = str(area.report_title or area.title) if area is not None else app
        if context is None:
            missing = _("Området har endnu ingen data for %(year)s.") % {"year": year}
            return sections.Section(app=app, title=title, missing_text=str(missing))
        return sections.Section(
            app=app,
            title=str(context.get("title") or title),
            template=f"{app}/pdf/_annual_section.html",
            context=context,
        )

    return section


def _half_yearly(args: dict, meeting) -> sections.Section:
    try:
        period = ReportingPeriod.from_code(str(args.get("round") or ""))
    except ValueError as error:
        raise AnnexError(str(error)) from None
    if not period.is_round:
        raise AnnexError(
            _("Halvårsstatus gælder en statusrunde, fx 2022-autumn, ikke «%(code)s».") % {"code": period.code}
        )
    return sections.half_yearly_section(period)


GENERATORS: dict[str, Generator] = {
    "vip_climate.half_yearly": Generator(
        gettext_lazy("Halvårsstatus for klima-VIP-projekterne"), _half_yearly, period="round"
    ),
    "education.allocation": Generator(gettext_lazy("Fordeling af SOSU-praktikpladser"), _annual("education")),
    "contracts.status": Generator(gettext_lazy("Status for resultatkontrakten"), _annual("contracts")),
    "infrastructure.priorities": Generator(
        gettext_lazy("De 7+3 prioriterede infrastrukturprojekter"), _annual("infrastructure")
    ),
}


def generator_choices() -> list[tuple[str, str]]:
    return [(key, str(generator.title)) for key, generator in GENERATORS.items()]


def render_generated(annex) -> tuple[bytes, int]:
    """The annex as it would be frozen now: (PDF bytes, pages), tagged like the reports."""
    generator = GENERATORS.get(annex.generator)
    if generator is None:
        raise AnnexError(
            _("%(label)s: ukendt bilagstype «%(key)s».") % {"label": annex.label, "key": annex.generator}
        )
    meeting = annex.item.meeting
    section = generator.render_section(annex.generator_args or {}, meeting)
    section.html = section.render()
    context = {
        "annex": annex,
        "label": annex.label,
        "title": annex.title or section.title,
        "item": annex.item,
        "meeting": meeting,
        "section": section,
        "author": AUTHOR,
        "date": timezone.localdate(),
    }
    with translation.override("da"):
        html = render_to_string("meetings/pdf/annex.html", context)
    return html_to_pdf(html, variant=conf.PDF_VARIANT or None)


def pdf_page_count(content: bytes, *, label: str) -> int:
    """Pages of an uploaded PDF; AnnexError when it is not a readable, unencrypted PDF."""
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    if not content.startswith(b"%PDF-"):
        raise AnnexError(_("%(label)s er ikke en PDF-fil.") % {"label": label})
    try:
        reader = PdfReader(io.BytesIO(content))
        if reader.is_encrypted:
            raise AnnexError(
                _("%(label)s er krypteret eller adgangskodebeskyttet og kan ikke lægges i mødemappen.")
                % {"label": label}
            )
        pages = len(reader.pages)
    except AnnexError:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, RecursionError) as error:
        raise AnnexError(
            _("%(label)s kan ikke læses som PDF (%(error)s).")
            % {"label": label, "error": type(error).__name__}
        ) from None
    if pages == 0:
        raise AnnexError(_("%(label)s har ingen sider.") % {"label": label})
    return pages


def sha256(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def read_file(annex) -> bytes:
    """The stored bytes of an annex; AnnexError when the file is missing or differs from its checksum."""
    if not annex.file:
        raise AnnexError(_("%(label)s har ingen fil.") % {"label": annex.label})
    try:
        with annex.file.open("rb") as handle:
            content = handle.read()
    except FileNotFoundError:
        raise AnnexError(_("Filen til %(label)s mangler.") % {"label": annex.label}) from None
    if annex.checksum and sha256(content) != annex.checksum:
        raise AnnexError(
            _("%(label)s er ændret, siden den blev gemt (kontrolsummen passer ikke).")
            % {"label": annex.label}
        )
    return content


def freeze_annexes(meeting, *, by) -> list:
    """Freeze every annex of the meeting's agenda; called by the publish service inside its transaction.

    A generated annex is rendered and stored with its SHA-256, `frozen_at` and `page_count`; an annex already
    frozen is left as it is. An uploaded annex keeps its checksum (set now if it had none; AnnexError if the
    file no longer matches it) and gets its page count when the file is a readable PDF (an unreadable one is
    reported by the packet job, naming the annex). Returns the annexes frozen now.
    """
    from .models import Annex

    now = timezone.now()
    frozen = []
    # Locked: a packet job freezing a loaded meeting and the publish service never both render one annex.
    annexes = (
        Annex.objects.select_for_update()
        .filter(item__meeting=meeting)
        .select_related("item__meeting")
        .order_by("pk")
    )
    for annex in annexes:
        if annex.frozen_at is not None:
            continue
        if annex.kind == Annex.Kind.GENERATED:
            content, pages = render_generated(annex)
            storage = annex.file.storage
            name = annex.file.field.generate_filename(annex, "annex.pdf")
            if storage.exists(name):
                storage.delete(name)  # left by a publication whose transaction rolled back
            annex.file.save(name, ContentFile(content), save=False)
        else:
            content = read_file(annex)
            try:
                pages = pdf_page_count(content, label=annex.label)
            except AnnexError:
                pages = None
        annex.checksum = sha256(content)
        annex.page_count = pages
        annex.frozen_at = now
        annex._history_user = by
        annex.save()
        frozen.append(annex)
    return frozen
