"""The VIP dashboard panel: the round as a stacked bar of report states, each project's latest overall
status as its lead reported it (approved or presented reports only), its marks across the last rounds,
an honest empty round, and the summary hook."""

import re

import pytest

from core.areas import registry
from core.models import ReportingPeriod
from core.selection import Selection
from core.workflow import report_approve, report_save, report_submit
from vip_climate import figures, portal
from vip_climate.services import status_report_start

pytestmark = pytest.mark.django_db

PRESENTED = "Forelagt KKR Hovedstaden som samlet opsummeret halvvejsstatus"
LOADED = "indlæst fra kilden, ikke godkendt i portalen"


def legend(svg) -> list[str]:
    return [re.sub(r"^\S+ ", "", t) for t in re.findall(r"<text[^>]*>([^<]*)</text>", str(svg))]


def choose(code: str) -> Selection:
    return Selection(round=ReportingPeriod.from_code(code), year=2023)


def test_the_loaded_round_is_presented_not_approved(vip, board_member):
    tile = portal.home_tile(board_member, choose("2022-autumn"))
    overview = tile["overview"]
    assert overview["states"] == [{"code": "presented", "label": LOADED, "count": 7}]
    assert legend(overview["round_chart"]) == [f"7 {LOADED}"]
    assert "Godkendt" not in str(overview["round_chart"]) and "✔" not in str(overview["round_chart"])
    # The seed's round states no overall status for any project: said as such, never invented.
    assert {row["latest"].word for row in overview["rows"]} == {"ikke angivet i rapporten"}
    assert all(row["latest"].source_state == PRESENTED for row in overview["rows"])
    assert legend(overview["overall_chart"]) == ["7 ikke angivet i rapporten"]


def test_a_round_counts_each_state_and_the_latest_status_comes_from_approved_reports_only(
    vip, spring_2023, secretariat, board_member
):
    draft = status_report_start(project=vip[2], period=spring_2023, by=secretariat)
    other = status_report_start(project=vip[3], period=spring_2023, by=secretariat)
    report_save(report=other, fields={"overall_status": "challenges"}, expected_version=1, by=secretariat)
    other.refresh_from_db()
    report_submit(report=other, by=secretariat)
    overview = portal.home_tile(board_member, choose("2023-spring"))["overview"]
    states = {s["label"]: s["count"] for s in overview["states"]}
    assert states == {"Ikke startet": 5, "Kladde": 1, "Indsendt": 1}
    row3 = next(r for r in overview["rows"] if r["project"].number == 3)
    assert row3["latest"].word == "ikke angivet i rapporten"  # the submitted one is not yet the board's
    assert row3["latest"].period.code == "2022-autumn"
    other.refresh_from_db()
    report_approve(report=other, by=secretariat)
    overview = portal.home_tile(board_member, choose("2023-spring"))["overview"]
    row3 = next(r for r in overview["rows"] if r["project"].number == 3)
    assert (row3["latest"].word, row3["latest"].icon, row3["latest"].source_state) == (
        "Udfordringer",
        "⚠",
        "",
    )
    assert [c["mark"].code for c in row3["trend"]] == ["no_report", "no_report", "not_stated", "challenges"]
    assert [c["period"].code for c in row3["trend"]] == [
        "2021-autumn",
        "2022-spring",
        "2022-autumn",
        "2023-spring",
    ]
    assert "1 Udfordringer" in legend(overview["overall_chart"])
    assert draft.pk  # the draft counted, never read for the overall status


def test_a_round_without_reports_says_so_in_the_panel(client, board_member, vip):
    client.force_login(board_member)
    ReportingPeriod.get_or_create_for(2024, "spring")
    html = client.get("/?runde=2024-spring&aar=2023").content.decode()
    section = html[html.index('id="tile-vip_climate"') :]
    assert "Ingen statusrapporter for Forår 2024" in section
    assert "Ikke startet" not in section  # a round nobody reported in is not "7 not started"
    assert section.count("Ingen statusrapporter for Forår 2024") == 2  # the line and the table
    assert "ingen data" in section  # the chart says it in words
    summary = registry.get("vip_climate").summary(choose("2024-spring"))
    assert "Ingen statusrapporter for Forår 2024." in summary["lines"]


def test_the_panel_has_the_table_the_trend_marks_and_their_legend(client, board_member, vip):
    client.force_login(board_member)
    html = client.get("/?runde=2022-autumn&aar=2023").content.decode()
    section = html[html.index('id="tile-vip_climate"') :]
    section = section[: section.find('id="tile-', 1)]  # this panel only, not the ones after it
    assert "Tabel over rundens rapporter" in section and section.count("kkr-chart") == 2
    assert "Efterår 2022: ikke angivet i rapporten" in section  # each mark's words for screen readers
    assert "Udvikling: én markering pr. runde fra Forår 2021 til Efterår 2022." in section
    assert "På rette spor" in section and "ingen godkendt rapport" in section


def test_last_rounds_walk_back_over_the_calendar():
    period = ReportingPeriod(year=2023, half="spring")
    assert [p.code for p in figures.last_rounds(period, 3)] == ["2022-spring", "2022-autumn", "2023-spring"]


def test_the_summary_is_the_panels_round_bar(vip):
    summary = registry.get("vip_climate").summary(choose("2022-autumn"))
    overview = figures.project_overview(ReportingPeriod.from_code("2022-autumn"))
    assert summary["title"] == "Klima-VIP-projekterne · Efterår 2022"
    assert legend(summary["chart"]) == legend(overview["round_chart"])
    assert summary["lines"] == [
        f"Runden Efterår 2022: 7 {LOADED}.",
        f"Indlæst fra kilden: {PRESENTED}.",
        "Seneste samlede status fra tovholderne: 7 ikke angivet i rapporten.",
    ]


def test_the_tile_keeps_its_query_budget_with_the_overview(
    vip, board_member, spring_2023, django_assert_max_num_queries
):
    chosen = choose("2022-autumn")
    with django_assert_max_num_queries(6):
        portal.home_tile(board_member, chosen)
