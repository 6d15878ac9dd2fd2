"""Estimates, assessments and candidate projects: the secretariat's forms, refusals and permissions."""

from decimal import Decimal

import pytest

from infrastructure.models import Assessment, CostEstimate, Project, SubCriterion

pytestmark = pytest.mark.django_db

RING5 = "/infrastructure/projekter/ring-5-syd/"


def test_the_secretariat_adds_an_estimate_with_a_danish_decimal_comma(client, secretariat, infra):
    part = infra["ring-5-syd"].parts.get()
    client.force_login(secretariat)
    response = client.post(
        RING5 + "overslag/",
        {"part": part.pk, "low": "6.800,5", "high": "", "price_year": "2024", "source": "VD"},
    )
    assert response.status_code == 302
    latest = part.latest_estimate
    assert (latest.low, latest.high, latest.price_year, latest.source) == (
        Decimal("6800.5"),
        Decimal("6800.5"),
        2024,
        "VD",
    )
    assert latest.recorded_by == secretariat
    assert part.estimates.count() == 2  # the seed's stays as history


def test_the_secretariat_adds_a_range_for_a_new_part(client, secretariat, infra):
    client.force_login(secretariat)
    response = client.post(
        "/infrastructure/projekter/kystbanen/overslag/",
        {"part": "", "new_part_name": "Dobbeltspor", "low": "1,5", "high": "2"},
    )
    assert response.status_code == 302
    estimate = CostEstimate.objects.get(part__name="Dobbeltspor")
    assert (estimate.low, estimate.high) == (Decimal("1.5"), Decimal("2"))


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"low": "-5"}, "kan ikke være negativt"),
        ({"low": "2.000", "high": "1.000"}, "mindst lige så stort"),
        ({"low": "abc"}, "Indtast et tal"),
        ({"low": ""}, "Dette felt er påkrævet"),
    ],
)
def test_bad_estimates_show_the_form_again_and_save_nothing(client, secretariat, infra, data, message):
    part = infra["ring-5-syd"].parts.get()
    client.force_login(secretariat)
    before = CostEstimate.objects.count()
    response = client.post(RING5 + "overslag/", {"part": part.pk, **data})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert CostEstimate.objects.count() == before


def test_an_estimate_needs_a_part(client, secretariat, infra):
    client.force_login(secretariat)
    response = client.post(RING5 + "overslag/", {"part": "", "low": "5"})
    assert response.status_code == 200
    assert "Vælg et delprojekt" in response.content.decode()


@pytest.mark.parametrize("fixture", ["board_member", "other_member", "albertslund_member", "plain_user"])
def test_only_the_secretariat_may_change_estimates_assessments_and_projects(client, infra, fixture, request):
    client.force_login(request.getfixturevalue(fixture))
    part = infra["ring-5-syd"].parts.get()
    assert client.get(RING5 + "overslag/").status_code == 403
    assert client.post(RING5 + "overslag/", {"part": part.pk, "low": "1"}).status_code == 403
    assert client.post(RING5 + "vurdering/1.1/", {"level": "score", "score": "2"}).status_code == 403
    assert client.get(RING5 + "ret/").status_code == 403
    assert client.post("/infrastructure/projekter/nyt/", {"name": "X", "mode": "road"}).status_code == 403
    assert part.estimates.count() == 1
    assert not Assessment.objects.exists()
    assert Project.objects.count() == 10


def test_the_secretariat_scores_a_project_and_the_matrix_shows_it(client, secretariat, infra):
    client.force_login(secretariat)
    response = client.post(
        RING5 + "vurdering/2.1/", {"level": "score", "score": "3", "rationale": "Kortere rejsetid på ringen"}
    )
    assert response.status_code == 302
    assessment = Assessment.objects.get(project=infra["ring-5-syd"], sub_criterion__code="2.1")
    assert (assessment.level, assessment.score, assessment.assessor) == ("score", 3, secretariat)
    html = client.get("/infrastructure/matrix/").content.decode()
    assert "3 af 3" in html


def test_a_figure_assessment_keeps_its_unit_and_a_yes_no_its_answer(client, secretariat, infra):
    client.force_login(secretariat)
    client.post(RING5 + "vurdering/3.2/", {"level": "figure", "figure": "1.250,5", "unit": "t CO2e"})
    client.post(RING5 + "vurdering/1.1/", {"level": "yes_no", "yes": "0"})
    figure = Assessment.objects.get(sub_criterion__code="3.2")
    assert (figure.figure, figure.unit, figure.value_text) == (Decimal("1250.5"), "t CO2e", "1.250,5 t CO2e")
    assert Assessment.objects.get(sub_criterion__code="1.1").value_text == "Nej"


def test_changing_the_level_clears_the_other_levels_fields(client, secretariat, infra):
    client.force_login(secretariat)
    client.post(RING5 + "vurdering/2.1/", {"level": "score", "score": "2"})
    client.post(RING5 + "vurdering/2.1/", {"level": "yes_no", "yes": "1"})
    assessment = Assessment.objects.get(sub_criterion__code="2.1")
    assert (assessment.level, assessment.yes, assessment.score) == ("yes_no", True, None)
    assert assessment.history.count() == 3  # created, and each change kept


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"level": "score", "score": "7"}, "mindre end eller lig 3"),
        ({"level": "score"}, "Giv et point fra 0 til 3"),
        ({"level": "yes_no"}, "Vælg ja eller nej"),
        ({"level": "figure", "figure": "12"}, "Et tal skal have en enhed"),
        ({"level": "figure", "unit": "timer"}, "Skriv tallet"),
        ({"level": "excellent"}, "Marker en gyldig valgmulighed"),
    ],
)
def test_bad_assessments_show_the_form_again_and_save_nothing(client, secretariat, infra, data, message):
    client.force_login(secretariat)
    response = client.post(RING5 + "vurdering/2.1/", data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Assessment.objects.exists()


def test_an_unknown_sub_criterion_is_404(client, secretariat, infra):
    client.force_login(secretariat)
    assert client.get(RING5 + "vurdering/9.9/").status_code == 404


def test_the_secretariat_adds_a_candidate_and_it_is_assessed_in_the_same_frame(
    client, secretariat, infra, organisations
):
    client.force_login(secretariat)
    response = client.post(
        "/infrastructure/projekter/nyt/",
        {
            "name": "Letbane i Ring 3 nord",
            "mode": "light_rail",
            "description": "Et forslag",
            "municipalities": [organisations["Gladsaxe"].pk],
            "leads": [organisations["Gladsaxe"].pk],
        },
    )
    assert response.status_code == 302
    candidate = Project.objects.get(name="Letbane i Ring 3 nord")
    assert candidate.is_candidate and candidate.group == ""
    assert list(candidate.leads.all()) == [organisations["Gladsaxe"]]
    client.post(
        f"/infrastructure/projekter/{candidate.slug}/vurdering/1.1/", {"level": "score", "score": "1"}
    )
    html = client.get("/infrastructure/matrix/").content.decode()
    assert "Letbane i Ring 3 nord" in html and "1 af 3" in html
    overview = client.get("/infrastructure/").content.decode()
    assert "Letbane i Ring 3 nord" in overview


def test_a_candidate_needs_a_name_and_a_mode(client, secretariat, infra):
    client.force_login(secretariat)
    response = client.post("/infrastructure/projekter/nyt/", {"name": "", "mode": "hovercraft"})
    assert response.status_code == 200
    assert Project.objects.count() == 10


def test_the_secretariat_sets_plan_status_and_leads_with_history(client, secretariat, infra, organisations):
    client.force_login(secretariat)
    project = infra["letbane-gladsaxe-noerrebro"]
    response = client.post(
        "/infrastructure/projekter/letbane-gladsaxe-noerrebro/ret/",
        {
            "name": project.name,
            "mode": project.mode,
            "description": project.description,
            "plan_status": "included",
            "municipalities": [organisations["Gladsaxe"].pk],
            "leads": [organisations["Gladsaxe"].pk],
        },
    )
    assert response.status_code == 302
    project.refresh_from_db()
    assert project.plan_status == "included"
    assert list(project.leads.all()) == [organisations["Gladsaxe"]]
    latest = project.history.latest()
    assert latest.history_user == secretariat and latest.plan_status == "included"


def test_the_matrix_filters_by_criterion_and_exports(client, board_member, infra):
    client.force_login(board_member)
    html = client.get("/infrastructure/matrix/?criterion=3").content.decode()
    assert ">3.1</abbr>" in html and ">1.1</abbr>" not in html
    assert SubCriterion.objects.count() == 12


def test_the_matrix_has_a_query_budget(
    client, board_member, infra, secretariat, django_assert_max_num_queries
):
    for project in infra.values():
        for sub in SubCriterion.objects.all():
            Assessment.objects.create(
                project=project, sub_criterion=sub, level="score", score=1, assessor=secretariat
            )
    client.force_login(board_member)
    with django_assert_max_num_queries(12):
        html = client.get("/infrastructure/matrix/").content.decode()
    assert html.count("1 af 3") == 120


def test_the_matrix_exports_reopen_with_the_same_cells(client, board_member, infra, secretariat):
    import csv
    import io

    from openpyxl import load_workbook

    Assessment.objects.create(
        project=infra["ring-5-syd"],
        sub_criterion=SubCriterion.objects.get(code="3.1"),
        level="figure",
        figure=12,
        unit="t CO2e",
    )
    client.force_login(board_member)
    rows = list(
        csv.reader(
            io.StringIO(client.get("/infrastructure/matrix/?format=csv").content.decode("utf-8-sig")),
            delimiter=";",
        )
    )
    sheet = load_workbook(io.BytesIO(client.get("/infrastructure/matrix/?format=xlsx").content)).active
    xlsx_rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    assert rows == xlsx_rows
    header = rows[0]
    assert header[2] == "1.1 Bred kommunal og regional effekt" and len(header) == 14
    ring5 = next(r for r in rows if r[0] == "Ring 5 Syd")
    assert ring5[header.index("3.1 Omstilling til grønnere drivmidler og transportformer")] == "12 t CO2e"
    assert ring5[header.index("1.1 Bred kommunal og regional effekt")] == "Ikke vurderet"
    assert len(rows) == 11


def test_an_impossible_price_year_is_refused(client, secretariat, infra):
    part = infra["ring-5-syd"].parts.get()
    client.force_login(secretariat)
    response = client.post(RING5 + "overslag/", {"part": part.pk, "low": "5", "price_year": "20240"})
    assert response.status_code == 200
    assert part.estimates.count() == 1


def test_the_matrix_page_shows_the_vision(client, board_member, infra):
    client.force_login(board_member)
    html = client.get("/infrastructure/matrix/").content.decode()
    assert "Sikre bedre mobilitet og mindske trængsel" in html
    assert "For at reducere udledning af CO2e" in html


def test_the_assessment_page_shows_who_changed_what(client, secretariat, infra):
    client.force_login(secretariat)
    client.post(RING5 + "vurdering/2.1/", {"level": "score", "score": "2", "rationale": "Første bud"})
    client.post(RING5 + "vurdering/2.1/", {"level": "score", "score": "3", "rationale": "Ny analyse"})
    html = client.get(RING5 + "vurdering/2.1/").content.decode()
    assert "3 af 3 (Ny analyse) af sekretariat" in html
    assert "2 af 3 (Første bud) af sekretariat" in html
