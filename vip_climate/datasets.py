"""The VIP climate projects as datasets (api.datasets): projects, participation, leads and status reports."""

from django.db.models import Q

from api.datasets import Column, Dataset
from core.workflow import ReportState

from .models import LeadPeriod, Participation, Project, StatusReport

PROJECT = Column(
    "project_number", "integer", "project__number", "VIP-projektets nummer", "VIP project number"
)
ORGANISATION = (
    Column("organisation_id", "integer", "organisation_id", "Organisationens id", "Organisation id"),
    Column("organisation", "string", "organisation__name", "Organisation", "Organisation"),
)


def visible_reports(rows, user):
    """Approved reports for everyone; a lead's own unapproved ones and, for the secretariat, all of them."""
    approved = Q(state=ReportState.APPROVED)
    if not getattr(user, "is_authenticated", False):
        return rows.filter(approved)
    if user.has_perm("vip_climate.view_round"):
        return rows
    if not getattr(user, "organisation_id", None):
        return rows.filter(approved)
    candidates = (
        StatusReport.objects.exclude(approved)
        .filter(project__lead_periods__organisation_id=user.organisation_id)
        .select_related("project", "period")
        .prefetch_related("project__lead_periods")
        .distinct()
    )
    own = [report.pk for report in candidates if user.has_perm("core.view_report", report)]
    return rows.filter(approved | Q(pk__in=own))


DATASETS = [
    Dataset(
        area="vip",
        name="projects",
        title_da="VIP-projekter",
        title_en="VIP projects",
        description_da="De fælleskommunale klimaprojekter (VIP) med deres periode.",
        description_en="The joint municipal climate projects (VIP) with their period.",
        columns=(
            Column("number", "integer", "number", "Nummer", "Number"),
            Column("title", "string", "title", "Titel", "Title (Danish)"),
            Column("start_year", "integer", "start_year", "Startår", "Start year"),
            Column("end_year", "integer", "end_year", "Slutår", "End year"),
        ),
        rows=lambda: Project.objects.all(),
        order_by=("number",),
        keywords=("klima", "DK2020"),
    ),
    Dataset(
        area="vip",
        name="participation",
        title_da="Deltagelse i VIP-projekter",
        title_en="Participation in VIP projects",
        description_da="Hvilke organisationer deltager i hvilke projekter, og i hvilken rolle.",
        description_en="Which organisations take part in which projects, and in what role.",
        columns=(
            Column("id", "integer", "pk", "Portalens faste id", "The portal's stable id"),
            PROJECT,
            *ORGANISATION,
            Column("role", "string", "role", "Rolle (kode)", "Role (code)"),
            Column("group", "string", "group", "Gruppe", "Group"),
        ),
        rows=lambda: Participation.objects.all(),
        order_by=("project__number", "organisation__name", "pk"),
    ),
    Dataset(
        area="vip",
        name="leads",
        title_da="Tovholdere",
        title_en="Leads",
        description_da="Tovholderkommuner pr. projekt med periode; præcision siger, om kilden angiver dag, "
        "måned eller år.",
        description_en="Lead municipalities per project with their period; precision says whether the source "
        "gives a day, a month or a year.",
        columns=(
            Column("id", "integer", "pk", "Portalens faste id", "The portal's stable id"),
            PROJECT,
            *ORGANISATION,
            Column("starts", "date", "starts", "Fra", "From"),
            Column("ends", "date", "ends", "Til (tom: stadig tovholder)", "Until (empty: still lead)"),
            Column("precision", "string", "precision", "Præcision (kode)", "Precision (code)"),
        ),
        rows=lambda: LeadPeriod.objects.all(),
        order_by=("project__number", "starts", "pk"),
    ),
    Dataset(
        area="vip",
        name="status-reports",
        title_da="Statusrapporter",
        title_en="Status reports",
        description_da="Halvårlige statusrapporter fra tovholderne; offentligt og for de fleste brugere kun de "
        "godkendte.",
        description_en="Half-yearly status reports from the leads; publicly and for most users only the "
        "approved ones.",
        columns=(
            Column("id", "integer", "pk", "Portalens faste id", "The portal's stable id"),
            PROJECT,
            Column("year", "integer", "period__year", "Rundens år", "Year of the round"),
            Column("half", "string", "period__half", "Halvår (spring/autumn)", "Half (spring/autumn)"),
            Column("state", "string", "state", "Tilstand (kode)", "State (code)"),
            Column(
                "overall_status", "string", "overall_status", "Samlet status (kode)", "Overall status (code)"
            ),
            Column("status_text", "string", "status_text", "Status", "Status (Danish text)"),
            Column(
                "targets_activities",
                "string",
                "targets_activities",
                "Status på mål og aktiviteter",
                "Targets and activities (Danish text)",
            ),
            Column("challenges", "string", "challenges", "Udfordringer", "Challenges (Danish text)"),
            Column("submitted_at", "datetime", "submitted_at", "Indsendt", "Submitted at"),
            Column("reviewed_at", "datetime", "reviewed_at", "Behandlet", "Reviewed at"),
        ),
        rows=lambda: StatusReport.objects.all(),
        order_by=("period__year", "period__half", "project__number"),
        visible_to=visible_reports,
        year="period__year",
        round="period",
    ),
]
