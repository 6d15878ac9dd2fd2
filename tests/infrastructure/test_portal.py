import pytest

from infrastructure import portal

pytestmark = pytest.mark.django_db


def test_the_home_tile_shows_the_total_and_what_the_source_says_of_plan_status(
    client, board_member, infra, django_assert_max_num_queries
):
    client.force_login(board_member)
    html = client.get("/").content.decode()
    assert "74,062–74,812 mia. kr." in html
    # The source says 8 of the 10 are in the plan, not which (seed line 2486): no per-status zeros.
    assert "8 ud af 10" in html
    assert "Kilden siger ikke, hvilke to der ikke er med." in html
    assert "10 projekter har ingen status pr. projekt, fordi kilden ikke angiver den." in html
    assert "Med i planen: 0" not in html and "Ukendt" not in html
    assert "Forbedringer af Kystbanen" in html


def test_the_home_tile_counts_only_the_statuses_the_secretariat_set(client, board_member, infra):
    project = infra["ring-5-syd"]
    project.plan_status = project.PlanStatus.INCLUDED
    project.save()
    client.force_login(board_member)
    html = client.get("/").content.decode()
    assert "Angivet af sekretariatet: Med i planen: 1" in html
    assert "9 projekter har ingen status pr. projekt" in html
    assert "Ikke med i planen" not in html


def test_the_home_tile_has_a_fixed_number_of_queries(secretariat, infra, django_assert_max_num_queries):
    with django_assert_max_num_queries(8):
        tile = portal.home_tile(secretariat)
    assert tile["waiting"] == 0


def test_the_municipality_page_shows_the_projects_touching_it_and_its_lead_duties(
    client, other_member, led_project, infra, organisations
):
    # The source names no affected municipality (seed lines 2391-2413): the secretariat enters them.
    for slug in ("hilleroed-station", "s-bane-farum-hilleroed", "hilleroed-frederikssund-motorvejene"):
        infra[slug].municipalities.add(organisations["Hillerød"])
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
