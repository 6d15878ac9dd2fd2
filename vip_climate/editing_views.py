"""Portal pages where the secretariat edits VIP reference data: lead periods and participants."""

from __future__ import annotations

from django.contrib import messages
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.access import require_perm
from core.edit_history import recent_changes
from core.models import Organisation

from .editing import (
    LeadPeriodForm,
    OverlapRefused,
    ParticipantsForm,
    lead_period_delete,
    lead_period_save,
    participants_save,
)
from .models import LeadPeriod, Participation, Project

MANAGE = "vip_climate.manage_projects"


def projects(request):
    """Every project with its lead periods and number of participants: where the editors start."""
    require_perm(request.user, MANAGE)
    rows = (
        Project.objects.prefetch_related("lead_periods__organisation")
        .annotate(
            participant_count=Count(
                "participations", filter=Q(participations__role=Participation.Role.PARTICIPANT)
            )
        )
        .order_by("number")
    )
    return render(request, "vip_climate/edit/projects.html", {"projects": rows})


def _names() -> dict[int, str]:
    return dict(Organisation.objects.values_list("pk", "name"))


def _lead_changes(project):
    names = _names()
    return recent_changes(
        LeadPeriod.history.filter(project_id=project.pk),
        label=lambda r: names.get(r.organisation_id, _("ingen tovholder")),
    )


def _project_for(request, number):
    require_perm(request.user, MANAGE)
    return get_object_or_404(Project, number=number)


def leads(request, number):
    """A project's lead periods, a form for a new one, and who changed what."""
    project = _project_for(request, number)
    form = LeadPeriodForm(request.POST or None, project=project)
    if request.method == "POST" and form.is_valid():
        try:
            lead_period_save(form=form, by=request.user)
        except OverlapRefused as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Tovholderperioden er gemt."))
            return redirect("vip_climate:edit_leads", number=project.number)
    return _leads_page(request, project, form)


def _leads_page(request, project, form, *, period=None):
    context = {
        "project": project,
        "form": form,
        "period": period,
        "periods": project.lead_periods.select_related("organisation").order_by("starts"),
        "changes": _lead_changes(project),
    }
    return render(request, "vip_climate/edit/leads.html", context)


def lead_edit(request, number, pk):
    project = _project_for(request, number)
    period = get_object_or_404(LeadPeriod, project=project, pk=pk)
    form = LeadPeriodForm(request.POST or None, instance=period, project=project)
    if request.method == "POST" and form.is_valid():
        try:
            lead_period_save(form=form, by=request.user)
        except OverlapRefused as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Tovholderperioden er gemt."))
            return redirect("vip_climate:edit_leads", number=project.number)
    return _leads_page(request, project, form, period=period)


@require_POST
def lead_delete(request, number, pk):
    project = _project_for(request, number)
    period = get_object_or_404(LeadPeriod, project=project, pk=pk)
    lead_period_delete(period=period, by=request.user)
    messages.success(request, _("Tovholderperioden er slettet."))
    return redirect("vip_climate:edit_leads", number=project.number)


def participants(request, number):
    """Tick the municipalities (and the region) that take part; the history shows who changed it."""
    project = _project_for(request, number)
    form = ParticipantsForm(request.POST or None, project=project)
    if request.method == "POST" and form.is_valid():
        added, removed = participants_save(
            project=project, organisations=form.cleaned_data["organisations"], by=request.user
        )
        messages.success(
            request,
            _("Deltagerne er gemt: %(added)s tilføjet, %(removed)s fjernet.")
            % {"added": added, "removed": removed},
        )
        return redirect("vip_climate:edit_participants", number=project.number)
    names = _names()
    changes = recent_changes(
        Participation.history.filter(project_id=project.pk),
        label=lambda r: names.get(r.organisation_id, ""),
    )
    theme_group = project.participations.filter(role=Participation.Role.THEME_GROUP).select_related(
        "organisation"
    )
    context = {"project": project, "form": form, "changes": changes, "theme_group": theme_group}
    return render(request, "vip_climate/edit/participants.html", context)
