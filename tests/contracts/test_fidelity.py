"""The contract pages say only what the source says: estimates as estimates, percentage points as points,
months as months, the portal's own rules as its assumptions, and each loaded fact with its source."""

from datetime import date

import pytest
from django.urls import reverse

from contracts import services
from contracts.models import Measurement, Target, TargetStatus

pytestmark = pytest.mark.django_db


def url(name, *args):
    return reverse(f"contracts:{name}", args=args)


def test_the_contract_page_shows_the_introduction_with_its_source(client, board_member, contract):
    client.force_login(board_member)
    html = client.get(url("contract_detail", 2023)).content.decode()
    assert "Erhvervshus Hovedstadens indledning til kontrakten" in html
    assert "Vi indfrier regionens potentiale til at være blandt verdens bedste" in html
    assert (
        "Bæredygtighed" in html
        and "Dertil kommer et fortsat fokus på Hovedstadsregionens iværksættere." in html
    )
    assert "De 3 fokusområder" in html
    assert "Kilde: Erhvervshus Hovedstadens indledning til Resultatkontrakt 2023" in html
    assert "«alle delmål» og tallet «mål opfyldt» er portalens antagelse" in html


def test_an_estimate_is_shown_as_an_estimate_never_as_a_threshold(client, board_member, contract):
    client.force_login(board_member)
    html = client.get(url("target_detail", Target.objects.get(code="2.1.1").pk)).content.decode()
    assert "anslået ca. 1.500" in html
    assert "Kilden giver et skøn, ikke et mål" in html
    assert "mindst 1.500" not in html and "mindst 1500" not in html
    assert "Kilde: Resultatkontrakt 2023 for Erhvervshus Hovedstaden, mål 2, punkt 1), første punkt" in html
    assert "heraf 30% med +5 ansatte" in html  # its part, listed on the page


def test_target_2_1_counts_companies_and_says_the_services_cannot_be_added_up(
    client, board_member, contract, organisations
):
    for code in ("2.1.1", "2.1.2", "2.1.3"):
        Measurement.objects.create(
            target=Target.objects.get(code=code),
            measured_on=date(2023, 12, 1),
            value=2000,
            municipality=organisations["Bornholm"],
            source="own_continuous",
        )
    snapshot = services.snapshot_compute(contract_id=contract.pk, as_of=date(2023, 12, 31))
    status = TargetStatus.objects.get(snapshot=snapshot, target__code="2.1")
    assert status.status == "awaiting" and status.value is None  # 6.000 services are not 4.000 companies
    assert TargetStatus.objects.get(snapshot=snapshot, target__code="2.1.1").status == "estimate"
    client.force_login(board_member)
    html = client.get(url("target_detail", Target.objects.get(code="2.1").pk)).content.decode()
    assert "Portalens bemærkning (ikke kildens ord)" in html
    assert "tæller forløb og sparringer, ikke virksomheder" in html
    assert "Opgøres løbende af Erhvervshuset internt" in html
    assert "månedlige" not in html


def test_a_count_of_companies_is_judged_against_4000(contract, organisations):
    Measurement.objects.create(
        target=Target.objects.get(code="2.1"),
        measured_on=date(2023, 12, 1),
        value=4100,
        source="own_continuous",
    )
    snapshot = services.snapshot_compute(contract_id=contract.pk, as_of=date(2023, 12, 31))
    assert TargetStatus.objects.get(snapshot=snapshot, target__code="2.1").status == "met"


def test_percentage_point_targets_say_procentpoint(client, board_member, contract):
    client.force_login(board_member)
    for code in ("5.2", "8.1", "6.2.1"):
        html = client.get(url("target_detail", Target.objects.get(code=code).pk)).content.decode()
        assert "(procentpoint)" in html, code
        assert "(procent)" not in html, code


def test_a_change_target_takes_a_share_in_per_cent(client, erhvervshus_member, contract):
    target = Target.objects.get(code="8.1")
    client.force_login(erhvervshus_member)
    html = client.get(url("measurement_create", target.pk)).content.decode()
    assert "Indtast andelen i procent; målet er ændringen i procentpoint." in html
    response = client.post(
        url("measurement_create", target.pk),
        {"measured_on": "2024-01-20", "value": "120", "source": "own_survey"},
    )
    assert response.status_code == 200 and "mellem 0 og 100" in response.content.decode()
    assert not Measurement.objects.filter(target=target).exists()


def test_the_goal_page_shows_its_source_and_the_due_month_of_awaited_data(client, board_member, contract):
    services.snapshot_compute(contract_id=contract.pk, as_of=date(2023, 6, 30))
    client.force_login(board_member)
    html = client.get(url("goal_detail", 2023, 8)).content.decode()
    assert "Kilde: Resultatkontrakt 2023 for Erhvervshus Hovedstaden, mål 8" in html
    assert "ventet i januar 2024" in html


def test_the_goal_2_page_calls_the_estimates_unjudged_and_leaves_them_out_of_the_progress_chart(
    client, board_member, contract
):
    client.force_login(board_member)
    html = client.get(url("goal_detail", 2023, 2)).content.decode()
    assert html.count("skøn, vurderes ikke") >= 8  # badge and progress cell for each of the four estimates
    chart = html[html.index("<svg") : html.index("</svg>")]
    assert "2.1.1" not in chart and "2.2" in chart
