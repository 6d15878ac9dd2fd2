"""Thin Celery wrappers: take IDs, call a service, idempotent."""

from datetime import date

from celery import shared_task

from .models import Contract
from .services import snapshot_compute


@shared_task(name="contracts.compute_snapshot")
def compute_snapshot(contract_id: int, as_of: str | None = None) -> int:
    """Compute the fulfilment snapshot of one contract for a date (ISO string; default today)."""
    snapshot = snapshot_compute(contract_id=contract_id, as_of=date.fromisoformat(as_of) if as_of else None)
    return snapshot.pk


@shared_task(name="contracts.compute_all_snapshots")
def compute_all_snapshots() -> int:
    """Nightly: today's snapshot for every contract."""
    ids = list(Contract.objects.values_list("pk", flat=True))
    for contract_id in ids:
        snapshot_compute(contract_id=contract_id)
    return len(ids)
