"""How this area shows on the home page and on organisation pages; its area object (area.py) delegates here."""

from django.db.models import Count, Max, Subquery, Sum
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from core.models import Organisation

from . import figures
from .fulfilment import month_end
from .models import Contract, FulfilmentSnapshot, GoalStatus, Measurement, Status, Target, TargetStatus

ATTENTION = (Status.NOT_MET, Status.OVERDUE, Status.AT_RISK)

# contracts/fulfilment.py's judge(): the portal's rule, not the contract's; said wherever it shows.
PACE_ASSUMPTION = gettext_lazy(
    "«På vej» og «i risiko» er portalens antagelse: et mål er på vej, når fremdriften er mindst den andel "
    "af perioden, der er gået; kontrakten angiver intet tempo."
)


def latest_year_with_data() -> int | None:
    return Contract.objects.aggregate(year=Max("year"))["year"]


def _due_data(target_statuses) -> list[dict]:
    """Targets still without data, by state and due month: "afventer" until the month has passed, then
    "udeblevet" (the snapshot's statuses already say which; the month is shown beside them)."""
    groups: dict[tuple[str, tuple[int, int]], dict] = {}
    for ts in target_statuses:
        due = ts.target.expected_on
        if ts.status not in (Status.AWAITING, Status.OVERDUE) or due is None:
            continue
        group = groups.setdefault(
            (ts.status, (due.year, due.month)), {"status": ts.status, "month": month_end(due), "count": 0}
        )
        group["count"] += 1
    return sorted(groups.values(), key=lambda g: (g["month"], g["status"]))


def _latest_snapshot(year):
    return Subquery(FulfilmentSnapshot.objects.filter(contract__year=year).newest_first().values("pk")[:1])


def home_tile(user, selection=None) -> dict:
    """The selected year's contract as its latest snapshot stored it: goals by status (a status bar and a
    table), each goal's progress, the awaited data and a sparkline per measured target (three queries).

    A selected year without a contract says so and names the latest year that has one; it never shows
    another year's contract in its place.
    """
    if selection is not None:
        year = selection.year
    else:
        year = Subquery(Contract.objects.order_by("-year").values("year")[:1])
    statuses = list(
        GoalStatus.objects.filter(snapshot=_latest_snapshot(year))
        .select_related("goal", "snapshot__contract")
        .order_by("goal__number")
    )
    if not statuses:
        contract = Contract.objects.filter(year=year).first()
        if contract is not None:
            return {"contract": contract, "snapshot": None}
        if selection is not None:
            return {"contract": None, "wanted_year": selection.year, "latest_year": latest_year_with_data()}
        return {"contract": None, "latest_year": None}
    snapshot = statuses[0].snapshot
    contract = snapshot.contract
    target_statuses = list(
        TargetStatus.objects.filter(snapshot=snapshot)
        .select_related("target")
        .order_by("target__goal__number", "target__position")
    )
    by_status = figures.status_counts(statuses)
    paced = any(s.status in (Status.ON_TRACK, Status.AT_RISK) for s in [*statuses, *target_statuses])
    return {
        "contract": contract,
        "snapshot": snapshot,
        "goal_statuses": statuses,
        "by_status": by_status,
        "status_chart": figures.status_chart(contract, snapshot, statuses),
        "progress_chart": figures.progress_chart(statuses),
        "trends": figures.trends(contract, snapshot, [ts.target for ts in target_statuses]),
        "pace_assumed": paced,
        "pace_assumption": PACE_ASSUMPTION,
        "attention": [gs for gs in statuses if gs.status in ATTENTION],
        "due_data": _due_data(target_statuses),
    }


def summary(selection) -> dict | None:
    """The contract's status for the dashboard's headline and the PDF summary page: the panel's figures."""
    tile = home_tile(None, selection)
    if not tile.get("snapshot"):
        return None
    contract, snapshot = tile["contract"], tile["snapshot"]
    counts = ", ".join(f"{n} {label}" for _value, label, n in tile["by_status"])
    lines = [
        _("Målene pr. %(as_of)s: %(counts)s.") % {"as_of": date_format(snapshot.as_of), "counts": counts},
    ]
    waiting = sum(g["count"] for g in tile["due_data"])
    if waiting:
        lines.append(
            ngettext("%(n)s delmål venter på data.", "%(n)s delmål venter på data.", waiting) % {"n": waiting}
        )
    if tile["pace_assumed"]:
        lines.append(str(PACE_ASSUMPTION))
    return {"title": contract.title, "chart": tile["status_chart"], "lines": lines}


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
