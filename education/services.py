"""Writes in the education area: allocations, moves, approval, versions, intake, local strategies."""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from core.models import Organisation

from .calculator import Share
from .models import Allocation, AllocationMove, AllocationRow, LocalStrategy, Programme, RealisedIntake


class AllocationLocked(ValidationError):
    pass


def _next_version(year: int, programme: Programme) -> int:
    top = Allocation.objects.filter(year=year, programme=programme).aggregate(v=Max("version"))["v"]
    return (top or 0) + 1


@dataclass(frozen=True)
class RowInput:
    municipality: Organisation
    places: int
    key_value: object = None


@transaction.atomic
def allocation_create_draft(
    *, year: int, programme: Programme, rows: list[RowInput], key_source: str = "", source_note: str = ""
) -> Allocation:
    """A new draft version for the year and programme; the total is the sum of the rows."""
    allocation = Allocation.objects.create(
        year=year,
        programme=programme,
        version=_next_version(year, programme),
        total=sum(r.places for r in rows),
        status=Allocation.Status.DRAFT,
        key_source=key_source,
        source_note=source_note,
    )
    for row in rows:
        AllocationRow.objects.create(
            allocation=allocation, municipality=row.municipality, places=row.places, key_value=row.key_value
        )
    return allocation


def allocation_create_from_shares(
    *,
    year: int,
    programme: Programme,
    shares: list[Share],
    municipalities: dict[str, Organisation],
    key_source: str,
) -> Allocation:
    rows = [
        RowInput(municipality=municipalities[s.name], places=s.places, key_value=round(float(s.key), 4))
        for s in shares
    ]
    return allocation_create_draft(year=year, programme=programme, rows=rows, key_source=key_source)


@transaction.atomic
def allocation_move_places(
    *, allocation: Allocation, from_municipality, to_municipality, places: int, reason: str, by
) -> AllocationMove:
    """Move places between two municipalities of a draft; the total stays fixed."""
    allocation = Allocation.objects.select_for_update().get(pk=allocation.pk)
    if allocation.is_locked:
        raise AllocationLocked(
            _("Fordelingen er %(state)s og låst. Opret en ny version for at ændre den.")
            % {"state": allocation.get_status_display()}
        )
    if from_municipality == to_municipality:
        raise ValidationError(_("Vælg to forskellige kommuner."))
    if places <= 0:
        raise ValidationError(_("Antallet af pladser skal være mindst 1."))
    if not reason.strip():
        raise ValidationError(_("Skriv en begrundelse for flytningen."))
    source = AllocationRow.objects.select_for_update().get(
        allocation=allocation, municipality=from_municipality
    )
    target = AllocationRow.objects.select_for_update().get(
        allocation=allocation, municipality=to_municipality
    )
    if source.places < places:
        raise ValidationError(
            _("%(name)s har kun %(places)s pladser at flytte.")
            % {"name": from_municipality, "places": source.places}
        )
    note = f"{places} flyttet fra {from_municipality} til {to_municipality}: {reason.strip()}"
    source.places -= places
    target.places += places
    for row in (source, target):
        row.reason = f"{row.reason}\n{note}".strip()
        row.save()
    return AllocationMove.objects.create(
        allocation=allocation,
        from_municipality=from_municipality,
        to_municipality=to_municipality,
        places=places,
        reason=reason.strip(),
        moved_by=by,
    )


@transaction.atomic
def allocation_approve(*, allocation: Allocation, by) -> Allocation:
    allocation = Allocation.objects.select_for_update().get(pk=allocation.pk)
    if allocation.is_approved:
        raise AllocationLocked(_("Fordelingen er allerede godkendt."))
    row_sum = sum(allocation.rows.values_list("places", flat=True))
    if row_sum != allocation.total:
        raise ValidationError(
            _("Rækkerne summer til %(sum)s, ikke %(total)s.") % {"sum": row_sum, "total": allocation.total}
        )
    allocation.status = Allocation.Status.APPROVED
    allocation.approved_at = timezone.now()
    allocation.approved_by = by
    allocation.save()
    return allocation


@transaction.atomic
def allocation_new_version(*, allocation: Allocation) -> Allocation:
    """A draft copy of an approved allocation: the way to change it after approval."""
    if not allocation.is_locked:
        raise ValidationError(
            _("Kun en godkendt eller forelagt fordeling kan få en ny version; ret kladden i stedet.")
        )
    if Allocation.objects.filter(
        year=allocation.year, programme=allocation.programme, status=Allocation.Status.DRAFT
    ).exists():
        raise ValidationError(_("Der findes allerede en kladde for dette år og denne uddannelse."))
    rows = [
        RowInput(municipality=r.municipality, places=r.places, key_value=r.key_value)
        for r in allocation.rows.select_related("municipality")
    ]
    return allocation_create_draft(
        year=allocation.year,
        programme=allocation.programme,
        rows=rows,
        key_source=f"Ny version af version {allocation.version}",
        source_note=allocation.source_note,
    )


@transaction.atomic
def intake_save(*, year: int, programme: Programme, places: dict[Organisation, int | None]) -> int:
    """Store realised intake per municipality; None removes a figure. Returns how many rows changed."""
    existing = {i.municipality_id: i for i in RealisedIntake.objects.filter(year=year, programme=programme)}
    changed = 0
    for municipality, value in places.items():
        current = existing.get(municipality.pk)
        if value is None:
            if current is not None:
                current.delete()
                changed += 1
            continue
        if current is None:
            RealisedIntake.objects.create(
                year=year, programme=programme, municipality=municipality, places=value
            )
            changed += 1
        elif current.places != value:
            current.places = value
            current.save()
            changed += 1
    return changed


@transaction.atomic
def local_strategy_update(
    *, municipality: Organisation, exists, adopted, url: str, note: str
) -> LocalStrategy:
    strategy, _ = LocalStrategy.objects.get_or_create(municipality=municipality)
    strategy.exists = exists
    strategy.adopted = adopted
    strategy.url = url
    strategy.note = note
    strategy.source_ref = ""  # now the municipality's own entry, not the source's (the history says who)
    strategy.save()
    return strategy
