"""How this area shows on the home page and on organisation pages; its area object (area.py) delegates here."""

from django.db.models import Count, Max, Sum

from core.models import Organisation

from .models import Contract, GoalStatus, Measurement, Status

ATTENTION = (Status.NOT_MET, Status.OVERDUE, Status.AT_RISK)


def latest_year_with_data() -> int | None:
    return Contract.objects.aggregate(year=Max("year"))["year"]


def home_tile(user, selection=None) -> dict:
    """Goals by status from the selected year's contract's latest snapshot (three queries)."""
    contracts = Contract.objects.order_by("-year")
    if selection is not None:
        contracts = contracts.filter(year__lte=selection.year)
    contract = contracts.first()
    if contract is None:
        return {"contract": None}
    snapshot = contract.snapshots.order_by("-as_of", "-computed_at").first()
    if snapshot is None:
        return {"contract": contract, "snapshot": None}
    statuses = list(
        GoalStatus.objects.filter(snapshot=snapshot).select_related("goal").order_by("goal__number")
    )
    counts = {}
    for gs in statuses:
        counts[gs.status] = counts.get(gs.status, 0) + 1
    by_status = [(value, label, counts[value]) for value, label in Status.choices if counts.get(value)]
    attention = [gs for gs in statuses if gs.status in ATTENTION]
    return {"contract": contract, "snapshot": snapshot, "by_status": by_status, "attention": attention}


def organisation_section(organisation, user) -> dict | None:
    """Goal 2's guidance in this municipality in the latest contract year (four queries)."""
    if not organisation.is_municipality:
        return None
    contract = Contract.objects.order_by("-year").first()
    if contract is None:
        return None
    in_year = Measurement.objects.filter(
        target__goal__contract=contract, target__goal__number=2, municipality__isnull=False
    )
    rows = list(
        in_year.filter(municipality=organisation)
        .values("target__code", "target__text", "target_id")
        .annotate(total=Sum("value"))
        .order_by("target__code")
    )
    overall = in_year.aggregate(total=Sum("value"), municipalities=Count("municipality", distinct=True))
    mine = sum((r["total"] or 0) for r in rows)
    # The average over every municipality in the portal, not only those with guidance.
    municipality_count = Organisation.objects.municipalities().count()
    average = (overall["total"] / municipality_count) if overall["total"] and municipality_count else None
    return {
        "contract": contract,
        "rows": rows,
        "total": mine,
        "all_total": overall["total"],
        "average": average,
        "municipality_count": municipality_count,
    }
