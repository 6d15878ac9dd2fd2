"""What in SOSU education needs the board's attention for a year (core/attention.py).

Municipalities whose realised intake is below their allocated places, one item per municipality naming
each programme short of its allocation. Only where the realised intake is known: a municipality without a
reported intake is not called short. A year without an allocation or without any reported intake says so.
Four queries.
"""

from django.urls import reverse
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from core.attention import AttentionItem, Kind
from core.models import Organisation

from .models import AllocationRow, RealisedIntake
from .portal import _current_allocations


def _no_data(year: int, detail: str) -> AttentionItem:
    return AttentionItem(
        kind=Kind.NO_DATA,
        area="education",
        title=_("Ingen data for %(year)s") % {"year": year},
        detail=detail,
        url=reverse("education:index"),
    )


def attention(selection, today) -> list[AttentionItem]:
    year = selection.year
    allocations = _current_allocations(year)
    if not allocations:
        return [
            _no_data(
                year, _("Uddannelse: ingen fordeling af SOSU-praktikpladser for %(year)s.") % {"year": year}
            )
        ]
    intake = {
        (p, m): places
        for p, m, places in RealisedIntake.objects.filter(year=year).values_list(
            "programme_id", "municipality_id", "places"
        )
    }
    if not intake:
        return [
            _no_data(
                year,
                _("Uddannelse: intet realiseret SOSU-optag er indberettet for %(year)s.") % {"year": year},
            )
        ]
    programmes = {a.programme_id: a.programme for a in allocations}
    short: dict[int, list[str]] = {}
    rows = AllocationRow.objects.filter(allocation__in=allocations).values_list(
        "allocation__programme_id", "municipality_id", "places"
    )
    for programme_id, municipality_id, places in rows.order_by("allocation__programme__order"):
        realised = intake.get((programme_id, municipality_id))
        if realised is not None and realised < places:
            short.setdefault(municipality_id, []).append(
                _("%(programme)s: %(realised)s af %(places)s pladser besat")
                % {
                    "programme": programmes[programme_id].name,
                    "realised": number_format(realised, force_grouping=True),
                    "places": number_format(places, force_grouping=True),
                }
            )
    municipalities = Organisation.objects.filter(pk__in=short).order_by("name")
    return [
        AttentionItem(
            kind=Kind.BELOW_ALLOCATION,
            area="education",
            title=municipality.name,
            detail=_("Under dimensioneringen %(year)s: %(lines)s.")
            % {"year": year, "lines": "; ".join(short[municipality.pk])},
            url=reverse("organisation_detail", args=[municipality.slug]),
        )
        for municipality in municipalities
    ]
