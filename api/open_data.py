"""Open data: the datasets the secretariat published, without login, and their DCAT-AP-DK catalogue."""

from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.models import AnonymousUser
from django.http import Http404, JsonResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET
from rest_framework.utils.encoders import JSONEncoder  # decimals as numbers, dates as ISO

from . import dcat
from .datasets import Dataset, all_datasets, by_key
from .models import ApiCall
from .pages import public_keys
from .views import download


def published() -> list[Dataset]:
    keys = public_keys()
    return [d for d in all_datasets() if d.key in keys]


def _log(request, status: int) -> None:
    ApiCall.objects.create(method=request.method[:8], path=request.path[:300], status=status)


@login_not_required
@require_GET
def index(request):
    return render(request, "api/open_data.html", {"datasets": published()})


@login_not_required
@require_GET
def catalogue(request):
    response = JsonResponse(dcat.catalogue(request, published()), json_dumps_params={"ensure_ascii": False})
    response["Content-Type"] = "application/ld+json; charset=utf-8"
    _log(request, 200)
    return response


@login_not_required
@require_GET
def dataset_file(request, area: str, name: str, fmt: str):
    dataset = by_key(area, name)
    if dataset is None or dataset.key not in public_keys() or fmt not in ("csv", "xlsx", "json"):
        raise Http404
    # What an anonymous visitor may see: approved reports only, never a draft.
    rows = dataset.queryset(AnonymousUser())
    _log(request, 200)
    if fmt == "json":
        return JsonResponse(
            {"dataset": dataset.key, "rows": dataset.records(rows)},
            encoder=JSONEncoder,
            json_dumps_params={"ensure_ascii": False},
        )
    return download(dataset, rows, fmt)
