"""Who changed what, for the portal's editors: the simple-history records of a set of rows, newest first,
each with the fields that changed against the same row's previous record (compared in memory)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


def recent_changes(history, *, label: Callable[[Any], str], limit: int = 25) -> list:
    """history: a queryset of historical records. Each record gets `.changed_fields` and `.label`."""
    records = list(history.select_related("history_user").order_by("history_date", "history_id"))
    previous: dict[Any, Any] = {}
    for record in records:
        before = previous.get(record.id)
        record.changed_fields = []
        if before is not None and record.history_type == "~":
            record.changed_fields = [
                str(record._meta.get_field(change.field).verbose_name)
                for change in record.diff_against(before).changes
            ]
        record.label = label(record)
        previous[record.id] = record
    return list(reversed(records))[:limit]
