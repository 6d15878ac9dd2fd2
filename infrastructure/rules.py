"""Infrastructure permissions, built from the shared predicates in core/rules.py.

Follow-up reports use the shared report rules (core.view_report / edit_report / submit_report /
review_report); only starting a follow-up for a project is asked here.
"""

import rules

from core.rules import is_secretariat


@rules.predicate
def is_lead_of_project(user, project) -> bool:
    """The user's organisation is one of the project's leads."""
    if project is None or not getattr(user, "organisation_id", None):
        return False
    return any(lead.pk == user.organisation_id for lead in project.leads.all())


rules.add_perm("infrastructure.view_project", rules.is_authenticated)
rules.add_perm("infrastructure.manage_projects", is_secretariat)
rules.add_perm("infrastructure.edit_estimates", is_secretariat)
rules.add_perm("infrastructure.assess", is_secretariat)
rules.add_perm("infrastructure.start_follow_up", is_secretariat | is_lead_of_project)
