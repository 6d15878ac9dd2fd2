"""The contract's dashboard panel: the stored snapshot as a status bar, each goal's progress, a table behind
the chart, sparklines per measured target, the portal's assumptions said, and the summary hook."""

import re
from datetime import date

import pytest

from contracts import portal
from contracts.models import GoalStatus
from core.areas import registry
from core.models import ReportingPeriod
from core.selection import Selection
from tests.contracts.panel_data import measure, measure_the_2023_contract

pytestmark = pytest.mark.django_db


@pytest.fixture
def measured(organisations):
    return measure_the_2023_contract()


def selection(year=2023):
    return Selection(round=ReportingPeriod.from_code("2022-autumn"), year=year)


def legend(svg) -> list[str]:
    return re.findall(r"<text[^>]*>([^<]*)</text>", str(svg))


def test_the_status_bar_counts_the_stored_goal_statuses_with_their_words(measured, board_member):
    tile = portal.home_tile(board_member, selection())
    stored = list(GoalStatus.objects.filter(snapshot__contract=measured).values_list("status", flat=True))
    assert sum(n for _v, _l, n in tile["by_status"]) == len(stored) == 8
    words = [re.sub(r"^\S+ ", "", text) for text in legend(tile["status_chart"])]
    assert words == [f"{n} {label}" for _value, label, n in tile["by_status"]]
    assert "i risiko" in " ".join(words)  # 1.1 at 38 of 50 halfway through the year


def test_the_panel_reads_the_snapshot_and_never_recomputes(measured, board_member):
    before = portal.home_tile(board_member, selection())
    measure("1.1", date(2023, 6, 20), 55)  # would meet 1.1, but no snapshot has read it yet
    after = portal.home_tile(board_member, selection())
    assert after["by_status"] == before["by_status"]
    assert legend(after["progress_chart"]) == legend(before["progress_chart"])


def test_each_goal_has_its_progress_or_its_status_in_words(measured, board_member):
    tile = portal.home_tile(board_member, selection())
    texts = legend(tile["progress_chart"])
    goal_1 = next(gs for gs in tile["goal_statuses"] if gs.goal.number == 1)
    assert texts[0] == "Mål 1"
    if goal_1.progress is None:
        assert texts[1] == goal_1.get_status_display()
    else:
        assert texts[1].endswith("%")
    assert "Mål 8" in texts and "afventer data" in texts


def test_sparklines_only_for_targets_with_more_than_one_measured_date(measured, board_member):
    tile = portal.home_tile(board_member, selection())
    trends = {t["target"].code: t for t in tile["trends"]}
    assert set(trends) == {"1.1", "1.3a"}  # 1.2 has one measurement
    assert [float(v) for _label, v in trends["1.1"]["points"]] == [30, 41, 38]  # not 2022's 20
    assert [float(v) for _label, v in trends["1.3a"]["points"]] == [100, 350, 400]  # a yearly sum runs up
    svg = str(trends["1.1"]["chart"])
    assert "mål: 50 %" in svg and "chart-target" in svg
    assert sorted(legend(svg)) == ["30 %", "38 %", "41 %"]


def test_the_panel_shows_chart_table_trends_and_the_assumptions(client, board_member, measured):
    client.force_login(board_member)
    html = client.get("/?runde=2022-autumn&aar=2023").content.decode()
    assert "Tabel over målene" in html and "<caption" in html
    assert html.count('class="kkr-chart"') >= 4
    assert "Udvikling pr. delmål" in html and "Delmål 1.1" in html
    assert "«På vej» og «i risiko» er portalens antagelse" in html
    assert "alle dets delmål er: portalens antagelse" in html


def test_a_year_without_a_contract_has_no_chart(client, board_member, contract):
    client.force_login(board_member)
    html = client.get("/?runde=2022-autumn&aar=2024").content.decode()
    section = html[html.index('id="tile-contracts"') : html.index('id="tile-vip_climate"')]
    assert "Ingen resultatkontrakt for 2024" in section and "kkr-chart" not in section


def test_the_summary_is_the_panels_status_bar_and_lines(measured):
    area = registry.get("contracts")
    summary = area.summary(selection())
    tile = portal.home_tile(None, selection())
    assert summary["title"] == measured.title
    assert legend(summary["chart"]) == legend(tile["status_chart"])
    assert 1 <= len(summary["lines"]) <= 3
    counts = ", ".join(f"{n} {label}" for _v, label, n in tile["by_status"])
    assert summary["lines"][0] == f"Målene pr. 1. juli 2023: {counts}."
    assert area.summary(selection(2024)) is None


def test_the_home_tile_keeps_three_queries_with_trends(measured, board_member, django_assert_max_num_queries):
    chosen = selection()
    with django_assert_max_num_queries(3):
        tile = portal.home_tile(board_member, chosen)
    assert tile["trends"]
