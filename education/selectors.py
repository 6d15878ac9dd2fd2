"""Reads for the education pages: a fixed number of queries whatever the number of rows."""

from dataclasses import dataclass
from decimal import Decimal

from core.models import Organisation

from .models import Allocation, AllocationRow, Programme, RealisedIntake


@dataclass
class TableRow:
    municipality: Organisation
    places: int | None
    previous: int | None = None
    key_value: Decimal | None = None
    reason: str = ""
    realised: int | None = None

    @property
    def change(self) -> int | None:
        if self.places is None or self.previous is None:
            return None
        return self.places - self.previous

    @property
    def fulfilment(self) -> Decimal | None:
        """Realised ÷ allocated in per cent; None when a figure is missing or nothing was allocated."""
        if self.realised is None or not self.places:
            return None
        return Decimal(self.realised) * 100 / Decimal(self.places)

    @property
    def below(self) -> bool:
        return self.realised is not None and self.places is not None and self.realised < self.places

    @property
    def shortfall(self) -> int | None:
        return (self.places - self.realised) if self.below else None


def allocated_programmes():
    return Programme.objects.filter(is_allocated=True)


def current_allocation(year: int, programme: Programme) -> Allocation | None:
    """The newest official version (approved or presented to KKR); the newest draft when there is none."""
    allocations = Allocation.objects.filter(year=year, programme=programme)
    return allocations.official().order_by("-version").first() or allocations.order_by("-version").first()


def _rows_by_municipality(allocation: Allocation | None) -> dict[int, AllocationRow]:
    if allocation is None:
        return {}
    return {r.municipality_id: r for r in allocation.rows.all()}


def allocation_table(allocation: Allocation) -> dict:
    """The rows of an allocation with the previous year's official allocation beside them."""
    previous = (
        Allocation.objects.official()
        .filter(year=allocation.year - 1, programme=allocation.programme)
        .order_by("-version")
        .first()
    )
    previous_rows = _rows_by_municipality(previous)
    rows = [
        TableRow(
            municipality=r.municipality,
            places=r.places,
            previous=previous_rows[r.municipality_id].places if r.municipality_id in previous_rows else None,
            key_value=r.key_value,
            reason=r.reason,
        )
        for r in allocation.rows.select_related("municipality").order_by("pk")
    ]
    total = sum(r.places for r in rows)
    previous_total = previous.total if previous else None
    return {
        "allocation": allocation,
        "previous": previous,
        "rows": rows,
        "row_total": total,
        "previous_total": previous_total,
        "total_change": (total - previous_total) if previous_total is not None else None,
    }


def fulfilment(year: int, programme: Programme) -> dict:
    allocation = current_allocation(year, programme)
    intake = {
        i.municipality_id: i.places for i in RealisedIntake.objects.filter(year=year, programme=programme)
    }
    rows = []
    if allocation is not None:
        rows = [
            TableRow(municipality=r.municipality, places=r.places, realised=intake.get(r.municipality_id))
            for r in allocation.rows.select_related("municipality").order_by("pk")
        ]
    allocated = sum(r.places for r in rows)
    reported = [r for r in rows if r.realised is not None]
    realised = sum(r.realised for r in reported)
    allocated_reported = sum(r.places for r in reported)
    return {
        "allocation": allocation,
        "rows": rows,
        "allocated": allocated,
        "realised": realised if reported else None,
        "reported_count": len(reported),
        "region_fulfilment": (Decimal(realised) * 100 / allocated_reported) if allocated_reported else None,
        "below": [r for r in rows if r.below],
        "missing": [r for r in rows if r.realised is None],
    }


def years_with_allocations() -> list[int]:
    return sorted(set(Allocation.objects.values_list("year", flat=True)), reverse=True)


def latest_year() -> int | None:
    years = years_with_allocations()
    return years[0] if years else None
