"""The home tile, the organisation page section and the annual PDF section."""

import pytest
from django.template.loader import render_to_string

from core.models import Organisation
from education import portal, report_sections, services
from education.area import AREA

pytestmark = pytest.mark.django_db


def test_the_home_tile_shows_allocated_and_realised_places(
    education_data, assistant, board_member, django_assert_max_num_queries
):
    gentofte = Organisation.objects.get(name="Gentofte")
    services.intake_save(year=2023, programme=assistant, places={gentofte: 80})
    with django_assert_max_num_queries(4):
        tile = portal.home_tile(board_member)
    assert tile["year"] == 2023 and tile["below_count"] == 1
    figures = {p["programme"].slug: (p["allocated"], p["realised"]) for p in tile["programmes"]}
    assert figures == {"social-og-sundhedshjaelper": (849, None), "social-og-sundhedsassistent": (1776, 80)}
    html = render_to_string("education/_home_tile.html", {"tile": {**tile, "area": AREA}})
    assert "1.776" in html and "1 kommune under sin fordeling" in html


def test_the_organisation_section_shows_places_intake_and_local_strategy(education_data, albertslund_member):
    albertslund = Organisation.objects.get(name="Albertslund")
    section = portal.organisation_section(albertslund, albertslund_member)
    assert [(line["year"], line["places"]) for line in section["lines"]] == [
        (2023, 12),
        (2023, 28),
        (2022, 12),
        (2022, 28),
    ]
    assert section["can_edit_strategy"] is True
    html = render_to_string("education/_organisation_section.html", {"section": section})
    assert "Ret den lokale strategi" in html


def test_organisations_that_are_not_municipalities_have_no_section(education_data, board_member):
    assert (
        portal.organisation_section(Organisation.objects.get(name="Erhvervshus Hovedstaden"), board_member)
        is None
    )


def test_the_annual_section_has_totals_and_intake(education_data, assistant, django_assert_max_num_queries):
    bornholm = Organisation.objects.get(name="Bornholm")
    services.intake_save(year=2023, programme=assistant, places={bornholm: 60})
    with django_assert_max_num_queries(4):
        section = report_sections.annual_section(2023)
    assert section["title"] and len(section["lines"]) == 29
    assert [t["places"] for t in section["totals"]] == [849, 1776]
    assert section["totals"][1]["realised"] == 60
    html = render_to_string("education/pdf/_annual_section.html", section)
    assert "<thead>" in html and "1.776" in html and "<h2>" in html


def test_the_annual_section_is_none_for_a_year_without_allocations(education_data):
    assert report_sections.annual_section(2019) is None


def test_the_home_page_and_the_organisation_page_show_the_education_parts(
    client, albertslund_member, education_data
):
    client.force_login(albertslund_member)
    home = client.get("/").content.decode()
    assert "849" in home and "1.776" in home
    page = client.get("/organisationer/albertslund/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "SOSU-praktikpladser: fordelt og besat" in html and "Ret den lokale strategi" in html
