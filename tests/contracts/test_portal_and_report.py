from datetime import date

import pytest
from django.template.loader import render_to_string

from contracts import portal, report_sections, services
from contracts.models import Measurement, Target

pytestmark = pytest.mark.django_db


def test_the_home_tile_counts_goals_by_status(client, board_member, contract, django_assert_max_num_queries):
    with django_assert_max_num_queries(3):
        tile = portal.home_tile(board_member)
    assert sum(n for _, _, n in tile["by_status"]) == 8
    client.force_login(board_member)
    html = client.get("/").content.decode()
    assert "afventer data" in html


def test_the_home_tile_lists_goals_needing_attention(board_member, contract):
    Measurement.objects.create(
        target=Target.objects.get(code="1.1"),
        measured_on=date(2023, 3, 1),
        value=34,
        source="external_survey",
    )
    services.snapshot_compute(contract_id=contract.pk, as_of=date.today())
    tile = portal.home_tile(board_member)
    assert [gs.goal.number for gs in tile["attention"]] == [1, 5, 7, 8]  # 1 not met; 5, 7, 8 overdue surveys


def test_the_organisation_section_shows_goal_2_guidance_in_that_municipality(
    client, albertslund_member, contract, organisations
):
    target = Target.objects.get(code="2.1.1")
    for name, value in (("Albertslund", 7), ("Albertslund", 3), ("Bornholm", 20)):
        Measurement.objects.create(
            target=target,
            measured_on=date(2023, 1 if value != 3 else 2, 28),
            value=value,
            municipality=organisations[name],
            source="own_count",
        )
    section = portal.organisation_section(organisations["Albertslund"], albertslund_member)
    assert section["total"] == 10 and section["all_total"] == 30
    assert portal.organisation_section(organisations["Erhvervshus Hovedstaden"], albertslund_member) is None
    client.force_login(albertslund_member)
    html = client.get("/organisationer/albertslund/").content.decode()
    # Seed lines 194-208: 4000 companies, and the services "anslået ca." in courses: a sum of services is
    # not a number of companies, so the old caption "Vejledte virksomheder ... pr. ydelse" said what they are not.
    assert "Registrerede forløb og sparringer i kommunen pr. ydelse (ydelser, ikke virksomheder)" in html


def test_the_annual_section_reads_the_stored_snapshot(contract, django_assert_max_num_queries):
    Measurement.objects.create(
        target=Target.objects.get(code="1.1"),
        measured_on=date(2023, 10, 1),
        value=52,
        source="external_survey",
    )
    services.snapshot_compute(contract_id=contract.pk, as_of=date.today())
    with django_assert_max_num_queries(4):
        context = report_sections.annual_section(2023)
    assert context["title"] and len(context["goals"]) == 8
    html = render_to_string("contracts/pdf/_annual_section.html", context)
    assert "<section" in html and "<thead>" in html and "<script" not in html
    assert "Ekstern måling foranlediget af Erhvervsstyrelsen" in html and "opfyldt" in html
    assert "52,0" in html


def test_the_annual_section_is_none_without_a_contract(db):
    assert report_sections.annual_section(1990) is None
