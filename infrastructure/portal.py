"""How this area shows on the home page and on organisation pages; its area object (area.py) delegates here."""

from .models import FollowUpReport
from .selectors import overview, plan_status_summary


def home_tile(user, selection=None) -> dict:
    """The total estimate of the 7+3, what is known of plan status, and follow-ups waiting for the secretariat.

    Estimates are not periodic: the latest estimate of each part is shown whatever period is selected.
    """
    data = overview()
    plan_status = plan_status_summary()
    waiting = None
    if user.has_perm("core.view_dashboards") and user.has_perm("infrastructure.manage_projects"):
        waiting = FollowUpReport.objects.filter(state=FollowUpReport.State.SUBMITTED).count()
    return {"overall": data["overall"], "plan_status": plan_status, "waiting": waiting}


def organisation_section(organisation, user) -> dict | None:
    """Projects touching the municipality and the projects it leads; None if neither."""
    touching = list(organisation.infrastructure_projects.order_by("is_candidate", "order", "name"))
    leading = list(organisation.infrastructure_leads.order_by("is_candidate", "order", "name"))
    if not touching and not leading:
        return None
    return {"touching": touching, "leading": leading}
