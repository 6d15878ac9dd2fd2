"""Reads for the VIP pages: a fixed number of queries however many reports there are."""

import difflib
from datetime import date

from django.db.models import Prefetch, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.models import Organisation, ReportingPeriod
from core.workflow import ReportState

from .models import Commitment, MunicipalityCommitment, Participation, Project, StatusReport


def projects_with_leads():
    return Project.objects.prefetch_related("lead_periods__organisation")


def lead_label(project, day: date) -> dict:
    """{'leads': [...], 'known': bool, 'none': bool}: 'none' when the seed says there was no lead."""
    leads = project.leads_on(day)
    period = project.lead_period_on(day)
    return {"leads": leads, "known": bool(leads), "none": period is not None and not leads}


def project_rows(user, today=None):
    """Each project with its current lead and its latest approved report."""
    today = today or timezone.localdate()
    projects = list(projects_with_leads())
    latest = {}
    for report in StatusReport.objects.approved().select_related("period").order_by("period__deadline"):
        latest[report.project_id] = report
    return [{"project": p, "lead": lead_label(p, today), "latest": latest.get(p.pk)} for p in projects]


def bullet_blocks(text: str) -> list[dict]:
    """Lines to bullets; a line starting with '- ' is a sub-bullet of the one before."""
    blocks: list[dict] = []
    for raw in (text or "").splitlines():
        line = raw.strip()
        if not line:
            continue
        if line.startswith("- ") and blocks:
            blocks[-1]["sub"].append(line[2:])
        else:
            blocks.append({"text": line.removeprefix("• "), "sub": []})
    return blocks


def report_changes(report, previous) -> list[dict]:
    """What changed since the previous approved report, field by field (lines added/removed)."""
    if previous is None:
        return []
    changes = []
    for field in report.CONTENT_FIELDS:
        old, new = getattr(previous, field) or "", getattr(report, field) or ""
        if field == "overall_status":
            old = previous.get_overall_status_display() if old else ""
            new = report.get_overall_status_display() if new else ""
        if old == new:
            continue
        lines = []
        for line in difflib.ndiff(old.splitlines(), new.splitlines()):
            if line.startswith(("+ ", "- ")) and line[2:].strip():
                lines.append({"added": line[0] == "+", "text": line[2:]})
        changes.append({"label": report._meta.get_field(field).verbose_name, "lines": lines})
    return changes


NOT_STARTED = "not_started"
ROUND_STATE_LABELS = {NOT_STARTED: _("Ikke startet"), **{state.value: state.label for state in ReportState}}


def round_state(report, period, today: date) -> dict:
    """Where a project's report stands in a round, as the round page and the lead's list show it.

    `overdue`: the deadline has passed and the report is neither submitted nor approved. `since`: when a
    returned report was sent back. A loaded report says what the source says it is (`state_label`).
    """
    code = report.state if report else NOT_STARTED
    label = report.state_label if report and code == ReportState.APPROVED else ROUND_STATE_LABELS[code]
    done = code in (ReportState.SUBMITTED, ReportState.APPROVED)
    return {
        "code": code,
        "label": label,
        "since": report.reviewed_at if code == ReportState.RETURNED else None,
        "overdue": not done and period.is_overdue(today),
    }


def project_runs_in(project, period) -> bool:
    """The round falls inside the project's period (its start and end years)."""
    return project.start_year <= period.year <= project.end_year


def returned_version(report):
    """The report as it was when last sent back (a historical record with its return comment), or None.

    The lead's saves after the return keep the state and the return's time: the version that was sent
    back is the earliest record of the latest return.
    """
    return (
        report.history.filter(state=ReportState.RETURNED)
        .select_related("reviewed_by")
        .order_by("-reviewed_at", "history_date", "history_id")
        .first()
    )


def round_matrix(period, today: date | None = None):
    """The projects running in a round × where their report stands (round_state)."""
    today = today or timezone.localdate()
    reports = {r.project_id: r for r in StatusReport.objects.filter(period=period)}
    rows = []
    for project in projects_with_leads():
        if not project_runs_in(project, period):
            continue
        report = reports.get(project.pk)
        rows.append(
            {
                "project": project,
                "lead": lead_label(project, period.deadline),
                "report": report,
                "state": round_state(report, period, today),
            }
        )
    return rows


def participation_matrix():
    organisations = list(
        Organisation.objects.filter(vip_participations__isnull=False).distinct().order_by("kind", "name")
    )
    municipalities = list(Organisation.objects.municipalities())
    seen = {o.pk for o in municipalities}
    organisations = municipalities + [o for o in organisations if o.pk not in seen]
    projects = list(projects_with_leads())
    roles = {}
    for p in Participation.objects.all():
        roles.setdefault((p.organisation_id, p.project_id), []).append(p)
    today = timezone.localdate()
    leads = {(o.pk, p.pk) for p in projects for o in p.leads_on(today)}
    rows = []
    for organisation in organisations:
        cells = []
        for project in projects:
            entries = roles.get((organisation.pk, project.pk), [])
            cells.append(
                {
                    "lead": (organisation.pk, project.pk) in leads,
                    "participant": any(e.role == Participation.Role.PARTICIPANT for e in entries),
                    "theme_group": next((e.group for e in entries if e.role == "theme_group"), ""),
                }
            )
        rows.append({"organisation": organisation, "cells": cells})
    return projects, rows


def commitment_matrix():
    commitments = list(Commitment.objects.select_related("project"))
    entries = {(e.organisation_id, e.commitment_id): e for e in MunicipalityCommitment.objects.all()}
    rows = []
    for organisation in Organisation.objects.municipalities():
        rows.append(
            {
                "organisation": organisation,
                "cells": [
                    {"commitment": c, "entry": entries.get((organisation.pk, c.pk))} for c in commitments
                ],
            }
        )
    return commitments, rows


def visible_reports_of_project(project, user):
    reports = list(
        project.reports.select_related("period", "project").prefetch_related(
            Prefetch("project__lead_periods")
        )
    )
    return [r for r in reports if user.has_perm("core.view_report", r)]


def rounds_since_the_projects_began(today: date):
    """The rounds that have begun by `today`, from the first VIP project's start year (no report is older)."""
    first_year = Subquery(Project.objects.order_by("start_year").values("start_year")[:1])
    # Without projects every round that has begun (Coalesce: no start year compares as 0).
    return ReportingPeriod.objects.rounds().filter(starts__lte=today, year__gte=Coalesce(first_year, 0))


def startable_rounds(project, user, today=None):
    """Rounds of the project period that have begun, are open and have no report, that the user may start."""
    today = today or timezone.localdate()
    have = set(project.reports.values_list("period_id", flat=True))
    periods = ReportingPeriod.objects.rounds().filter(
        year__gte=project.start_year, year__lte=project.end_year, starts__lte=today, closed_at=None
    )
    result = []
    for period in periods:
        if period.pk in have:
            continue
        candidate = StatusReport(project=project, period=period)
        if user.has_perm("vip_climate.start_report", candidate):
            result.append(period)
    return result
