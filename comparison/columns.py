"""The comparison's columns, declared once: what each area contributes per municipality.

Each area has one reader here, `<area>(selection)`, that asks its models with a fixed number of queries
(never one per municipality) and returns an `AreaColumns`: the columns it adds (key, label, unit, kind) and
each municipality's cells. The page, the sorting, the filters and the CSV/XLSX export all read these
columns, so a figure can never be on the page and missing from the export, or the other way round.

Unknown stays unknown: a cell whose figure the portal does not hold has the value None and is shown as
"–" with what is missing, never as 0.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Q, Sum
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

COUNT = "count"  # a number; sortable by value; per-capita where `per_capita`
LIST = "list"  # a list of items; sorted by how many there are


@dataclass(frozen=True)
class Column:
    key: str  # stable, used in ?sort=
    group: str | Promise  # the header above (an area, a programme)
    label: str | Promise
    kind: str = COUNT
    unit: str | Promise = ""
    per_capita: bool = False  # a count that has a per-1.000-inhabitants variant
    missing: str | Promise = ""  # what an empty cell means, for the page and screen readers
    lang: str = ""  # "da" when the label is a stored Danish text (the contract's wording), in any language


@dataclass
class Item:
    """One entry of a list cell: "VIP 2" with its report state."""

    text: str
    state: str = ""
    attention: bool = False  # e.g. an overdue report

    def __str__(self) -> str:
        return f"{self.text} ({self.state})" if self.state else self.text


@dataclass
class Cell:
    value: int | Decimal | None = None  # the figure, or the number of items of a list
    items: list[Item] = field(default_factory=list)

    def export(self, column: Column) -> object:
        if column.kind == LIST:
            return "; ".join(str(item) for item in self.items)
        return self.value


@dataclass
class AreaColumns:
    columns: list[Column]
    cells: dict[int, dict[str, Cell]]  # municipality id → column key → cell


def _cells() -> dict[int, dict[str, Cell]]:
    return defaultdict(dict)


# --- VIP climate projects ------------------------------------------------------------------------------


def vip(selection, municipality_ids: set[int]) -> AreaColumns:
    """Projects taken part in, and the lead duties in the round with each report's state (3 queries)."""
    from vip_climate.models import LeadPeriod, Participation, StatusReport
    from vip_climate.selectors import round_state

    round_ = selection.round
    today = timezone.localdate()
    cells = _cells()

    taken_part: dict[int, set[int]] = defaultdict(set)
    for organisation_id, number in (
        Participation.objects.filter(organisation_id__in=municipality_ids)
        .order_by()
        .values_list("organisation_id", "project__number")
    ):
        taken_part[organisation_id].add(number)

    # The leads at the round's deadline (as the round page shows them), of projects running in the round.
    day = round_.deadline
    leads = (
        LeadPeriod.objects.filter(organisation_id__in=municipality_ids, starts__lte=day)
        .filter(Q(ends__isnull=True) | Q(ends__gte=day))
        .filter(project__start_year__lte=round_.year, project__end_year__gte=round_.year)
        .values_list("organisation_id", "project_id", "project__number")
        .order_by("project__number")
    )
    reports = {r.project_id: r for r in StatusReport.objects.filter(period=round_)}

    duties: dict[int, list[Item]] = defaultdict(list)
    seen = set()
    for organisation_id, project_id, number in leads:
        if (organisation_id, project_id) in seen:
            continue  # two lead periods of one organisation covering the same day
        seen.add((organisation_id, project_id))
        state = round_state(reports.get(project_id), round_, today)
        duties[organisation_id].append(
            Item(text=f"VIP {number}", state=str(state["label"]), attention=state["overdue"])
        )

    for pk in municipality_ids:
        numbers = sorted(taken_part.get(pk, ()))
        cells[pk]["vip-projects"] = Cell(value=len(numbers), items=[Item(text=f"VIP {n}") for n in numbers])
        items = duties.get(pk, [])
        cells[pk]["vip-leads"] = Cell(value=len(items), items=items)
    columns = [
        Column("vip-projects", _("VIP-klimaprojekter"), _("Deltager i"), kind=LIST, unit=_("projekter")),
        Column(
            "vip-leads",
            _("VIP-klimaprojekter"),
            _("Tovholder i runden (rapportens status)"),
            kind=LIST,
            unit=_("projekter"),
        ),
    ]
    return AreaColumns(columns, cells)


# --- the 7+3 infrastructure projects ---------------------------------------------------------------------


def infrastructure(selection, municipality_ids: set[int]) -> AreaColumns:
    """The projects a municipality leads and the state of their yearly follow-up for the year (2 queries)."""
    from core.workflow import ReportState
    from infrastructure.models import FollowUpReport, Project

    cells = _cells()
    states = dict(
        FollowUpReport.objects.filter(year=selection.year).order_by().values_list("project_id", "state")
    )
    labels = dict(ReportState.choices)
    duties: dict[int, list[Item]] = defaultdict(list)
    for organisation_id, project_id, name in (
        Project.leads.through.objects.filter(organisation_id__in=municipality_ids)
        .values_list("organisation_id", "project_id", "project__name")
        .order_by("project__order", "project__name")
    ):
        state = states.get(project_id)
        duties[organisation_id].append(
            Item(text=name, state=str(labels[state]) if state else str(_("ingen opfølgning")))
        )
    for pk in municipality_ids:
        items = duties.get(pk, [])
        cells[pk]["infrastructure-leads"] = Cell(value=len(items), items=items)
    columns = [
        Column(
            "infrastructure-leads",
            _("7+3 infrastrukturprojekter"),
            _("Tovholder (årets opfølgning)"),
            kind=LIST,
            unit=_("projekter"),
        )
    ]
    return AreaColumns(columns, cells)


# --- SOSU places ---------------------------------------------------------------------------------------


def _current_allocations(year: int):
    """Per programme the allocation that stands for the year (education.selectors.current_allocation's
    rule: the newest official version, else the newest draft), for all programmes in one query."""
    from education.models import Allocation

    chosen = {}
    for allocation in Allocation.objects.filter(year=year).order_by("programme_id", "version"):
        current = chosen.get(allocation.programme_id)
        official = allocation.status in Allocation.OFFICIAL
        if current is None or official or current.status not in Allocation.OFFICIAL:
            chosen[allocation.programme_id] = allocation
    return chosen


def education(selection, municipality_ids: set[int]) -> AreaColumns:
    """Places allocated and realised per programme, and the shortfall where realised is known (4 queries)."""
    from education.models import AllocationRow, RealisedIntake
    from education.selectors import allocated_programmes

    year = selection.year
    programmes = list(allocated_programmes())
    allocations = _current_allocations(year)
    allocated: dict[tuple[int, int], int] = {}
    programme_of = {a.pk: a.programme_id for a in allocations.values()}
    for allocation_id, municipality_id, places in (
        AllocationRow.objects.filter(allocation_id__in=programme_of)
        .order_by()
        .values_list("allocation_id", "municipality_id", "places")
    ):
        allocated[(programme_of[allocation_id], municipality_id)] = places
    realised = {
        (programme_id, municipality_id): places
        for programme_id, municipality_id, places in RealisedIntake.objects.filter(year=year)
        .order_by()
        .values_list("programme_id", "municipality_id", "places")
    }

    cells = _cells()
    columns = []
    for programme in programmes:
        prefix = f"sosu-{programme.slug}"
        group = _("SOSU-pladser: %(programme)s") % {"programme": programme.name}
        columns += [
            Column(
                f"{prefix}-allocated",
                group,
                _("Fordelt"),
                unit=_("pladser"),
                per_capita=True,
                missing=_("ingen fordeling for året"),
            ),
            Column(
                f"{prefix}-realised",
                group,
                _("Realiseret"),
                unit=_("pladser"),
                per_capita=True,
                missing=_("ikke indberettet"),
            ),
            Column(
                f"{prefix}-shortfall",
                group,
                _("Manko (fordelt − realiseret)"),
                unit=_("pladser"),
                per_capita=True,
                missing=_("kan ikke beregnes uden begge tal"),
            ),
        ]
        for pk in municipality_ids:
            places = allocated.get((programme.pk, pk))
            filled = realised.get((programme.pk, pk))
            cells[pk][f"{prefix}-allocated"] = Cell(places)
            cells[pk][f"{prefix}-realised"] = Cell(filled)
            known = places is not None and filled is not None
            cells[pk][f"{prefix}-shortfall"] = Cell(places - filled if known else None)
    return AreaColumns(columns, cells)


SHORTFALL_SUFFIX = "-shortfall"


# --- the result contract: goal 2's guidance per municipality -----------------------------------------


def contracts(selection, municipality_ids: set[int]) -> AreaColumns:
    """Goal 2's counts per municipality in the year's contract, where measured (3 queries).

    A target counted over the year ("summen af årets målinger") is the sum of its measurements; any other
    the latest one, as the contract's own pages count them.
    """
    from contracts.editing import per_municipality
    from contracts.models import Measurement, Target

    targets = [
        t
        for t in Target.objects.filter(goal__contract__year=selection.year, goal__number=2).select_related(
            "goal"
        )
        if per_municipality(t)
    ]
    measured = Measurement.objects.filter(
        target__in=targets,
        municipality_id__in=municipality_ids,
        is_baseline=False,
        segment="",
        value__isnull=False,
    )
    summing = [t for t in targets if t.aggregation == Target.Aggregation.SUM]
    values: dict[tuple[int, int], Decimal] = {}
    # Summed in the database: one row per target and municipality however many measurements there are.
    for target_id, municipality_id, total in (
        measured.filter(target__in=summing)
        .order_by()
        .values("target_id", "municipality_id")
        .annotate(total=Sum("value"))
        .values_list("target_id", "municipality_id", "total")
    ):
        values[(target_id, municipality_id)] = total
    for target_id, municipality_id, value in (
        measured.exclude(target__in=summing)
        .order_by("measured_on", "pk")
        .values_list("target_id", "municipality_id", "value")
    ):
        values[(target_id, municipality_id)] = value  # ordered by date: the latest wins

    cells = _cells()
    columns = []
    for target in targets:
        key = f"contract-{target.code}"
        label = (target.measured or target.code).removesuffix(" pr. kommune")
        columns.append(
            Column(
                key,
                _("Erhvervshus: vejledning (mål 2)"),
                f"{target.code} {label}",
                unit=_("antal"),
                per_capita=True,
                missing=_("ikke målt"),
                lang="da",
            )
        )
        for pk in municipality_ids:
            value = values.get((target.pk, pk))
            cells[pk][key] = Cell(int(value) if value is not None and value % 1 == 0 else value)
    return AreaColumns(columns, cells)


AREAS = (vip, infrastructure, education, contracts)
