from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from contracts.models import Contract, FulfilmentSnapshot, Measurement, Target

pytestmark = pytest.mark.django_db


def url(name, *args):
    return reverse(f"contracts:{name}", args=args)


def test_the_board_sees_the_overview_with_8_goals_and_status_in_words(client, board_member, contract):
    client.force_login(board_member)
    response = client.get(url("index"))
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count('href="/contracts/2023/maal/') == 8
    assert "afventer data" in html
    assert "Opgjort pr." in html


def test_the_overview_reads_the_snapshot_and_never_recomputes(client, board_member, contract, target):
    client.force_login(board_member)
    Measurement.objects.create(
        target=target, measured_on=date(2023, 5, 1), value=Decimal(50), source="external_survey"
    )
    snapshots = FulfilmentSnapshot.objects.count()
    html = client.get(url("contract_detail", 2023)).content.decode()
    assert FulfilmentSnapshot.objects.count() == snapshots
    assert "0 af 8 mål opfyldt" in html  # the measurement counts only once the task has run


def test_an_unknown_year_is_404(client, board_member, contract):
    client.force_login(board_member)
    assert client.get(url("contract_detail", 1999)).status_code == 404
    assert client.get(url("goal_detail", 2023, 9)).status_code == 404
    assert client.get(url("target_detail", 999999)).status_code == 404


def test_the_goal_page_shows_targets_history_chart_and_table(client, board_member, contract):
    goal_target = Target.objects.get(code="3.1")
    Measurement.objects.create(
        target=goal_target,
        measured_on=date(2023, 5, 1),
        value=Decimal("81.5"),
        segment="drift",
        source="erhvervsstyrelsen",
        note="forår",
    )
    client.force_login(board_member)
    html = client.get(url("goal_detail", 2023, 3)).content.decode()
    assert "Kvalitet, kompetencer og virksomhedernes tilfredshed" in html
    assert "<svg" in html and "<caption>" in html
    assert "81,50" in html and "forår" in html


def test_the_target_page_states_the_rule_in_words(client, board_member, contract):
    client.force_login(board_member)
    target = Target.objects.get(code="5.3.1")
    html = client.get(url("target_detail", target.pk)).content.decode()
    assert "Hvordan beregnes det?" in html
    assert "−2,5 procentpoint" in html
    assert "mangler: kilden angiver ikke tallet" in html
    # Seed lines 411/516: "spørgeskema i januar 2024", a month; "31. januar 2024" was a day the source lacks.
    assert "i januar 2024" in html and "31. januar 2024" not in html


def test_the_goal_2_target_page_shows_the_spread_per_municipality(
    client, board_member, contract, organisations
):
    target = Target.objects.get(code="2.1.2")
    Measurement.objects.create(
        target=target,
        measured_on=date(2023, 5, 1),
        value=7,
        municipality=organisations["Bornholm"],
        source="own_count",
    )
    client.force_login(board_member)
    html = client.get(url("target_detail", target.pk)).content.decode()
    assert "Geografisk spredning" in html and "Bornholm" in html


def test_pages_stay_within_a_query_budget_with_ten_years_of_monthly_data(
    client, board_member, contract, ten_years_of_monthly_data, django_assert_max_num_queries
):
    from contracts.services import snapshot_compute

    snapshot_compute(contract_id=contract.pk, as_of=date(2023, 12, 31))
    client.force_login(board_member)
    pages = [
        url("contract_detail", 2023),
        url("goal_detail", 2023, 2),
        url("goal_detail", 2023, 1),
        url("target_detail", Target.objects.get(code="2.1.1").pk),
        url("target_detail", Target.objects.get(code="1.1").pk),
    ]
    for page in pages:
        with django_assert_max_num_queries(14):
            assert client.get(page).status_code == 200, page


# --- measurement entry ---------------------------------------------------------------------------


def test_an_erhvervshus_member_enters_a_measurement_with_a_danish_decimal_comma(
    client, erhvervshus_member, target, django_capture_on_commit_callbacks
):
    client.force_login(erhvervshus_member)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url("measurement_create", target.pk),
            {"measured_on": "2023-09-30", "value": "37,5", "source": "external_survey", "note": "september"},
        )
    assert response.status_code == 302
    measurement = Measurement.objects.get(target=target)
    measurement.refresh_from_db()
    assert measurement.value == Decimal("37.5") and measurement.entered_by == erhvervshus_member
    assert measurement.history.first().history_user == erhvervshus_member
    status = FulfilmentSnapshot.objects.latest("computed_at").target_statuses.get(target=target)
    assert status.value == Decimal("37.5")


def test_the_secretariat_may_enter_measurements(client, secretariat, target):
    client.force_login(secretariat)
    assert client.get(url("measurement_create", target.pk)).status_code == 200


@pytest.mark.parametrize("who", ["board_member", "albertslund_member", "plain_user"])
def test_others_may_not_enter_measurements(client, request, who, target):
    client.force_login(request.getfixturevalue(who))
    assert client.get(url("measurement_create", target.pk)).status_code == 403
    assert (
        client.post(
            url("measurement_create", target.pk), {"measured_on": "2023-01-01", "value": "40"}
        ).status_code
        == 403
    )
    assert not Measurement.objects.exists()


@pytest.mark.parametrize(
    "code, data, error",
    [
        ("1.1", {"value": "100,1"}, "mellem 0 og 100"),
        ("1.1", {"value": "-1"}, "mellem 0 og 100"),
        ("1.3a", {"value": "-1"}, "ikke være negativt"),
        ("3.2", {"value": "-101", "segment": "drift"}, "mellem −100 og 100"),
        ("1.1", {"value": "abc"}, "Indtast et tal"),
        ("1.1", {"value": ""}, "påkrævet"),
    ],
)
def test_bad_values_show_the_form_again_and_save_nothing(
    client, erhvervshus_member, contract, code, data, error
):
    client.force_login(erhvervshus_member)
    target = Target.objects.get(code=code)
    response = client.post(
        url("measurement_create", target.pk), {"measured_on": "2023-09-30", "source": "own_count", **data}
    )
    assert response.status_code == 200
    assert error in response.content.decode()
    assert not Measurement.objects.exists()


def test_an_nps_of_minus_100_is_accepted(client, erhvervshus_member, contract):
    client.force_login(erhvervshus_member)
    target = Target.objects.get(code="3.2")
    response = client.post(
        url("measurement_create", target.pk),
        {"measured_on": "2023-09-30", "value": "-100", "segment": "vaekst", "source": "erhvervsstyrelsen"},
    )
    assert response.status_code == 302
    assert Measurement.objects.get().value == -100


def test_a_duplicate_measurement_is_refused(client, erhvervshus_member, target):
    Measurement.objects.create(
        target=target, measured_on=date(2023, 9, 30), value=40, source="external_survey"
    )
    client.force_login(erhvervshus_member)
    response = client.post(
        url("measurement_create", target.pk),
        {"measured_on": "2023-09-30", "value": "41", "source": "external_survey"},
    )
    assert response.status_code == 200 and "findes allerede" in response.content.decode()
    assert Measurement.objects.count() == 1


def test_a_milestone_takes_a_status_not_a_number(client, erhvervshus_member, contract):
    client.force_login(erhvervshus_member)
    target = Target.objects.get(code="4.1b")
    response = client.post(
        url("measurement_create", target.pk),
        {
            "measured_on": "2023-05-01",
            "milestone_status": "in_progress",
            "source": "own_account",
            "note": "Møde holdt",
        },
    )
    assert response.status_code == 302
    assert Measurement.objects.get().milestone_status == "in_progress"


def test_a_target_made_of_parts_takes_no_measurements(client, erhvervshus_member, contract):
    client.force_login(erhvervshus_member)
    assert client.get(url("measurement_create", Target.objects.get(code="1.3").pk)).status_code == 404


# --- copy ----------------------------------------------------------------------------------------


def test_the_secretariat_copies_the_contract_to_next_year(client, secretariat, contract):
    client.force_login(secretariat)
    response = client.post(url("copy", 2023), {"year": "2024"})
    assert response.status_code == 302
    new = Contract.objects.get(year=2024)
    assert new.status == "draft" and new.goals.count() == 8
    # 37 since seed line 203's "heraf 30% med +5 ansatte" is loaded as 2.1.1.1.
    assert Target.objects.filter(goal__contract=new).count() == 37
    assert Target.objects.get(goal__contract=new, code="5.3.1").parent.goal.contract == new
    assert not Measurement.objects.filter(target__goal__contract=new).exists()


def test_copying_onto_an_existing_year_is_refused(client, secretariat, contract):
    client.force_login(secretariat)
    client.post(url("copy", 2023), {"year": "2023"})
    assert Contract.objects.count() == 1


def test_copy_is_post_only_and_secretariat_only(client, secretariat, board_member, contract):
    client.force_login(secretariat)
    assert client.get(url("copy", 2023)).status_code == 405
    client.force_login(board_member)
    assert client.post(url("copy", 2023), {"year": "2024"}).status_code == 403
    assert not Contract.objects.filter(year=2024).exists()


def test_a_measurement_changed_in_the_admin_recomputes_the_snapshot(
    client, contract, target, django_capture_on_commit_callbacks
):
    from core.models import User

    admin = User.objects.create_superuser("admin", "a@example.org", "pw")
    measurement = Measurement.objects.create(
        target=target, measured_on=date(2023, 5, 1), value=40, source="external_survey"
    )
    client.force_login(admin)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/admin/contracts/measurement/{measurement.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    status = FulfilmentSnapshot.objects.latest("computed_at").target_statuses.get(target=target)
    assert status.value is None


def test_the_target_page_shows_who_changed_what(client, board_member, secretariat, contract, target):
    target.baseline_label = "september 2020 (landsplan)"
    target._history_user = secretariat
    target.save()
    client.force_login(board_member)
    html = client.get(url("target_detail", target.pk)).content.decode()
    assert "ændret af sekretariat: baseline fra" in html
