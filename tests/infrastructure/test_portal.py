import pytest

from infrastructure import portal

pytestmark = pytest.mark.django_db


def test_the_home_tile_shows_the_total_and_plan_status_counts(
    client, board_member, infra, django_assert_max_num_queries
):
    client.force_login(board_member)
    html = client.get("/").content.decode()
    assert "74,062–74,812 mia. kr." in html
    assert "Ukendt: 10" in html
    assert "Forbedringer af Kystbanen" in html


def test_the_home_tile_has_a_fixed_number_of_queries(secretariat, infra, django_assert_max_num_queries):
    with django_assert_max_num_queries(8):
        tile = portal.home_tile(secretariat)
    assert tile["waiting"] == 0


def test_the_municipality_page_shows_the_projects_touching_it_and_its_lead_duties(
    client, other_member, led_project
):
    client.force_login(other_member)
    html = client.get("/organisationer/hilleroed/").content.decode()
    assert "Infrastrukturprojekter, der berører kommunen" in html
    for name in (
        "Ombygning af Hillerød Station",
        "S-bane Farum-Hillerød",
        "Færdiggørelse af hhv. Hillerød- og Frederikssundsmotorvejene",
    ):
        assert name in html
    lead_part = html.split("Tovholder for")[1]
    assert "Ombygning af Hillerød Station" in lead_part


def test_an_organisation_without_projects_gets_no_section(infra, organisations, board_member):
    assert portal.organisation_section(organisations["Gentofte"], board_member) is None
