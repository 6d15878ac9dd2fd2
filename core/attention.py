"""The board's "needs attention" list: what every area reports for the selected period, in one order.

Each area answers `attention(selection, today)` (core/areas.py) with `AttentionItem`s; `collect` orders them
by what the board can act on first (the `Kind` order), then by how long the item has waited.
"""

from dataclasses import dataclass
from datetime import date
from enum import IntEnum

from django.utils.translation import gettext_lazy as _

from .areas import registry


class Kind(IntEnum):
    """The order of the list: a lower value is shown first."""

    OVERDUE_REPORT = 10  # a lead's report is past its deadline
    OPEN_FOLLOW_UP = 20  # a decision's follow-up action is past its due date
    TARGET_NOT_MET = 30  # a contract target is not met (or at risk)
    MISSING_LEAD = 40  # a project without a lead organisation
    BELOW_ALLOCATION = 50  # a municipality realised fewer places than allocated
    NO_DATA = 80  # the selected round or year has no data in this area: said, never left blank
    OTHER = 90


@dataclass(frozen=True)
class AttentionItem:
    kind: Kind
    area: str  # the app label of the area that reported it
    title: str  # one line, in the active language
    detail: str  # what is wrong, in words (never colour alone)
    url: str  # where the board member can look or act
    since: date | None = None  # when it became due; older first within a kind

    @property
    def icon(self) -> str:
        return ICONS.get(self.kind, "!")

    @property
    def is_no_data(self) -> bool:
        return self.kind == Kind.NO_DATA

    @property
    def kind_label(self) -> str:
        return str(KIND_LABELS.get(self.kind, KIND_LABELS[Kind.OTHER]))


KIND_LABELS = {
    Kind.OVERDUE_REPORT: _("Rapport over fristen"),
    Kind.OPEN_FOLLOW_UP: _("Opfølgning over fristen"),
    Kind.TARGET_NOT_MET: _("Delmål ikke opfyldt"),
    Kind.MISSING_LEAD: _("Tovholder mangler"),
    Kind.BELOW_ALLOCATION: _("Under dimensioneringen"),
    Kind.NO_DATA: _("Ingen data"),
    Kind.OTHER: _("Til orientering"),
}

# The sign shown beside each kind's words (never colour alone); aria-hidden in the partial.
ICONS = {
    Kind.OVERDUE_REPORT: "⚠",
    Kind.OPEN_FOLLOW_UP: "⚠",
    Kind.TARGET_NOT_MET: "✖",
    Kind.MISSING_LEAD: "?",
    Kind.BELOW_ALLOCATION: "▼",
    Kind.NO_DATA: "–",
    Kind.OTHER: "!",
}


def ordered(items) -> list[AttentionItem]:
    return sorted(items, key=lambda i: (i.kind, i.since or date.max, i.title))


def split(items, shown: int = 8) -> dict:
    """For the partial: the period's "no data" notes first, then the items to act on, the first `shown`
    of them in view and the rest behind "show more" (and so off the printed page)."""
    items = list(items)
    acting = [i for i in items if not i.is_no_data]
    return {
        "no_data": [i for i in items if i.is_no_data],
        "first": acting[:shown],
        "more": acting[shown:],
        "count": len(acting),
    }


def collect(selection, today: date | None = None) -> list[AttentionItem]:
    """Every area's items, fresh from the database (the PDF summary); the dashboard reads them through
    core/dashboard_cache.py."""
    today = today or date.today()
    return ordered(item for area in registry for item in area.attention(selection, today))
