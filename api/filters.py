"""The query parameters every dataset list takes, validated like form fields (a 400, never a 500)."""

from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter
from rest_framework.exceptions import ValidationError

from core.models import ReportingPeriod

from .datasets import Dataset

YEAR = OpenApiParameter(
    "year", OpenApiTypes.INT, description="Only rows of this year (e.g. 2023).", required=False
)
ROUND = OpenApiParameter(
    "round",
    OpenApiTypes.STR,
    description="Only rows of this half-yearly round, as year-half (e.g. 2022-autumn).",
    required=False,
    pattern=r"^\d{4}-(spring|autumn)$",
)


def parameters(dataset: Dataset) -> list[OpenApiParameter]:
    return [p for p, path in ((YEAR, dataset.year), (ROUND, dataset.round)) if path]


def parse(query, dataset: Dataset) -> dict:
    """{'year': int | None, 'period': ReportingPeriod | None} from ?year= and ?round=."""
    year = period = None
    raw_year = query.get("year", "")
    if dataset.year and raw_year != "":
        if not raw_year.isdigit() or not 1900 <= int(raw_year) <= 2200:
            raise ValidationError({"year": [_("Angiv et årstal, fx 2023.")]})
        year = int(raw_year)
    raw_round = query.get("round", "")
    if dataset.round and raw_round != "":
        try:
            period = ReportingPeriod.from_code(raw_round)
        except ValueError as error:
            raise ValidationError({"round": [str(error)]}) from None
        if not period.is_round:
            raise ValidationError({"round": [_("Angiv en halvårlig runde, fx 2022-autumn.")]})
    return {"year": year, "period": period}
