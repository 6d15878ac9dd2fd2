"""Where a loaded fact comes from.

Every record a loader creates from the source documents (../shared/seeds: a KKR Hovedstaden meeting packet
from late 2022) carries a reference to the document and section it rests on, e.g.
"Resultatkontrakt 2023, mål 2" or "VIP-kompendiet, projekt 4: Hvad er målet?". Records people enter in the
portal carry none: the history (simple-history) says who entered them. A page shows the reference with
`{% include "core/_source_ref.html" with sourced=obj %}`.
"""

from collections.abc import Iterable

from django.db import models
from django.utils.translation import gettext_lazy as _


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
    def by_topic(cls, *topics: str) -> dict[str, list["SourcePassage"]]:
        """The passages of these topics in one query: topic -> its passages in order."""
        grouped: dict[str, list[SourcePassage]] = {topic: [] for topic in topics}
        # `topic` is declared by each concrete subclass (its own choices), unknown to the type checker here.
        for passage in cls._default_manager.filter(topic__in=topics):  # type: ignore[misc]
            grouped[passage.topic].append(passage)  # type: ignore[attr-defined]
        return grouped


def unsourced(models_: Iterable[type[SourcedModel]]) -> list[SourcedModel]:
    """Records of these models without a source reference (a loader's tests expect none)."""
    return [obj for model in models_ for obj in model._default_manager.filter(source_ref="")]
