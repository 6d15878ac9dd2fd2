"""The education panel on the dashboard: allocated vs realised per programme for the selected year, the
municipalities below their allocation, and unknown intake said as unknown (never 0, never added up)."""

import pytest
from django.template.loader import render_to_string

from core.models import Organisation
from core.selection import Selection
from education import portal, services
from education.area import AREA

pytestmark = pytest.mark.django_db


def _html(tile) -> str:
    return render_to_string("education/_home_tile.html", {"tile": {**tile, "area": AREA}})


def test_without_reported_intake_the_panel_says_so_and_draws_no_realised_bar(education_data, board_member):
    tile = portal.home_tile(board_member)
    html = _html(tile)
    assert tile["year"] == 2023 and not tile["reported_any"]
    assert html.count("optag ikke indberettet") >= 4  # chart note and table cell, per programme
    assert "chart-series-1" not in html  # no "Besat" bar drawn as 0
    assert "Ingen kommune under sin fordeling" not in html  # nothing is known, so nothing is claimed
    assert "849" in html and "1.776" in html and "2.625" not in html  # the programmes are never added


def test_partial_intake_is_shown_with_how_many_reported_and_not_drawn_against_the_full_allocation(
    education_data, assistant, board_member
):
    gentofte, dragoer = Organisation.objects.get(name="Gentofte"), Organisation.objects.get(name="Dragør")
    services.intake_save(year=2023, programme=assistant, places={gentofte: 80, dragoer: 18})
    tile = portal.home_tile(board_member)
    html = _html(tile)
    assistant_line = next(p for p in tile["programmes"] if p["programme"] == assistant)
    assert (assistant_line["realised"], assistant_line["reported"], assistant_line["complete"]) == (
        98,
        2,
        False,
    )
    assert "98 besat i 2 af 29 kommuner" in html  # the chart's note instead of a bar
    assert "2 af 29 kommuner har indberettet" in html
    assert "chart-series-1" not in html
    # Gentofte realised 80 of 86: listed with its programme and figures; Dragør met its 18.
    assert [(b["municipality"], b["realised"], b["places"]) for b in tile["below"]] == [("Gentofte", 80, 86)]
    assert "Gentofte: Social- og sundhedsassistent, 80 besat af 86 fordelt" in html
    assert "Dragør:" not in html


def test_complete_intake_is_drawn_beside_the_allocation(education_data, helper, board_member):
    from education.models import AllocationRow

    rows = AllocationRow.objects.filter(
        allocation__in=portal._current_allocations(2023), allocation__programme=helper
    ).select_related("municipality")
    services.intake_save(year=2023, programme=helper, places={r.municipality: r.places for r in rows})
    tile = portal.home_tile(board_member)
    helper_line = next(p for p in tile["programmes"] if p["programme"] == helper)
    assert helper_line["complete"] and helper_line["realised"] == 849
    assert "chart-series-1" in _html(tile)
    assert "Ingen kommune under sin fordeling blandt dem, der har indberettet optag." in _html(tile)


def test_the_panel_follows_the_selected_year_and_keeps_its_query_budget(
    education_data, board_member, django_assert_max_num_queries
):
    from core.models import ReportingPeriod

    selection = Selection(round=ReportingPeriod.from_code("2022-autumn"), year=2022)
    with django_assert_max_num_queries(3):
        tile = portal.home_tile(board_member, selection)
    assert tile["year"] == 2022
    assert [p["allocated"] for p in tile["programmes"]] == [853, 1793]


def test_the_summary_has_the_panels_figures_and_none_for_a_year_without_allocation(
    education_data, assistant, board_member
):
    from core.models import ReportingPeriod

    gentofte = Organisation.objects.get(name="Gentofte")
    services.intake_save(year=2023, programme=assistant, places={gentofte: 80})
    selection = Selection(round=ReportingPeriod.from_code("2022-autumn"), year=2023)
    summary = AREA.summary(selection)
    assert summary["title"] == "SOSU-praktikpladser 2023"
    assert summary["lines"][0] == "Social- og sundhedshjælper: 849 fordelt, besat: optag ikke indberettet."
    assert (
        summary["lines"][1]
        == "Social- og sundhedsassistent: 1.776 fordelt, besat: 80 besat i 1 af 29 kommuner."
    )
    assert summary["lines"][2] == "1 kommune under sin fordeling: Gentofte."
    assert "<svg" in summary["chart"]
    assert AREA.summary(Selection(round=selection.round, year=2030)) is None


def test_the_panel_in_english(education_data, board_member):
    from django.utils import translation

    with translation.override("en"):
        html = _html(portal.home_tile(board_member))
    assert "intake not reported" in html and "Allocated" in html and "1,776" in html


def test_the_panel_and_the_pdf_section_show_the_same_figures_for_the_year(
    education_data, assistant, board_member
):
    from core.models import ReportingPeriod
    from education.report_sections import annual_section

    bornholm = Organisation.objects.get(name="Bornholm")
    services.intake_save(year=2022, programme=assistant, places={bornholm: 60})
    tile = portal.home_tile(
        board_member, Selection(round=ReportingPeriod.from_code("2022-autumn"), year=2022)
    )
    section = annual_section(2022)
    assert [(p["allocated"], p["realised"]) for p in tile["programmes"]] == [
        (t["places"], t["realised"]) for t in section["totals"]
    ]
    below = {b["municipality"] for b in tile["below"]}
    pdf_below = {
        line["municipality"]
        for line in section["lines"]
        for c in line["cells"]
        if c["realised"] is not None and c["realised"] < c["places"]
    }
    assert below == pdf_below == {"Bornholm"}
