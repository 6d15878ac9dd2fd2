"""The meeting packet: real WeasyPrint, pypdf and pdftotext."""

import io
import json
import re
import zipfile

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.utils import timezone

from meetings import annexes, packet
from meetings.models import Annex, Decision, FollowUpAction, Meeting
from reports.models import ReportJob
from reports.services import report_job_run

from .packet_helpers import make_meeting, outline_titles, pdf_pages_text, small_pdf

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _private_media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def _toc_pages(toc: str) -> dict[str, tuple[int, int]]:
    """'Bilag 3.8.1 Kommissorium ..... 13–15' -> {'Bilag 3.8.1': (13, 15)}."""
    found = {}
    for match in re.finditer(r"(Bilag \d+(?:\.\d+)+)\b.*?(\d+)–(\d+)\s*$", toc, re.M):
        found[match.group(1)] = (int(match.group(2)), int(match.group(3)))
    return found


def test_toc_page_numbers_match_the_pages_and_the_upload_is_merged(kkr_data):
    upload = small_pdf("Kommissorium for opgaveudvalget", pages=2)
    meeting = make_meeting(upload=upload)
    content, total, _seconds = packet.render_packet(meeting)
    pages = pdf_pages_text(content)
    assert len(pages) == total
    toc = next(page for page in pages if "Dagsorden" in page and "...." in page)
    ranges = _toc_pages(toc)
    assert set(ranges) == {"Bilag 3.7.1", "Bilag 3.8.1"}
    for label, (first, _last) in ranges.items():
        assert label in pages[first - 1], f"{label} is not on page {first}"
    first, last = ranges["Bilag 3.8.1"]
    assert last == total and last - first == 2  # the divider and the upload's two pages
    assert "Kommissorium for opgaveudvalget · upload side 1" in pages[first]
    assert "upload side 2" in pages[first + 1]
    # The VIP annex ends just before the next divider.
    assert ranges["Bilag 3.7.1"][1] == first - 1
    # Each case page carries its recommendation (or says there is none).
    case = next(page for page in pages if "3.7 Halvvejsstatus" in page and "Sagsfremstilling" in page)
    assert "Det indstilles, at KKR tager orienteringen til efterretning." in case
    assert f"Side 1 af {total}" in pages[0]


def test_bookmarks_per_item_and_annex(kkr_data):
    meeting = make_meeting(upload=small_pdf("Kommissorium"))
    content, total, _seconds = packet.render_packet(meeting)
    outline = dict(outline_titles(content))
    pages = pdf_pages_text(content)
    assert outline["Forside"] == 0
    assert "Dagsorden" in pages[outline["Dagsorden"]]
    assert "3.7 Halvvejsstatus" in pages[outline["3.7 Halvvejsstatus for klima-VIP-projekterne"]]
    assert "Bilag 3.8.1" in pages[outline["Bilag 3.8.1 Kommissorium"]]
    assert "Bilag 3.7.1" in pages[outline["Bilag 3.7.1 Bilag fra vip_climate.half_yearly"]]


def test_front_is_tagged_and_titled(kkr_data):
    from pypdf import PdfReader

    content, _total, _seconds = packet.render_packet(make_meeting(upload=small_pdf("x")))
    reader = PdfReader(io.BytesIO(content))
    root = reader.trailer["/Root"]
    assert "/StructTreeRoot" in root and root["/MarkInfo"]["/Marked"]
    assert root["/Lang"] == "da"
    assert reader.metadata.title.startswith("Mødemappe: KKR Hovedstaden")
    assert root["/PageMode"] == "/UseOutlines"


def test_generated_annex_has_the_area_report_section_text(kkr_data):
    """Every line of a generated annex's body is a line of the area's report of that period."""
    from core.models import ReportingPeriod
    from reports.services import render_report

    meeting = make_meeting(
        generators=[
            ("vip_climate.half_yearly", {"round": "2022-autumn"}),
            ("education.allocation", {"year": 2023}),
            ("infrastructure.priorities", {"year": 2023}),
        ]
    )
    annual = _lines(render_report(ReportJob.Kind.ANNUAL, ReportingPeriod.from_code("2023")).pdf)
    half_yearly = _lines(
        render_report(ReportJob.Kind.HALF_YEARLY, ReportingPeriod.from_code("2022-autumn")).pdf
    )
    reports = {"vip_climate.half_yearly": half_yearly, "education.allocation": annual}
    reports["infrastructure.priorities"] = annual
    for annex in Annex.objects.filter(item__meeting=meeting).select_related("item__meeting"):
        content, _pages = annexes.render_generated(annex)
        header = {annex.label, annex.title}
        body = {line for line in _lines(content) if line not in header and not line.startswith("Til punkt")}
        assert len(body) > 20, annex.generator
        assert body <= reports[annex.generator], (
            annex.generator,
            sorted(body - reports[annex.generator])[:5],
        )


def _lines(content: bytes) -> set[str]:
    """The text lines of a PDF without the running header and footer."""
    lines = set()
    for page in pdf_pages_text(content, layout=False):
        for line in page.splitlines():
            line = line.strip()
            if (
                line
                and not line.startswith("KKR Hovedstaden ·")
                and not re.fullmatch(r"Side \d+ af \d+", line)
            ):
                lines.add(line)
    return lines


def test_published_packet_keeps_its_frozen_annex_after_a_portal_change(kkr_data, secretariat):
    from education.models import AllocationRow

    meeting = make_meeting(generators=[("education.allocation", {"year": 2023})], state=Meeting.State.PLANNED)
    frozen = annexes.freeze_annexes(meeting, by=secretariat)
    assert len(frozen) == 1
    annex = Annex.objects.get(pk=frozen[0].pk)
    stored = annex.file.read()
    annex.file.close()
    assert annex.checksum == annexes.sha256(stored) and annex.frozen_at and annex.page_count >= 1
    before, _total, _ = packet.render_packet(meeting)

    row = AllocationRow.objects.filter(allocation__year=2023).order_by("pk").first()
    row.places += 1000
    row.save()
    assert annexes.render_generated(annex)[0] != stored  # the portal now says something else
    annexes.freeze_annexes(meeting, by=secretariat)  # a second publication does not re-freeze
    annex.refresh_from_db()
    assert annex.checksum == annexes.sha256(stored)
    after, _total, _ = packet.render_packet(meeting)
    annex_pages = slice(-annex.page_count, None)
    assert pdf_pages_text(before)[annex_pages] == pdf_pages_text(after)[annex_pages]
    assert str(row.places) not in "".join(pdf_pages_text(after))


def test_tampered_frozen_file_fails_the_job_clearly(kkr_data, secretariat):
    meeting = make_meeting(generators=[("education.allocation", {"year": 2023})])
    annex = annexes.freeze_annexes(meeting, by=secretariat)[0]
    with annex.file.storage.open(annex.file.name, "wb") as handle:
        handle.write(small_pdf("ændret"))
    job, _ = packet.meeting_document_request(meeting=meeting, kind=ReportJob.Kind.MEETING_PACKET, queue=False)
    job = report_job_run(job_id=job.pk)
    assert job.state == ReportJob.State.FAILED
    assert "Bilag 3.7.1 er ændret" in job.error


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"%PDF-1.7\n this is not a PDF at all \n%%EOF", "kan ikke læses som PDF"),
        (b"<html>not a pdf</html>", "er ikke en PDF-fil"),
        (None, "krypteret"),
    ],
)
def test_corrupt_or_encrypted_upload_gives_a_job_error(kkr_data, content, message):
    if content is None:
        from pypdf import PdfReader, PdfWriter

        writer = PdfWriter(clone_from=PdfReader(io.BytesIO(small_pdf("hemmelig"))))
        writer.encrypt(user_password="hemmelig", owner_password="ejer")
        buffer = io.BytesIO()
        writer.write(buffer)
        content = buffer.getvalue()
    meeting = make_meeting(upload=content, generators=[])
    job, _ = packet.meeting_document_request(meeting=meeting, kind=ReportJob.Kind.MEETING_PACKET, queue=False)
    job = report_job_run(job_id=job.pk)
    assert job.state == ReportJob.State.FAILED
    assert "Bilag 3.8.1" in job.error and message in job.error
    assert not job.file


def test_missing_upload_file_is_a_job_error_not_a_retry(kkr_data):
    meeting = make_meeting(upload=small_pdf("x"), generators=[])
    annex = Annex.objects.get(item__meeting=meeting)
    annex.file.storage.delete(annex.file.name)
    job, _ = packet.meeting_document_request(meeting=meeting, kind=ReportJob.Kind.MEETING_PACKET, queue=False)
    job = report_job_run(job_id=job.pk)
    assert job.state == ReportJob.State.FAILED and "Filen til Bilag 3.8.1 mangler" in job.error


def test_job_stores_the_packet_with_checksum_and_is_not_in_the_reports_archive(
    kkr_data, client, board_member
):
    meeting = make_meeting(upload=small_pdf("x"), generators=[])
    job, created = packet.meeting_document_request(
        meeting=meeting, kind=ReportJob.Kind.MEETING_PACKET, queue=False
    )
    again, created_again = packet.meeting_document_request(
        meeting=meeting, kind=ReportJob.Kind.MEETING_PACKET, queue=False
    )
    assert created and not created_again and again.pk == job.pk  # one job under way per meeting document
    job = report_job_run(job_id=job.pk)
    assert job.state == ReportJob.State.DONE and job.pages == 6 and len(job.sha256) == 64
    assert job.file.name.endswith(".pdf") and f"meeting-{meeting.pk}" in job.file.name
    client.force_login(board_member)
    assert client.get(f"/reports/job/{job.pk}/").status_code == 404
    assert client.get(f"/reports/job/{job.pk}/hent/").status_code == 404
    assert f"/reports/job/{job.pk}/" not in client.get("/reports/").content.decode()


def test_cli_writes_the_loaded_meetings_packet(kkr_data, tmp_path):
    """`render_meeting_packet 2022-12-14 --output F.pdf` on the meeting loaded from the source."""
    output = tmp_path / "packet.pdf"
    out = io.StringIO()
    call_command("render_meeting_packet", "2022-12-14", "--output", str(output), stdout=out)
    content = output.read_bytes()
    pages = pdf_pages_text(content)
    assert f"{len(pages)} pages" in out.getvalue()
    toc = next(page for page in pages if "Dagsorden" in page and "...." in page)
    ranges = _toc_pages(toc)
    assert "Bilag 3.8.1" in ranges
    for label, (first, _last) in ranges.items():
        assert label in pages[first - 1]
    # A published meeting's annexes were frozen by its first packet.
    assert not Annex.objects.filter(item__meeting__date="2022-12-14", frozen_at=None).exists()


def test_cli_refuses_unknown_dates(kkr_data, tmp_path):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="Not a date"):
        call_command("render_meeting_packet", "14-12-2022", "--output", str(tmp_path / "x.pdf"))
    with pytest.raises(CommandError, match="No meeting"):
        call_command("render_meeting_packet", "1999-01-01", "--output", str(tmp_path / "x.pdf"))


def test_minutes_show_recorded_decisions_only(kkr_data, secretariat, organisations):
    from core.models import Organisation

    meeting = make_meeting(state=Meeting.State.HELD, generators=[])
    first = meeting.items.get(number="3.7")
    decision = Decision.objects.create(
        item=first,
        outcome=Decision.Outcome.DECIDED,
        text="KKR tog orienteringen til efterretning.",
        recorded_by=secretariat,
    )
    FollowUpAction.objects.create(
        decision=decision,
        owner=Organisation.objects.get(name="Albertslund"),
        description="Sende status til K29",
        due=timezone.localdate(),
    )
    content, pages, _ = packet.render_minutes(meeting)
    text = " ".join("".join(pdf_pages_text(content)).split())
    assert "Referat (ikke godkendt)" in text
    assert "KKR tog orienteringen til efterretning." in text and "Sende status til K29" in text
    after_38 = text.split("3.8 Udpegning til opgaveudvalg", 1)[1]
    assert after_38.strip().startswith("Ingen beslutning registreret.")


def test_minutes_only_after_the_meeting(kkr_data):
    meeting = make_meeting(generators=[])
    with pytest.raises(packet.PacketError):
        packet.meeting_document_request(meeting=meeting, kind=ReportJob.Kind.MEETING_MINUTES, queue=False)


def test_export_zip_has_one_pdf_per_item_and_an_index(kkr_data):
    upload = small_pdf("Kommissorium")
    meeting = make_meeting(upload=upload, generators=[])
    content, _pages, _ = packet.render_export(meeting)
    archive = zipfile.ZipFile(io.BytesIO(content))
    names = archive.namelist()
    index = json.loads(archive.read("index.json"))
    assert [item["number"] for item in index["items"]] == ["3.7", "3.8"]
    for entry in index["items"]:
        pdf = archive.read(entry["file"])
        assert annexes.sha256(pdf) == entry["sha256"]
    assert "index.csv" in names
    csv_text = archive.read("index.csv").decode("utf-8-sig")
    assert csv_text.splitlines()[0] == "nummer;titel;fil;sha256;sider"
    item_38 = next(e for e in index["items"] if e["number"] == "3.8")
    pages = pdf_pages_text(archive.read(item_38["file"]))
    assert "3.8 Udpegning til opgaveudvalg" in pages[0]
    assert "Bilag 3.8.1" in pages[1] and "Kommissorium · upload side 1" in pages[2]
    assert item_38["annexes"][0]["sha256"] == annexes.sha256(upload)


def test_uploaded_annex_keeps_its_checksum_when_frozen(kkr_data, secretariat):
    upload = small_pdf("Kommissorium")
    meeting = make_meeting(upload=upload, generators=[])
    annexes.freeze_annexes(meeting, by=secretariat)
    annex = Annex.objects.get(item__meeting=meeting)
    assert annex.checksum == annexes.sha256(upload) and annex.page_count == 1 and annex.frozen_at
    annex.file.save("other.pdf", ContentFile(small_pdf("andet")), save=False)
    annex.frozen_at = None
    annex.save()
    with pytest.raises(annexes.AnnexError, match="kontrolsummen"):
        annexes.freeze_annexes(meeting, by=secretariat)


def test_export_index_neutralises_a_hostile_title(kkr_data):
    """index.csv goes through core.tabular: a title a spreadsheet would run as a formula is made harmless."""
    meeting = make_meeting(generators=[])
    item = meeting.items.get(number="3.8")
    item.title = '=HYPERLINK("http://example.org/x","klik")'
    item.save()
    content, _pages, _ = packet.render_export(meeting)
    archive = zipfile.ZipFile(io.BytesIO(content))
    rows = archive.read("index.csv").decode("utf-8-sig").splitlines()
    hostile = next(row for row in rows if row.startswith("3.8;"))
    assert "'=HYPERLINK" in hostile
    assert json.loads(archive.read("index.json"))["items"][1]["title"] == item.title  # JSON keeps the text
