"""How this area shows on the home page and on organisation pages; its area object (area.py) delegates here."""

from django.utils import timezone

from core.models import ReportingPeriod
from core.workflow import ReportState

from .models import MunicipalityCommitment, Participation, Project, StatusReport


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
    states, source_states = {}, {}
    if period:
        rows = StatusReport.objects.filter(period=period).values_list("project_id", "state", "source_state")
        states = {project_id: state for project_id, state, _source in rows}
        source_states = {project_id: source for project_id, _state, source in rows if source}
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
        "own_duties": own_duties,
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
        .prefetch_related("project__lead_periods")
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
