"""What the report workflow tells whom: submitted → the secretariat; returned, approved → the lead's users.

core.workflow calls `report_transition` inside each transition's transaction. The event key holds the
report and its version after the transition, so a resubmission is a new event and a retried one is not.
"""

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from core.workflow import ReportState

from .models import Notification
from .services import Message, absolute_url, member_recipients, notify, secretariat_recipients

KINDS = {
    ReportState.SUBMITTED: Notification.Kind.SUBMITTED,
    ReportState.RETURNED: Notification.Kind.RETURNED,
    ReportState.APPROVED: Notification.Kind.APPROVED,
}


def _who(user) -> str:
    if user is None:
        return _("En bruger")
    name = user.get_full_name() or user.username
    return f"{name} ({user.organisation})" if user.organisation_id else name


def _submitted(report, link):
    def compose(recipient):
        values = {"report": str(report), "who": _who(report.submitted_by)}
        return Message(
            subject=_("Indsendt til behandling: %(report)s") % values,
            intro=_("%(who)s har indsendt %(report)s. Rapporten venter på, at sekretariatet behandler den.")
            % values,
            link=link,
        )

    return compose


def _returned(report, link):
    def compose(recipient):
        values = {"report": str(report)}
        return Message(
            subject=_("Sendt retur: %(report)s") % values,
            intro=_("KKR-sekretariatet har sendt %(report)s retur. Ret rapporten, og indsend den igen.")
            % values,
            comment=report.return_comment,
            link=link,
        )

    return compose


def _approved(report, link):
    def compose(recipient):
        values = {"report": str(report)}
        if report.reviewed_at:
            values["day"] = date_format(timezone.localdate(report.reviewed_at), "DATE_FORMAT")
            intro = _("KKR-sekretariatet godkendte %(report)s den %(day)s. Tak for rapporten.") % values
        else:
            intro = _("KKR-sekretariatet har godkendt %(report)s. Tak for rapporten.") % values
        return Message(subject=_("Godkendt: %(report)s") % values, intro=intro, link=link)

    return compose


def report_transition(report) -> list[Notification]:
    """Record the e-mails for the state `report` has just moved into (inside its transaction)."""
    kind = KINDS.get(report.state)
    if kind is None:
        return []
    link = absolute_url(report.get_absolute_url())
    event = f"{kind}:{report._meta.label_lower}:{report.pk}:v{report.version}"
    if kind == Notification.Kind.SUBMITTED:
        return notify(
            kind=kind, event=event, recipients=secretariat_recipients(), compose=_submitted(report, link)
        )
    compose = _returned(report, link) if kind == Notification.Kind.RETURNED else _approved(report, link)
    return notify(
        kind=kind, event=event, recipients=member_recipients(report.lead_organisations()), compose=compose
    )
