"""Pages of the result contract. Statuses come from the stored snapshot; nothing is recomputed here."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Sum
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, pgettext
from django.views.decorators.http import require_POST

from core import charts, tabular
from core.access import get_for_user, require_perm

from . import fulfilment, importer, services
from .editing import per_municipality
from .forms import CopyForm, ImportForm, MeasurementForm
from .models import Contract, FulfilmentSnapshot, Goal, GoalStatus, Measurement, Target, TargetStatus

VIEW = "contracts.view_contract"


def latest_snapshot(contract: Contract) -> FulfilmentSnapshot | None:
    return contract.snapshots.newest_first().first()


def _bar_note(status: TargetStatus | None) -> str:
    return "" if status and status.progress is not None else _("ingen data")


def index(request):
    contract = Contract.objects.order_by("-year").first()
    if contract is None:
        return render(request, "contracts/index.html", {"contract": None})
    return contract_detail(request, contract.year)


def contract_detail(request, year: int):
    contract, _can_edit = get_for_user(request.user, Contract.objects.all(), view_perm=VIEW, year=year)
    snapshot = latest_snapshot(contract)
    goal_statuses = []
    if snapshot:
        goal_statuses = list(
            GoalStatus.objects.filter(snapshot=snapshot).select_related("goal").order_by("goal__number")
        )
    goals = [gs.goal for gs in goal_statuses] or list(contract.goals.order_by("number"))
    bars = [
        charts.Bar(
            pgettext("contract goal", "Mål %(number)s") % {"number": gs.goal.number},
            gs.progress,
            "" if gs.progress is not None else _("ingen data"),
        )
        for gs in goal_statuses
    ]
    chart = (
        charts.horizontal_bars(
            bars,
            title=_("Fremdrift pr. mål"),
            description=_("Fremdrift mod målene i procent; tallene står i tabellen under."),
            unit="%",
            max_value=100,
        )
        if bars
        else None
    )
    context = {
        "contract": contract,
        "snapshot": snapshot,
        "goal_statuses": goal_statuses,
        "goals": goals,
        "sections": list(contract.sections.order_by("position")),
        "chart": chart,
        "years": list(Contract.objects.order_by("-year").values_list("year", flat=True)),
        "can_enter": request.user.has_perm("contracts.enter_measurement"),
        "can_copy": request.user.has_perm("contracts.copy_contract"),
        "copy_form": CopyForm(initial={"year": contract.year + 1}),
    }
    return render(request, "contracts/contract_detail.html", context)


def goal_detail(request, year: int, number: int):
    goal, _can_edit = get_for_user(
        request.user,
        Goal.objects.select_related("contract"),
        view_perm=VIEW,
        contract__year=year,
        number=number,
    )
    snapshot = latest_snapshot(goal.contract)
    goal_status = None
    target_rows = []
    if snapshot:
        goal_status = GoalStatus.objects.filter(snapshot=snapshot, goal=goal).first()
        statuses = {
            ts.target_id: ts for ts in TargetStatus.objects.filter(snapshot=snapshot, target__goal=goal)
        }
    else:
        statuses = {}
    targets = list(goal.targets.order_by("position"))
    for target in targets:
        target_rows.append((target, statuses.get(target.pk)))
    bars = [
        charts.Bar(t.code, s.progress if s else None, _bar_note(s))
        for t, s in target_rows
        if not t.is_estimate  # an estimate has no progress: it is not a target
    ]
    chart = charts.horizontal_bars(
        bars,
        title=_("Fremdrift pr. delmål for mål %(number)s") % {"number": goal.number},
        description=_("Fremdrift mod hvert delmål i procent; tallene står i tabellen med delmålene."),
        unit="%",
        max_value=100,
    )
    measurements = (
        Measurement.objects.filter(target__goal=goal)
        .select_related("target", "municipality", "entered_by")
        .order_by("-measured_on", "-id")
    )
    page = Paginator(measurements, 25).get_page(request.GET.get("side"))
    context = {
        "goal": goal,
        "contract": goal.contract,
        "snapshot": snapshot,
        "goal_status": goal_status,
        "target_rows": target_rows,
        "chart": chart,
        "page": page,
        "can_enter": request.user.has_perm("contracts.enter_measurement"),
    }
    return render(request, "contracts/goal_detail.html", context)


def target_detail(request, pk: int):
    target, _can_edit = get_for_user(
        request.user, Target.objects.select_related("goal__contract", "parent"), view_perm=VIEW, pk=pk
    )
    contract = target.goal.contract
    parts = list(target.parts.order_by("position"))
    parts_of = {target.pk: parts}
    spec = services.spec_for(target, contract.year, parts_of)
    snapshot = latest_snapshot(contract)
    status = None
    part_statuses = {}
    if snapshot:
        rows = TargetStatus.objects.filter(
            snapshot=snapshot, target_id__in=[target.pk, *[p.pk for p in parts]]
        )
        for row in rows:
            if row.target_id == target.pk:
                status = row
            else:
                part_statuses[row.target_id] = row
    measurements = target.measurements.select_related("municipality", "entered_by").order_by(
        "-measured_on", "-id"
    )
    page = Paginator(measurements, 25).get_page(request.GET.get("side"))
    chart, chart_rows = None, []
    if target.goal.number == 2 and target.unit == Target.Unit.COUNT and target.kind != Target.Kind.PARTS:
        # Goal 2: the year's guidance per municipality (the geographic spread).
        chart_rows = list(
            target.measurements.filter(measured_on__year=contract.year, municipality__isnull=False)
            .values("municipality__name")
            .annotate(total=Sum("value"))
            .order_by("municipality__name")
        )
        if chart_rows:
            chart = charts.horizontal_bars(
                [charts.Bar(r["municipality__name"], r["total"]) for r in chart_rows],
                title=_("Registreret pr. kommune i %(year)s") % {"year": contract.year},
                description=_("Summen af årets målinger pr. kommune; tallene står i tabellen under."),
            )
    context = {
        "target": target,
        "goal": target.goal,
        "contract": contract,
        "parts": [(p, part_statuses.get(p.pk)) for p in parts],
        "status": status,
        "snapshot": snapshot,
        "rule": fulfilment.describe(spec),
        "page": page,
        "chart": chart,
        "chart_rows": chart_rows,
        "history": _history_with_changes(target),
        "can_enter": request.user.has_perm("contracts.enter_measurement")
        and target.kind != Target.Kind.PARTS,
        "can_paste": request.user.has_perm("contracts.enter_measurement") and per_municipality(target),
        "can_edit_target": request.user.has_perm("contracts.edit_targets"),
        "can_delete": request.user.has_perm("contracts.delete_measurement"),
    }
    return render(request, "contracts/target_detail.html", context)


def _history_with_changes(obj, limit: int = 10) -> list:
    """The latest changes (who, when, and which fields changed), from one query."""
    records = list(
        obj.history.select_related("history_user").order_by("-history_date", "-history_id")[: limit + 1]
    )
    for newer, older in zip(records, records[1:] + [None], strict=True):
        newer.changed_fields = (
            [obj._meta.get_field(c.field).verbose_name for c in newer.diff_against(older).changes]
            if older
            else []
        )
    return records[:limit]


def measurement_create(request, pk: int):
    target, _can_edit = get_for_user(
        request.user, Target.objects.select_related("goal__contract"), view_perm=VIEW, pk=pk
    )
    require_perm(request.user, "contracts.enter_measurement", target)
    if target.kind == Target.Kind.PARTS:
        raise Http404
    form = MeasurementForm(request.POST or None, target=target)
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items()}
        services.measurement_create(target=target, by=request.user, **data)
        if services.snapshot_waiting_for_broker(target.goal.contract_id):
            messages.warning(
                request,
                _(
                    "Målingen er gemt. Målopfyldelsen beregnes igen, så snart baggrundstjenesten svarer "
                    "igen; indtil da viser siden den seneste beregning."
                ),
            )
        else:
            messages.success(request, _("Målingen er gemt. Målopfyldelsen beregnes igen."))
        return redirect("contracts:target_detail", pk=target.pk)
    return render(
        request, "contracts/measurement_form.html", {"form": form, "target": target, "goal": target.goal}
    )


def _preview_kind(contract: Contract) -> str:
    return f"contracts.measurements.{contract.pk}"


def import_measurements(request, year: int):
    contract, _can_edit = get_for_user(request.user, Contract.objects.all(), view_perm=VIEW, year=year)
    require_perm(request.user, "contracts.import_measurements", contract)
    form = ImportForm(request.POST or None, request.FILES or None)
    context = {"contract": contract, "form": form, "rows": None}
    if request.method == "POST" and form.is_valid():
        tabular.preview_discard(request, _preview_kind(contract))
        try:
            table = importer.read(form.cleaned_data["file"])
        except tabular.ImportRefused as error:
            form.add_error("file", str(error))
            return render(request, "contracts/import.html", context)
        rows = importer.validate(table, contract)
        context["rows"] = rows
        context["errors"] = sum(1 for r in rows if not r.ok)
        if rows and not context["errors"]:
            context["token"] = tabular.preview_store(
                request, _preview_kind(contract), importer.to_session(rows)
            )
    return render(request, "contracts/import.html", context)


@require_POST
def import_commit(request, year: int):
    contract, _can_edit = get_for_user(request.user, Contract.objects.all(), view_perm=VIEW, year=year)
    require_perm(request.user, "contracts.import_measurements", contract)
    try:
        created = tabular.preview_commit(
            request,
            _preview_kind(contract),
            request.POST.get("token"),
            lambda payload: services.measurements_import(
                rows=importer.from_session(payload), by=request.user
            ),
        )
    except tabular.PreviewAlreadyCommitted:
        messages.info(request, tabular.already_committed_message())
        return redirect("contracts:contract_detail", year=year)
    except tabular.PreviewExpired:
        messages.error(request, _("Forhåndsvisningen er udløbet. Indlæs filen igen."))
        return redirect("contracts:import", year=year)
    messages.success(
        request,
        ngettext("%(count)s måling er indlæst.", "%(count)s målinger er indlæst.", len(created))
        % {"count": len(created)},
    )
    return redirect("contracts:contract_detail", year=year)


def export(request, year: int, fmt: str):
    """Measurements as CSV (importable again) or XLSX (measurements and targets); targets alone as CSV."""
    contract, _can_edit = get_for_user(request.user, Contract.objects.all(), view_perm=VIEW, year=year)
    if fmt == "delmaal.csv":
        return tabular.download(
            importer.targets_csv(contract), f"resultatkontrakt-{contract.year}-delmaal.csv"
        )
    if fmt in ("csv", "xlsx"):
        return tabular.download(
            importer.export_bytes(contract, fmt), f"resultatkontrakt-{contract.year}-maalinger.{fmt}"
        )
    raise Http404


@require_POST
def contract_copy(request, year: int):
    contract, _can_edit = get_for_user(request.user, Contract.objects.all(), view_perm=VIEW, year=year)
    if not request.user.has_perm("contracts.copy_contract", contract):
        raise PermissionDenied
    form = CopyForm(request.POST)
    if form.is_valid() and not Contract.objects.filter(year=form.cleaned_data["year"]).exists():
        new = services.contract_copy(contract=contract, year=form.cleaned_data["year"], by=request.user)
        messages.success(request, _("Kontrakten for %(year)s er oprettet som udkast.") % {"year": new.year})
        return redirect(reverse("contracts:contract_detail", args=[new.year]))
    messages.error(request, _("Året er ugyldigt, eller der findes allerede en kontrakt for det år."))
    return redirect("contracts:contract_detail", year=year)
