"""Pages of the education area. Reading needs `education.view`; every change asks its own permission."""

from decimal import Decimal

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from core import charts, tabular
from core.access import get_for_user, require_perm
from core.models import Organisation, OrganisationLookup

from . import importers, selectors, services
from .calculator import AllocationError, allocate
from .forms import CalculatorForm, ImportForm, IntakeForm, LocalStrategyForm, MoveForm
from .models import Allocation, LocalStrategy, Programme, Strategy

SESSION_CALC = "education_calculation"


def _can_view(request):
    require_perm(request.user, "education.view")


def _allocated_programme(slug: str) -> Programme:
    return get_object_or_404(Programme, slug=slug, is_allocated=True)


def _require_allocated_year(year: int, programme: Programme) -> None:
    """Realised intake is kept only for a year with an allocation to measure it against: year 0 or 99999 is a
    404, not a stored row (or a database overflow)."""
    if not Allocation.objects.filter(year=year, programme=programme).exists():
        raise Http404


def index(request):
    _can_view(request)
    programmes = list(selectors.allocated_programmes())
    allocations = list(
        Allocation.objects.select_related("programme").order_by("-year", "programme__order", "-version")
    )
    return render(
        request,
        "education/index.html",
        {
            "programmes": programmes,
            "allocations": allocations,
            "years": selectors.years_with_allocations(),
            "can_edit": request.user.has_perm("education.edit_allocation"),
        },
    )


def _chart(table: dict) -> str:
    allocation = table["allocation"]
    bars = [charts.Bar(label=r.municipality.name, value=r.places) for r in table["rows"]]
    return charts.horizontal_bars(
        bars,
        title=_("Praktikpladser pr. kommune: %(programme)s %(year)s")
        % {"programme": allocation.programme.name, "year": allocation.year},
        description=_(
            "Antal pladser for hver af de %(count)s kommuner; tallene står ved søjlerne og i tabellen."
        )
        % {"count": len(bars)},
        unit=_("pladser"),
    )


def allocation_detail(request, year: int, programme: str):
    _can_view(request)
    programme_obj = _allocated_programme(programme)
    versions = list(
        Allocation.objects.filter(year=year, programme=programme_obj)
        .select_related("approved_by")
        .order_by("-version")
    )
    if not versions:
        return render(
            request,
            "education/allocation_missing.html",
            {"year": year, "programme": programme_obj},
            status=404,
        )
    wanted = request.GET.get("version")
    allocation = None
    if wanted and wanted.isdigit():
        allocation = next((a for a in versions if a.version == int(wanted)), None)
    if allocation is None:
        allocation = next((a for a in versions if a.is_locked), versions[0])
    table = selectors.allocation_table(allocation)
    can_edit = request.user.has_perm("education.edit_allocation")
    context = {
        **table,
        "programme": programme_obj,
        "versions": versions,
        "chart": _chart(table),
        "can_edit": can_edit,
        "move_form": MoveForm() if can_edit and not allocation.is_locked else None,
        "moves": list(allocation.moves.select_related("from_municipality", "to_municipality", "moved_by")),
        "history": list(allocation.history.select_related("history_user").order_by("-history_date")[:20]),
        "has_draft": any(not a.is_locked for a in versions),
    }
    return render(request, "education/allocation_detail.html", context)


def _allocation_for_edit(request, pk: int) -> Allocation:
    allocation, can_edit = get_for_user(
        request.user,
        Allocation.objects.select_related("programme"),
        view_perm="education.view",
        edit_perm="education.edit_allocation",
        pk=pk,
    )
    if not can_edit:
        raise PermissionDenied
    return allocation


def _allocation_url(allocation: Allocation) -> str:
    url = reverse("education:allocation", args=[allocation.year, allocation.programme.slug])
    return f"{url}?version={allocation.version}"


@require_POST
def allocation_move(request, pk: int):
    allocation = _allocation_for_edit(request, pk)
    form = MoveForm(request.POST)
    if form.is_valid():
        try:
            services.allocation_move_places(
                allocation=allocation,
                from_municipality=form.cleaned_data["from_municipality"],
                to_municipality=form.cleaned_data["to_municipality"],
                places=form.cleaned_data["places"],
                reason=form.cleaned_data["reason"],
                by=request.user,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Pladserne er flyttet. Totalen er uændret."))
            return redirect(_allocation_url(allocation))
    table = selectors.allocation_table(allocation)
    versions = list(
        Allocation.objects.filter(year=allocation.year, programme=allocation.programme).order_by("-version")
    )
    context = {
        **table,
        "programme": allocation.programme,
        "versions": versions,
        "chart": _chart(table),
        "can_edit": True,
        "move_form": form,
        "moves": list(allocation.moves.select_related("from_municipality", "to_municipality", "moved_by")),
        "history": list(allocation.history.select_related("history_user").order_by("-history_date")[:20]),
        "has_draft": any(not a.is_locked for a in versions),
    }
    return render(request, "education/allocation_detail.html", context)


@require_POST
def allocation_approve(request, pk: int):
    allocation = _allocation_for_edit(request, pk)
    try:
        services.allocation_approve(allocation=allocation, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Fordelingen er godkendt og låst."))
    return redirect(_allocation_url(allocation))


@require_POST
def allocation_new_version(request, pk: int):
    allocation = _allocation_for_edit(request, pk)
    try:
        new = services.allocation_new_version(allocation=allocation)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(_allocation_url(allocation))
    messages.success(request, _("Version %(version)s er oprettet som kladde.") % {"version": new.version})
    return redirect(_allocation_url(new))


def allocation_export(request, pk: int, fmt: str):
    allocation, _can_edit = get_for_user(
        request.user, Allocation.objects.select_related("programme"), view_perm="education.view", pk=pk
    )
    rows = [
        (r.municipality.name, r.places) for r in allocation.rows.select_related("municipality").order_by("pk")
    ]
    name = f"fordeling-{allocation.programme.slug}-{allocation.year}-v{allocation.version}"
    if fmt in ("csv", "xlsx"):
        return tabular.download(importers.export_bytes(fmt, rows), f"{name}.{fmt}")
    raise PermissionDenied  # unreachable: the URL only accepts csv and xlsx


# --- calculator ---------------------------------------------------------------------------------------


def _previous_key(year: int, programme: Programme) -> dict[Organisation, Decimal] | None:
    previous = (
        Allocation.objects.official().filter(year=year - 1, programme=programme).order_by("-version").first()
    )
    if previous is None:
        return None
    return {
        r.municipality: Decimal(r.places) for r in previous.rows.select_related("municipality").order_by("pk")
    }


def _calculation_rows(year, programme, total, key: dict[Organisation, Decimal]):
    shares = allocate(total, {m.name: v for m, v in key.items()})
    previous = _previous_key(year, programme) or {}
    previous_by_name = {m.name: int(v) for m, v in previous.items()}
    return [
        {
            "name": s.name,
            "key": float(s.key),
            "key_share": float(s.key_share) * 100,
            "quota": float(s.quota),
            "places": s.places,
            "previous": previous_by_name.get(s.name),
            "change": s.places - previous_by_name[s.name] if s.name in previous_by_name else None,
        }
        for s in shares
    ]


@require_http_methods(["GET", "POST"])
def calculator(request):
    _can_view(request)
    require_perm(request.user, "education.edit_allocation")
    context = {}
    if request.method == "POST" and request.POST.get("action") == "save":
        return _calculator_save(request)
    if request.method == "POST":
        request.session.pop(SESSION_CALC, None)  # a failed calculation must not leave an old one to save
        form = CalculatorForm(request.POST, request.FILES)
        if form.is_valid():
            data = form.cleaned_data
            key = None
            key_errors = None
            if data["key_source"] == CalculatorForm.KEY_PREVIOUS:
                key = _previous_key(data["year"], data["programme"])
                key_label = _("Fordelingen for %(year)s") % {"year": data["year"] - 1}
                if key is None:
                    form.add_error(
                        "key_source",
                        _("Der er ingen godkendt fordeling for %(year)s.") % {"year": data["year"] - 1},
                    )
            else:
                key_label = _("Nøglefil: %(name)s") % {"name": data["key_file"].name[:100]}
                try:
                    parsed = importers.parse_table(data["key_file"], integer=False)
                except tabular.ImportRefused as error:
                    form.add_error("key_file", str(error))
                else:
                    if parsed.ok:
                        key = parsed.values()
                    else:
                        key_errors = parsed
                        form.add_error("key_file", _("Nøglefilen har fejl; se listen nedenfor."))
            if key is not None:
                try:
                    rows = _calculation_rows(data["year"], data["programme"], data["total"], key)
                except AllocationError as error:
                    form.add_error(None, str(error))
                else:
                    request.session[SESSION_CALC] = {
                        "year": data["year"],
                        "programme": data["programme"].pk,
                        "total": data["total"],
                        "key_source": key_label,
                        "key": {str(m.pk): str(v) for m, v in key.items()},
                    }
                    context.update(
                        rows=rows, result_total=sum(r["places"] for r in rows), key_label=key_label
                    )
            context["key_errors"] = key_errors
    else:
        latest = selectors.latest_year()
        form = CalculatorForm(initial={"year": latest + 1} if latest else None)
    context["form"] = form
    return render(request, "education/calculator.html", context)


def _calculator_save(request):
    saved = request.session.get(SESSION_CALC)
    if not saved:
        messages.error(request, _("Beregn fordelingen igen, før den gemmes."))
        return redirect("education:calculator")
    programme = get_object_or_404(Programme, pk=saved["programme"], is_allocated=True)
    municipalities = Organisation.objects.municipalities().in_bulk([int(k) for k in saved["key"]])
    key = {municipalities[int(pk)]: Decimal(v) for pk, v in saved["key"].items()}
    shares = allocate(saved["total"], {m.name: v for m, v in key.items()})
    allocation = services.allocation_create_from_shares(
        year=saved["year"],
        programme=programme,
        shares=shares,
        municipalities={m.name: m for m in key},
        key_source=saved["key_source"],
    )
    del request.session[SESSION_CALC]
    messages.success(
        request, _("Fordelingen er gemt som kladde (version %(v)s).") % {"v": allocation.version}
    )
    return redirect(_allocation_url(allocation))


# --- import -------------------------------------------------------------------------------------------

KINDS = {"fordeling": "allocation", "optag": "intake"}


@require_http_methods(["GET", "POST"])
def import_table(request, kind: str):
    _can_view(request)
    if kind not in KINDS:
        raise Http404
    require_perm(
        request.user, "education.edit_allocation" if kind == "fordeling" else "education.edit_intake"
    )
    result = None
    token = None
    if request.method == "POST":
        tabular.preview_discard(request, _preview_kind(kind))
        form = ImportForm(request.POST, request.FILES)
        if form.is_valid():
            data = form.cleaned_data
            try:
                result = importers.parse_table(
                    data["file"],
                    integer=True,
                    lookup=OrganisationLookup(Organisation.objects.municipalities()),
                )
            except tabular.ImportRefused as error:
                form.add_error("file", str(error))
            else:
                if result.ok:
                    token = tabular.preview_store(
                        request,
                        _preview_kind(kind),
                        {
                            "year": data["year"],
                            "programme": data["programme"].pk,
                            "file": data["file"].name[:100],
                            "rows": [[r.municipality.pk, int(r.value)] for r in result.rows],
                        },
                    )
    else:
        form = ImportForm(
            initial={"year": request.GET.get("year"), "programme": request.GET.get("programme")}
        )
    return render(
        request, "education/import.html", {"form": form, "result": result, "kind": kind, "token": token}
    )


def _preview_kind(kind: str) -> str:
    return f"education.import.{kind}"


@require_POST
def import_commit(request, kind: str):
    _can_view(request)
    if kind not in KINDS:
        raise Http404
    require_perm(
        request.user, "education.edit_allocation" if kind == "fordeling" else "education.edit_intake"
    )
    try:
        return tabular.preview_commit(
            request,
            _preview_kind(kind),
            request.POST.get("token"),
            lambda saved: _import_apply(request, kind, saved),
        )
    except tabular.PreviewExpired:
        messages.error(request, _("Der er ingen gennemset fil at importere. Vælg filen igen."))
        return redirect("education:import", kind=kind)


def _import_apply(request, kind: str, saved: dict) -> HttpResponse:
    programme = get_object_or_404(Programme, pk=saved["programme"], is_allocated=True)
    municipalities = Organisation.objects.municipalities().in_bulk([pk for pk, _v in saved["rows"]])
    if kind == "fordeling":
        allocation = services.allocation_create_draft(
            year=saved["year"],
            programme=programme,
            rows=[services.RowInput(municipality=municipalities[pk], places=v) for pk, v in saved["rows"]],
            key_source=_("Importeret fra %(file)s") % {"file": saved["file"]},
        )
        messages.success(
            request, _("Fordelingen er importeret som kladde (version %(v)s).") % {"v": allocation.version}
        )
        return redirect(_allocation_url(allocation))
    services.intake_save(
        year=saved["year"], programme=programme, places={municipalities[pk]: v for pk, v in saved["rows"]}
    )
    messages.success(request, _("Det realiserede optag er importeret."))
    return redirect("education:fulfilment", year=saved["year"], programme=programme.slug)


# --- realised intake ----------------------------------------------------------------------------------


def fulfilment(request, year: int, programme: str):
    _can_view(request)
    programme_obj = _allocated_programme(programme)
    _require_allocated_year(year, programme_obj)
    context = selectors.fulfilment(year, programme_obj)
    context.update(
        year=year,
        programme=programme_obj,
        programmes=list(selectors.allocated_programmes()),
        can_edit=request.user.has_perm("education.edit_intake"),
    )
    return render(request, "education/fulfilment.html", context)


@require_http_methods(["GET", "POST"])
def intake_edit(request, year: int, programme: str):
    _can_view(request)
    require_perm(request.user, "education.edit_intake")
    programme_obj = _allocated_programme(programme)
    _require_allocated_year(year, programme_obj)
    municipalities = Organisation.objects.municipalities().order_by("name")
    initial = {i.municipality_id: i.places for i in programme_obj.intakes.filter(year=year)}
    form = IntakeForm(request.POST or None, municipalities=municipalities, initial_places=initial)
    if request.method == "POST" and form.is_valid():
        services.intake_save(year=year, programme=programme_obj, places=form.places())
        messages.success(request, _("Det realiserede optag er gemt."))
        return redirect("education:fulfilment", year=year, programme=programme_obj.slug)
    return render(
        request, "education/intake_form.html", {"form": form, "year": year, "programme": programme_obj}
    )


# --- strategy -----------------------------------------------------------------------------------------


def strategy(request):
    _can_view(request)
    strategy_obj = Strategy.objects.prefetch_related(
        "programmes", "guiding_marks", "audience_intros", "initiatives"
    ).first()
    audiences = []
    if strategy_obj is not None:
        intros = {i.audience: i.text for i in strategy_obj.audience_intros.all()}
        for value, label in strategy_obj.guiding_marks.model.Audience.choices:
            audiences.append(
                {
                    "label": label,
                    "intro": intros.get(value, ""),
                    "marks": [m for m in strategy_obj.guiding_marks.all() if m.audience == value],
                }
            )
    locals_by_municipality = {s.municipality_id: s for s in LocalStrategy.objects.all()}
    local_rows = [
        {
            "municipality": m,
            "strategy": locals_by_municipality.get(m.pk),
            "can_edit": request.user.has_perm("education.edit_local_strategy", m),
        }
        for m in Organisation.objects.municipalities().order_by("name")
    ]
    return render(
        request,
        "education/strategy.html",
        {"strategy": strategy_obj, "audiences": audiences, "local_rows": local_rows},
    )


@require_http_methods(["GET", "POST"])
def local_strategy_edit(request, slug: str):
    _can_view(request)
    municipality = get_object_or_404(Organisation.objects.municipalities(), slug=slug)
    require_perm(request.user, "education.edit_local_strategy", municipality)
    instance = LocalStrategy.objects.filter(municipality=municipality).first()
    form = LocalStrategyForm(request.POST or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        services.local_strategy_update(
            municipality=municipality,
            exists=form.cleaned_data["exists"],
            adopted=form.cleaned_data["adopted"],
            url=form.cleaned_data["url"],
            note=form.cleaned_data["note"],
        )
        messages.success(request, _("Den lokale uddannelsesstrategi er opdateret."))
        return redirect("education:strategy")
    history = list(instance.history.select_related("history_user")[:10]) if instance else []
    return render(
        request,
        "education/local_strategy_form.html",
        {"form": form, "municipality": municipality, "history": history},
    )
