import csv
import io
import time

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from core.models import Organisation
from tests import hostile_files
from vip_climate.models import Commitment, MunicipalityCommitment
from vip_climate.services import commitment_entry_save

pytestmark = pytest.mark.django_db
URL = "/vip/forpligtelser/indlaes/"


@pytest.fixture
def entries(vip, secretariat):
    bio = Commitment.objects.get(code="bioaffald-2022")
    plan = Commitment.objects.get(code="klima-og-energiplan-2022")
    from datetime import date

    commitment_entry_save(
        commitment=bio,
        organisation=Organisation.objects.get(name="Albertslund"),
        status="fulfilled",
        date=date(2022, 5, 1),
        evidence_url="https://example.org/bio",
        note="=SUM(A1)",
    )
    commitment_entry_save(
        commitment=plan, organisation=Organisation.objects.get(name="Lyngby-Taarbæk"), status="in_progress"
    )
    return MunicipalityCommitment.objects.order_by("pk")


def upload(client, name, content):
    return client.post(URL, {"file": SimpleUploadedFile(name, content)})


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_the_export_round_trips_through_the_importer(client, secretariat, entries, fmt):
    client.force_login(secretariat)
    exported = client.get(reverse("vip_climate:export", args=["forpligtelser", fmt])).content
    before = [(e.commitment_id, e.organisation_id, e.status, e.date, e.evidence_url, e.note) for e in entries]
    MunicipalityCommitment.objects.all().delete()
    preview = upload(client, f"f.{fmt}", exported)
    assert preview.status_code == 200
    token = preview.context["token"]
    assert [r.fate for r in preview.context["rows"]] == ["ny", "ny"]
    assert not MunicipalityCommitment.objects.exists()  # nothing saved before confirming
    assert client.post(URL, {"token": token}).status_code == 302
    after = [
        (e.commitment_id, e.organisation_id, e.status, e.date, e.evidence_url, e.note)
        for e in MunicipalityCommitment.objects.order_by("commitment_id", "organisation__name")
    ]
    assert sorted(after, key=str) == sorted(before, key=str)


def test_an_unchanged_file_changes_nothing(client, secretariat, entries):
    client.force_login(secretariat)
    exported = client.get(reverse("vip_climate:export", args=["forpligtelser", "csv"])).content
    preview = upload(client, "f.csv", exported)
    assert [r.fate for r in preview.context["rows"]] == ["uændret", "uændret"]


def test_a_file_with_one_bad_row_saves_nothing(client, secretariat, vip):
    client.force_login(secretariat)
    content = (
        "forpligtelse;kommune;status;dato;dokumentation;bemærkning\n"
        "bioaffald-2022;Høje Taastrup;Opfyldt;2022-03-01;https://x.dk;\n"
        "bioaffald-2022;Herlevv;Opfyldt;;;\n"
        "bioaffald-2022;Region H;Opfyldt;;;\n"
        "ukendt;Gentofte;Færdig;32-13-2022;javascript:alert(1);\n"
    ).encode()
    response = upload(client, "f.csv", content)
    rows = response.context["rows"]
    assert response.status_code == 200 and "token" not in response.context
    assert rows[0].fate == "ny" and rows[0].organisation == "Høje-Taastrup"
    assert "Herlev" in " ".join(rows[1].errors)
    assert "ikke en kommune" in " ".join(rows[2].errors)
    assert len(rows[3].errors) == 4
    assert not MunicipalityCommitment.objects.exists()


@pytest.mark.parametrize(
    "name,content,message",
    [
        ("f.pdf", b"%PDF-1.4", "Kun CSV- og XLSX-filer"),
        ("f.xlsx", b"\x00\x01garbage", "kunne ikke læses"),
        ("f.csv", b"a;b\n1;2\n", "Kolonner mangler"),
        ("f.csv", b"\xff\xfe\x00garbage\xff", "UTF-8"),
        ("f.csv", b"x" * (5 * 1024 * 1024 + 1), "for stor"),
    ],
)
def test_bad_files_get_a_clear_message(client, secretariat, vip, name, content, message):
    client.force_login(secretariat)
    response = upload(client, name, content)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not MunicipalityCommitment.objects.exists()


def test_a_tampered_token_is_refused(client, secretariat, vip):
    client.force_login(secretariat)
    response = client.post(URL, {"token": "forged"})
    assert response.status_code == 302 and not MunicipalityCommitment.objects.exists()


def test_only_the_secretariat_imports(client, albertslund_member, board_member):
    for user in (albertslund_member, board_member):
        client.force_login(user)
        assert client.get(URL).status_code == 403
        assert client.post(URL, {"token": "x"}).status_code == 403


# --- hostile files ------------------------------------------------------------------------------------

HEADER = "forpligtelse;kommune;status;dato;dokumentation;bemærkning"


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("bomb.xlsx", hostile_files.zip_bomb_xlsx, "fylder for meget udpakket"),
        ("rows.csv", lambda: hostile_files.million_row_csv(HEADER), "for mange rækker"),
        ("big.csv", hostile_files.oversized, "for stor"),
    ],
)
def test_hostile_files_are_refused_on_the_page_and_save_nothing(
    client, secretariat, entries, name, content, message
):
    client.force_login(secretariat)
    before = MunicipalityCommitment.objects.count()
    started = time.perf_counter()
    response = upload(client, name, content())
    assert time.perf_counter() - started < 5
    assert response.status_code == 200
    assert message in response.content.decode()
    assert "token" not in response.context
    assert MunicipalityCommitment.objects.count() == before


def test_formula_cells_are_stored_as_text_and_exported_neutralised(client, secretariat, vip):
    client.force_login(secretariat)
    content = hostile_files.xlsx(
        [
            HEADER.split(";"),
            ["bioaffald-2022", "Gentofte", "Opfyldt", None, None, '=HYPERLINK("http://x","klik")'],
        ]
    )
    preview = upload(client, "formel.xlsx", content)
    assert client.post(URL, {"token": preview.context["token"]}).status_code == 302
    assert MunicipalityCommitment.objects.get().note == '=HYPERLINK("http://x","klik")'
    exported = client.get(reverse("vip_climate:export", args=["forpligtelser", "csv"])).content.decode(
        "utf-8-sig"
    )
    assert list(csv.reader(io.StringIO(exported), delimiter=";"))[1][-1] == '\'=HYPERLINK("http://x","klik")'
    sheet = openpyxl.load_workbook(
        io.BytesIO(client.get(reverse("vip_climate:export", args=["forpligtelser", "xlsx"])).content)
    ).active
    note = sheet["G2"]
    assert note.data_type == "s" and note.value == '\'=HYPERLINK("http://x","klik")'


def test_a_token_is_used_once(client, secretariat, vip):
    client.force_login(secretariat)
    preview = upload(client, "f.csv", (HEADER + "\nbioaffald-2022;Gentofte;Opfyldt;;;\n").encode())
    token = preview.context["token"]
    assert client.post(URL, {"token": token}).status_code == 302
    MunicipalityCommitment.objects.all().delete()
    assert client.post(URL, {"token": token}).status_code == 302
    assert not MunicipalityCommitment.objects.exists()


def test_a_commitment_removed_after_the_preview_gives_a_message_not_a_500(client, secretariat, vip):
    client.force_login(secretariat)
    preview = upload(client, "f.csv", (HEADER + "\nbioaffald-2022;Gentofte;Opfyldt;;;\n").encode())
    Commitment.objects.filter(code="bioaffald-2022").delete()
    response = client.post(URL, {"token": preview.context["token"]}, follow=True)
    assert "udløbet eller ugyldig" in response.content.decode()
    assert not MunicipalityCommitment.objects.exists()
