"""How this area shows on the home page and on organisation pages; its area object (area.py) delegates here."""

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core import charts
from core.formatting import number

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
    wanted = selection.year if selection is not None else None
    panel = allocation_panel(wanted)
    if panel is None:
        return {"year": None, "wanted_year": wanted, "latest_year": latest_year_with_data()}
    panel["chart"] = panel_chart(panel, width=400, font_size=13)  # legible at 390 px too
    return panel


def allocation_panel(year: int | None) -> dict | None:
    """Places allocated and realised per programme (never added together) and the municipalities below their
    allocation, for the year (or the latest with an allocation); None when there is none. Three queries.

    Realised intake is summed only over the municipalities that reported it: `complete` says whether all did.
    A programme nobody reported has `realised` None (unknown, not 0).
    """
    allocations = _current_allocations(year)
    if not allocations:
        return None
    year = allocations[0].year
    rows = AllocationRow.objects.filter(allocation__in=allocations).values_list(
        "allocation__programme_id", "municipality_id", "municipality__name", "places"
    )
    allocated = {(p, m): (name, places) for p, m, name, places in rows}
    intake = {
        (p, m): places
        for p, m, places in RealisedIntake.objects.filter(year=year).values_list(
            "programme_id", "municipality_id", "places"
        )
    }
    programmes = []
    below = []
    for allocation in allocations:
        pid = allocation.programme_id
        lines = [(m, name, places) for (p, m), (name, places) in allocated.items() if p == pid]
        reported = [(m, name, intake[(pid, m)], places) for m, name, places in lines if (pid, m) in intake]
        below.extend(
            {"municipality": name, "programme": allocation.programme, "places": places, "realised": realised}
            for _m, name, realised, places in reported
            if realised < places
        )
        programmes.append(
            {
                "programme": allocation.programme,
                "allocated": allocation.total,
                "state": allocation.get_status_display(),
                "realised": sum(r for _m, _n, r, _p in reported) if reported else None,
                "reported": len(reported),
                "municipalities": len(lines),
                "complete": bool(lines) and len(reported) == len(lines),
            }
        )
    below.sort(key=lambda b: (b["municipality"], b["programme"].order))
    return {
        "year": year,
        "programmes": programmes,
        "below": below,
        "below_count": len({b["municipality"] for b in below}),
        "reported_any": any(p["reported"] for p in programmes),
    }


def _realised_note(programme: dict) -> str:
    if programme["realised"] is None:
        return _("optag ikke indberettet")
    return ngettext(
        "%(realised)s besat i %(n)d af %(total)d kommuner",
        "%(realised)s besat i %(n)d af %(total)d kommuner",
        programme["reported"],
    ) % {
        "realised": number(programme["realised"]),
        "n": programme["reported"],
        "total": programme["municipalities"],
    }


def panel_chart(panel: dict, *, width: float, font_size: float, label_share: float = 0.42):
    """Allocated vs realised per programme; realised is drawn only when every municipality reported it."""
    groups = [
        charts.Group(
            p["programme"].name,
            (p["allocated"], p["realised"] if p["complete"] else None),
            ("", _realised_note(p)),
        )
        for p in panel["programmes"]
    ]
    return charts.grouped_bars(
        groups,
        series=[_("Fordelt"), _("Besat")],
        title=_("SOSU-praktikpladser %(year)s: fordelt og besat pr. uddannelse") % {"year": panel["year"]},
        description=_(
            "For hver uddannelse de fordelte pladser og det realiserede optag; uddannelserne lægges ikke "
            "sammen, og ukendt optag er ikke 0. Tabellen viser de samme tal."
        ),
        width=width,
        font_size=font_size,
        label_share=label_share,
        label_lang="da",  # the programmes' names as the source gives them, in either language
    )


def summary(selection) -> dict | None:
    """The summary page's and the dashboard's headline for the selected year: the home panel's figures."""
    panel = allocation_panel(selection.year)
    if panel is None or panel["year"] != selection.year:
        return None
    lines = []
    for p in panel["programmes"]:
        realised = number(p["realised"]) if p["complete"] else _realised_note(p)
        lines.append(
            _("%(programme)s: %(allocated)s fordelt, besat: %(realised)s.")
            % {"programme": p["programme"].name, "allocated": number(p["allocated"]), "realised": realised}
        )
    if panel["below"]:
        names = sorted({b["municipality"] for b in panel["below"]})
        lines.append(
            ngettext(
                "%(n)d kommune under sin fordeling: %(names)s.",
                "%(n)d kommuner under deres fordeling: %(names)s.",
                len(names),
            )
            % {"n": len(names), "names": ", ".join(names)}
        )
    return {
        "title": _("SOSU-praktikpladser %(year)s") % {"year": panel["year"]},
        "chart": panel_chart(
            panel, width=charts.PDF_WIDTH / 2, font_size=charts.PDF_FONT_SIZE, label_share=0.45
        ),
        "lines": lines,
    }


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
