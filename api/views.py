"""The read-only API: one list endpoint per dataset, its CSV/XLSX download, and the dataset index."""

from django.urls import reverse
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import generics
from rest_framework.exceptions import NotFound, PermissionDenied
from rest_framework.response import Response
from rest_framework.views import APIView

from core import tabular

from . import filters
from .datasets import Dataset, all_datasets, by_key
from .models import ApiCall, ApiToken
from .serializers import DatasetSerializer, serializer_for

ERRORS = {
    400: OpenApiResponse(description="A filter value is invalid."),
    401: OpenApiResponse(description="No valid token (or session)."),
    403: OpenApiResponse(description="The token's user may not read this dataset."),
    404: OpenApiResponse(description="No such page."),
    429: OpenApiResponse(description="Too many calls with this token; wait and try again."),
}


class Logged:
    """Every call, answered or refused, leaves a line in the audit trail: who, what, when."""

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        user = getattr(request, "user", None)
        ApiCall.objects.create(
            user=user if user is not None and user.is_authenticated else None,
            token=request.auth if isinstance(getattr(request, "auth", None), ApiToken) else None,
            method=request.method[:8],
            path=request.path[:300],
            query=request.META.get("QUERY_STRING", "")[:300],
            status=response.status_code,
        )
        return response


def readable(dataset: Dataset, user) -> None:
    if not dataset.may_read(user):
        raise PermissionDenied(_("Du har ikke adgang til dette datasæt."))


def list_view(dataset: Dataset):
    class DatasetList(Logged, generics.ListAPIView):
        serializer_class = serializer_for(dataset)

        def get_queryset(self):
            readable(dataset, self.request.user)
            return dataset.queryset(self.request.user, **filters.parse(self.request.query_params, dataset))

    DatasetList.__name__ = DatasetList.__qualname__ = serializer_for(dataset).__name__ + "List"
    return extend_schema_view(
        get=extend_schema(
            operation_id=f"{dataset.area}_{dataset.name}".replace("-", "_"),
            summary=dataset.title_en,
            description=dataset.description_en,
            parameters=filters.parameters(dataset),
            responses={200: serializer_for(dataset)(many=True), **ERRORS},
            tags=[dataset.area],
        )
    )(DatasetList)


@extend_schema(exclude=True)
class DatasetDownload(Logged, APIView):
    """The whole dataset (filters apply) as CSV or XLSX through the shared, formula-safe writer."""

    def get(self, request, area, name, fmt):
        dataset = by_key(area, name)
        if dataset is None or fmt not in ("csv", "xlsx"):
            raise NotFound
        readable(dataset, request.user)
        return download(
            dataset, dataset.queryset(request.user, **filters.parse(request.query_params, dataset)), fmt
        )


def download(dataset: Dataset, rows, fmt: str):
    filename = f"kkr-{dataset.area}-{dataset.name}"
    table = dataset.table(rows)
    if fmt == "xlsx":
        fields = tabular.Sheet(
            "felter",
            ["name", "type", "unit", "meaning_da", "meaning_en"],
            [[c.name, c.kind, c.unit, c.da, c.en] for c in dataset.columns],
        )
        content = tabular.xlsx_bytes([tabular.Sheet(dataset.name, dataset.header(), table), fields])
        return tabular.download(content, f"{filename}.xlsx")
    return tabular.download(tabular.csv_bytes(dataset.header(), table), f"{filename}.csv")


def describe(dataset: Dataset, request) -> dict:
    url = reverse(f"api:{dataset.area}-{dataset.name}")
    return {
        "key": dataset.key,
        "title_da": dataset.title_da,
        "title_en": dataset.title_en,
        "description_da": dataset.description_da,
        "description_en": dataset.description_en,
        "url": request.build_absolute_uri(url),
        "csv": request.build_absolute_uri(url.rstrip("/") + ".csv"),
        "xlsx": request.build_absolute_uri(url.rstrip("/") + ".xlsx"),
        "filters": [p.name for p in filters.parameters(dataset)],
        "columns": dataset.columns,
    }


class DatasetIndex(Logged, APIView):
    @extend_schema(
        operation_id="datasets",
        summary="The datasets this token may read, with their fields",
        responses={200: DatasetSerializer(many=True), 401: ERRORS[401], 429: ERRORS[429]},
    )
    def get(self, request):
        found = [describe(d, request) for d in all_datasets() if d.may_read(request.user)]
        return Response(DatasetSerializer(found, many=True).data)
