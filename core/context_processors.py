from django.urls import reverse

from .areas import areas


def navigation(request):
    """What the navigation shows: the areas, and the role-dependent links."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"nav_areas": []}
    return {
        "nav_areas": areas(),
        "nav_can_read_dashboards": user.has_perm("core.view_dashboards"),
        "nav_can_manage": user.has_perm("core.use_administration"),
        "nav_can_read_reports": user.has_perm("reports.view_reports"),
        "nav_own_organisation": user.organisation if user.organisation_id else None,
        "nav_logout_url": _logout_url(request),
    }


def _logout_url(request) -> str:
    """A session opened by the municipality's SSO logs out there too (single logout, sso/); others locally."""
    from accounts.two_factor import SSO_SESSION_KEY
    from sso.conf import sso_enabled

    if sso_enabled() and request.session.get(SSO_SESSION_KEY):
        return reverse("sso:logout")
    return reverse("logout")
