"""The comparison page: who sees it, what each cell says (unknown stays unknown), sorting, filters, exports."""

import csv
import io
from datetime import date
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from comparison.models import Population
from contracts.models import Measurement, Target
from core.models import Organisation
from education.models import Programme, RealisedIntake
from education.seed_data import ALLOCATION_TABLE

pytestmark = pytest.mark.django_db

URL = "/sammenligning/"
ASSISTANT = "sosu-social-og-sundhedsassistent"
# ALLOCATION_TABLE rows: name, helper 2022, helper 2023, assistant 2022, assistant 2023
ASSISTANT_2023 = {row[0]: row[4] for row in ALLOCATION_TABLE}


def _table(client, user, query=""):
    client.force_login(user)
    response = client.get(URL + query)
    assert response.status_code == 200
    return response, response.context["table"]


def _row(table, name):
    return next(r for r in table.rows if r.municipality.name == name)


def _realised(name, places, programme="social-og-sundhedsassistent", year=2023):
    RealisedIntake.objects.create(
        year=year,
        programme=Programme.objects.get(slug=programme),
        municipality=Organisation.objects.get(name=name),
        places=places,
    )


@pytest.mark.parametrize(
    "fixture, status",
    [
        ("board_member", 200),
        ("secretariat", 200),
        ("albertslund_member", 403),
        ("other_member", 403),
        ("plain_user", 403),
    ],
)
def test_who_may_compare_follows_the_dashboards_permission(client, request, fixture, status):
    client.force_login(request.getfixturevalue(fixture))
    assert client.get(URL).status_code == status
    assert client.get(URL + "eksport.csv").status_code == status


def test_anonymous_is_sent_to_login(client):
    assert client.get(URL)["Location"].startswith("/login/")


def test_one_row_per_municipality_with_a_link_to_the_profile_and_an_anchor(client, board_member):
    response, table = _table(client, board_member)
    assert len(table.rows) == 29 == table.count
    html = response.content.decode()
    assert '<tr id="albertslund">' in html
    assert 'href="/organisationer/albertslund/"' in html


def test_sosu_allocated_from_the_seed_and_realised_unknown_stays_unknown(client, board_member):
    _response, table = _table(client, board_member, "?aar=2023")
    copenhagen = _row(table, "København")
    assert copenhagen.cell(f"{ASSISTANT}-allocated").value == ASSISTANT_2023["København"]
    assert copenhagen.cell(f"{ASSISTANT}-realised").value is None
    assert copenhagen.cell(f"{ASSISTANT}-shortfall").value is None  # never 0 and never the allocation


def test_the_shortfall_is_allocated_minus_realised_where_realised_is_known(client, board_member):
    _realised("Albertslund", ASSISTANT_2023["Albertslund"] - 5)
    _realised("Ballerup", ASSISTANT_2023["Ballerup"] + 2)
    response, table = _table(client, board_member, "?aar=2023")
    assert _row(table, "Albertslund").cell(f"{ASSISTANT}-shortfall").value == 5
    assert _row(table, "Ballerup").cell(f"{ASSISTANT}-shortfall").value == -2
    assert "ikke indberettet" in response.content.decode()  # the dash says what is missing


def test_sorting_by_shortfall_puts_unknown_last_in_either_direction(client, board_member):
    _realised("Albertslund", ASSISTANT_2023["Albertslund"] - 5)
    _realised("Ballerup", ASSISTANT_2023["Ballerup"] - 1)
    key = f"{ASSISTANT}-shortfall"
    _r, table = _table(client, board_member, f"?aar=2023&sort={key}&dir=desc")
    assert [r.municipality.name for r in table.rows[:2]] == ["Albertslund", "Ballerup"]
    assert all(r.cell(key).value is None for r in table.rows[2:])
    _r, table = _table(client, board_member, f"?aar=2023&sort={key}&dir=asc")
    assert [r.municipality.name for r in table.rows[:2]] == ["Ballerup", "Albertslund"]
    assert table.rows[-1].cell(key).value is None


def test_header_links_sort_without_javascript_and_say_aria_sort(client, board_member):
    key = f"{ASSISTANT}-allocated"
    response, table = _table(client, board_member, f"?aar=2023&vis=&sort={key}&dir=desc")
    html = response.content.decode()
    assert 'aria-sort="descending"' in html
    assert f"sort={key}&amp;dir=asc" in html  # the active column's link reverses the order
    assert "aar=2023" in html.split(f"sort={key}&amp;dir=asc")[0].rsplit('href="', 1)[1]  # keeps the period
    values = [r.cell(key).value for r in table.rows]
    assert values == sorted(values, reverse=True)
    assert table.rows[0].municipality.name == "København"


def test_vip_participation_and_lead_duty_with_its_report_state_in_the_round(client, board_member):
    _r, table = _table(client, board_member, "?runde=2022-autumn")
    albertslund = _row(table, "Albertslund")
    projects = albertslund.cell("vip-projects")
    assert projects.value == len(projects.items) > 0
    assert "VIP 2" in [i.text for i in projects.items]
    leads = albertslund.cell("vip-leads")
    # Albertslund leads VIP 2 from November 2022; the autumn round's report was presented, not approved.
    assert [i.text for i in leads.items] == ["VIP 2"]
    assert "Forelagt" in leads.items[0].state
    assert _row(table, "Gentofte").cell("vip-leads").value == 0


def test_goal_2_guidance_is_summed_per_municipality_where_measured(client, board_member, secretariat):
    target = Target.objects.get(goal__contract__year=2023, code="2.1.1")
    bornholm = Organisation.objects.get(name="Bornholm")
    for month, value in ((1, 12), (2, 9)):
        Measurement.objects.create(
            target=target,
            measured_on=date(2023, month, 28),
            value=value,
            municipality=bornholm,
            source="own_continuous",
        )
    counted = Target.objects.get(goal__contract__year=2023, code="2.1")  # "seneste måling": the latest
    for day, value in ((date(2023, 3, 31), 40), (date(2023, 6, 30), 35)):
        Measurement.objects.create(
            target=counted, measured_on=day, value=value, municipality=bornholm, source="own_continuous"
        )
    _r, table = _table(client, board_member, "?aar=2023")
    assert _row(table, "Bornholm").cell("contract-2.1.1").value == 21
    assert _row(table, "Bornholm").cell("contract-2.1").value == 35
    assert _row(table, "Ballerup").cell("contract-2.1.1").value is None  # not measured is not 0


def test_filters_below_allocation_leads_and_text(client, board_member):
    _realised("Albertslund", ASSISTANT_2023["Albertslund"] - 5)
    _realised("Ballerup", ASSISTANT_2023["Ballerup"])
    _r, table = _table(client, board_member, "?aar=2023&vis=under")
    assert [r.municipality.name for r in table.rows] == ["Albertslund"]
    _r, table = _table(client, board_member, "?runde=2022-autumn&vis=tovholder")
    assert "Albertslund" in [r.municipality.name for r in table.rows]
    assert "Gentofte" not in [r.municipality.name for r in table.rows]
    _r, table = _table(client, board_member, "?q=lyngby")
    assert [r.municipality.name for r in table.rows] == ["Lyngby-Taarbæk"]
    response, table = _table(client, board_member, "?q=atlantis")
    assert table.rows == []
    assert "Ingen kommuner passer" in response.content.decode()


@pytest.mark.parametrize(
    "query",
    [
        "?sort=nonsense",
        "?dir=sideways",
        "?vis=alt",
        "?pr_indbygger=ja",
        "?aar=abc&runde=x",
        "?q=" + "x" * 5000,
        "?sort=%27%3B--&dir=desc",
    ],
)
def test_hostile_parameters_fall_back_and_say_so(client, board_member, query):
    response, table = _table(client, board_member, query)
    assert len(table.rows) <= 29
    if not query.startswith("?q="):
        assert "findes ikke" in response.content.decode()


def test_per_capita_without_population_says_what_is_missing(client, board_member, secretariat):
    response, table = _table(client, board_member, "?aar=2023&pr_indbygger=1")
    html = response.content.decode()
    assert "Indbyggertal mangler for 2023" in html
    assert not table.per_capita_shown
    assert "/sammenligning/indbyggertal/" not in html  # only the secretariat may import
    response, _t = _table(client, secretariat, "?aar=2023")
    assert 'href="/sammenligning/indbyggertal/?aar=2023"' in response.content.decode()


def test_per_capita_counts_per_1000_inhabitants_and_names_the_municipalities_without(
    client, board_member, secretariat
):
    _realised("Albertslund", 20)
    Population.objects.create(
        municipality=Organisation.objects.get(name="Albertslund"), year=2023, inhabitants=28000, source="DST"
    )
    response, table = _table(client, board_member, "?aar=2023&pr_indbygger=1")
    assert table.per_capita_shown
    albertslund = _row(table, "Albertslund")
    expected = (Decimal(ASSISTANT_2023["Albertslund"]) * 1000 / 28000).quantize(Decimal("0.01"))
    assert albertslund.cell(f"{ASSISTANT}-allocated").value == expected
    assert albertslund.cell(f"{ASSISTANT}-realised").value == Decimal("0.71")
    assert albertslund.cell("population").value == 28000
    assert albertslund.cell("vip-projects").value > 0  # a list is not divided
    assert _row(table, "Ballerup").cell(f"{ASSISTANT}-allocated").value is None  # no population: unknown
    html = response.content.decode()
    assert "Indbyggertal mangler for 2023 for 28 kommuner" in html
    assert "pr. 1.000 indb." in html


def _csv(client, query=""):
    response = client.get(URL + "eksport.csv" + query)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))


def test_the_exports_hold_the_pages_columns_rows_and_order(client, board_member):
    _realised("Albertslund", ASSISTANT_2023["Albertslund"] - 5)
    query = f"?aar=2023&runde=2022-autumn&sort={ASSISTANT}-shortfall&dir=desc"
    _r, table = _table(client, board_member, query)
    lines = _csv(client, query)
    assert len(lines[0]) == len(table.columns) + 1
    assert lines[0][0] == "Kommune"
    assert [line[0] for line in lines[1:]] == [r.municipality.name for r in table.rows]
    shortfall = next(i for i, h in enumerate(lines[0]) if "Manko" in h and "assistent" in h)
    assert lines[1][shortfall] == "5"
    assert lines[2][shortfall] == ""  # unknown stays empty, not 0
    leads = next(i for i, h in enumerate(lines[0]) if "Tovholder i runden" in h)
    assert lines[1][leads].startswith("VIP 2 (Forelagt")

    response = client.get(URL + "eksport.xlsx" + query)
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert list(rows[0]) == lines[0]
    assert rows[1][shortfall] == 5
    assert rows[2][shortfall] is None


def test_filters_apply_to_the_export_too(client, board_member):
    client.force_login(board_member)
    assert [line[0] for line in _csv(client, "?q=bornholm")[1:]] == ["Bornholm"]


def test_the_profile_links_to_its_row_for_those_who_may_compare(client, board_member, other_member):
    client.force_login(board_member)
    html = client.get("/organisationer/gentofte/").content.decode()
    assert 'href="/sammenligning/#gentofte"' in html
    assert 'href="/sammenligning/#' not in client.get("/organisationer/region-hovedstaden/").content.decode()
    client.force_login(other_member)
    assert "/sammenligning/" not in client.get("/organisationer/gentofte/").content.decode()


def test_the_navigation_links_the_page_for_those_who_may_compare(client, board_member, other_member):
    client.force_login(board_member)
    assert 'href="/sammenligning/"' in client.get("/om/").content.decode()
    assert 'href="/sammenligning/"' in client.get("/organisationer/").content.decode()
    client.force_login(other_member)
    assert 'href="/sammenligning/"' not in client.get("/om/").content.decode()
    assert 'href="/sammenligning/"' not in client.get("/organisationer/").content.decode()


def _lots_of_data():
    """More of everything each column reads: the query count must not grow with it."""
    bornholm_to_others = list(Organisation.objects.municipalities())
    targets = list(Target.objects.filter(goal__contract__year=2023, code__in=["2.1.1", "2.1.2", "2.1.3"]))
    Measurement.objects.bulk_create(
        Measurement(
            target=target,
            measured_on=date(2023, month, 1),
            value=month,
            municipality=municipality,
            source="own_continuous",
        )
        for target in targets
        for month in range(1, 13)
        for municipality in bornholm_to_others
    )
    for programme in Programme.objects.filter(is_allocated=True):
        RealisedIntake.objects.bulk_create(
            RealisedIntake(year=2023, programme=programme, municipality=m, places=3)
            for m in bornholm_to_others
        )
    Population.objects.bulk_create(
        Population(municipality=m, year=2023, inhabitants=50_000, source="test") for m in bornholm_to_others
    )


def test_the_query_count_is_fixed_whatever_the_data_volume(
    client, board_member, django_assert_max_num_queries
):
    client.force_login(board_member)
    query = f"?aar=2023&pr_indbygger=1&sort={ASSISTANT}-shortfall&dir=desc"
    client.get(URL + query)  # warm the session and caches
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from core import dashboard_cache

    # Measured uncached (the table is cached until a write: see the end).
    dashboard_cache.forget_all()
    with CaptureQueriesContext(connection) as before:
        client.get(URL + query)
    _lots_of_data()
    dashboard_cache.forget_all()
    with django_assert_max_num_queries(len(before.captured_queries)):
        response = client.get(URL + query)
    assert response.context["table"].per_capita_shown
    dashboard_cache.forget_all()
    with django_assert_max_num_queries(26):
        client.get(URL + query)
    with django_assert_max_num_queries(5):  # the rendered table from the cache: the login's and the year's
        client.get(URL + query)
    dashboard_cache.forget_all()
    with django_assert_max_num_queries(24):
        client.get(URL + "eksport.xlsx" + query)
    with django_assert_max_num_queries(10):  # the same table again: from the cache
        client.get(URL + "eksport.xlsx" + query)


def test_a_committed_write_shows_at_once_on_the_cached_page(
    client, board_member, django_capture_on_commit_callbacks
):
    """The table is cached per period and choices; a population import (or any area's write) is seen at once."""
    from comparison.models import Population
    from core.models import Organisation

    client.force_login(board_member)
    query = "?aar=2023&pr_indbygger=1"
    assert not client.get(URL + query).context["table"].per_capita_shown
    with django_capture_on_commit_callbacks(execute=True):
        for municipality in Organisation.objects.municipalities():
            Population.objects.create(municipality=municipality, year=2023, inhabitants=50_000, source="test")
    assert client.get(URL + query).context["table"].per_capita_shown
