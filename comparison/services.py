"""Writes of the comparison: the population table."""

from django.db import transaction

from core.models import Organisation

from .models import Population


class MunicipalityGone(ValueError):
    """A municipality of the preview no longer exists: nothing of the import is saved."""


@transaction.atomic
def population_import(*, year: int, inhabitants: dict[int, int], source: str, by) -> int:
    """Store each municipality's inhabitants for the year (replacing an earlier figure); all or nothing.

    `inhabitants`: municipality id → count. Returns how many rows were created or changed.
    """
    municipalities = Organisation.objects.municipalities().in_bulk(list(inhabitants))
    existing = {p.municipality_id: p for p in Population.objects.select_for_update().filter(year=year)}
    changed = 0
    for municipality_id, count in inhabitants.items():
        municipality = municipalities.get(municipality_id)
        if municipality is None:
            raise MunicipalityGone(municipality_id)  # rolls back what this import wrote before it
        current = existing.get(municipality_id)
        if current is None:
            Population.objects.create(
                municipality=municipality, year=year, inhabitants=count, source=source, imported_by=by
            )
        elif (current.inhabitants, current.source) != (count, source):
            current.inhabitants, current.source, current.imported_by = count, source, by
            current.save()
        else:
            continue
        changed += 1
    return changed
