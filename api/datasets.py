"""Datasets: the portal's data as flat, long-format tables for Power BI, Excel and open data.

An area describes its datasets in `<app>/datasets.py` (a module-level `DATASETS` list); `all_datasets()`
collects them from the apps of the area registry, plus the shared ones below. One description serves the
JSON API, the CSV/XLSX downloads, the field documentation and the DCAT catalogue.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from importlib import import_module

from django.db.models import F, QuerySet
from django.utils.translation import get_language

from core.areas import registry
from core.models import Organisation, ReportingPeriod

KINDS = {"integer", "decimal", "string", "date", "datetime", "boolean"}


@dataclass(frozen=True)
class Column:
    name: str  # the column's stable name in every format (English, snake_case)
    kind: str  # one of KINDS
    source: str  # the ORM path the value is read from
    da: str  # what it means, in Danish
    en: str  # and in English
    unit: str = ""

    def __post_init__(self):
        assert self.kind in KINDS, self.kind

    @property
    def alias(self) -> str:
        """The name the value is read under (a model field of the same name would clash)."""
        return f"v_{self.name}"

    @property
    def meaning(self) -> str:
        return self.en if (get_language() or "da").startswith("en") else self.da


@dataclass(frozen=True)
class Dataset:
    area: str  # first URL segment: /api/v1/<area>/<name>/
    name: str
    title_da: str
    title_en: str
    description_da: str
    description_en: str
    columns: tuple[Column, ...]
    rows: Callable[[], QuerySet]  # every row there is; `visible_to` narrows it to a user
    order_by: tuple[str, ...] = ("pk",)
    perm: str | None = None  # the portal permission needed to read it when logged in
    visible_to: Callable[[QuerySet, object], QuerySet] = field(default=lambda rows, user: rows)
    year: str | None = None  # ORM path filtered by ?year=2023
    round: str | None = None  # ORM path to a ReportingPeriod, filtered by ?round=2022-autumn
    keywords: tuple[str, ...] = ()

    @property
    def key(self) -> str:
        return f"{self.area}/{self.name}"

    @property
    def title(self) -> str:
        return self.title_en if (get_language() or "da").startswith("en") else self.title_da

    @property
    def description(self) -> str:
        return self.description_en if (get_language() or "da").startswith("en") else self.description_da

    def may_read(self, user) -> bool:
        return bool(user and user.is_authenticated) and (self.perm is None or user.has_perm(self.perm))

    def queryset(self, user, *, year: int | None = None, period: ReportingPeriod | None = None) -> QuerySet:
        """The rows the user may see (an anonymous user: what may be public), as dicts of the columns."""
        rows = self.visible_to(self.rows(), user)
        if year is not None and self.year:
            rows = rows.filter(**{self.year: year})
        if period is not None and self.round:
            rows = rows.filter(**{self.round: period})
        return rows.order_by(*self.order_by).values(**{c.alias: F(c.source) for c in self.columns})

    def header(self) -> list[str]:
        return [c.name for c in self.columns]

    def table(self, rows) -> list[list]:
        aliases = [c.alias for c in self.columns]
        return [[row[alias] for alias in aliases] for row in rows]

    def records(self, rows) -> list[dict]:
        return [{c.name: row[c.alias] for c in self.columns} for row in rows]


SHARED = [
    Dataset(
        area="core",
        name="organisations",
        title_da="Organisationer",
        title_en="Organisations",
        description_da="De 29 kommuner i Region Hovedstaden og de øvrige parter, portalen kender.",
        description_en="The 29 municipalities of the Capital Region and the other parties the portal knows.",
        columns=(
            Column("id", "integer", "pk", "Portalens faste id", "The portal's stable id"),
            Column("name", "string", "name", "Navn", "Name"),
            Column("slug", "string", "slug", "Kort navn i adresser", "Short name used in addresses"),
            Column("kind", "string", "kind", "Type (kode)", "Kind (code)"),
        ),
        rows=lambda: Organisation.objects.all(),
        order_by=("name",),
    ),
    Dataset(
        area="core",
        name="periods",
        title_da="Indberetningsperioder",
        title_en="Reporting periods",
        description_da="Halvårlige runder (forår og efterår) og hele år med frister.",
        description_en="Half-yearly rounds (spring and autumn) and whole years, with deadlines.",
        columns=(
            Column("id", "integer", "pk", "Portalens faste id", "The portal's stable id"),
            Column("year", "integer", "year", "År", "Year"),
            Column(
                "half",
                "string",
                "half",
                "Halvår: spring, autumn eller tomt for et helt år",
                "Half: spring, autumn or empty for a whole year",
            ),
            Column("opens", "date", "starts", "Indberetning åbner", "Reporting opens"),
            Column("deadline", "date", "deadline", "Frist", "Deadline"),
        ),
        rows=lambda: ReportingPeriod.objects.all(),
        order_by=("year", "half"),
        year="year",
    ),
]


@cache
def all_datasets() -> tuple[Dataset, ...]:
    found = list(SHARED)
    for area in registry:
        try:
            module = import_module(f"{area.app}.datasets")
        except ModuleNotFoundError as error:
            # An area without a datasets module offers none (the registry tests' area has no package).
            if error.name not in (f"{area.app}.datasets", area.app):
                raise
            continue
        found.extend(module.DATASETS)
    return tuple(found)


def by_key(area: str, name: str) -> Dataset | None:
    return next((d for d in all_datasets() if d.area == area and d.name == name), None)
