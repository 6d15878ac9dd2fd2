import pytest

from core.models import Organisation, ReportingPeriod
from vip_climate.models import Project


@pytest.fixture
def vip(organisations):
    """The seed: seven projects, participants, VIP 2's leads and the approved autumn 2022 round."""
    return {p.number: p for p in Project.objects.all()}


@pytest.fixture
def spring_2023(vip):
    return ReportingPeriod.objects.get(year=2023, half="spring")


@pytest.fixture
def autumn_2022(vip):
    return ReportingPeriod.objects.get(year=2022, half="autumn")


@pytest.fixture
def vip2_spring_draft(vip, spring_2023, secretariat):
    from vip_climate.services import status_report_start

    return status_report_start(project=vip[2], period=spring_2023, by=secretariat)


@pytest.fixture
def copenhagen_lead(vip):
    """Make København lead VIP 3 from 2023 (a lead of another project than Albertslund's)."""
    from datetime import date

    from vip_climate.models import LeadPeriod

    LeadPeriod.objects.create(
        project=vip[3], organisation=Organisation.objects.get(name="København"), starts=date(2023, 1, 1)
    )
    return Organisation.objects.get(name="København")
