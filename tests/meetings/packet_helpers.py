"""Shared helpers for the packet tests: a meeting built in the test, real PDFs, pdftotext per page."""

import io
import subprocess
import tempfile
from datetime import date
from pathlib import Path

from django.core.files.base import ContentFile

from meetings.models import AgendaItem, Annex, Meeting


def small_pdf(text: str, pages: int = 1) -> bytes:
    """A real PDF made with WeasyPrint: `pages` pages, each saying `text` and its number."""
    from weasyprint import HTML

    body = "".join(f'<p style="break-after: page">{text} · upload side {n}</p>' for n in range(1, pages + 1))
    return HTML(string=f"<html lang='da'><body>{body}</body></html>").write_pdf()


def pdf_pages_text(content: bytes, *, layout: bool = True) -> list[str]:
    """pdftotext of each page (form feeds separate the pages)."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "f.pdf"
        path.write_bytes(content)
        out = subprocess.run(
            ["pdftotext", *(["-layout"] if layout else []), str(path), "-"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
    pages = out.split("\f")
    if pages and not pages[-1].strip():
        pages = pages[:-1]
    return pages


def make_meeting(*, state=Meeting.State.PLANNED, upload: bytes | None = None, generators=None) -> Meeting:
    meeting = Meeting.objects.create(
        body=Meeting.Body.KKR,
        title="Testmøde i KKR Hovedstaden",
        date=date(2022, 12, 15),  # the day after the loaded meeting
        place="Albertslund Rådhus",
        state=state,
    )
    first = AgendaItem.objects.create(
        meeting=meeting,
        number="3.7",
        title="Halvvejsstatus for klima-VIP-projekterne",
        kind=AgendaItem.Kind.ORIENTATION,
        presentation="KKR orienteres om **status** for de syv projekter.",
        recommendation="Det indstilles, at KKR tager orienteringen til efterretning.",
        position=1,
    )
    second = AgendaItem.objects.create(
        meeting=meeting, number="3.8", title="Udpegning til opgaveudvalg", position=2
    )
    for position, (key, args) in enumerate(
        generators if generators is not None else [("vip_climate.half_yearly", {"round": "2022-autumn"})], 1
    ):
        Annex.objects.create(
            item=first,
            position=position,
            title=f"Bilag fra {key}",
            kind=Annex.Kind.GENERATED,
            generator=key,
            generator_args=args,
        )
    if upload is not None:
        annex = Annex(item=second, position=1, title="Kommissorium", kind=Annex.Kind.UPLOAD)
        annex.file.save("upload.pdf", ContentFile(upload), save=False)
        annex.save()
    return meeting


def outline_titles(content: bytes) -> list[tuple[str, int]]:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(content))
    found = []

    def walk(items):
        for entry in items:
            if isinstance(entry, list):
                walk(entry)
            else:
                found.append((entry.title, reader.get_destination_page_number(entry)))

    walk(reader.outline)
    return found
