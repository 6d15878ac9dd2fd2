import io
import time
from datetime import date
from decimal import Decimal

import openpyxl
import pandas as pd
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from contracts.models import Measurement, Target
from tests import hostile_files

pytestmark = pytest.mark.django_db

HEADER = "delmål;dato;værdi;kontrolgruppe;segment;kommune;milepæl;baseline;kilde;note\n"


def upload(client, content: bytes, name="maalinger.csv"):
    return client.post(reverse("contracts:import", args=[2023]), {"file": SimpleUploadedFile(name, content)})


def commit(client, response):
    return client.post(reverse("contracts:import_commit", args=[2023]), {"token": response.context["token"]})


def test_a_clean_csv_is_previewed_then_committed_all_at_once(
    client, erhvervshus_member, contract, django_capture_on_commit_callbacks
):
    client.force_login(erhvervshus_member)
    csv = (
        HEADER
        + "2.1.1;2023-01-31;12;;;Bornholm;;;;januar\n"
        + "2.1.1;31-01-2023;9;;;Lyngby-Tårbæk;;;;\n"
        + "3.1;2023-12-01;81,5;;drift;;;;erhvervsstyrelsen;\n"
        + "4.1b;2023-03-01;;;;;i gang;;;\n"
        + "6.3;2023-12-31;12;10;;;;;;\n"
    ).encode()
    response = upload(client, csv)
    assert response.status_code == 200
    assert "5 rækker er klar" in response.content.decode()
    assert not Measurement.objects.exists()
    with django_capture_on_commit_callbacks(execute=True):
        assert commit(client, response).status_code == 302
    assert Measurement.objects.count() == 5
    assert Measurement.objects.get(target__code="3.1").value == Decimal("81.5")
    assert Measurement.objects.filter(municipality__name="Lyngby-Taarbæk").exists()
    assert Measurement.objects.get(target__code="4.1b").milestone_status == "in_progress"
    assert Measurement.objects.first().entered_by == erhvervshus_member


def test_row_errors_are_listed_and_nothing_is_saved(client, erhvervshus_member, contract):
    Measurement.objects.create(
        target=Target.objects.get(code="1.1"),
        measured_on=date(2023, 1, 1),
        value=40,
        source="external_survey",
    )
    client.force_login(erhvervshus_member)
    csv = (
        HEADER
        + "2.1.1;2023-01-31;12;;;Bornholm;;;;\n"
        + "9.9;2023-01-31;12;;;;;;;\n"
        + "2.1.1;2023-01-31;tolv;;;Albertslund;;;;\n"
        + "2.1.1;2023-01-31;3;;;Atlantis;;;;\n"
        + "2.1.1;2023-01-31;5;;;Bornholm;;;;\n"
        + "1.1;2023-01-01;41;;;;;;;\n"
        + "1.1;2023-02-01;140;;;;;;;\n"
    ).encode()
    response = upload(client, csv)
    html = response.content.decode()
    assert response.status_code == 200
    assert "6 rækker har fejl" in html
    assert "Ukendt delmål «9.9»" in html
    assert "Ugyldigt tal i kolonnen værdi: «tolv»" in html
    assert "Ukendt organisation: «Atlantis»" in html
    assert "samme måling står tidligere i filen" in html
    assert "findes allerede i portalen" in html
    assert "mellem 0 og 100" in html
    assert "token" not in response.context
    assert Measurement.objects.count() == 1


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("x.csv", b"", "er tom"),
        ("x.pdf", b"%PDF-1.4 garbage", "Kun CSV- og XLSX-filer"),
        ("x.xlsx", b"not a zip at all", "ikke en gyldig XLSX-fil"),
        ("x.xlsx", b"PK\x03\x04garbage garbage", "kunne ikke læses"),
        ("x.csv", b"\xff\xfe\x00\x01\x02garbage", "mangler kolonnen"),  # UTF-16 of nothing useful
        ("x.csv", b"a;b\n1;2\n", "mangler kolonnen"),
        ("x.csv", b"d" * (5 * 1024 * 1024 + 10), "for stor"),
    ],
)
def test_bad_files_are_refused_with_a_clear_message(
    client, erhvervshus_member, contract, name, content, message
):
    client.force_login(erhvervshus_member)
    response = upload(client, content, name)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Measurement.objects.exists()


def test_hostile_text_is_escaped_in_the_preview(client, erhvervshus_member, contract):
    client.force_login(erhvervshus_member)
    response = upload(client, (HEADER + "<script>alert(1)</script>;2023-01-01;1;;;;;;;\n").encode())
    html = response.content.decode()
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;" in html


def test_a_stale_or_forged_token_commits_nothing(client, erhvervshus_member, contract):
    client.force_login(erhvervshus_member)
    response = client.post(reverse("contracts:import_commit", args=[2023]), {"token": "forged"})
    assert response.status_code == 302
    assert not Measurement.objects.exists()


def test_import_is_for_the_secretariat_and_the_erhvervshus_only(client, board_member, contract):
    client.force_login(board_member)
    assert client.get(reverse("contracts:import", args=[2023])).status_code == 403
    assert client.get(reverse("contracts:import_commit", args=[2023])).status_code == 405


def seed_measurements(organisations):
    Measurement.objects.create(
        target=Target.objects.get(code="2.1.1"),
        measured_on=date(2023, 1, 31),
        value=12,
        municipality=organisations["Bornholm"],
        source="own_count",
        note="januar",
    )
    Measurement.objects.create(
        target=Target.objects.get(code="3.1"),
        measured_on=date(2023, 12, 1),
        value=Decimal("81.5"),
        segment="drift",
        source="erhvervsstyrelsen",
    )
    Measurement.objects.create(
        target=Target.objects.get(code="5.3.1"),
        measured_on=date(2021, 6, 1),
        value=Decimal("40.25"),
        is_baseline=True,
        source="own_survey",
    )
    Measurement.objects.create(
        target=Target.objects.get(code="6.3"),
        measured_on=date(2023, 12, 31),
        value=12,
        control_value=10,
        source="dst_registers",
    )
    Measurement.objects.create(
        target=Target.objects.get(code="4.1c"),
        measured_on=date(2023, 4, 1),
        milestone_status="done",
        source="own_account",
    )


def fields():
    return sorted(
        Measurement.objects.values_list(
            "target__code",
            "measured_on",
            "value",
            "control_value",
            "segment",
            "municipality__name",
            "milestone_status",
            "is_baseline",
            "source",
            "note",
        )
    )


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_an_export_imports_again_unchanged(client, secretariat, contract, organisations, fmt):
    seed_measurements(organisations)
    before = fields()
    client.force_login(secretariat)
    response = client.get(reverse("contracts:export", args=[2023, fmt]))
    assert response.status_code == 200
    content = response.content
    if fmt == "xlsx":
        assert set(pd.read_excel(io.BytesIO(content), sheet_name=None)) == {"målinger", "delmål"}
    Measurement.objects.all().delete()
    preview = upload(client, content, f"eksport.{fmt}")
    assert "5 rækker er klar" in preview.content.decode(), preview.content.decode()[-3000:]
    commit(client, preview)
    assert fields() == before


def test_an_unknown_export_format_is_404(client, secretariat, contract):
    client.force_login(secretariat)
    assert client.get(reverse("contracts:export", args=[2023, "pdf"])).status_code == 404


def test_the_targets_export_as_csv_lists_every_target_with_its_rule_figures(client, board_member, contract):
    client.force_login(board_member)
    response = client.get(reverse("contracts:export", args=[2023, "delmaal.csv"]))
    frame = pd.read_csv(io.BytesIO(response.content), sep=";", dtype=str, keep_default_na=False)
    assert len(frame) == 37  # with 2.1.1.1, seed line 203 "heraf 30% med +5 ansatte"
    row = frame[frame["delmål"] == "5.3.1"].iloc[0]
    assert (
        row["mål-værdi"] == "-2,5"
        and row["baseline"] == ""
        and row["baseline fra"] == "baseline undersøgelse fra 2021"
    )


# --- hostile files ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("bomb.xlsx", hostile_files.zip_bomb_xlsx, "fylder for meget udpakket"),
        ("rows.csv", lambda: hostile_files.million_row_csv(HEADER.strip()), "for mange rækker"),
        ("big.csv", hostile_files.oversized, "for stor"),
    ],
)
def test_hostile_files_are_refused_on_the_page_and_save_nothing(
    client, erhvervshus_member, contract, name, content, message
):
    client.force_login(erhvervshus_member)
    before = Measurement.objects.count()
    started = time.perf_counter()
    response = upload(client, content(), name)
    assert time.perf_counter() - started < 5
    assert response.status_code == 200
    assert message in response.content.decode()
    assert "token" not in response.context
    assert Measurement.objects.count() == before


def test_formula_cells_are_stored_as_text_and_exported_neutralised(client, erhvervshus_member, contract):
    client.force_login(erhvervshus_member)
    content = hostile_files.xlsx(
        [HEADER.strip().split(";"), ["2.1.1", "2023-01-31", 12, None, None, None, None, None, None, "=1+1"]]
    )
    response = upload(client, content, "formler.xlsx")
    commit(client, response)
    assert Measurement.objects.get().note == "=1+1"
    exported = client.get(reverse("contracts:export", args=[2023, "csv"])).content.decode("utf-8-sig")
    assert exported.splitlines()[1].endswith(";'=1+1")
    sheet = openpyxl.load_workbook(
        io.BytesIO(client.get(reverse("contracts:export", args=[2023, "xlsx"])).content)
    )
    note = sheet["målinger"]["J2"]
    assert note.data_type == "s" and note.value == "'=1+1"


def test_a_thousands_dot_is_read_the_danish_way(client, erhvervshus_member, contract):
    client.force_login(erhvervshus_member)
    response = upload(client, (HEADER + "2.1.1;2023-01-31;1.776;;;;;;;\n").encode())
    commit(client, response)
    assert Measurement.objects.get().value == Decimal(1776)
