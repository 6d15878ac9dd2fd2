from datetime import date
from decimal import Decimal

import pytest

from contracts.models import Contract, Measurement, Target


@pytest.fixture
def contract(organisations):
    """The 2023 contract, loaded once per test database (tests/conftest.py)."""
    return Contract.objects.get(year=2023)


@pytest.fixture
def target(contract):
    """1.1: awareness 33 % (Sept 2020) → 50 %."""
    return Target.objects.get(goal__contract=contract, code="1.1")


@pytest.fixture
def ten_years_of_monthly_data(contract, organisations):
    """Ten years of monthly counts for every municipality on 2.1.1 and monthly values on 1.1 and 3.1."""
    rows = []
    codes = {
        t.code: t for t in Target.objects.filter(goal__contract=contract, code__in=["1.1", "2.1.1", "3.1"])
    }
    municipalities = [o for o in organisations.values() if o.is_municipality]
    for year in range(2014, 2024):
        for month in range(1, 13):
            day = date(year, month, 28)
            rows.append(
                Measurement(target=codes["1.1"], measured_on=day, value=Decimal(40), source="external_survey")
            )
            rows.append(
                Measurement(
                    target=codes["3.1"],
                    measured_on=day,
                    value=Decimal(82),
                    segment="drift",
                    source="erhvervsstyrelsen",
                )
            )
            for municipality in municipalities:
                rows.append(
                    Measurement(
                        target=codes["2.1.1"],
                        measured_on=day,
                        value=Decimal(5),
                        municipality=municipality,
                        source="own_count",
                    )
                )
    Measurement.objects.bulk_create(rows)
    return len(rows)
