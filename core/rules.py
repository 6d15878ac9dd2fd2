"""The permission rules, in one place. Every view asks `user.has_perm(<perm>, obj)`.

Predicates here are shared by all areas; each area registers its own permissions in its `rules.py`
by combining them (django-rules autodiscovers those modules).
"""

import rules

from .roles import BOARD, SECRETARIAT, group_names


@rules.predicate
def is_secretariat(user) -> bool:
    return user.is_superuser or SECRETARIAT in group_names(user)


@rules.predicate
def is_board(user) -> bool:
    return BOARD in group_names(user)


@rules.predicate
def is_member(user) -> bool:
    return bool(getattr(user, "organisation_id", None))


@rules.predicate
def is_member_of(user, organisation) -> bool:
    """The user belongs to this organisation (an organisation, or an object with `.organisation`)."""
    if organisation is None:
        return False
    organisation_id = getattr(organisation, "organisation_id", None) or getattr(organisation, "pk", None)
    return bool(user.organisation_id) and user.organisation_id == organisation_id


@rules.predicate
def is_lead_of_report(user, report) -> bool:
    """The user's organisation leads what the report is about, in the report's period."""
    if report is None or not getattr(user, "organisation_id", None):
        return False
    # A project may have several leads at once ("Flere kommuner kan godt være sammen om at påtage sig en
    # tovholderrolle"): the workflow asks the report for all of them.
    return any(lead.pk == user.organisation_id for lead in report.lead_organisations())


@rules.predicate
def report_is_editable(user, report) -> bool:
    return report is not None and report.is_editable


@rules.predicate
def report_is_locked(user, report) -> bool:
    """Its round is closed (core/periods.py): read-only for everyone until it is reopened."""
    return report is not None and report.is_locked


@rules.predicate
def report_is_submitted(user, report) -> bool:
    return report is not None and report.state == report.State.SUBMITTED


@rules.predicate
def report_is_approved(user, report) -> bool:
    return report is not None and report.state == report.State.APPROVED


@rules.predicate
def can_use_administration(user) -> bool:
    """At least one area offers the user an editor (core/administration.py)."""
    from .administration import editors_for

    return bool(editors_for(user))


can_read_dashboards = is_secretariat | is_board

rules.add_perm("core.view_dashboards", can_read_dashboards)
rules.add_perm("core.manage_reference_data", is_secretariat)
# obj: the ReportingPeriod (round) closed or reopened.
rules.add_perm("core.close_period", is_secretariat)
# The status texts' preview renders what it is sent and stores nothing: anyone logged in.
rules.add_perm("core.preview_text", rules.is_authenticated)
rules.add_perm("core.use_administration", can_use_administration)

# The shared report workflow (VIP status reports, infrastructure follow-up): one rule set for both.
rules.add_perm(
    "core.view_report", is_secretariat | is_lead_of_report | (report_is_approved & rules.is_authenticated)
)
rules.add_perm("core.edit_report", report_is_editable & (is_secretariat | is_lead_of_report))
rules.add_perm("core.submit_report", report_is_editable & (is_secretariat | is_lead_of_report))
rules.add_perm("core.review_report", report_is_submitted & ~report_is_locked & is_secretariat)
