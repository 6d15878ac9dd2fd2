"""The overview, the project page, the TM274 page and the exports."""

import csv
import io

import pytest
from openpyxl import load_workbook

from infrastructure.models import CostEstimate, Project
from infrastructure.selectors import overview

pytestmark = pytest.mark.django_db


def test_totals_are_computed_from_the_parts_and_name_the_project_without_estimate(infra):
    data = overview()
    seven, plus_three = data["groups"]
    # 980 + 2.900 + 6.600 + 4.100 + 3.000 + 20.900 + 1.000; Kystbanen has none.
    assert (seven.low, seven.high) == (39480, 39480)
    assert [p.name for p in seven.without_estimate] == ["Forbedringer af Kystbanen"]
    # 182 + 14.000 + 19.400 + (1.000–1.750)
    assert (plus_three.low, plus_three.high) == (34582, 35332)
    assert (data["overall"].low, data["overall"].high) == (74062, 74812)
    assert data["overall"].count == 10


def test_the_overview_shows_the_ten_projects_the_danish_way(client, board_member, infra):
    client.force_login(board_member)
    response = client.get("/infrastructure/")
    assert response.status_code == 200
    html = response.content.decode()
    for project in Project.objects.all():
        assert project.name in html
    assert "980 mio. kr." in html
    assert "2,9 mia. kr." in html
    assert "1–1,75 mia. kr." in html
    assert "0,182 mia. kr." not in html and "182 mio. kr." in html
    assert "39,48 mia. kr." in html
    assert "74,062–74,812 mia. kr." in html
    assert "Forbedringer af Kystbanen (intet overslag)" in html
    assert html.count("mangler") >= 10  # no lead in the seed
    assert "<svg" in html and "Anlægsoverslag pr. projekt" in html


def test_the_overview_shows_the_latest_estimate_only(client, board_member, infra):
    part = infra["ring-5-syd"].parts.get()
    CostEstimate.objects.create(part=part, low=7000, high=7500, price_year=2024, source="Vejdirektoratet")
    client.force_login(board_member)
    html = client.get("/infrastructure/").content.decode()
    assert "7–7,5 mia. kr." in html
    assert "6,6 mia. kr." not in html


def test_the_overview_has_a_query_budget(client, board_member, infra, django_assert_max_num_queries):
    client.force_login(board_member)
    with django_assert_max_num_queries(14):
        assert client.get("/infrastructure/").status_code == 200


def test_the_project_page_shows_parts_and_estimate_history(
    client, board_member, infra, django_assert_max_num_queries
):
    part = infra["hilleroed-frederikssund-motorvejene"].parts.get(name="Færdiggørelse af Hillerødmotorvejen")
    CostEstimate.objects.create(part=part, low=1100, high=1100, price_year=2023, source="Vejdirektoratet")
    client.force_login(board_member)
    with django_assert_max_num_queries(20):
        response = client.get("/infrastructure/projekter/hilleroed-frederikssund-motorvejene/")
    html = response.content.decode()
    assert "1,1 mia. kr." in html
    assert "<del>980 mio. kr.</del>" in html
    assert "Færdiggørelse af Frederikssundmotorvejen" in html
    assert "1.1 Bred kommunal og regional effekt" in html


def test_an_unknown_project_is_404(client, board_member, infra):
    client.force_login(board_member)
    assert client.get("/infrastructure/projekter/findes-ikke/").status_code == 404


def test_the_tm274_page_shows_the_computed_totals(client, other_member, infra):
    client.force_login(other_member)
    html = client.get("/infrastructure/mobilitetsanalyse/").content.decode()
    for figure in ("1.705", "1.680", "3.385", "2.025", "1.360"):
        assert figure in html
    assert ">2023</th>" in html and "2.023" not in html  # years are not thousands


def _overview_rows_in_db():
    rows = []
    for project in Project.objects.priorities().with_overview():
        for part, estimate in project.latest_estimates():
            rows.append(
                (
                    project.name,
                    part.name,
                    estimate.low if estimate else None,
                    estimate.high if estimate else None,
                )
            )
    return rows


def test_the_overview_csv_reopens_with_the_same_figures(client, board_member, infra):
    client.force_login(board_member)
    response = client.get("/infrastructure/?format=csv")
    assert response["Content-Type"].startswith("text/csv")
    reader = csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";")
    header, *rows = list(reader)
    assert header[0] == "Projekt" and header[6] == "Lav (mio. kr.)"

    def dk(text):
        return None if text == "" else float(text.replace(".", "").replace(",", "."))

    got = [(r[0], r[5], dk(r[6]), dk(r[7])) for r in rows]
    assert {r[8] for r in rows} == {""}  # the seed states no price year
    want = [
        (n, p, None if lo is None else float(lo), None if hi is None else float(hi))
        for n, p, lo, hi in _overview_rows_in_db()
    ]
    assert got == want
    assert len(rows) == 12


def test_the_overview_xlsx_reopens_with_the_same_figures(client, board_member, infra):
    client.force_login(board_member)
    response = client.get("/infrastructure/?format=xlsx")
    sheet = load_workbook(io.BytesIO(response.content)).active
    header, *rows = list(sheet.iter_rows(values_only=True))
    got = [(r[0], r[5], r[6], r[7]) for r in rows]
    want = [
        (n, p, None if lo is None else float(lo), None if hi is None else float(hi))
        for n, p, lo, hi in _overview_rows_in_db()
    ]
    assert got == want
    assert ("S-bane Farum-Hillerød", "Forlænge S-banen fra Farum til Hillerød", 1000.0, 1750.0) in got


def test_a_price_year_is_written_as_a_year(client, board_member, infra):
    part = infra["ring-5-syd"].parts.get()
    CostEstimate.objects.create(part=part, low=7000, high=7000, price_year=2024, source="Vejdirektoratet")
    client.force_login(board_member)
    rows = client.get("/infrastructure/?format=csv").content.decode("utf-8-sig")
    assert ";7.000;7.000;2024;Vejdirektoratet" in rows
    html = client.get("/infrastructure/projekter/ring-5-syd/").content.decode()
    assert "<td>2024</td>" in html


def test_a_formula_in_a_source_is_exported_neutralised_and_numbers_stay_numbers(client, board_member, infra):
    part = infra["ring-5-syd"].parts.get()
    CostEstimate.objects.create(part=part, low=7000, high=7500, price_year=2024, source="=cmd|' /C calc'!A0")
    client.force_login(board_member)
    rows = client.get("/infrastructure/?format=csv").content.decode("utf-8-sig")
    assert ";7.000;7.500;2024;'=cmd|' /C calc'!A0" in rows
    sheet = load_workbook(io.BytesIO(client.get("/infrastructure/?format=xlsx").content)).active
    ring5 = next(r for r in sheet.iter_rows() if r[0].value == "Ring 5 Syd" and r[9].value)
    assert ring5[9].data_type == "s" and ring5[9].value == "'=cmd|' /C calc'!A0"
    assert ring5[6].data_type == "n" and ring5[6].value == 7000
