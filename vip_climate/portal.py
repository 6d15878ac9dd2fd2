"""How this area shows on the home page and on organisation pages; its area object (area.py) delegates here."""

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from core.models import ReportingPeriod
from core.workflow import ReportState

from . import figures
from .models import MunicipalityCommitment, Participation, Project, StatusReport
from .selectors import project_runs_in, round_state


def latest_round_with_data() -> ReportingPeriod | None:
    """The newest round with an approved status report: where the board's dashboard opens."""
    report = StatusReport.objects.approved().select_related("period").order_by("-period__deadline").first()
    return report.period if report else None


def home_tile(user, selection=None) -> dict:
    """Headline figures and what needs the user's attention: a fixed number of queries."""
    today = timezone.localdate()
    projects = list(Project.objects.prefetch_related("lead_periods"))
    if selection is not None:
        period = selection.round
    else:
        period = ReportingPeriod.objects.rounds().filter(starts__lte=today).order_by("-deadline").first()
    states, source_states, overview = {}, {}, None
    if period:
        overview = figures.project_overview(period, projects)
        rows = overview.pop("round_reports")
        states = {r.project_id: r.state for r in rows}
        source_states = {r.project_id: r.source_state for r in rows if r.source_state}
    without_lead = sum(1 for p in projects if not p.leads_on(today))
    submitted = StatusReport.objects.filter(state=ReportState.SUBMITTED).count()
    own_duties = []
    if getattr(user, "organisation_id", None) and period:
        for p in projects:
            if user.organisation_id in {o.pk for o in p.leads_on(period.deadline)}:
                state = states.get(p.pk, "")
                label = source_states.get(p.pk) or (ReportState(state).label if state else "")
                own_duties.append({"project": p, "state": state, "state_label": label})
    # A round without any report says so, and names the newest round that has them (one query, only then).
    no_reports = period is not None and not states
    return {
        "projects": len(projects),
        "without_lead": without_lead,
        "period": period,
        "no_reports": no_reports,
        "latest_with_reports": latest_round_with_data() if no_reports else None,
        # Loaded reports were presented to KKR, not approved in the portal: counted apart, with their words.
        "approved": sum(
            1 for pk, s in states.items() if s == ReportState.APPROVED and pk not in source_states
        ),
        "from_source": sorted(
            {
                (label, sum(1 for v in source_states.values() if v == label))
                for label in source_states.values()
            }
        ),
        "submitted_waiting": submitted,
        "overview": overview,
        "own_duties": own_duties,
    }


def summary(selection) -> dict | None:
    """The selected round for the dashboard's headline and the PDF summary page: the panel's figures
    (figures.project_overview), its stacked bar of report states and one to three lines."""
    overview = figures.project_overview(selection.round)
    if not overview["rows"]:
        return None
    label = overview["period"].label
    states = ", ".join(f"{s['count']} {s['label']}" for s in overview["states"])
    if states:
        lines = [_("Runden %(label)s: %(states)s.") % {"label": label, "states": states}]
    else:
        lines = [_("Ingen statusrapporter for %(label)s.") % {"label": label}]
    presented = sorted({r.source_state for r in overview["round_reports"] if r.source_state})
    if presented and any(s["code"] == figures.PRESENTED for s in overview["states"]):
        lines.append(_("Indlæst fra kilden: %(what)s.") % {"what": "; ".join(presented)})
    overall = ", ".join(f"{c['count']} {c['label']}" for c in overview["overall"])
    lines.append(_("Seneste samlede status fra tovholderne: %(overall)s.") % {"overall": overall})
    return {
        "title": _("Klima-VIP-projekterne · %(label)s") % {"label": label},
        "chart": overview["round_chart"],
        "lines": lines,
    }


def organisation_section(organisation, user) -> dict | None:
    participations = list(Participation.objects.filter(organisation=organisation).select_related("project"))
    leads = [lp for lp in organisation.vip_lead_periods.select_related("project")]
    commitments = list(
        MunicipalityCommitment.objects.filter(organisation=organisation).select_related("commitment__project")
    )
    if not participations and not leads and not organisation.is_municipality:
        return None
    led_projects = [lp.project_id for lp in leads]
    reports = list(
        StatusReport.objects.filter(project_id__in=led_projects)
        .select_related("project", "period")
        .prefetch_related("project__lead_periods__organisation")
        .order_by("-period__deadline")
    )
    # Only what the viewer may open: another municipality's drafts are not even listed by title and state.
    reports = [
        r for r in reports if r.lead_organisation() == organisation and user.has_perm("core.view_report", r)
    ][:10]
    return {
        "participations": participations,
        "leads": leads,
        "commitments": commitments,
        "reports": reports,
        "can_edit_commitments": user.has_perm("vip_climate.edit_commitments", organisation),
    }


def _leads(project, organisation_id, period) -> bool:
    return any(o.pk == organisation_id for o in project.leads_on(period.deadline))


def _duty(project, period, report, today) -> dict:
    title = f"VIP {project.number}: {project.title} · {period.label}"
    duty = {
        "title": title,
        "deadline": period.deadline,
        "state": round_state(report, period, today),
        "comment": report.return_comment if report and report.state == ReportState.RETURNED else "",
    }
    if report is None:
        duty.update(
            action_url=reverse("vip_climate:report_start", args=[project.number]),
            action_label=_("Start rapporten"),
            post_field="period",
            post_value=period.code,
        )
    else:
        duty.update(
            action_url=reverse("vip_climate:report_edit", args=[report.pk]),
            action_label=_("Fortsæt rapporten"),
        )
    return duty


def lead_duties(user, today=None) -> list[dict]:
    """The reports the user's organisation must write as lead: the current round's not yet submitted
    (not started, draft, returned) and any other open round's returned one. A fixed number of queries."""
    organisation_id = getattr(user, "organisation_id", None)
    if not organisation_id:
        return []
    today = today or timezone.localdate()
    period = ReportingPeriod.objects.rounds().filter(starts__lte=today).order_by("-starts").first()
    projects = {p.pk: p for p in Project.objects.prefetch_related("lead_periods__organisation")}
    current = Q(period=period) if period else Q(pk__in=[])
    reports = list(
        StatusReport.objects.filter(current | Q(state=ReportState.RETURNED))
        .filter(period__closed_at=None)
        .select_related("period")
        .order_by("period__deadline", "project__number")
    )
    duties = []
    for report in reports:
        report.project = projects[report.project_id]  # the prefetched leads answer the permission
        other_round = report.period_id != getattr(period, "pk", None)
        if (
            other_round
            and _leads(report.project, organisation_id, report.period)
            and user.has_perm("core.edit_report", report)
        ):
            duties.append(_duty(report.project, report.period, report, today))
    if period is None or period.is_closed:
        return duties
    in_round = {r.project_id: r for r in reports if r.period_id == period.pk}
    for project in projects.values():
        if not project_runs_in(project, period) or not _leads(project, organisation_id, period):
            continue
        report = in_round.get(project.pk)
        if report is None:
            allowed = user.has_perm("vip_climate.start_report", StatusReport(project=project, period=period))
        else:
            allowed = user.has_perm("core.edit_report", report)
        if allowed:
            duties.append(_duty(project, period, report, today))
    return duties
