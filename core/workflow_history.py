"""Who changed what in a workflow report: field-by-field changes between its historical versions.

Rendered by templates/core/workflow/_history.html in every area.
"""

from dataclasses import dataclass, field
from typing import Any

from .workflow import WorkflowReport

# Moved by every transition and shown in the table's own columns (version, who, when, status) or implied
# by the status: listing them would bury the fields someone actually changed. The state is left out also
# because its label, "status", is a content field's label too (the follow-up's status text).
BOOKKEEPING_FIELDS = (
    "state",
    "version",
    "updated_by",
    "submitted_at",
    "submitted_by",
    "reviewed_at",
    "reviewed_by",
)


@dataclass(frozen=True)
class FieldChange:
    name: str
    label: str
    old: Any
    new: Any


@dataclass(frozen=True)
class HistoryEntry:
    record: Any  # a simple-history record of the report
    created: bool  # the first version: nothing to compare it with
    changes: list[FieldChange] = field(default_factory=list)

    @property
    def changed_labels(self) -> list[str]:
        return [change.label for change in self.changes]


def field_changes(newer, older) -> list[FieldChange]:
    """The fields that differ between two historical versions of one report, in the model's order."""
    model = newer.instance_type
    delta = newer.diff_against(older, excluded_fields=BOOKKEEPING_FIELDS)
    order = {f.name: i for i, f in enumerate(model._meta.fields)}
    return [
        FieldChange(
            name=change.field,
            label=str(model._meta.get_field(change.field).verbose_name),
            old=change.old,
            new=change.new,
        )
        for change in sorted(delta.changes, key=lambda c: order.get(c.field, len(order)))
    ]


def history_entries(report: WorkflowReport, *, limit: int | None = None) -> list[HistoryEntry]:
    """The report's versions, newest first, each with what changed since the one before it."""
    records = report.history.select_related("history_user").order_by("-history_date", "-history_id")
    # One more than shown: the oldest shown version is compared with the one before it.
    records = list(records[: limit + 1] if limit else records)
    shown = records[:limit] if limit else records
    entries = []
    for index, record in enumerate(shown):
        older = records[index + 1] if index + 1 < len(records) else None
        entries.append(
            HistoryEntry(
                record=record,
                created=older is None,
                changes=field_changes(record, older) if older is not None else [],
            )
        )
    return entries
