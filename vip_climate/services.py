"""Writes for the VIP area. The report workflow itself (save/submit/approve/return with optimistic
locking) lives in core.workflow and is shared with the infrastructure follow-up; this module adds what is
VIP-specific: starting a round's report from the previous approved text, commitments, reminders."""

from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from core.models import ReportingPeriod
from core.workflow import ReportState, RoundClosed, WorkflowError
from notifications.models import Notification
from notifications.services import Message, absolute_url, member_recipients, notify, secretariat_recipients

from .models import MunicipalityCommitment, Project, StatusReport

CARRIED_FIELDS = (
    "participants_text",
    "status_text",
    "targets_activities",
    "changes",
    "challenges",
    "cooperation_funding",
    "perspectives",
)


def previous_approved(*, project, period) -> StatusReport | None:
    """The latest approved report of the project from a round before `period`."""
    return (
        StatusReport.objects.approved()
        .filter(project=project, period__deadline__lt=period.deadline)
        .select_related("period")
        .order_by("-period__deadline")
        .first()
    )


def check_startable(*, project, period, today=None) -> None:
    """WorkflowError (a Danish message) unless a report can be started for the project in the round."""
    today = today or timezone.localdate()
    if not period.is_round:
        raise WorkflowError(_("Vælg en halvårlig runde, fx 2023-spring."))
    if not period.has_begun(today):
        raise WorkflowError(
            _("Runden %(label)s er ikke begyndt endnu; indberetningen åbner %(starts)s.")
            % {"label": period.label, "starts": date_format(period.starts)}
        )
    if not (project.start_year <= period.year <= project.end_year):
        raise WorkflowError(
            _("Runden %(label)s ligger uden for projektets periode %(start)s–%(end)s.")
            % {"label": period.label, "start": project.start_year, "end": project.end_year}
        )
    if ReportingPeriod.objects.filter(pk=period.pk, closed_at__isnull=False).exists():  # read fresh
        raise RoundClosed(period)


def status_report_start(*, project, period, by, today=None) -> StatusReport:
    """The round's report for the project; a new one starts from the previous round's approved text.

    Refused (WorkflowError) for a round that has not begun, lies outside the project's period or is closed.
    """
    existing = StatusReport.objects.filter(project=project, period=period).first()
    if existing:
        return existing
    check_startable(project=project, period=period, today=today)
    previous = previous_approved(project=project, period=period)
    carried = {field: getattr(previous, field) for field in CARRIED_FIELDS} if previous else {}
    if not previous:
        carried["participants_text"] = project.participants_text
    try:
        with transaction.atomic():
            return StatusReport.objects.create(project=project, period=period, updated_by=by, **carried)
    except IntegrityError:  # someone started it at the same moment
        return StatusReport.objects.get(project=project, period=period)


@transaction.atomic
def commitment_entry_save(*, commitment, organisation, status, date=None, evidence_url="", note="", by=None):
    entry, created = MunicipalityCommitment.objects.get_or_create(
        commitment=commitment,
        organisation=organisation,
        defaults={"status": status, "date": date, "evidence_url": evidence_url, "note": note},
    )
    if not created:
        entry.status, entry.date, entry.evidence_url, entry.note = status, date, evidence_url, note
        entry.save()
    return entry


# --- reminders and escalation ------------------------------------------------------------------------
# Written to the notifications outbox (each once per event and recipient, in the recipient's language):
# reminders NOTIFY_REMINDER_DAYS before a round's deadline, then after it the lead's users and, a little
# later, the secretariat with the list of overdue projects.


def _deadline(period) -> str:
    return date_format(period.deadline, "DATE_FORMAT")


def _open_reports(period) -> list[tuple[Project, StatusReport | None]]:
    """Projects of the round whose report is neither submitted nor approved, with the report if started."""
    reports = {r.project_id: r for r in StatusReport.objects.filter(period=period)}
    done = (ReportState.SUBMITTED, ReportState.APPROVED)
    projects = Project.objects.prefetch_related("lead_periods__organisation")
    return [
        (p, reports.get(p.pk)) for p in projects if p.pk not in reports or reports[p.pk].state not in done
    ]


def _link(project, report) -> dict:
    """Where a reminder leads: the report, or the project's page to start it (call in the message's language)."""
    if report is not None:
        return {"link": absolute_url(report.get_absolute_url())}
    url = absolute_url(reverse("vip_climate:project_detail", args=[project.number]))
    return {"link": url, "link_label": _("Start rapporten")}


def _reminder(project, report, period):
    def compose(recipient):
        values = {"number": project.number, "title": project.title, "round": period.label}
        values["deadline"] = _deadline(period)
        return Message(
            subject=_("Påmindelse: status for VIP %(number)s (%(round)s) senest %(deadline)s") % values,
            intro=_(
                "Kære tovholder for VIP %(number)s: %(title)s.\n\n"
                "Statusrapporten for %(round)s er endnu ikke indsendt. Fristen er %(deadline)s. "
                "Udfyld og indsend den i KKR-portalen under Klima-VIP-projekter."
            )
            % values,
            **_link(project, report),
        )

    return compose


def _overdue(project, report, period):
    def compose(recipient):
        values = {"number": project.number, "title": project.title, "round": period.label}
        values["deadline"] = _deadline(period)
        return Message(
            subject=_("Fristen er overskredet: status for VIP %(number)s (%(round)s)") % values,
            intro=_(
                "Statusrapporten for VIP %(number)s: %(title)s for %(round)s skulle have været indsendt "
                "senest %(deadline)s. Indsend den hurtigst muligt; KKR-sekretariatet får besked om de "
                "rapporter, der stadig mangler."
            )
            % values,
            **_link(project, report),
        )

    return compose


def _missing_list(period, missing):
    def compose(recipient):
        items = []
        for project, _report in missing:
            leads = ", ".join(o.name for o in project.leads_on(period.deadline)) or _("tovholder mangler")
            items.append(f"VIP {project.number}: {project.title} ({leads})")
        return Message(
            subject=_("Manglende VIP-statusrapporter for %(round)s") % {"round": period.label},
            intro=_("Fristen %(deadline)s er overskredet. Disse rapporter er ikke indsendt:")
            % {"deadline": _deadline(period)},
            items=tuple(items),
            link=absolute_url(reverse("vip_climate:round_period", args=[period.code])),
            link_label=_("Åbn runden"),
        )

    return compose


def _reminder_stage(period, today) -> int | None:
    """The reminder due on `today`: the smallest configured number of days not yet passed, if any."""
    days_left = (period.deadline - today).days
    stages = sorted(days for days in settings.NOTIFY_REMINDER_DAYS if days >= days_left >= 0)
    return stages[0] if stages else None


def reminders_send(*, today=None) -> dict:
    """Write the round's reminders and escalations due on `today` to the outbox; counts of events written.

    Each is recorded once per round, project and recipient, so running this twice a day, or every day of
    a window, sends nothing new.
    """
    today = today or timezone.localdate()
    sent = {"reminder": 0, "overdue": 0, "secretariat": 0}
    ahead = max(settings.NOTIFY_REMINDER_DAYS, default=0)
    window = settings.NOTIFY_OVERDUE_WINDOW_DAYS
    rounds = ReportingPeriod.objects.rounds()
    for period in rounds.filter(deadline__gte=today, deadline__lte=today + timedelta(days=ahead)):
        stage = _reminder_stage(period, today)
        if stage is None:
            continue
        for project, report in _open_reports(period):
            written = notify(
                kind=Notification.Kind.REMINDER,
                event=f"reminder{stage}:{period.code}:vip{project.number}",
                recipients=member_recipients(project.leads_on(period.deadline)),
                compose=_reminder(project, report, period),
            )
            sent["reminder"] += bool(written)
    for period in rounds.filter(deadline__lt=today, deadline__gte=today - timedelta(days=window)):
        days_over = (today - period.deadline).days
        missing = _open_reports(period)
        if days_over >= settings.NOTIFY_ESCALATE_LEADS_AFTER_DAYS:
            for project, report in missing:
                written = notify(
                    kind=Notification.Kind.OVERDUE,
                    event=f"overdue:{period.code}:vip{project.number}",
                    recipients=member_recipients(project.leads_on(period.deadline)),
                    compose=_overdue(project, report, period),
                )
                sent["overdue"] += bool(written)
        if missing and days_over >= settings.NOTIFY_ESCALATE_SECRETARIAT_AFTER_DAYS:
            written = notify(
                kind=Notification.Kind.OVERDUE_LIST,
                event=f"overdue-list:{period.code}:vip",
                recipients=secretariat_recipients(),
                compose=_missing_list(period, missing),
            )
            sent["secretariat"] += bool(written)
    return sent
