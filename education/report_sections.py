"""The education section of the annual PDF report: approved allocations per municipality and intake."""

from django.utils.translation import gettext as _

from core import charts

from .models import Allocation, AllocationRow, RealisedIntake


def annual_section(year: int) -> dict | None:
    """Context for templates/education/pdf/_annual_section.html; None when nothing is approved for the year.

    Reads stored data only, in four queries.
    """
    approved = list(
        Allocation.objects.official()
        .filter(year=year)
        .select_related("programme")
        .order_by("programme__order", "-version")
    )
    current: dict[int, Allocation] = {}
    for allocation in approved:
        current.setdefault(allocation.programme_id, allocation)
    if not current:
        return None
    allocations = list(current.values())
    programme_of = {a.pk: a.programme_id for a in allocations}
    rows = (
        AllocationRow.objects.filter(allocation__in=allocations).select_related("municipality").order_by("pk")
    )
    intake = {(i.programme_id, i.municipality_id): i.places for i in RealisedIntake.objects.filter(year=year)}
    by_municipality: dict[int, dict] = {}
    for row in rows:
        line = by_municipality.setdefault(
            row.municipality_id, {"municipality": row.municipality.name, "cells": {}}
        )
        pid = programme_of[row.allocation_id]
        line["cells"][pid] = {"places": row.places, "realised": intake.get((pid, row.municipality_id))}
    lines = []
    for line in by_municipality.values():
        line["cells"] = [
            line["cells"].get(a.programme_id, {"places": None, "realised": None}) for a in allocations
        ]
        lines.append(line)
    totals = []
    for index, allocation in enumerate(allocations):
        realised = [
            line["cells"][index]["realised"] for line in lines if line["cells"][index]["realised"] is not None
        ]
        totals.append({"places": allocation.total, "realised": sum(realised) if realised else None})
    chart = charts.grouped_bars(
        [
            charts.Group(label=line["municipality"], values=tuple(c["places"] for c in line["cells"]))
            for line in lines
        ],
        series=[a.programme.name for a in allocations],
        title=_("Fordelte SOSU-praktikpladser pr. kommune og uddannelse %(year)s") % {"year": year},
        description=_(
            "Én søjle pr. uddannelse for hver kommune; uddannelserne lægges ikke sammen. Tabellen viser de samme tal."
        ),
        width=charts.PDF_WIDTH,
        font_size=8.5,  # 29 municipalities × 2 programmes on one page, labels still above 8 pt
        bar_scale=1.1,
        label_lang="da",
    )
    return {
        "title": _("SOSU-praktikpladser %(year)s") % {"year": year},
        "year": year,
        "programmes": [a.programme for a in allocations],
        "lines": lines,
        "totals": totals,
        "chart": chart,
    }
