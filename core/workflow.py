"""The shared report workflow: draft → submitted → approved, or returned with a comment.

VIP status reports and infrastructure follow-up reports both inherit `WorkflowReport` and are moved only
through the service functions below. Every write is a conditional UPDATE on (pk, version, state), so two
people saving the same report never overwrite each other silently: the second gets `StaleVersion`.
The screens every area shares for it live beside it: workflow_forms.py, workflow_views.py (actions,
conflicts) and workflow_history.py (who changed what).
"""

from django.conf import settings
from django.db import models, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class ReportState(models.TextChoices):
    DRAFT = "draft", _("Kladde")
    SUBMITTED = "submitted", _("Indsendt")
    RETURNED = "returned", _("Sendt retur")
    APPROVED = "approved", _("Godkendt")


class WorkflowError(Exception):
    """A transition the report's state does not allow (a Danish message for the user)."""


class StaleVersion(WorkflowError):
    """Someone else saved the report first; `current` is their version."""

    def __init__(self, current):
        self.current = current
        super().__init__(
            _("Rapporten er ændret af en anden, siden du åbnede den. Se begge versioner og gem igen.")
        )


class RoundClosed(WorkflowError):
    """The report's round is closed (core/periods.py): nothing in it changes until it is reopened."""

    def __init__(self, period):
        self.period = period
        super().__init__(
            _("Runden %(label)s er lukket, så rapporten kan ikke ændres. Sekretariatet kan genåbne runden.")
            % {"label": period.label}
        )


class WorkflowReport(models.Model):
    State = ReportState
    EDITABLE_STATES = (ReportState.DRAFT, ReportState.RETURNED)

    state = models.CharField(
        _("status"), max_length=10, choices=ReportState.choices, default=ReportState.DRAFT
    )
    version = models.PositiveIntegerField(_("version"), default=1)
    created_at = models.DateTimeField(_("oprettet"), auto_now_add=True)
    updated_at = models.DateTimeField(_("ændret"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    submitted_at = models.DateTimeField(_("indsendt"), null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_at = models.DateTimeField(_("behandlet"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    return_comment = models.TextField(_("kommentar ved retursendelse"), blank=True)
    history = HistoricalRecords(inherit=True)

    class Meta:
        abstract = True

    @property
    def is_editable(self) -> bool:
        return self.state in self.EDITABLE_STATES and not self.is_locked

    def reporting_period(self):
        """The round the report belongs to (a core ReportingPeriod), or None: only a round can close."""
        return None

    @property
    def is_locked(self) -> bool:
        """Read-only because its round is closed."""
        period = self.reporting_period()
        return period is not None and period.is_closed

    def lead_organisation(self):
        """The organisation whose members may edit and submit this report (None if unknown)."""
        raise NotImplementedError

    def lead_organisations(self) -> list:
        """Every organisation whose members may edit and submit; a report with shared leads overrides it."""
        lead = self.lead_organisation()
        return [lead] if lead is not None else []


def _refuse_if_locked(report) -> None:
    """Read the round fresh and lock it for the transaction: a closing between page and POST counts."""
    period = report.reporting_period()
    if period is None:
        return
    current = type(period).objects.select_for_update().get(pk=period.pk)
    if current.is_closed:
        raise RoundClosed(current)


def _claim(report, *, expected_version: int, from_states, changes: dict) -> None:
    """Move `report` forward only if nobody else has: one conditional UPDATE, then a tracked save."""
    model = type(report)
    _refuse_if_locked(report)
    claimed = model.objects.filter(pk=report.pk, version=expected_version, state__in=from_states).update(
        version=F("version") + 1
    )
    if not claimed:
        current = model.objects.get(pk=report.pk)
        if current.version != expected_version:
            raise StaleVersion(current)
        raise WorkflowError(
            _("Handlingen er ikke mulig, når rapporten har status «%(state)s».")
            % {"state": current.get_state_display()}
        )
    report.version = expected_version + 1
    for field, value in changes.items():
        setattr(report, field, value)
    report.save()


def _notify(report) -> None:
    """Write the transition's e-mails to the outbox in the same transaction (notifications/events.py)."""
    from notifications.events import report_transition  # the notifications app builds on core, not reverse

    report_transition(report)


@transaction.atomic
def report_save(*, report, fields: dict, expected_version: int, by):
    """Save edited content of a draft or returned report."""
    _claim(
        report,
        expected_version=expected_version,
        from_states=report.EDITABLE_STATES,
        changes={**fields, "updated_by": by},
    )
    return report


@transaction.atomic
def report_submit(*, report, by, expected_version: int | None = None):
    version = report.version if expected_version is None else expected_version
    _claim(
        report,
        expected_version=version,
        from_states=report.EDITABLE_STATES,
        changes={
            "state": ReportState.SUBMITTED,
            "submitted_at": timezone.now(),
            "submitted_by": by,
            "updated_by": by,
        },
    )
    _notify(report)
    return report


@transaction.atomic
def report_approve(*, report, by, expected_version: int | None = None):
    version = report.version if expected_version is None else expected_version
    _claim(
        report,
        expected_version=version,
        from_states=[ReportState.SUBMITTED],
        changes={
            "state": ReportState.APPROVED,
            "reviewed_at": timezone.now(),
            "reviewed_by": by,
            "return_comment": "",
            "updated_by": by,
        },
    )
    _notify(report)
    return report


@transaction.atomic
def report_return(*, report, by, comment: str, expected_version: int | None = None):
    comment = (comment or "").strip()
    if not comment:
        raise WorkflowError(_("Skriv en kommentar, der forklarer, hvad der skal rettes."))
    version = report.version if expected_version is None else expected_version
    _claim(
        report,
        expected_version=version,
        from_states=[ReportState.SUBMITTED],
        changes={
            "state": ReportState.RETURNED,
            "reviewed_at": timezone.now(),
            "reviewed_by": by,
            "return_comment": comment,
            "updated_by": by,
        },
    )
    _notify(report)
    return report
