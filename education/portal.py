"""How this area shows on the home page and on organisation pages; its area object (area.py) delegates here."""

from .models import Allocation, AllocationRow, LocalStrategy, RealisedIntake


def latest_year_with_data() -> int | None:
    allocation = Allocation.objects.official().order_by("-year").first()
    return allocation.year if allocation else None


def _current_allocations(year: int | None = None) -> list[Allocation]:
    """The newest official version (approved, or presented to KKR as in the source) per programme, in the
    given year or, without one, in the latest year that has any."""
    approved_qs = Allocation.objects.official()
    if year is not None:
        approved_qs = approved_qs.filter(year=year)
    approved = list(approved_qs.select_related("programme").order_by("-year", "programme__order", "-version"))
    if not approved:
        return []
    year = approved[0].year
    current: dict[int, Allocation] = {}
    for allocation in approved:
        if allocation.year == year and allocation.programme_id not in current:
            current[allocation.programme_id] = allocation
    return list(current.values())


def home_tile(user, selection=None) -> dict:
    """The selected year's allocations; a year without any says so and names the latest that has some."""
    allocations = _current_allocations(selection.year if selection is not None else None)
    if not allocations:
        wanted = selection.year if selection is not None else None
        return {"year": None, "wanted_year": wanted, "latest_year": latest_year_with_data()}
    year = allocations[0].year
    rows = AllocationRow.objects.filter(allocation__in=allocations).values_list(
        "allocation__programme_id", "municipality_id", "places"
    )
    allocated = {(p, m): places for p, m, places in rows}
    intake = {
        (p, m): places
        for p, m, places in RealisedIntake.objects.filter(year=year).values_list(
            "programme_id", "municipality_id", "places"
        )
    }
    programmes = []
    below: set[int] = set()
    for allocation in allocations:
        pid = allocation.programme_id
        reported = [
            (m, intake[(pid, m)], places)
            for (p, m), places in allocated.items()
            if p == pid and (p, m) in intake
        ]
        below.update(m for m, realised, places in reported if realised < places)
        programmes.append(
            {
                "programme": allocation.programme,
                "allocated": allocation.total,
                "state": allocation.get_status_display(),
                "realised": sum(r for _m, r, _p in reported) if reported else None,
                "reported": len(reported),
            }
        )
    return {"year": year, "programmes": programmes, "below_count": len(below)}


def organisation_section(organisation, user) -> dict | None:
    if not organisation.is_municipality:
        return None
    rows = list(
        AllocationRow.objects.filter(municipality=organisation, allocation__status__in=Allocation.OFFICIAL)
        .select_related("allocation__programme")
        .order_by("-allocation__year", "allocation__programme__order", "-allocation__version")
    )
    seen: set[tuple[int, int]] = set()
    intake = {
        (i.year, i.programme_id): i.places for i in RealisedIntake.objects.filter(municipality=organisation)
    }
    lines = []
    for row in rows:
        key = (row.allocation.year, row.allocation.programme_id)
        if key in seen:
            continue
        seen.add(key)
        realised = intake.get(key)
        lines.append(
            {
                "year": row.allocation.year,
                "programme": row.allocation.programme,
                "places": row.places,
                "realised": realised,
                "below": realised is not None and realised < row.places,
            }
        )
    return {
        "lines": lines,
        "local_strategy": LocalStrategy.objects.filter(municipality=organisation).first(),
        "can_edit_strategy": user.has_perm("education.edit_local_strategy", organisation),
        "organisation": organisation,
    }
