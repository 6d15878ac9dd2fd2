"""The infrastructure panel and summary: the 7+3's estimates as range bars in mia. kr. with the table behind."""

import pytest

from core.models import ReportingPeriod
from core.selection import Selection
from infrastructure.area import AREA

pytestmark = pytest.mark.django_db


def test_the_home_panel_has_a_chart_in_billions_and_the_table_behind_it(client, board_member, infra):
    client.force_login(board_member)
    html = client.get("/").content.decode()
    panel = html.split('id="tile-infrastructure"')[1].split("</section>")[0]
    assert 'class="kkr-chart"' in panel and "<figcaption" in panel
    assert "Tabellen bag diagrammet" in panel
    assert "1–1,75 mia. kr." in panel and "0,182 mia. kr." in panel and "3,88 mia. kr." in panel
    assert "chart-range" in panel  # the S-train's 1–1,75 is drawn as a range
    assert "mio. kr." not in panel  # one unit in the panel


def test_the_summary_gives_the_total_range_per_group_and_the_source_on_plan_status(infra):
    selection = Selection(round=ReportingPeriod.from_code("2022-autumn"), year=2023)
    summary = AREA.summary(selection)
    assert summary["title"] == "Infrastruktur: de 7+3"
    assert summary["lines"][0] == "Samlet anslået investering: 74,062–74,812 mia. kr."
    assert summary["lines"][1] == "Uden overslag: Forbedringer af Kystbanen."
    assert "8 ud af 10" in summary["lines"][2] and "Kilden siger ikke hvilke." in summary["lines"][2]
    assert summary["lines"][3] == "0 godkendte årlige opfølgninger for 2023."
    chart = str(summary["chart"])
    assert "39,48" in chart and "34,582–35,332" in chart and "74,062–74,812" in chart


def test_without_projects_there_is_no_summary(empty_database):
    selection = Selection(round=ReportingPeriod.get_or_create_for(2023, "autumn"), year=2023)
    assert AREA.summary(selection) is None
