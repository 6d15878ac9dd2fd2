"""What in the result contract needs the board's attention for a year (core/attention.py).

Read from the year's latest stored fulfilment snapshot (a task computes it; a request never recomputes):
targets not met or at risk, one item each, and the data that was due and never came, as one line. A year
without a contract or without a computed snapshot says so. Three queries.
"""

from django.urls import reverse
from django.utils.formats import date_format
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core.attention import AttentionItem, Kind

from .models import Contract, FulfilmentSnapshot, Status, TargetStatus

NOT_MET = (Status.NOT_MET, Status.AT_RISK)


def _no_data(year: int, detail: str, url: str) -> AttentionItem:
    return AttentionItem(
        kind=Kind.NO_DATA,
        area="contracts",
        title=_("Ingen data for %(year)s") % {"year": year},
        detail=detail,
        url=url,
    )


def attention(selection, today) -> list[AttentionItem]:
    year = selection.year
    snapshot = FulfilmentSnapshot.objects.latest_for_year(year)
    if snapshot is None:
        if not Contract.objects.filter(year=year).exists():
            return [
                _no_data(
                    year,
                    _("Resultatkontrakt: der er ingen kontrakt for %(year)s.") % {"year": year},
                    reverse("contracts:index"),
                )
            ]
        return [
            _no_data(
                year,
                _("Resultatkontrakt: målopfyldelsen for %(year)s er ikke opgjort endnu.") % {"year": year},
                reverse("contracts:contract_detail", args=[year]),
            )
        ]
    rows = list(
        TargetStatus.objects.filter(snapshot=snapshot, status__in=(*NOT_MET, Status.OVERDUE))
        .select_related("target")
        .order_by("target__goal__number", "target__position")
    )
    items = []
    for row in rows:
        if row.status == Status.OVERDUE:
            continue
        target = row.target
        explanation = row.explanation or row.value_text
        items.append(
            AttentionItem(
                kind=Kind.TARGET_NOT_MET,
                area="contracts",
                title=_("Delmål %(code)s: %(text)s")
                % {"code": target.code, "text": Truncator(target.text).chars(90)},
                detail=f"{row.get_status_display().capitalize()}"
                + (f": {explanation}" if explanation else ""),
                url=reverse("contracts:target_detail", args=[target.pk]),
                since=row.latest_data_on,
            )
        )
    missing = sum(1 for row in rows if row.status == Status.OVERDUE)
    if missing:
        items.append(
            AttentionItem(
                kind=Kind.OTHER,
                area="contracts",
                title=_("Resultatkontrakt %(year)s") % {"year": year},
                detail=ngettext(
                    "%(n)d delmål mangler data, der var ventet (opgjort pr. %(as_of)s).",
                    "%(n)d delmål mangler data, der var ventet (opgjort pr. %(as_of)s).",
                    missing,
                )
                % {"n": missing, "as_of": date_format(snapshot.as_of)},
                url=reverse("contracts:contract_detail", args=[year]),
            )
        )
    return items
