"""Where a loaded fact comes from.

Every record a loader creates from the source documents (../shared/seeds: a KKR Hovedstaden meeting packet
from late 2022) carries a reference to the document and section it rests on, e.g.
"Resultatkontrakt 2023, mål 2" or "VIP-kompendiet, projekt 4: Hvad er målet?". Records people enter in the
portal carry none: the history (simple-history) says who entered them. A page shows the reference with
`{% include "core/_source_ref.html" with sourced=obj %}`.
"""

import hashlib
import json
import logging
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal
from typing import Any, TypeVar

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _

M = TypeVar("M", bound=models.Model)
logger = logging.getLogger(__name__)


class SourcedModel(models.Model):
    source_ref = models.CharField(
        _("kildehenvisning"),
        max_length=300,
        blank=True,
        help_text=_(
            "Dokument og afsnit i kildematerialet, som oplysningen bygger på; tom for egne indtastninger."
        ),
    )

    class Meta:
        abstract = True


class SourcePassage(SourcedModel):
    """A passage of the source shown verbatim on an area's pages, in order within its topic.

    Each area subclasses it with its own `topic` field (its own choices) and `history`; the Meta of a
    subclass should inherit `SourcePassage.Meta` to keep the ordering.
    """

    order = models.PositiveSmallIntegerField(_("rækkefølge"))
    heading = models.CharField(_("overskrift"), max_length=200, blank=True)
    text = models.TextField(_("tekst"))

    class Meta:
        abstract = True
        ordering = ["topic", "order"]

    def __str__(self) -> str:
        return f"{self.get_topic_display()} {self.order}"  # type: ignore[attr-defined]

    @classmethod
    def load(cls, passages: Mapping[str, Iterable[tuple[str, str, str]]]) -> None:
        """Upsert a loader's passages: topic -> its (heading, text, source reference) in order from 1."""
        for topic, texts in passages.items():
            for order, (heading, text, ref) in enumerate(texts, start=1):
                upsert(
                    cls,
                    {"topic": topic, "order": order},
                    {"heading": heading, "text": text, "source_ref": ref},
                )

    @classmethod
    def by_topic(cls, *topics: str) -> dict[str, list["SourcePassage"]]:
        """The passages of these topics in one query: topic -> its passages in order."""
        grouped: dict[str, list[SourcePassage]] = {topic: [] for topic in topics}
        # `topic` is declared by each concrete subclass (its own choices), unknown to the type checker here.
        for passage in cls._default_manager.filter(topic__in=topics):  # type: ignore[misc]
            grouped[passage.topic].append(passage)  # type: ignore[attr-defined]
        return grouped


@dataclass(frozen=True)
class Divergence:
    """A loaded record a person has changed (or deleted) where the source now says something else."""

    model: str
    key: str
    pk: Any
    fields: tuple[str, ...]  # empty: the record was deleted

    def __str__(self) -> str:
        if not self.fields:
            return f"{self.model} {self.key}: deleted since it was loaded; not created again"
        return f"{self.model} {self.key} (pk {self.pk}): kept the edit of {', '.join(self.fields)}"


_divergences: ContextVar[list[Divergence] | None] = ContextVar("loader_divergences", default=None)


@contextmanager
def collecting_divergences() -> Iterator[list[Divergence]]:
    """Collect what the loaders leave because a person changed it (load_kkr_data prints the list)."""
    found: list[Divergence] = []
    token = _divergences.set(found)
    try:
        yield found
    finally:
        _divergences.reset(token)


def _report(divergence: Divergence) -> None:
    logger.info("source and edit differ: %s", divergence)
    found = _divergences.get()
    if found is not None:
        found.append(divergence)


def _plain(field: models.Field | None, value: Any) -> Any:
    """A value as JSON that compares equal for equal values (a relation by its key, 50 == Decimal("50.00"))."""
    if isinstance(value, ContentType):
        # A generic link's model by its natural key: content type ids differ between databases and are
        # renumbered when a test flush recreates them, the model they name is not.
        return f"{value.app_label}.{value.model}"
    if isinstance(value, models.Model):
        return value.pk
    if field is not None and not field.is_relation and value is not None:
        value = field.to_python(value)
    if isinstance(value, Decimal):
        return str(value.normalize())
    if isinstance(value, (date, datetime, time)):
        return value.isoformat()
    return value


def _key(lookup: dict[str, Any]) -> str:
    return json.dumps({k: _plain(None, v) for k, v in lookup.items()}, sort_keys=True, ensure_ascii=False)


def _checksum(values: dict[str, Any]) -> str:
    return hashlib.sha256(json.dumps(values, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


def _current(obj: models.Model, names: Iterable[str]) -> dict[str, Any]:
    result = {}
    for name in names:
        field = obj._meta.get_field(name)
        assert isinstance(field, models.Field)
        value = getattr(obj, field.name if field.related_model is ContentType else field.attname)
        result[name] = _plain(field, value)
    return result


def _edited_by_a_person(obj: models.Model) -> bool:
    """For a record loaded before checksums were kept: did anyone but a loader ever save it?

    The history says who saved a row; a model without history counts as edited (leave it rather than guess).
    """
    history = getattr(obj, "history", None)
    if history is None:
        return True
    return history.filter(history_user__isnull=False).exists()


def _earlier_id(model: type[models.Model], lookup: dict[str, Any]) -> Any:
    """The id of a row that once matched the lookup (the history remembers it), or None if none ever did."""
    history = getattr(model, "history", None)
    if history is None:
        return None
    fields = {("id" if name == "pk" else name): value for name, value in lookup.items()}
    return history.filter(**fields).order_by("history_date").values_list("id", flat=True).first()


def upsert(model: type[M], lookup: dict[str, Any], values: dict[str, Any]) -> M | None:
    """Create the record, or update it only while it still holds what the loader last wrote.

    The checksum of the loaded values is kept per record (core.models.LoadedRecord). A record a person
    has changed since is left as it is and reported (`collecting_divergences`); one a person deleted is
    not created again (None is returned). A second run on an unchanged database writes nothing.
    """
    return _load(model, lookup, values, update=True)


def create_once(model: type[M], lookup: dict[str, Any], values: dict[str, Any]) -> M | None:
    """Like `upsert`, for a loader that never updates: create the record once; afterwards return it even
    when a person changed its lookup fields, None when a person deleted it (not created again)."""
    return _load(model, lookup, values, update=False)


def _load(model: type[M], lookup: dict[str, Any], values: dict[str, Any], *, update: bool) -> M | None:
    from .models import LoadedRecord

    label = model._meta.label_lower
    key = _key(lookup)
    fields = {name: value for name, value in lookup.items() if name != "pk"} | values
    names = list(fields)
    wanted = {name: _plain(model._meta.get_field(name), value) for name, value in fields.items()}  # type: ignore[arg-type]
    wanted_sum = _checksum(wanted)
    manager = model._default_manager
    record = LoadedRecord.objects.filter(model=label, key=key).first()
    if record is not None:
        obj = manager.filter(pk=record.object_id).first()
        if obj is None:
            _report(Divergence(label, key, record.object_id, ()))
            return None
        loaded_unchanged = _checksum(_current(obj, names)) == record.checksum
    else:
        obj = manager.filter(**lookup).first()
        rekeyed = obj is None
        if obj is None:
            earlier = _earlier_id(model, lookup)
            if earlier is None:
                obj = manager.create(**lookup, **values)
                LoadedRecord.objects.create(model=label, key=key, object_id=str(obj.pk), checksum=wanted_sum)
                return obj
            # Loaded before checksums were kept, then re-keyed or deleted by a person: not created again.
            obj = manager.filter(pk=earlier).first()
            LoadedRecord.objects.create(model=label, key=key, object_id=str(earlier), checksum=wanted_sum)
            if obj is None:
                _report(Divergence(label, key, earlier, ()))
                return None
        loaded_unchanged = not rekeyed and not _edited_by_a_person(obj)
        record = LoadedRecord.objects.filter(model=label, key=key).first() or LoadedRecord(
            model=label, key=key, object_id=str(obj.pk)
        )
    current = _current(obj, names)
    differing = tuple(name for name in names if current[name] != wanted[name])
    if differing and loaded_unchanged and update:
        for name in differing:
            setattr(obj, name, fields[name])
        obj.save()
    elif differing:
        _report(Divergence(label, key, obj.pk, differing))
    if record.checksum != wanted_sum:
        # Also when the edit is kept: the record then stays "changed by a person" until it equals the source.
        record.checksum = wanted_sum
        record.save()
    return obj


def upsert_set(owner: models.Model, field: str, wanted: Iterable[models.Model]) -> None:
    """A loaded many-to-many set (e.g. a strategy's programmes), replaced only while it is as loaded."""
    from .models import LoadedRecord

    label = f"{owner._meta.label_lower}.{field}"
    key = _key({"pk": owner.pk})
    related = getattr(owner, field)
    wanted_pks = sorted(obj.pk for obj in wanted)
    current_pks = sorted(related.values_list("pk", flat=True))
    wanted_sum = _checksum({field: wanted_pks})
    record = LoadedRecord.objects.filter(model=label, key=key).first()
    if record is None:
        loaded_unchanged = not current_pks or not _edited_by_a_person(owner)
        record = LoadedRecord(model=label, key=key, object_id=str(owner.pk))
    else:
        loaded_unchanged = _checksum({field: current_pks}) == record.checksum
    if current_pks != wanted_pks:
        if loaded_unchanged:
            related.set(wanted_pks)
        else:
            _report(Divergence(label, key, owner.pk, (field,)))
    if record.checksum != wanted_sum:
        record.checksum = wanted_sum
        record.save()


def unsourced(models_: Iterable[type[SourcedModel]]) -> list[SourcedModel]:
    """Records of these models without a source reference (a loader's tests expect none)."""
    return [obj for model in models_ for obj in model._default_manager.filter(source_ref="")]
