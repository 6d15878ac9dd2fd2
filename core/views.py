from datetime import date
from typing import Any

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import BadRequest
from django.db import connection
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from . import dashboard_cache, markdown
from .access import require_perm
from .administration import editors_for
from .areas import registry
from .models import Organisation


def landing(request):
    """Where a login lands: a municipality's member on their own profile, everyone else on the home page."""
    organisation = request.user.organisation
    if (
        organisation is not None
        and organisation.is_municipality
        and not request.user.has_perm("core.view_dashboards")
    ):
        return redirect("organisation_detail", slug=organisation.slug)
    return redirect("home")


def duties_of(user) -> list[dict] | None:
    """What a member of an organisation must do now, from every area; None for a user without one."""
    if not getattr(user, "organisation_id", None):
        return None
    return [duty for area in registry for duty in area.duties(user)]


def home(request):
    """The board's dashboard: the attention list and one panel per area for the selected period, read
    through core/dashboard_cache.py while no write has changed them."""
    return render(request, "core/home.html", dashboard_cache.page(request, timezone.localdate()))


PREVIEW_MAX_CHARS = 50_000


@require_POST
def markdown_preview(request):
    """The HTML a status text becomes (core/markdown.py), for the forms' preview (static/js/markdown-preview.js)."""
    require_perm(request.user, "core.preview_text")
    text = request.POST.get("text", "")
    if len(text) > PREVIEW_MAX_CHARS:
        raise BadRequest("The text is too long to preview.")
    return render(request, "core/_markdown_preview.html", {"html": markdown.render(text)})


def about(request):
    """What the portal is; also the benchmarks' minimal page (the base template and nothing else)."""
    return render(request, "core/about.html")


STATEMENT_DATE = date(2026, 12, 1)  # when the accessibility statement's text was last reviewed


@login_not_required
def accessibility_statement(request):
    """The statement the Danish web accessibility act asks for, public and linked from every footer."""
    return render(
        request,
        "core/accessibility.html",
        {
            "portal_address": request.build_absolute_uri("/"),
            "statement_date": STATEMENT_DATE,
            "contact_email": settings.SECRETARIAT_EMAIL,
        },
    )


@login_not_required
def privacy(request):
    """What personal data the portal keeps and for how long, read from the settings that enforce it."""
    return render(
        request,
        "core/privacy.html",
        {
            "audit_retention_days": settings.LOGIN_AUDIT_RETENTION_DAYS,
            "session_hours": settings.SESSION_COOKIE_AGE // 3600,
            "contact_email": settings.SECRETARIAT_EMAIL,
        },
    )


def organisation_list(request):
    organisations = Organisation.objects.order_by("kind", "name")
    return render(
        request,
        "core/organisation_list.html",
        {
            "municipalities": [o for o in organisations if o.is_municipality],
            "others": [o for o in organisations if not o.is_municipality],
        },
    )


def organisation_detail(request, slug):
    organisation = get_object_or_404(Organisation, slug=slug)
    sections = dashboard_cache.organisation_sections(organisation, request.user, timezone.localdate())
    return render(
        request,
        "core/organisation_detail.html",
        {
            "organisation": organisation,
            "sections": sections,
            # The member's landing page: it starts with what the member must do.
            "duties": duties_of(request.user) if request.user.organisation_id == organisation.pk else None,
        },
    )


def administration(request):
    """The editors the user may use, area by area; the Django admin is for superusers only."""
    require_perm(request.user, "core.use_administration")
    return render(request, "core/administration.html", {"sections": editors_for(request.user)})


def _database_state() -> dict:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        return {"ok": True, "vendor": connection.vendor}
    except Exception as error:  # any failure means unhealthy; say which
        return {"ok": False, "vendor": connection.vendor, "error": type(error).__name__}


def _broker_state() -> dict:
    if settings.CELERY_TASK_ALWAYS_EAGER:
        return {"ok": True, "mode": "eager"}
    from kkr_portal.celery import app

    try:
        with app.connection_for_write() as conn:
            conn.ensure_connection(max_retries=1, timeout=2)
        return {"ok": True, "mode": "broker"}
    except Exception as error:
        return {"ok": False, "mode": "broker", "error": type(error).__name__}


@login_not_required
@never_cache
@require_GET
def healthz(request):
    state: dict[str, Any] = {"database": _database_state(), "broker": _broker_state()}
    healthy = all(part["ok"] for part in state.values())
    state["status"] = "ok" if healthy else "unavailable"
    return JsonResponse(state, status=200 if healthy else 503, json_dumps_params={"indent": 1})
