"""How this area shows on the home page and on organisation pages; its area object (area.py) delegates here."""

from django.db.models import Count, Max, Subquery, Sum

from core.models import Organisation

from .fulfilment import month_end
from .models import Contract, FulfilmentSnapshot, GoalStatus, Measurement, Status, Target, TargetStatus

ATTENTION = (Status.NOT_MET, Status.OVERDUE, Status.AT_RISK)


def latest_year_with_data() -> int | None:
    return Contract.objects.aggregate(year=Max("year"))["year"]


def _due_data(snapshot) -> list[dict]:
    """Targets still without data, by state and due month: "afventer" until the month has passed, then
    "udeblevet" (the snapshot's statuses already say which; the month is shown beside them)."""
    rows = (
        TargetStatus.objects.filter(snapshot=snapshot, status__in=(Status.AWAITING, Status.OVERDUE))
        .exclude(target__expected_on=None)
        .values_list("status", "target__expected_on")
    )
    groups: dict[tuple[str, tuple[int, int]], dict] = {}
    for status, due in rows:
        group = groups.setdefault(
            (status, (due.year, due.month)), {"status": status, "month": month_end(due), "count": 0}
        )
        group["count"] += 1
    return sorted(groups.values(), key=lambda g: (g["month"], g["status"]))


def home_tile(user, selection=None) -> dict:
    """Goals by status from the selected year's contract's latest snapshot (three queries).

    A selected year without a contract says so and names the latest year that has one; it never shows
    another year's contract in its place.
    """
    if selection is not None:
        year = selection.year
    else:
        year = Subquery(Contract.objects.order_by("-year").values("year")[:1])
    snapshot = (
        FulfilmentSnapshot.objects.filter(contract__year=year)
        .select_related("contract")
        .order_by("-as_of", "-computed_at")
        .first()
    )
    if snapshot is not None:
        contract = snapshot.contract
    else:
        contract = Contract.objects.filter(year=year).first()
        if contract is not None:
            return {"contract": contract, "snapshot": None}
        if selection is not None:
            return {"contract": None, "wanted_year": selection.year, "latest_year": latest_year_with_data()}
        return {"contract": None, "latest_year": None}
    statuses = list(
        GoalStatus.objects.filter(snapshot=snapshot).select_related("goal").order_by("goal__number")
    )
    counts = {}
    for gs in statuses:
        counts[gs.status] = counts.get(gs.status, 0) + 1
    by_status = [(value, label, counts[value]) for value, label in Status.choices if counts.get(value)]
    attention = [gs for gs in statuses if gs.status in ATTENTION]
    return {
        "contract": contract,
        "snapshot": snapshot,
        "by_status": by_status,
        "attention": attention,
        "due_data": _due_data(snapshot),
    }


def organisation_section(organisation, user) -> dict | None:
    """Goal 2's guidance in this municipality in the latest contract year (four queries)."""
    if not organisation.is_municipality:
        return None
    contract = Contract.objects.order_by("-year").first()
    if contract is None:
        return None
    # The three services (2.1.1-2.1.3, estimates in the source) count courses and calls, not companies:
    # only they are added up here, never with a count of companies.
    in_year = Measurement.objects.filter(
        target__goal__contract=contract,
        target__goal__number=2,
        target__kind=Target.Kind.ESTIMATE,
        target__unit=Target.Unit.COUNT,
        municipality__isnull=False,
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
