from datetime import date
from urllib.parse import urlencode

from django.contrib import messages
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from core import dashboard_cache, tabular
from core.access import require_perm
from core.selection import selection_from

from . import importers, services
from .forms import PopulationImportForm
from .table import FILTERS, NAME, Options, comparison_table, sort_key_is_known


def _table(request):
    require_perm(request.user, "comparison.view")
    selection = selection_from(request.GET)
    options = Options.from_params(request.GET)
    parts = [selection.round.code, str(selection.year), repr(options), date.today().isoformat()]
    return selection, dashboard_cache.across_areas(
        "comparison", parts, lambda: comparison_table(selection, options)
    )


def _header(params: dict, options: Options, key: str) -> dict:
    active = options.sort == key
    # A first click sorts a figure from the largest down (what the board looks for), a name from A.
    descending = (not options.descending) if active else key != NAME
    return {
        "href": "?" + urlencode({**params, "sort": key, "dir": "desc" if descending else "asc"}),
        "aria_sort": ("descending" if options.descending else "ascending") if active else "",
    }


def _table_region(selection, options: Options, can_import: bool, today: date) -> str:
    """Everything below the form, as HTML: 29 rows × every area's columns take longer to render than to
    read, so the rendered region is what is cached, per choice, until any area changes. Its links carry
    only the choices understood (`Options.params`), so the choices are all the key needs."""
    params = {"runde": selection.round.code, "aar": str(selection.year), **options.params()}

    def render_region() -> str:
        table = comparison_table(selection, options)
        return render_to_string(
            "comparison/_table.html",
            {
                "selection": selection,
                "table": table,
                "name_header": _header(params, options, NAME),
                "headers": [{"column": c, **_header(params, options, c.key)} for c in table.columns],
                "invalid": selection.invalid or options.invalid or not sort_key_is_known(table),
                "query_string": urlencode(params),
                "can_import": can_import,
            },
        )

    parts = [urlencode(params), str(selection.invalid), repr(options), str(can_import), today.isoformat()]
    return dashboard_cache.across_areas("comparison-region", parts, render_region)


@require_GET
def index(request):
    require_perm(request.user, "comparison.view")
    today = date.today()
    selection, rounds, years = dashboard_cache.selection(request.GET, today)
    options = Options.from_params(request.GET)
    can_import = request.user.has_perm("comparison.import_population")
    return render(
        request,
        "comparison/index.html",
        {
            "selection": selection,
            "period_fields": dashboard_cache.period_fields(selection, rounds, years, today),
            "options": options,
            "filters": FILTERS,
            "table_region": mark_safe(_table_region(selection, options, can_import, today)),  # noqa: S308
        },
    )


@require_GET
def export(request, fmt: str):
    selection, table = _table(request)
    name = f"kommuner-sammenlignet-{selection.year}-{selection.round.code}"
    return tabular.table_response(fmt, name, _("Kommunerne"), table.headers(), table.export_rows())


# --- the population table ------------------------------------------------------------------------------

PREVIEW_KIND = "comparison.population"


@require_http_methods(["GET", "POST"])
def population_import(request):
    require_perm(request.user, "comparison.import_population")
    result = None
    token = None
    if request.method == "POST":
        tabular.preview_discard(request, PREVIEW_KIND)
        form = PopulationImportForm(request.POST, request.FILES)
        if form.is_valid():
            data = form.cleaned_data
            try:
                result = importers.parse_population(data["file"])
            except tabular.ImportRefused as error:
                form.add_error("file", str(error))
            else:
                if result.ok:
                    token = tabular.preview_store(
                        request,
                        PREVIEW_KIND,
                        {
                            "year": data["year"],
                            "source": data["source"],
                            "rows": [[r.municipality.pk, int(r.value)] for r in result.rows],
                        },
                    )
    else:
        form = PopulationImportForm(initial={"year": request.GET.get("aar")})
    return render(
        request,
        "comparison/population_import.html",
        {
            "form": form,
            "result": result,
            "token": token,
            "missing_text": importers.missing_text(result.missing) if result and result.missing else "",
        },
    )


@require_POST
def population_import_commit(request):
    require_perm(request.user, "comparison.import_population")
    try:
        saved = tabular.preview_commit(
            request,
            PREVIEW_KIND,
            request.POST.get("token"),
            lambda saved: {
                **saved,
                "changed": services.population_import(
                    year=saved["year"],
                    inhabitants={pk: count for pk, count in saved["rows"]},
                    source=saved["source"],
                    by=request.user,
                ),
            },
        )
    except tabular.PreviewAlreadyCommitted:
        messages.info(request, tabular.already_committed_message())
        return redirect("comparison:index")
    except tabular.PreviewExpired:
        messages.error(request, _("Der er ingen gennemset fil at importere. Vælg filen igen."))
        return redirect("comparison:population_import")
    except services.MunicipalityGone:
        messages.error(request, _("En kommune i filen findes ikke længere; intet er gemt. Vælg filen igen."))
        return redirect("comparison:population_import")
    messages.success(
        request,
        ngettext(
            "Indbyggertal for %(year)s er importeret (%(count)s kommune ændret).",
            "Indbyggertal for %(year)s er importeret (%(count)s kommuner ændret).",
            saved["changed"],
        )
        % {"year": saved["year"], "count": saved["changed"]},
    )
    return redirect(f"{reverse('comparison:index')}?aar={saved['year']}&pr_indbygger=1")
