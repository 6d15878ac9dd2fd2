"""Rules that read the data rather than names and numbers: the contract's counterpart, the municipality count."""

from datetime import date
from decimal import Decimal

import pytest

from contracts import portal
from contracts.models import Measurement, Target
from core.models import Organisation
from tests.conftest import _user

pytestmark = pytest.mark.django_db


def test_the_seed_names_the_business_hub_as_the_contracts_counterpart(contract):
    assert contract.counterpart == Organisation.objects.get(name="Erhvervshus Hovedstaden")
    assert contract.counterpart.kind == Organisation.Kind.BUSINESS_HUB


def test_a_member_of_the_counterpart_may_enter_measurements_whatever_its_name(contract, erhvervshus_member):
    hub = erhvervshus_member.organisation
    hub.name = "Erhvervshus Hovedstaden (nyt navn)"
    hub.save()
    erhvervshus_member.refresh_from_db()
    assert erhvervshus_member.has_perm("contracts.enter_measurement")
    assert erhvervshus_member.has_perm("contracts.import_measurements", contract)


def test_a_member_of_another_business_hub_may_not_enter_measurements(contract):
    other_hub = _user("sjaelland", organisation=Organisation.objects.get(name="Erhvervshus Sjælland"))
    assert not other_hub.has_perm("contracts.enter_measurement")
    assert not other_hub.has_perm("contracts.import_measurements", contract)


def test_a_copied_contract_keeps_its_counterpart(contract):
    from contracts import services

    copy = services.contract_copy(contract=contract, year=2024)
    assert copy.counterpart == contract.counterpart


def test_the_average_guidance_is_over_every_municipality_in_the_portal(
    albertslund_member, contract, organisations
):
    target = Target.objects.get(code="2.1.1")
    Measurement.objects.create(
        target=target,
        measured_on=date(2023, 1, 28),
        value=60,
        municipality=organisations["Albertslund"],
        source="own_count",
    )
    section = portal.organisation_section(organisations["Albertslund"], albertslund_member)
    assert section["municipality_count"] == Organisation.objects.municipalities().count()
    assert section["average"] == Decimal(60) / section["municipality_count"]
    Organisation.objects.create(name="Ny Kommune", slug="ny-kommune", kind=Organisation.Kind.MUNICIPALITY)
    section = portal.organisation_section(organisations["Albertslund"], albertslund_member)
    assert section["municipality_count"] == 30
    assert section["average"] == 2
