"""Closing and reopening a reporting round: once closed, its reports are read-only (core/workflow.py).

A reopening names its reason; both are kept in the period's history (django-simple-history's change
reason), which the round page shows.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import ReportingPeriod


class PeriodError(Exception):
    """A closing or reopening the period's state does not allow (a Danish message for the user)."""


CLOSE_REASON = "closed"


@transaction.atomic
def period_close(*, period: ReportingPeriod, by) -> ReportingPeriod:
    period = ReportingPeriod.objects.select_for_update().get(pk=period.pk)
    if period.is_closed:
        raise PeriodError(_("Runden %(label)s er allerede lukket.") % {"label": period.label})
    period.closed_at = timezone.now()
    period.closed_by = by
    period._history_user = by  # type: ignore[attr-defined]
    period._change_reason = CLOSE_REASON  # type: ignore[attr-defined]
    period.save()
    return period


@transaction.atomic
def period_reopen(*, period: ReportingPeriod, by, reason: str) -> ReportingPeriod:
    reason = (reason or "").strip()
    if not reason:
        raise PeriodError(_("Skriv, hvorfor runden genåbnes."))
    period = ReportingPeriod.objects.select_for_update().get(pk=period.pk)
    if not period.is_closed:
        raise PeriodError(_("Runden %(label)s er ikke lukket.") % {"label": period.label})
    period.closed_at = None
    period.closed_by = None
    period._history_user = by  # type: ignore[attr-defined]
    period._change_reason = reason  # type: ignore[attr-defined]
    period.save()
    return period


def closing_history(period: ReportingPeriod) -> list[dict]:
    """Each closing and reopening of the period, newest first: when, by whom, and a reopening's reason."""
    records = period.history.select_related("history_user").order_by("-history_date", "-history_id")
    events = []
    previous_closed = None
    for record in reversed(list(records)):
        closed = record.closed_at is not None
        if previous_closed is not None and closed != previous_closed:
            events.append(
                {
                    "closed": closed,
                    "at": record.history_date,
                    "by": record.history_user,
                    "reason": "" if closed else record.history_change_reason or "",
                }
            )
        previous_closed = closed
    return list(reversed(events))
