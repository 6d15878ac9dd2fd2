"""The reports' one-page summary after the contents: each registered area's `summary(selection)` (core/areas.py)
and the board's "needs attention" list (core/attention.py) for the report's period.

The selection is the dashboard's: a half-yearly report's round and its year; an annual report's year and that
year's last round (looked up only when an area asks for it, so a report of areas without summaries reads
nothing). The page must fit one page: the attention list and each area's lines are capped, and the page says
how many more there are and where to read them.
"""

from django.conf import settings
from django.utils.functional import SimpleLazyObject

from core.areas import registry
from core.attention import collect
from core.models import ReportingPeriod
from core.selection import Selection

MAX_ATTENTION_ITEMS = 8
MAX_LINES_PER_AREA = 4


def _last_round_of(year: int) -> ReportingPeriod:
    found = ReportingPeriod.objects.rounds().filter(year=year).order_by("-deadline").first()
    return found or ReportingPeriod.get_or_create_for(year, ReportingPeriod.Half.AUTUMN)


def report_selection(period: ReportingPeriod) -> Selection:
    if period.is_round:
        return Selection(round=period, year=period.year)
    return Selection(round=SimpleLazyObject(lambda: _last_round_of(period.year)), year=period.year)


def summary_context(period: ReportingPeriod, today) -> dict:
    selection = report_selection(period)
    areas = []
    for area in registry:
        summary = area.summary(selection)
        if summary is None:
            areas.append({"app": area.app, "title": str(area.title), "missing": True})
            continue
        lines = list(summary.get("lines") or [])
        areas.append(
            {
                "app": area.app,
                "title": str(summary.get("title") or area.title),
                "chart": summary.get("chart") or "",
                "lines": lines[:MAX_LINES_PER_AREA],
                "more_lines": max(0, len(lines) - MAX_LINES_PER_AREA),
                "missing": False,
            }
        )
    attention = collect(selection, today)
    return {
        "areas": areas,
        "attention": attention[:MAX_ATTENTION_ITEMS],
        "attention_more": max(0, len(attention) - MAX_ATTENTION_ITEMS),
        "portal_url": settings.PORTAL_BASE_URL,
    }
