"""Who changed what in a workflow report: field-by-field changes between its historical versions.

Rendered by templates/core/workflow/_history.html in every area.
"""

from dataclasses import dataclass, field
from typing import Any

from .workflow import ReportState, WorkflowReport

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
    # The version as people count it: the Nth text this person saved or submitted (shown_versions).
    shown_version: int | None = None

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


def _is_save_or_submission(record, older) -> bool:
    """A save of a draft or returned report, or its submission; not its creation nor a review."""
    editable = {ReportState.DRAFT, ReportState.RETURNED}
    if older is None or older.state not in editable:
        return False
    return record.state == older.state or record.state == ReportState.SUBMITTED


def shown_versions(records_oldest_first: list) -> dict[int, int]:
    """history_id → the version people see: each person's own saves and submissions counted 1, 2, 3.

    The internal `version` is the lock's counter (every transition moves it, a save-and-submit twice);
    people count their own texts. A save that changed the text is the person's next version; a save or
    submission without a change is the version the person last saved (their first action counts 1).
    """
    counters: dict[Any, int] = {}
    shown: dict[int, int] = {}
    for index, record in enumerate(records_oldest_first):
        older = records_oldest_first[index - 1] if index else None
        if not _is_save_or_submission(record, older):
            continue
        person = record.history_user_id
        if person not in counters or field_changes(record, older):
            counters[person] = counters.get(person, 0) + 1
        shown[record.history_id] = counters[person]
    return shown


def history_entries(report: WorkflowReport, *, limit: int | None = None) -> list[HistoryEntry]:
    """The report's versions, newest first, each with what changed since the one before it."""
    records = list(report.history.select_related("history_user").order_by("-history_date", "-history_id"))
    numbers = shown_versions(records[::-1])
    # The oldest shown version is compared with the one before it.
    shown = records[:limit] if limit else records
    entries = []
    for index, record in enumerate(shown):
        older = records[index + 1] if index + 1 < len(records) else None
        entries.append(
            HistoryEntry(
                record=record,
                created=older is None,
                changes=field_changes(record, older) if older is not None else [],
                shown_version=numbers.get(record.history_id),
            )
        )
    return entries


def latest_shown_version(report: WorkflowReport) -> HistoryEntry | None:
    """The newest save or submission with its shown version and who made it (for the report's page)."""
    return next((entry for entry in history_entries(report) if entry.shown_version), None)
