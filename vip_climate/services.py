"""Writes for the VIP area. The report workflow itself (save/submit/approve/return with optimistic
locking) lives in core.workflow and is shared with the infrastructure follow-up; this module adds what is
VIP-specific: starting a round's report from the previous approved text, commitments, reminders."""

from datetime import timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from core.models import ReportingPeriod, User
from core.workflow import ReportState, RoundClosed, WorkflowError

from .models import MunicipalityCommitment, Project, ReminderLog, StatusReport

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


# --- reminders -------------------------------------------------------------------------------------

LEAD_WINDOW = timedelta(days=14)
OVERDUE_WINDOW = timedelta(days=7)
# Addresses that are no user (the secretariat's mailbox) get the portal's own language, Danish.
DEFAULT_MAIL_LANGUAGE = "da"


def _language_of(user) -> str:
    """The recipient's language: the user's own if the user model has one, else Danish."""
    return getattr(user, "language", "") or DEFAULT_MAIL_LANGUAGE


def _emails_by_language(users) -> dict[str, list[str]]:
    by_language: dict[str, list[str]] = {}
    for user in users:
        by_language.setdefault(_language_of(user), []).append(user.email)
    return {language: sorted(emails) for language, emails in sorted(by_language.items())}


def _lead_reminder(project, period) -> tuple[str, str]:
    """Subject and body in the active language."""
    values = {
        "number": project.number,
        "title": project.title,
        "round": period.label,
        "deadline": f"{period.deadline:%d.%m.%Y}",
    }
    subject = _("Påmindelse: status for VIP %(number)s (%(round)s) senest %(deadline)s") % values
    body = (
        _(
            "Kære tovholder for VIP %(number)s: %(title)s.\n\n"
            "Statusrapporten for %(round)s er endnu ikke indsendt. Fristen er %(deadline)s. "
            "Udfyld og indsend den i KKR-portalen under Klima-VIP-projekter."
        )
        % values
    )
    return subject, body


def _missing_reports_notice(period, missing) -> tuple[str, str]:
    """Subject and body in the active language: the projects whose report is missing after the deadline."""
    lines = []
    for project in missing:
        leads = ", ".join(o.name for o in project.leads_on(period.deadline)) or _("tovholder mangler")
        lines.append(f"- VIP {project.number}: {project.title} ({leads})")
    subject = _("Manglende VIP-statusrapporter for %(round)s") % {"round": period.label}
    intro = _("Fristen %(deadline)s er overskredet. Disse rapporter er ikke indsendt:") % {
        "deadline": f"{period.deadline:%d.%m.%Y}"
    }
    return subject, intro + "\n\n" + "\n".join(lines)


def _open_reports(period):
    """Projects of the round whose report is neither submitted nor approved, with their leads."""
    done = set(
        StatusReport.objects.filter(
            period=period, state__in=[ReportState.SUBMITTED, ReportState.APPROVED]
        ).values_list("project_id", flat=True)
    )
    projects = Project.objects.prefetch_related("lead_periods__organisation")
    return [p for p in projects if p.pk not in done]


def _log_once(kind, period, project, today, recipients) -> bool:
    """Record the reminder; False if it was already sent (the beat runs daily and may run twice)."""
    try:
        with transaction.atomic():
            ReminderLog.objects.create(
                key=ReminderLog.key_for(kind, period, project),
                kind=kind,
                period=period,
                project=project,
                sent_on=today,
                recipients=", ".join(recipients),
            )
    except IntegrityError:
        return False
    return True


def reminders_send(*, today=None) -> dict:
    """E-mail the leads two weeks before a round's deadline, and the secretariat the day after it.

    Each reminder is sent once per round and project (a ReminderLog row), so running this twice a day,
    or every day of the window, sends nothing new.
    """
    today = today or timezone.localdate()
    sent = {"lead": 0, "secretariat": 0}
    rounds = ReportingPeriod.objects.rounds()
    for period in rounds.filter(deadline__gte=today, deadline__lte=today + LEAD_WINDOW):
        for project in _open_reports(period):
            for lead in project.leads_on(period.deadline):
                users = User.objects.filter(organisation=lead, is_active=True).exclude(email="")
                by_language = _emails_by_language(users)
                emails = sorted(email for group in by_language.values() for email in group)
                if not emails or not _log_once(ReminderLog.Kind.LEAD_DUE, period, project, today, emails):
                    continue
                for language, recipients in by_language.items():
                    with translation.override(language):
                        subject, body = _lead_reminder(project, period)
                    send_mail(subject, body, None, recipients)
                sent["lead"] += 1
    for period in rounds.filter(deadline__lt=today, deadline__gte=today - OVERDUE_WINDOW):
        missing = _open_reports(period)
        if not missing:
            continue
        recipient = [settings.SECRETARIAT_EMAIL]
        if not _log_once(ReminderLog.Kind.SECRETARIAT_OVERDUE, period, None, today, recipient):
            continue
        with translation.override(DEFAULT_MAIL_LANGUAGE):
            subject, body = _missing_reports_notice(period, missing)
        send_mail(subject, body, None, recipient)
        sent["secretariat"] += 1
    return sent
