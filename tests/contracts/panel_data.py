"""Measurements that give the 2023 contract's panel something to draw (shared by the panel and PDF tests)."""

from datetime import date

from contracts import services
from contracts.models import Contract, Measurement, Target

AS_OF = date(2023, 7, 1)


def measure(code, day, value, **extra):
    return Measurement.objects.create(
        target=Target.objects.get(goal__contract__year=2023, code=code),
        measured_on=day,
        value=value,
        source="external_survey",
        **extra,
    )


def measure_the_2023_contract() -> Contract:
    """1.1 measured three times in 2023 (and once in 2022, outside the contract year), 1.2 once, 1.3a
    monthly; the only snapshot is taken on AS_OF."""
    contract = Contract.objects.get(year=2023)
    measure("1.1", date(2022, 12, 1), 20)
    for month, value in ((2, 30), (4, 41), (6, 38)):
        measure("1.1", date(2023, month, 1), value)
    measure("1.2", date(2023, 5, 1), 60)
    for month, value in ((1, 100), (2, 250), (3, 50)):
        measure("1.3a", date(2023, month, 28), value)
    services.snapshot_compute(contract_id=contract.pk, as_of=AS_OF)
    contract.snapshots.exclude(as_of=AS_OF).delete()
    return contract
