"""The contract's pictures, the same on the dashboard and in the PDF report: the goals as a status bar,
each goal's progress towards its target, and a sparkline per target with more than one measurement.

Everything is read from a stored fulfilment snapshot (and, for the sparklines, the measurements the rules
would use); nothing is judged here.
"""

from collections import defaultdict
from datetime import date
from decimal import Decimal

from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, pgettext

from core import charts
from core.formatting import percent

from .fulfilment import fmt
from .models import Measurement, Status, Target
from .templatetags.contracts_tags import ICONS

TONES = {
    Status.MET: "good",
    Status.ON_TRACK: "ok",
    Status.AT_RISK: "warn",
    Status.NOT_MET: "bad",
    Status.AWAITING: "none",
    Status.OVERDUE: "neutral",
    Status.ESTIMATE: "none",
}

SPARKLINE_POINTS = 12  # the newest dates drawn per target


def status_counts(goal_statuses) -> list[tuple[str, str, int]]:
    """(status, word, number of goals) in the vocabulary's order, only statuses that occur."""
    counts: dict[str, int] = defaultdict(int)
    for gs in goal_statuses:
        counts[gs.status] += 1
    return [(value, str(label), counts[value]) for value, label in Status.choices if counts.get(value)]


def status_chart(contract, snapshot, goal_statuses, *, size: charts.Size = charts.SCREEN):
    counts = status_counts(goal_statuses)
    return charts.stacked_status_bar(
        [charts.Segment(label, n, value, TONES[value], ICONS.get(value, "")) for value, label, n in counts],
        title=_("Målene i %(title)s pr. %(as_of)s")
        % {"title": contract.title, "as_of": date_format(snapshot.as_of)},
        description=ngettext("%(n)s mål efter status:", "%(n)s mål efter status:", len(goal_statuses))
        % {"n": len(goal_statuses)},
        width=size.width,
        font_size=size.font_size,
    )


def progress_chart(goal_statuses, *, size: charts.Size = charts.SCREEN):
    """Each goal's progress towards its target (0–100 %, as the snapshot stored it)."""
    return charts.progress_bars(
        [
            charts.Progress(
                pgettext("contract goal", "Mål %(number)s") % {"number": gs.goal.number},
                gs.progress,
                100,
                value_text=percent(gs.progress),
                note=str(gs.get_status_display()),
            )
            for gs in goal_statuses
        ],
        title=_("Fremdrift mod målet for hvert mål"),
        description=_("Fremdrift i procent af vejen fra udgangspunktet til målet; 100 % er målet nået."),
        width=size.width,
        label_width=round(size.font_size * 5.5),
        value_width=round(size.font_size * 6),
        row_height=round(size.font_size * 2),
        font_size=size.font_size,
    )


def _unit(target) -> str:
    return {Target.Unit.PERCENT: "%", Target.Unit.NPS: "NPS"}.get(target.unit, "")


def trends(contract, snapshot, targets, *, font_size: float = 12, display_width: str = "100%") -> list[dict]:
    """A sparkline for each level target with a target value and more than one measured date (one query).

    The values are those the fulfilment rule reads: the contract year's measurements up to the snapshot's
    date, rows of one date added up (one per municipality); a target counted as the year's sum is drawn as
    its running total.
    """
    levels = {t.pk: t for t in targets if t.kind == Target.Kind.LEVEL and t.threshold is not None}
    if not levels:
        return []
    rows = (
        Measurement.objects.filter(
            target_id__in=levels,
            value__isnull=False,
            is_baseline=False,
            segment="",
            measured_on__range=(date(contract.year, 1, 1), snapshot.as_of),
        )
        .order_by("measured_on")
        .values_list("target_id", "measured_on", "value")
    )
    by_target: dict[int, dict[date, Decimal]] = defaultdict(lambda: defaultdict(Decimal))
    for target_id, measured_on, value in rows:
        by_target[target_id][measured_on] += value
    result = []
    for target in levels.values():  # in the order given (goal, then position)
        dates = by_target.get(target.pk)
        if not dates or len(dates) < 2:
            continue
        series, running = [], Decimal(0)
        for day, value in dates.items():
            running = running + value if target.aggregation == Target.Aggregation.SUM else value
            series.append((date_format(day), running))
        series = series[-SPARKLINE_POINTS:]
        unit = _unit(target)
        decimals = 1 if any(v != v.to_integral_value() for _d, v in series) else 0
        result.append(
            {
                "target": target,
                "target_text": fmt(target.threshold, target.unit),
                "points": series,
                "decimals": decimals,
                "chart": charts.sparkline(
                    series,
                    target=target.threshold,
                    title=_("Delmål %(code)s over tid") % {"code": target.code},
                    description=_("Målte værdier og målet (stiplet linje):"),
                    unit=unit,
                    decimals=decimals,
                    font_size=font_size,
                    display_width=display_width,
                ),
            }
        )
    return result
