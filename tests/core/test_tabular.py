"""core.tabular: the reader's limits, the preview store, the writer's formula guard."""

import csv
import io
import time
from datetime import date
from decimal import Decimal

import pytest
from django.contrib.sessions.backends.db import SessionStore
from django.test import RequestFactory
from openpyxl import load_workbook

from core import tabular
from core.tabular import ImportRefused, PreviewExpired, Sheet
from tests import hostile_files


def test_csv_with_semicolons_and_a_bom_reads_as_text_cells():
    table = tabular.read_bytes("f.csv", "\ufeffKommune;Pladser\nKøbenhavn;1.776\n\nBallerup; 2,5 \n".encode())
    assert table.columns == ["kommune", "pladser"]
    assert [(r.line, r.cells) for r in table.records] == [
        (2, {"kommune": "København", "pladser": "1.776"}),
        (4, {"kommune": "Ballerup", "pladser": "2,5"}),
    ]


def test_comma_separated_and_windows_1252_files_read_too():
    content = 'Kommune,Nøgle\r\nBrøndby,"2,5"\r\n'.encode("cp1252")
    table = tabular.read_bytes("f.csv", content)
    assert table.records[0].cells == {"kommune": "Brøndby", "nøgle": "2,5"}


@pytest.mark.parametrize("encoding", ["cp1252", "utf-16", "utf-16-le", "utf-16-be"])
def test_danish_excel_csv_in_windows_1252_or_utf16_reads_with_its_letters(encoding):
    text = "Kommune;Bemærkning\r\nHøje-Taastrup;Ærø, Tårnby og Brøndby\r\n"
    if encoding != "cp1252":
        text = text.replace(";", "\t")  # Excel's "Unicode-tekst" is tab-separated
    content = text.encode(encoding)
    if encoding.endswith(("-le", "-be")):
        content = "\ufeff".encode(encoding) + content  # the byte order mark Excel writes
    table = tabular.read_bytes("f.csv", content)
    assert table.columns == ["kommune", "bemærkning"]
    assert table.records[0].cells == {"kommune": "Høje-Taastrup", "bemærkning": "Ærø, Tårnby og Brøndby"}


def test_xlsx_numbers_dates_and_formulas_come_back_as_text():
    content = hostile_files.xlsx(
        [
            ["tal", "dato", "note"],
            [40.25, date(2023, 1, 31), "=SUM(A1:A9)"],
            [-2.5, None, "'=1+1"],
            [12, None, 1],
        ]
    )
    records = tabular.read_bytes("f.xlsx", content).records
    assert records[0].cells == {"tal": "40,25", "dato": "2023-01-31", "note": "=SUM(A1:A9)"}
    assert records[1].cells == {"tal": "-2,5", "dato": "", "note": "=1+1"}  # the export's guard undone
    assert records[2].cells["tal"] == "12"


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("f.csv", b"", "tom"),
        ("f.pdf", b"%PDF-1.4", "Kun CSV- og XLSX-filer"),
        ("f.csv", b"\xff\xfeK\x00o\x00\x00\xd8", "UTF-16"),  # a lone surrogate
        ("f.csv", "Kommune;Pladser\nBallerup;\x00".encode("utf-16"), "binære data"),
        ("f.csv", b"Kommune;Pladser\n\x01\x02\x03;\x04", "binære data"),
        ("f.csv", b"Kommune;Pladser\nBallerup;\x81\x8d", "hverken UTF-8 eller Windows-1252"),
        ("f.xlsx", b"not a zip", "ikke en gyldig XLSX-fil"),
        ("f.xlsx", b"PK\x03\x04garbage", "kunne ikke læses"),
        ("f.csv", b"a;a\n1;2\n", "samme overskrift"),
        ("f.csv", b"a;b\n" + b"x" * (tabular.MAX_CELL_CHARS + 1) + b";1\n", "linje 2 er for lang"),
        ("f.xlsx", hostile_files.xlsx([["a"], ["x" * (tabular.MAX_CELL_CHARS + 1)]]), "linje 2 er for lang"),
    ],
)
def test_unreadable_files_are_refused_with_a_message(name, content, message):
    with pytest.raises(ImportRefused, match=message):
        tabular.read_bytes(name, content)


def test_an_oversized_file_is_refused_before_it_is_read():
    class Upload:
        name, size = "f.csv", tabular.MAX_BYTES + 1

        def read(self, *args):
            raise AssertionError("read although too big")

    with pytest.raises(ImportRefused, match="for stor"):
        tabular.read_upload(Upload())
    with pytest.raises(ImportRefused, match="for stor"):
        tabular.read_bytes("f.csv", hostile_files.oversized())


def test_a_zip_bomb_is_refused_before_it_is_inflated():
    bomb = hostile_files.zip_bomb_xlsx()
    started = time.perf_counter()
    with pytest.raises(ImportRefused, match="fylder for meget udpakket"):
        tabular.read_bytes("bomb.xlsx", bomb)
    assert time.perf_counter() - started < 0.5


def test_a_million_row_csv_stops_at_the_row_limit():
    content = hostile_files.million_row_csv("a;b")
    started = time.process_time()  # CPU time: the wall clock counts the other processes on the machine
    with pytest.raises(ImportRefused, match="for mange rækker"):
        tabular.read_bytes("f.csv", content)
    assert time.process_time() - started < 2


@pytest.mark.parametrize("declared", [True, False])
def test_a_million_row_xlsx_stops_at_the_row_limit_whether_or_not_it_declares_its_range(declared):
    content = hostile_files.million_row_xlsx(declared=declared)
    started = time.process_time()
    with pytest.raises(ImportRefused, match="for mange rækker"):
        tabular.read_bytes("f.xlsx", content)
    assert time.process_time() - started < 2


def test_an_xlsx_whose_declared_range_is_too_small_is_read_whole():
    content = hostile_files.xlsx([["a", "b"], [1, 2], [3, 4], [5, 6]])
    content = hostile_files.with_dimension(content, "A1:B1")
    assert [r.cells for r in tabular.read_bytes("f.xlsx", content).records] == [
        {"a": "1", "b": "2"},
        {"a": "3", "b": "4"},
        {"a": "5", "b": "6"},
    ]


def test_shared_strings_and_rich_text_read_as_their_text():
    content = hostile_files.xlsx_with_shared_strings(
        [
            "<t>kommune</t>",
            "<r><t>Høje-</t></r><r><rPr><b/></rPr><t>Taastrup</t></r>",
            '<t xml:space="preserve"> a </t>',
            '<t>Tårnby</t><rPh sb="0" eb="1"><t>phonetic hint</t></rPh><phoneticPr fontId="1"/>',
            "<t>Fredensborg &amp; Hørsholm</t>",
        ],
        [[0], [1], [2], [3], [4]],
    )
    assert [r.cells for r in tabular.read_bytes("f.xlsx", content).records] == [
        {"kommune": "Høje-Taastrup"},
        {"kommune": "a"},
        {"kommune": "Tårnby"},
        {"kommune": "Fredensborg & Hørsholm"},
    ]


def test_a_zip_bomb_lying_about_its_size_is_not_inflated_past_it():
    bomb = hostile_files.lying_zip_bomb_xlsx()  # built before the clock starts: building it is not reading it
    started = time.process_time()
    with pytest.raises(ImportRefused, match="kunne ikke læses"):
        tabular.read_bytes("bomb.xlsx", bomb)
    assert time.process_time() - started < 0.5


def test_a_shared_strings_table_over_the_part_limit_is_refused_before_it_is_read():
    with pytest.raises(ImportRefused, match="fylder for meget udpakket"):
        tabular.read_bytes("f.xlsx", hostile_files.oversized_shared_strings_xlsx())


def test_a_shared_strings_table_at_the_part_limit_reads_in_bounded_time():
    content = hostile_files.shared_strings_xlsx()
    started = time.process_time()
    assert tabular.read_bytes("f.xlsx", content).records == []
    assert time.process_time() - started < 2


def test_required_columns_name_what_is_missing():
    table = tabular.read_bytes("f.csv", b"a;b\n1;2\n")
    with pytest.raises(ImportRefused, match="Kolonner mangler: «kommune»"):
        tabular.require_columns(table, ["a", "kommune"])


def test_the_csv_export_is_semicolon_utf8_bom_with_danish_numbers_and_guarded_text():
    content = tabular.csv_bytes(
        ["navn", "tal", "år", "dato"],
        [['=HYPERLINK("http://x")', Decimal("-2.5"), 2024, date(2023, 1, 31)], ["-2,5", 1776.0, -3, None]],
    )
    assert content.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig")), delimiter=";"))
    assert rows[1] == ['\'=HYPERLINK("http://x")', "-2,5", "2024", "2023-01-31"]
    assert rows[2] == ["'-2,5", "1.776", "-3", ""]  # text that looks negative is guarded, numbers are not


@pytest.mark.parametrize("text", ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"])
def test_every_formula_start_is_neutralised_in_xlsx_and_numbers_stay_numbers(text):
    content = tabular.xlsx_bytes([Sheet("ark", ["tekst", "tal"], [[text, Decimal("-2.5")]])])
    sheet = load_workbook(io.BytesIO(content)).active
    cell, value = sheet["A2"], sheet["B2"]
    assert cell.data_type == "s" and cell.value == "'" + text.replace("\r", "\n")  # XML reads \r as \n
    assert value.data_type == "n" and value.value == -2.5


def test_an_export_reads_back_unchanged():
    rows = [["=x", Decimal("1705.5"), "ja"], ["- punkt", Decimal("-2.5"), ""]]
    for content, name in (
        (tabular.csv_bytes(["a", "b", "c"], rows), "f.csv"),
        (tabular.xlsx_bytes([Sheet("ark", ["a", "b", "c"], rows)]), "f.xlsx"),
    ):
        records = tabular.read_bytes(name, content).records
        assert [[r.get("a"), r.get("b"), r.get("c")] for r in records] == [
            ["=x", "1.705,5" if name.endswith("csv") else "1705,5", "ja"],
            ["- punkt", "-2,5", ""],
        ]


@pytest.fixture
def request_with_session(db):
    request = RequestFactory().post("/")
    request.session = SessionStore()
    return request


def test_a_preview_commits_once_with_its_own_token(request_with_session):
    token = tabular.preview_store(request_with_session, "demo", [1, 2])
    assert tabular.preview_commit(request_with_session, "demo", token, sum) == 3
    with pytest.raises(tabular.PreviewAlreadyCommitted):
        tabular.preview_commit(request_with_session, "demo", token, sum)


@pytest.mark.parametrize("token", ["forged", "", None])
def test_a_forged_token_commits_nothing(request_with_session, token):
    tabular.preview_store(request_with_session, "demo", [1])
    with pytest.raises(PreviewExpired):
        tabular.preview_commit(request_with_session, "demo", token, sum)


def test_an_older_preview_token_or_another_kind_is_refused(request_with_session):
    old = tabular.preview_store(request_with_session, "demo", [1])
    tabular.preview_store(request_with_session, "demo", [2])
    with pytest.raises(PreviewExpired):
        tabular.preview_commit(request_with_session, "demo", old, sum)
    other = tabular.preview_store(request_with_session, "other", [3])
    with pytest.raises(PreviewExpired):
        tabular.preview_commit(request_with_session, "demo", other, sum)


def test_a_failing_commit_rolls_back_and_keeps_the_preview(request_with_session):
    from core.models import Organisation

    token = tabular.preview_store(request_with_session, "demo", "x")
    before = Organisation.objects.count()

    def apply(payload):
        Organisation.objects.create(name="Halvvejs", slug="halvvejs", kind="municipality")
        raise RuntimeError("second row fails")

    with pytest.raises(RuntimeError):
        tabular.preview_commit(request_with_session, "demo", token, apply)
    assert Organisation.objects.count() == before
    assert tabular.preview_commit(request_with_session, "demo", token, len) == 1
