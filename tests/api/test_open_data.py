"""Open data: only what the secretariat published, without login; never a person, never a draft."""

import io

import pandas as pd
import pytest
from django.urls import reverse
from rdflib import RDF, Graph, Namespace, URIRef

from api.datasets import all_datasets
from api.models import PublicDataset

pytestmark = pytest.mark.django_db

DCAT = Namespace("http://www.w3.org/ns/dcat#")
DCT = Namespace("http://purl.org/dc/terms/")
FOAF = Namespace("http://xmlns.com/foaf/0.1/")


def publish_all(client, secretariat):
    client.force_login(secretariat)
    keys = [d.key for d in all_datasets()]
    assert (
        client.post(
            reverse("open_data:index").replace("/data/", "/api/offentlige/"), {"public": keys}
        ).status_code
        == 302
    )
    client.logout()
    return keys


def test_nothing_is_public_until_the_secretariat_publishes_it(client, secretariat):
    assert client.get("/data/education/allocations.csv").status_code == 404
    assert "allocations" not in client.get("/data/").content.decode()
    publish_all(client, secretariat)
    response = client.get("/data/education/allocations.csv")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")


def test_only_the_secretariat_publishes(client, board_member):
    client.force_login(board_member)
    assert client.post("/api/offentlige/", {"public": ["education/allocations"]}).status_code == 403
    assert not PublicDataset.objects.filter(is_public=True).exists()


def test_unknown_keys_posted_are_ignored(client, secretariat):
    client.force_login(secretariat)
    client.post("/api/offentlige/", {"public": ["../../etc/passwd", "x" * 5000]})
    assert not PublicDataset.objects.filter(is_public=True).exists()


def test_nothing_personal_and_no_draft_is_ever_public(
    client, secretariat, albertslund_member, vip2_spring_draft
):
    from vip_climate.models import StatusReport

    StatusReport.objects.filter(pk=vip2_spring_draft.pk).update(status_text="HEMMELIGT UDKAST")
    for n, person in enumerate((secretariat, albertslund_member)):  # names no dataset could hold by chance
        person.username, person.email = f"person-q{n}x7", f"q{n}x7@kommune.example"
        person.first_name, person.last_name = "Zorbaq", f"Quimby{n}"
        person.save()
    keys = publish_all(client, secretariat)
    outputs = [client.get("/data/").content, client.get("/data/katalog.jsonld").content]
    for key in keys:
        for fmt in ("csv", "json", "xlsx"):
            response = client.get(f"/data/{key}.{fmt}")
            assert response.status_code == 200, (key, fmt)
            outputs.append(response.content)
    everything = b"\n".join(outputs).decode("utf-8", errors="replace")
    for person in (secretariat, albertslund_member):
        for personal in (person.username, person.email, person.last_name):
            assert personal not in everything
    assert "HEMMELIGT UDKAST" not in everything
    assert "updated_by" not in everything and "entered_by" not in everything


def test_the_catalogue_is_dcat_ap_dk(client, secretariat):
    keys = publish_all(client, secretariat)
    response = client.get("/data/katalog.jsonld")
    assert response["Content-Type"].startswith("application/ld+json")
    graph = Graph().parse(data=response.content, format="json-ld")
    catalogue = next(graph.subjects(RDF.type, DCAT.Catalog))
    assert graph.value(catalogue, DCT.publisher) is not None
    datasets = list(graph.subjects(RDF.type, DCAT.Dataset))
    assert len(datasets) == len(keys)
    for dataset in datasets:
        for prop in (
            DCT.title,
            DCT.description,
            DCT.publisher,
            DCT.identifier,
            DCAT.distribution,
            DCAT.contactPoint,
        ):
            assert graph.value(dataset, prop) is not None, (dataset, prop)
        titles = {t.language for t in graph.objects(dataset, DCT.title)}
        assert titles == {"da", "en"}
        for distribution in graph.objects(dataset, DCAT.distribution):
            for prop in (DCAT.accessURL, DCAT.downloadURL, DCAT.mediaType, DCT.license, DCT["format"]):
                assert isinstance(graph.value(distribution, prop), URIRef), (distribution, prop)
    allocations = next(d for d in datasets if str(graph.value(d, DCT.identifier)) == "education/allocations")
    span = graph.value(allocations, DCT.temporal)
    assert str(graph.value(span, DCAT.startDate)) == "2022-01-01"
    assert str(graph.value(span, DCAT.endDate)) == "2023-12-31"
    assert graph.value(graph.value(allocations, DCT.publisher), FOAF.name) is not None


def test_the_csv_reads_in_pandas_as_power_bi_would_and_matches_the_page(client, secretariat, board_member):
    publish_all(client, secretariat)
    table = pd.read_csv(
        io.BytesIO(client.get("/data/education/allocations.csv").content),
        sep=";",
        decimal=",",
        encoding="utf-8-sig",
    )
    rows_2023 = table[table["year"] == 2023]
    assert len(rows_2023) == 58
    client.force_login(board_member)
    for programme, group in rows_2023.groupby("programme"):
        page = client.get(reverse("education:allocation", args=[2023, programme]))
        shown = {row.municipality.name: row.places for row in page.context["rows"]}
        assert dict(zip(group["municipality"], group["places"], strict=True)) == shown
        assert group["places"].sum() == sum(shown.values())


def test_the_xlsx_carries_its_field_descriptions(client, secretariat):
    from openpyxl import load_workbook

    publish_all(client, secretariat)
    workbook = load_workbook(io.BytesIO(client.get("/data/education/allocations.xlsx").content))
    assert workbook.sheetnames == ["allocations", "felter"]
    fields = list(workbook["felter"].iter_rows(values_only=True))
    assert fields[0] == ("name", "type", "unit", "meaning_da", "meaning_en")
    assert ("places", "integer", "pladser", "Pladser", "Places") in fields


def test_a_hostile_value_leaves_every_download_neutralised(client, secretariat, vip2_spring_draft):
    from vip_climate.models import StatusReport

    StatusReport.objects.filter(pk=vip2_spring_draft.pk).update(status_text='=HYPERLINK("http://x","y")')
    client.force_login(secretariat)
    csv = client.get("/api/v1/vip/status-reports.csv").content.decode("utf-8-sig")
    assert "'=HYPERLINK" in csv
    assert "\n=HYPERLINK" not in csv and ";=HYPERLINK" not in csv and ';"=HYPERLINK' not in csv
