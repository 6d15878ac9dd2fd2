"""Where a loaded fact comes from.

Every record a loader creates from the source documents (../shared/seeds: a KKR Hovedstaden meeting packet
from late 2022) carries a reference to the document and section it rests on, e.g.
"Resultatkontrakt 2023, mål 2" or "VIP-kompendiet, projekt 4: Hvad er målet?". Records people enter in the
portal carry none: the history (simple-history) says who entered them. A page shows the reference with
`{% include "core/_source_ref.html" with sourced=obj %}`.
"""

from collections.abc import Iterable, Mapping
from typing import Any, TypeVar

from django.db import models
from django.utils.translation import gettext_lazy as _

M = TypeVar("M", bound=models.Model)


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


def upsert(model: type[M], lookup: dict[str, Any], values: dict[str, Any]) -> M:
    """Create the row, or save it only when a value differs: a loader's second run writes no history."""
    obj = model._default_manager.filter(**lookup).first()
    if obj is None:
        return model._default_manager.create(**lookup, **values)
    changed = [field for field, value in values.items() if getattr(obj, field) != value]
    if changed:
        for field in changed:
            setattr(obj, field, values[field])
        obj.save()
    return obj


def unsourced(models_: Iterable[type[SourcedModel]]) -> list[SourcedModel]:
    """Records of these models without a source reference (a loader's tests expect none)."""
    return [obj for model in models_ for obj in model._default_manager.filter(source_ref="")]
