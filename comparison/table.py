"""The comparison table: the 29 municipalities × every area's columns, filtered, per capita and sorted.

`comparison_table(selection, options)` is the one read the page and the exports share. Its query count is
fixed (the municipalities, the population and each area reader's few queries) whatever the data volume.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.formatting import number
from core.models import Organisation, normalise_name

from . import columns as columns_module
from .columns import COUNT, SHORTFALL_SUFFIX, Cell, Column
from .models import Population

NAME = "kommune"
POPULATION = "population"
FILTERS = {
    "": _("Alle kommuner"),
    "under": _("Under fordelingen (manko på SOSU-pladser)"),
    "tovholder": _("Tovholdere (VIP eller 7+3)"),
}
LEAD_KEYS = ("vip-leads", "infrastructure-leads")
MAX_QUERY = 100
PER = 1000


@dataclass(frozen=True)
class Options:
    """What the user asked for; anything not understood falls back to the default (and says so)."""

    sort: str = NAME
    descending: bool = False
    filter: str = ""
    query: str = ""
    per_capita: bool = False
    invalid: bool = False

    @classmethod
    def from_params(cls, params) -> Options:
        invalid = False
        sort = params.get("sort") or NAME
        direction = params.get("dir") or "asc"
        if direction not in ("asc", "desc"):
            direction, invalid = "asc", True
        filter_ = params.get("vis") or ""
        if filter_ not in FILTERS:
            filter_, invalid = "", True
        per_capita = params.get("pr_indbygger") or ""
        if per_capita not in ("", "1"):
            per_capita, invalid = "", True
        return cls(
            sort=sort[:80],
            descending=direction == "desc",
            filter=filter_,
            query=(params.get("q") or "")[:MAX_QUERY].strip(),
            per_capita=per_capita == "1",
            invalid=invalid,
        )

    def params(self) -> dict[str, str]:
        """The query parameters that ask for these options again (the default ones left out)."""
        params = {"sort": self.sort, "dir": "desc" if self.descending else "asc"}
        if self.filter:
            params["vis"] = self.filter
        if self.query:
            params["q"] = self.query
        if self.per_capita:
            params["pr_indbygger"] = "1"
        return params


@dataclass
class Row:
    municipality: Organisation
    cells: dict[str, Cell]
    inhabitants: int | None = None

    def cell(self, key: str) -> Cell:
        return self.cells.get(key) or Cell()


@dataclass
class Table:
    columns: list[Column]
    rows: list[Row]
    options: Options
    year: int
    population_missing: list[Organisation] = field(default_factory=list)  # for the selected year
    population_sources: list[str] = field(default_factory=list)
    count: int = 0  # municipalities before filtering
    all_municipalities: list[Organisation] = field(default_factory=list)

    @property
    def groups(self) -> list[dict]:
        """Consecutive columns under one header, for the first header row."""
        groups: list[dict] = []
        for column in self.columns:
            if groups and groups[-1]["label"] == column.group:
                groups[-1]["span"] += 1
            else:
                groups.append({"label": column.group, "span": 1})
        return groups

    @property
    def per_capita_shown(self) -> bool:
        """Per capita was asked for and the year has population figures for at least one municipality."""
        return self.options.per_capita and len(self.population_missing) < len(self.all_municipalities)

    def lines(self) -> list[dict]:
        """Each row with its cells in column order as HTML: 29 × ~14 cells built in Python rather than by
        template tags, which took more time than reading the figures (benchmarks/pages.py)."""
        per_capita = self.per_capita_shown
        return [
            {"row": row, "cells": [cell_html(c, row.cell(c.key), per_capita) for c in self.columns]}
            for row in self.rows
        ]

    def headers(self) -> list[str]:
        """The export's header line: the page's columns, with group and unit in words."""
        names = [str(_("Kommune"))]
        for column in self.columns:
            unit = str(column.unit) if column.kind == COUNT else ""
            if column.per_capita and self.per_capita_shown:
                unit = str(_("pr. 1.000 indbyggere"))
            names.append(f"{column.group}: {column.label}" + (f" ({unit})" if unit else ""))
        return names

    def export_rows(self) -> list[list[object]]:
        return [
            [row.municipality.name, *(row.cell(c.key).export(c) for c in self.columns)] for row in self.rows
        ]


def _missing(text) -> str:
    return format_html('<span aria-hidden="true">–</span><span class="visually-hidden">{}</span>', text)


def cell_html(column: Column, cell: Cell, per_capita: bool) -> str:
    """One <td>: a figure (a dash saying what is missing when unknown) or a list with report states."""
    if column.kind == COUNT:
        if cell.value is None:
            content = _missing(column.missing or gettext("mangler"))
        else:
            content = number(cell.value, 2 if column.per_capita and per_capita else 0)
        return format_html('<td class="text-end">{}</td>', content)
    if not cell.items:
        return format_html("<td>{}</td>", _missing(gettext("ingen")))
    parts = []
    plain = [item for item in cell.items if not item.state]
    if plain:
        parts.append(escape(", ".join(item.text for item in plain)))
    for item in cell.items:
        if item.state:
            overdue = (
                format_html(', <span class="text-danger">⚠ {}</span>', gettext("forsinket"))
                if item.attention
                else ""
            )
            parts.append(
                format_html(
                    '<span class="comparison-item">{} <span class="text-muted-strong">({}{})</span></span>',
                    item.text,
                    item.state,
                    overdue,
                )
            )
    return format_html("<td>{}</td>", mark_safe("".join(parts)))  # noqa: S308 (each part escaped above)


def _per_capita(value, inhabitants: int | None) -> Decimal | None:
    if value is None or not inhabitants:
        return None
    return (Decimal(value) * PER / inhabitants).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def _matches(row: Row, options: Options) -> bool:
    if options.query and normalise_name(options.query) not in normalise_name(row.municipality.name):
        return False
    if options.filter == "under":
        return any(
            key.endswith(SHORTFALL_SUFFIX) and cell.value is not None and cell.value > 0
            for key, cell in row.cells.items()
        )
    if options.filter == "tovholder":
        return any(row.cell(key).value for key in LEAD_KEYS)
    return True


def comparison_table(selection, options: Options) -> Table:
    municipalities = list(Organisation.objects.municipalities().order_by("name"))
    ids = {m.pk for m in municipalities}
    columns: list[Column] = []
    cells: dict[int, dict[str, Cell]] = {pk: {} for pk in ids}
    for read in columns_module.AREAS:
        area = read(selection, ids)
        columns += area.columns
        for pk, by_key in area.cells.items():
            cells[pk].update(by_key)

    population = {}
    sources = set()
    for municipality_id, inhabitants, source in Population.objects.filter(year=selection.year).values_list(
        "municipality_id", "inhabitants", "source"
    ):
        population[municipality_id] = inhabitants
        sources.add(source)
    rows = [Row(m, cells[m.pk], population.get(m.pk)) for m in municipalities]
    table = Table(
        columns=columns,
        rows=rows,
        options=options,
        year=selection.year,
        population_missing=[m for m in municipalities if m.pk not in population],
        population_sources=sorted(sources),
        count=len(rows),
        all_municipalities=municipalities,
    )

    if table.per_capita_shown:
        for row in rows:
            for column in columns:
                if column.per_capita and column.kind == COUNT:
                    row.cells[column.key] = Cell(_per_capita(row.cell(column.key).value, row.inhabitants))
            row.cells[POPULATION] = Cell(row.inhabitants)
        table.columns = [
            Column(
                POPULATION, _("Indbyggere"), _("Indbyggertal"), unit=_("indbyggere"), missing=_("mangler")
            ),
            *columns,
        ]

    table.rows = [row for row in rows if _matches(row, options)]
    _sort(table)
    return table


def _sort(table: Table) -> None:
    """By the chosen column; unknown values last in either direction; ties by name."""
    options = table.options
    keys = {c.key for c in table.columns}
    table.rows.sort(key=lambda row: row.municipality.name)
    if options.sort not in keys:
        if options.descending:
            table.rows.reverse()
        return
    known = [r for r in table.rows if r.cell(options.sort).value is not None]
    unknown = [r for r in table.rows if r.cell(options.sort).value is None]
    known.sort(key=lambda row: row.cell(options.sort).value, reverse=options.descending)
    table.rows = known + unknown


def sort_key_is_known(table: Table) -> bool:
    return table.options.sort == NAME or table.options.sort in {c.key for c in table.columns}
