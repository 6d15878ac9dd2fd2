"""Loads the seed's education data: programmes, the approved 2022 and 2023 allocations, the strategy.

Idempotent: a second run finds everything in place and writes nothing (no new history rows). Data the
secretariat has since changed (a new allocation version, a local strategy's date) is left alone.
"""

from django.db import transaction

from core.models import OrganisationLookup

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


def _update(obj, **wanted) -> None:
    changed = {k: v for k, v in wanted.items() if getattr(obj, k) != v}
    if changed:
        for key, value in changed.items():
            setattr(obj, key, value)
        obj.save()


def _load_programmes() -> dict[str, Programme]:
    programmes: dict[str, Programme] = {}
    for slug, name, order, is_allocated, in_strategy, parent in data.PROGRAMMES:
        wanted = {
            "name": name,
            "order": order,
            "is_allocated": is_allocated,
            "in_strategy": in_strategy,
            "parent": programmes.get(parent) if parent else None,
        }
        programme = Programme.objects.filter(slug=slug).first()
        if programme is None:
            programme = Programme.objects.create(slug=slug, **wanted)
        else:
            _update(programme, **wanted)
        programmes[slug] = programme
    return programmes


def _load_allocations(programmes: dict[str, Programme]) -> None:
    lookup = OrganisationLookup()
    municipalities = [lookup.resolve(row[0]) for row in data.ALLOCATION_TABLE]
    for (slug, year), column in data.COLUMNS.items():
        programme = programmes[slug]
        if Allocation.objects.filter(year=year, programme=programme).exists():
            continue  # loaded before (or replaced by a newer version): leave it
        allocation = Allocation.objects.create(
            year=year,
            programme=programme,
            version=1,
            total=data.TOTALS[(slug, year)],
            status=Allocation.Status.APPROVED,
            key_source="",
            source_note=data.SOURCE_NOTE,
        )
        for municipality, row in zip(municipalities, data.ALLOCATION_TABLE, strict=True):
            AllocationRow.objects.create(allocation=allocation, municipality=municipality, places=row[column])


def _load_strategy(programmes: dict[str, Programme]) -> None:
    fields = {k: v for k, v in data.STRATEGY.items() if k != "title"}
    strategy = Strategy.objects.filter(title=data.STRATEGY["title"]).first()
    if strategy is None:
        strategy = Strategy.objects.create(title=data.STRATEGY["title"], **fields)
    else:
        _update(strategy, **fields)
    wanted_programmes = {programmes[slug].pk for slug in data.STRATEGY_PROGRAMMES}
    if set(strategy.programmes.values_list("pk", flat=True)) != wanted_programmes:
        strategy.programmes.set(wanted_programmes)
    for audience, text in data.AUDIENCE_INTROS.items():
        intro = AudienceIntro.objects.filter(strategy=strategy, audience=audience).first()
        if intro is None:
            AudienceIntro.objects.create(strategy=strategy, audience=audience, text=text)
        else:
            _update(intro, text=text)
    for audience, marks in data.GUIDING_MARKS.items():
        for order, text in enumerate(marks, start=1):
            mark = GuidingMark.objects.filter(strategy=strategy, audience=audience, order=order).first()
            if mark is None:
                GuidingMark.objects.create(strategy=strategy, audience=audience, order=order, text=text)
            else:
                _update(mark, text=text)
    for order, (title, text) in enumerate(data.INITIATIVES, start=1):
        initiative = Initiative.objects.filter(strategy=strategy, order=order).first()
        if initiative is None:
            Initiative.objects.create(strategy=strategy, order=order, title=title, text=text)
        else:
            _update(initiative, title=title, text=text)


def _load_local_strategies() -> None:
    lookup = OrganisationLookup()
    for name, *_ in data.ALLOCATION_TABLE:
        municipality = lookup.resolve(name)
        if not LocalStrategy.objects.filter(municipality=municipality).exists():
            LocalStrategy.objects.create(municipality=municipality, exists=True, note=LOCAL_STRATEGY_NOTE)
