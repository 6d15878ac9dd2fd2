"""Portal pages where the contract's targets and measurements are edited (no Django admin needed)."""

from __future__ import annotations

from django.contrib import messages
from django.db.models import Count
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core import tabular
from core.access import require_perm
from core.edit_history import recent_changes
from core.models import Organisation

from . import importer
from .editing import (
    NewTargetForm,
    PasteConflict,
    PasteForm,
    TargetForm,
    TargetInUse,
    measurement_delete,
    paste_commit,
    paste_validate,
    per_municipality,
    target_create,
    target_delete,
    target_update,
)
from .models import Contract, Goal, Measurement, Target

EDIT_TARGETS = "contracts.edit_targets"
ENTER = "contracts.enter_measurement"


def targets(request, year: int | None = None):
    """Every target of a contract with what the user may do to it: edit values, enter or paste measurements."""
    require_perm(request.user, "contracts.open_editors")
    can_edit = request.user.has_perm(EDIT_TARGETS)
    can_enter = request.user.has_perm(ENTER)
    contracts = list(Contract.objects.order_by("-year"))
    if year is None:
        if not contracts:
            return render(request, "contracts/edit/targets.html", {"contract": None})
        contract = contracts[0]
    else:
        contract = next((c for c in contracts if c.year == year), None)
        if contract is None:
            raise Http404
    rows = (
        Target.objects.filter(goal__contract=contract)
        .select_related("goal")
        .annotate(measurement_count=Count("measurements"))
        .order_by("goal__number", "position")
    )
    context = {
        "contract": contract,
        "goals": list(contract.goals.order_by("number")),
        "years": [c.year for c in contracts],
        "rows": [(t, per_municipality(t)) for t in rows],
        "can_edit": can_edit,
        "can_enter": can_enter,
    }
    return render(request, "contracts/edit/targets.html", context)


def _target(request, pk: int, perm: str) -> Target:
    require_perm(request.user, perm)
    return get_object_or_404(Target.objects.select_related("goal__contract"), pk=pk)


def target_edit(request, pk: int):
    target = _target(request, pk, EDIT_TARGETS)
    form = TargetForm(request.POST or None, instance=target)
    if request.method == "POST" and form.is_valid():
        target_update(form=form, by=request.user)
        messages.success(request, _("Delmålet er gemt. Målopfyldelsen beregnes igen."))
        return redirect("contracts:target_detail", pk=target.pk)
    from .views import _history_with_changes

    if form.is_bound:
        target.refresh_from_db()  # the invalid values stay in the form, not on the page around it
    names = dict(Organisation.objects.municipalities().values_list("pk", "name"))
    measurement_changes = recent_changes(
        Measurement.history.filter(target_id=target.pk),
        label=lambda r: " ".join(
            part
            for part in (_("Måling"), date_format(r.measured_on), names.get(r.municipality_id, ""))
            if part
        ),
    )
    context = {
        "form": form,
        "target": target,
        "goal": target.goal,
        "history": _history_with_changes(target),
        "measurement_changes": measurement_changes,
    }
    return render(request, "contracts/edit/target_form.html", context)


def _paste_kind(target: Target) -> str:
    return f"contracts.paste.{target.pk}"


def _pasteable(request, pk: int) -> Target:
    target = _target(request, pk, ENTER)
    if not per_municipality(target):
        raise Http404
    return target


def measurements_paste(request, pk: int):
    """Paste a column of values per municipality; preview every line, then save all or nothing."""
    target = _pasteable(request, pk)
    form = PasteForm(request.POST or None, target=target)
    context = {"form": form, "target": target, "goal": target.goal, "rows": None}
    if request.method == "POST":
        tabular.preview_discard(request, _paste_kind(target))
        if form.is_valid():
            data = form.cleaned_data
            rows = paste_validate(
                target=target,
                measured_on=data["measured_on"],
                source=data["source"],
                note=data["note"],
                text=data["lines"],
            )
            context["rows"] = rows
            context["errors"] = sum(1 for r in rows if not r.ok)
            if rows and not context["errors"]:
                context["token"] = tabular.preview_store(
                    request, _paste_kind(target), importer.to_session(rows)
                )
    return render(request, "contracts/edit/paste.html", context)


@require_POST
def measurements_paste_commit(request, pk: int):
    target = _pasteable(request, pk)
    try:
        created = tabular.preview_commit(
            request,
            _paste_kind(target),
            request.POST.get("token"),
            lambda payload: paste_commit(target=target, rows=importer.from_session(payload), by=request.user),
        )
    except tabular.PreviewExpired:
        messages.error(request, _("Forhåndsvisningen er udløbet eller allerede brugt. Indsæt tallene igen."))
        return redirect("contracts:measurements_paste", pk=target.pk)
    except PasteConflict:
        messages.error(
            request,
            _(
                "En anden har imens gemt målinger for nogle af kommunerne på datoen. Intet er gemt; se tallene igen."
            ),
        )
        return redirect("contracts:measurements_paste", pk=target.pk)
    messages.success(
        request, _("%(count)s målinger er gemt. Målopfyldelsen beregnes igen.") % {"count": len(created)}
    )
    return redirect("contracts:target_detail", pk=target.pk)


def target_new(request, year: int, number: int):
    require_perm(request.user, EDIT_TARGETS)
    goal = get_object_or_404(Goal.objects.select_related("contract"), contract__year=year, number=number)
    form = NewTargetForm(request.POST or None, goal=goal)
    if request.method == "POST" and form.is_valid():
        target = target_create(form=form, by=request.user)
        messages.success(request, _("Delmålet %(code)s er oprettet.") % {"code": target.code})
        return redirect("contracts:target_detail", pk=target.pk)
    return render(request, "contracts/edit/target_new.html", {"form": form, "goal": goal})


@require_POST
def target_remove(request, pk: int):
    target = _target(request, pk, EDIT_TARGETS)
    try:
        target_delete(target=target, by=request.user)
    except TargetInUse:
        messages.error(
            request,
            _("Delmålet har målinger eller dele og slettes ikke: de ville forsvinde med det."),
        )
        return redirect("contracts:target_edit", pk=target.pk)
    messages.success(request, _("Delmålet %(code)s er slettet.") % {"code": target.code})
    return redirect("contracts:edit_targets_year", year=target.goal.contract.year)


@require_POST
def measurement_remove(request, pk: int):
    require_perm(request.user, "contracts.delete_measurement")
    measurement = get_object_or_404(Measurement.objects.select_related("target__goal"), pk=pk)
    target_pk = measurement.target_id
    measurement_delete(measurement=measurement, by=request.user)
    messages.success(request, _("Målingen er slettet. Målopfyldelsen beregnes igen."))
    return redirect("contracts:target_detail", pk=target_pk)
