"""Synthetic history on top of the loaded KKR data: N years back from 2023 in every area.

Used by benchmarks/pages.py and by the query-budget tests, so pages are measured with data that grows.
The values are obviously synthetic (flat numbers, "Syntetisk" texts); they never mix with a real load.
"""

from datetime import date
from decimal import Decimal

from django.db import transaction

LAST_YEAR = 2023


@transaction.atomic
def generate(years: int) -> dict[str, int]:
    first = LAST_YEAR - years + 1
    return {
        "contracts": _contracts(first),
        "vip_climate": _vip(first),
        "education": _education(first),
        "infrastructure": _infrastructure(years),
    }


def _contracts(first: int) -> int:
    from contracts.models import Contract, Measurement, Target
    from core.models import Organisation

    contract = Contract.objects.order_by("-year").first()
    targets = {
        t.code: t for t in Target.objects.filter(goal__contract=contract, code__in=["1.1", "2.1.1", "3.1"])
    }
    municipalities = list(Organisation.objects.municipalities())
    rows = []
    for year in range(first, LAST_YEAR + 1):
        for month in range(1, 13):
            day = date(year, month, 28)
            rows.append(
                Measurement(
                    target=targets["1.1"], measured_on=day, value=Decimal(40), source="external_survey"
                )
            )
            rows.append(
                Measurement(
                    target=targets["3.1"],
                    measured_on=day,
                    value=Decimal(82),
                    segment="drift",
                    source="erhvervsstyrelsen",
                )
            )
            rows += [
                Measurement(
                    target=targets["2.1.1"],
                    measured_on=day,
                    value=Decimal(5),
                    municipality=m,
                    source="own_count",
                )
                for m in municipalities
            ]
    Measurement.objects.bulk_create(rows)
    return len(rows)


def _vip(first: int) -> int:
    from core.models import ReportingPeriod
    from core.workflow import ReportState
    from vip_climate.models import Project, StatusReport

    projects = list(Project.objects.all())
    taken = set(StatusReport.objects.values_list("project_id", "period_id"))
    rows = []
    for year in range(first, LAST_YEAR + 1):
        for half in (ReportingPeriod.Half.SPRING, ReportingPeriod.Half.AUTUMN):
            period = ReportingPeriod.get_or_create_for(year, half)
            rows += [
                StatusReport(
                    project=p,
                    period=period,
                    state=ReportState.APPROVED,
                    status_text="Syntetisk status.\nAndet punkt.",
                    perspectives="Syntetisk perspektiv.",
                )
                for p in projects
                if (p.pk, period.pk) not in taken
            ]
    StatusReport.objects.bulk_create(rows)
    return len(rows)


def _education(first: int) -> int:
    from core.models import Organisation
    from education.models import Allocation, AllocationRow, Programme, RealisedIntake

    municipalities = list(Organisation.objects.municipalities())
    count = 0
    for programme in Programme.objects.filter(is_allocated=True):
        taken = set(Allocation.objects.filter(programme=programme).values_list("year", flat=True))
        for year in range(first, LAST_YEAR + 1):
            RealisedIntake.objects.bulk_create(
                [
                    RealisedIntake(year=year, programme=programme, municipality=m, places=20)
                    for m in municipalities
                ],
                ignore_conflicts=True,
            )
            if year in taken:
                continue
            allocation = Allocation.objects.create(
                year=year,
                programme=programme,
                total=29 * 20,
                status=Allocation.Status.APPROVED,
                source_note="Syntetisk",
            )
            AllocationRow.objects.bulk_create(
                [AllocationRow(allocation=allocation, municipality=m, places=20) for m in municipalities]
            )
            count += 1
    return count


def _infrastructure(years: int) -> int:
    from infrastructure.models import CostEstimate, CostPart

    rows = []
    for part in CostPart.objects.prefetch_related("estimates"):
        latest = max(part.estimates.all(), key=lambda e: e.pk, default=None)
        if latest is None:
            continue
        # Copies of the latest figure: history grows, the totals stay the seed's.
        rows += [
            CostEstimate(part=part, low=latest.low, high=latest.high, source="Syntetisk")
            for _ in range(years)
        ]
    CostEstimate.objects.bulk_create(rows)
    return len(rows)
