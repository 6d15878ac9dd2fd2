"""Who may do what with the PDF reports."""

import rules

from core.rules import is_board, is_secretariat

from . import sections


@rules.predicate
def is_member_of_lead_organisation(user) -> bool:
    """The user's organisation leads something in an area (a VIP project, an infrastructure project...)."""
    organisation_id = getattr(user, "organisation_id", None)
    if not organisation_id:
        return False
    cached = getattr(user, "_kkr_report_lead", None)
    if cached is None:
        cached = organisation_id in sections.lead_organisation_ids()
        user._kkr_report_lead = cached
    return cached


@rules.predicate
def job_is_done(user, job) -> bool:
    return job is not None and job.is_done


@rules.predicate
def job_is_failed(user, job) -> bool:
    return job is not None and job.state == job.State.FAILED


@rules.predicate
def job_is_issuable(user, job) -> bool:
    return job is not None and job.is_done and not job.issued


can_read_reports = is_secretariat | is_board | is_member_of_lead_organisation

rules.add_perm("reports.view_reports", can_read_reports)
rules.add_perm("reports.download_report", can_read_reports & job_is_done)
rules.add_perm("reports.request_report", is_secretariat | is_board)
rules.add_perm("reports.retry_report", (is_secretariat | is_board) & job_is_failed)
rules.add_perm("reports.issue_report", is_secretariat & job_is_issuable)
