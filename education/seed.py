"""Loads the seed's education data: programmes, the 2022 and 2023 allocations, the draft strategy.

The allocations are loaded as "presented" (forelagt KKR): the source lays the table before KKR as item 3.8
and records no decision. The strategy is loaded as a draft: the source heads it "UDKAST" (November 2022).
Every loaded record carries its source reference (core.sources).

Idempotent: a second run finds everything in place and writes nothing (no new history rows). Data the
secretariat has since changed (a new allocation version, a local strategy's date, an edited text) is left alone; an empty
source reference on a loaded row is filled in.
"""

from django.db import transaction

from core.models import OrganisationLookup
from core.sources import upsert, upsert_set

from . import seed_data as data
from .models import (
    Allocation,
    AllocationRow,
    AudienceIntro,
    GuidingMark,
    Initiative,
    LocalStrategy,
    Programme,
    Strategy,
)

LOCAL_STRATEGY_NOTE = (
    "Den fælles uddannelsesstrategi (november 2022): kommunerne har udarbejdet lokale uddannelsesstrategier "
    "i løbet af 2021-2022. Dato og link er ikke oplyst."
)


@transaction.atomic
def load() -> None:
    programmes = _load_programmes()
    _load_allocations(programmes)
    _load_strategy(programmes)
    _load_local_strategies()


def _fill_source_ref(obj, ref: str) -> None:
    if not obj.source_ref:
        obj.source_ref = ref
        obj.save(update_fields=["source_ref"])


def _programme_ref(slug: str, in_strategy: bool) -> str:
    if in_strategy:
        return f"{data.STRATEGY_REF}, listen over de grunduddannelser, strategien retter sig mod"
    return f"{data.TABLE_REF}, kolonneoverskriften «{data.COLUMN_HEADINGS[slug]}»"


def allocation_ref(slug: str, year: int) -> str:
    return f"{data.TABLE_REF}, kolonnen «{data.COLUMN_HEADINGS[slug]}, Dimensionering, {year}»"


def _load_programmes() -> dict[str, Programme]:
    programmes: dict[str, Programme] = {}
    for slug, name, order, is_allocated, in_strategy, parent in data.PROGRAMMES:
        wanted = {
            "name": name,
            "order": order,
            "is_allocated": is_allocated,
            "in_strategy": in_strategy,
            "parent": programmes.get(parent) if parent else None,
            "source_ref": _programme_ref(slug, in_strategy),
        }
        programme = upsert(Programme, {"slug": slug}, wanted)
        if programme is not None:  # None: deleted by a person since it was loaded
            programmes[slug] = programme
    return programmes


def _load_allocations(programmes: dict[str, Programme]) -> None:
    lookup = OrganisationLookup()
    municipalities = [lookup.resolve(row[0]) for row in data.ALLOCATION_TABLE]
    for (slug, year), column in data.COLUMNS.items():
        if slug not in programmes:
            continue
        programme = programmes[slug]
        ref = allocation_ref(slug, year)
        loaded = Allocation.objects.filter(
            year=year, programme=programme, version=1, source_note=data.SOURCE_NOTE
        )
        if Allocation.objects.filter(year=year, programme=programme).exists():
            # Loaded before (or replaced by a newer version): leave it, but give the loaded one its reference.
            for allocation in loaded:
                _fill_source_ref(allocation, ref)
                for row in allocation.rows.filter(source_ref="").select_related("municipality"):
                    _fill_source_ref(row, f"{ref}, rækken «{row.municipality.name}»")
            continue
        allocation = Allocation.objects.create(
            year=year,
            programme=programme,
            version=1,
            total=data.TOTALS[(slug, year)],
            status=Allocation.Status.PRESENTED,
            key_source="",
            source_note=data.SOURCE_NOTE,
            source_ref=ref,
        )
        for municipality, row in zip(municipalities, data.ALLOCATION_TABLE, strict=True):
            AllocationRow.objects.create(
                allocation=allocation,
                municipality=municipality,
                places=row[column],
                source_ref=f"{ref}, rækken «{row[0]}»",
            )


def _load_strategy(programmes: dict[str, Programme]) -> None:
    fields = {k: v for k, v in data.STRATEGY.items() if k != "title"}
    fields["source_ref"] = data.STRATEGY_REF
    strategy = upsert(Strategy, {"title": data.STRATEGY["title"]}, fields)
    if strategy is None:
        return  # deleted by a person since it was loaded
    upsert_set(strategy, "programmes", [programmes[s] for s in data.STRATEGY_PROGRAMMES if s in programmes])
    marks_ref = f"{data.STRATEGY_REF}, afsnittet «Strategiske pejlemærker på grunduddannelsesområdet»"
    for audience, text in data.AUDIENCE_INTROS.items():
        upsert(
            AudienceIntro,
            {"strategy": strategy, "audience": audience},
            {"text": text, "source_ref": marks_ref},
        )
    for audience, marks in data.GUIDING_MARKS.items():
        for order, text in enumerate(marks, start=1):
            upsert(
                GuidingMark,
                {"strategy": strategy, "audience": audience, "order": order},
                {"text": text, "source_ref": marks_ref},
            )
    for order, (title, text) in enumerate(data.INITIATIVES, start=1):
        ref = f"{data.STRATEGY_REF}, afsnittet «{title}»"
        upsert(
            Initiative,
            {"strategy": strategy, "order": order},
            {"title": title, "text": text, "source_ref": ref},
        )


LOCAL_STRATEGY_REF = f"{data.STRATEGY_REF}, afsnittet «Lokale uddannelsesstrategier»"


def _load_local_strategies() -> None:
    lookup = OrganisationLookup()
    for name, *_ in data.ALLOCATION_TABLE:
        municipality = lookup.resolve(name)
        existing = LocalStrategy.objects.filter(municipality=municipality).first()
        if existing is None:
            LocalStrategy.objects.create(
                municipality=municipality,
                exists=True,
                note=LOCAL_STRATEGY_NOTE,
                source_ref=LOCAL_STRATEGY_REF,
            )
        elif existing.note == LOCAL_STRATEGY_NOTE and existing.adopted is None and not existing.url:
            _fill_source_ref(existing, LOCAL_STRATEGY_REF)  # still the loaded fact, untouched by anyone
