"""Import and export of allocation tables: errors reported row by row, nothing saved, exports round-trip."""

import io
import time

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from core import tabular
from core.tabular import ImportRefused
from education import importers
from education.models import Allocation, RealisedIntake
from education.seed_data import ALLOCATION_TABLE
from tests import hostile_files

pytestmark = pytest.mark.django_db

ASSISTANT = "social-og-sundhedsassistent"


def csv_bytes(rows, *, total=None, header="Kommune;Pladser") -> bytes:
    lines = [header] + [f"{name};{value}" for name, value in rows]
    if total is not None:
        lines.append(f"I alt;{total}")
    return "\n".join(lines).encode("utf-8")


def seed_rows(column=4):
    return [(row[0], row[column]) for row in ALLOCATION_TABLE]


def test_a_correct_file_parses_and_resolves_alternative_spellings(organisations):
    rows = [("Lyngby-Tårbæk" if n == "Lyngby-Taarbæk" else n, v) for n, v in seed_rows()]
    result = importers.parse_bytes("f.csv", csv_bytes(rows, total="1.776"))
    assert result.ok, (result.errors, [r.errors for r in result.rows])
    assert result.total == 1776
    lyngby = next(r for r in result.rows if r.name == "Lyngby-Tårbæk")
    assert lyngby.municipality.name == "Lyngby-Taarbæk"


def test_every_kind_of_error_is_reported_row_by_row(organisations):
    rows = seed_rows()
    rows[0] = ("Københaven", 442)  # misspelled: suggestion
    rows[1] = ("Atlantis", 90)  # unknown
    rows[2] = ("Ballerup", -1)  # negative
    rows[3] = ("Brøndby", "mange")  # not a number
    rows[4] = ("Gentofte", 86)  # duplicate (Gentofte appears again below), Dragør missing
    result = importers.parse_bytes("f.csv", csv_bytes(rows, total=9999))
    assert not result.ok
    by_line = {r.line: r.errors for r in result.rows}
    assert "Mente du: København" in by_line[2][0]
    assert "Ukendt organisation: «Atlantis»" in by_line[3][0]
    assert "negativ" in by_line[4][0]
    assert "ikke et tal" in by_line[5][0]
    duplicate = next(r for r in result.rows if r.name == "Gentofte" and r.line > 6)
    assert "to gange" in duplicate.errors[0]
    assert any("Dragør" in e for e in result.errors)


def test_a_total_line_that_does_not_match_is_reported(organisations):
    result = importers.parse_bytes("f.csv", csv_bytes(seed_rows(), total=1777))
    assert result.errors == ["Linjen «I alt» siger 1777, men rækkerne summer til 1776."]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("f.pdf", b"%PDF-1.4", "Filtypen understøttes ikke"),
        ("f.xlsx", b"not a zip at all", "ikke et Excel-regneark"),
        ("f.xlsx", b"PK\x03\x04garbage", "kunne ikke læses"),
        ("f.csv", b"\x00\x01\x02\xff", "ikke en tekstfil"),
        ("f.csv", b"Navn;Tal\nBallerup;1", "mangler kolonnen"),
        ("f.csv", b"", "tom"),
    ],
)
def test_unreadable_files_are_refused_clearly(organisations, name, content, message):
    with pytest.raises(ImportRefused, match=message):
        importers.parse_bytes(name, content)


def test_an_oversized_file_is_refused(organisations):
    big = SimpleUploadedFile("f.csv", b"x" * (tabular.MAX_BYTES + 1))
    with pytest.raises(ImportRefused, match="for stor"):
        importers.parse_table(big)


def _upload(client, content, name="fordeling.csv", year=2024, programme=None):
    return client.post(
        reverse("education:import", args=["fordeling"]),
        {"year": year, "programme": programme.pk, "file": SimpleUploadedFile(name, content)},
    )


def test_an_import_with_errors_lists_them_and_saves_nothing(client, secretariat, assistant):
    client.force_login(secretariat)
    rows = seed_rows()
    rows[5] = ("Gentofte", "-4")
    response = _upload(client, csv_bytes(rows), programme=assistant)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Intet er gemt" in html and "negativ" in html
    assert "Importér alle rækker" not in html
    assert client.post(reverse("education:import_commit", args=["fordeling"])).status_code == 302
    assert not Allocation.objects.filter(year=2024).exists()


def test_a_correct_import_is_previewed_then_committed_as_a_draft(client, secretariat, assistant):
    client.force_login(secretariat)
    response = _upload(client, csv_bytes(seed_rows(), total=1776), programme=assistant)
    assert "Importér alle rækker" in response.content.decode()
    assert not Allocation.objects.filter(year=2024).exists()
    response = client.post(
        reverse("education:import_commit", args=["fordeling"]), {"token": response.context["token"]}
    )
    assert response.status_code == 302
    allocation = Allocation.objects.get(year=2024, programme=assistant)
    assert allocation.total == 1776 and allocation.status == Allocation.Status.DRAFT


def test_garbage_upload_gives_a_message_not_a_500(client, secretariat, assistant):
    client.force_login(secretariat)
    response = _upload(client, b"PK\x03\x04\x00\x00garbage", name="x.xlsx", programme=assistant)
    assert response.status_code == 200
    assert "kunne ikke læses" in response.content.decode()


def test_intake_import_saves_realised_places(client, secretariat, assistant):
    client.force_login(secretariat)
    content = csv_bytes(seed_rows(), header="Kommune;Optag")
    response = client.post(
        reverse("education:import", args=["optag"]),
        {"year": 2023, "programme": assistant.pk, "file": SimpleUploadedFile("optag.csv", content)},
    )
    assert response.status_code == 200
    token = response.context["token"]
    assert (
        client.post(reverse("education:import_commit", args=["optag"]), {"token": token}).status_code == 302
    )
    assert RealisedIntake.objects.filter(year=2023).count() == 29


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_an_export_reopens_in_the_importer_unchanged(client, board_member, assistant, fmt):
    client.force_login(board_member)
    allocation = Allocation.objects.get(year=2023, programme=assistant)
    response = client.get(reverse(f"education:allocation_export_{fmt}", args=[allocation.pk]))
    assert response.status_code == 200
    result = importers.parse_bytes(f"export.{fmt}", response.content)
    assert result.ok, (result.errors, [r.errors for r in result.rows])
    assert result.total_line == 1776
    exported = {r.municipality.pk: int(r.value) for r in result.rows}
    assert exported == {r.municipality_id: r.places for r in allocation.rows.all()}
    if fmt == "xlsx":
        sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
        assert [c.value for c in sheet[1]] == ["Kommune", "Pladser"]


def test_a_windows_1252_file_from_danish_excel_reads(organisations):
    content = csv_bytes(seed_rows(), total="1.776").decode().encode("cp1252")
    assert "Dragør".encode("cp1252") in content
    result = importers.parse_bytes("f.csv", content)
    assert result.ok, (result.errors, [r.errors for r in result.rows])
    assert {r.name for r in result.rows} >= {"Brøndby", "Dragør", "Tårnby"} and result.total == 1776


# --- hostile files ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("bomb.xlsx", hostile_files.zip_bomb_xlsx, "fylder for meget udpakket"),
        ("rows.csv", lambda: hostile_files.million_row_csv("Kommune;Pladser"), "for mange rækker"),
        ("big.csv", hostile_files.oversized, "for stor"),
    ],
)
def test_hostile_files_are_refused_on_the_page_and_save_nothing(
    client, secretariat, assistant, name, content, message
):
    client.force_login(secretariat)
    before = Allocation.objects.count()
    started = time.perf_counter()
    response = _upload(client, content(), name=name, programme=assistant)
    assert time.perf_counter() - started < 5
    assert response.status_code == 200
    assert message in response.content.decode()
    assert response.context["token"] is None
    assert client.post(reverse("education:import_commit", args=["fordeling"])).status_code == 302
    assert Allocation.objects.count() == before


def test_formula_cells_are_text_never_evaluated(client, secretariat, assistant):
    client.force_login(secretariat)
    rows = [["Kommune", "Pladser"]] + [[n, v] for n, v in seed_rows()]
    rows[1][1] = "=440+2"  # København's 442 as a formula
    response = _upload(client, hostile_files.xlsx(rows), name="formel.xlsx", programme=assistant)
    html = response.content.decode()
    assert "«=440+2» er ikke et tal" in html and "Intet er gemt" in html
    assert response.context["token"] is None
    assert not Allocation.objects.filter(year=2024).exists()
