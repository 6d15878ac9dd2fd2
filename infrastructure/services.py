"""Writes: every change goes through one of these functions, inside a transaction.

Follow-up reports move through core.workflow (report_save / report_submit / report_approve /
report_return); only creating one is infrastructure's own.
"""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from .models import Assessment, CostEstimate, CostPart, FollowUpReport, Project


def validate_estimate(low, high) -> None:
    errors = {}
    if low is not None and low < 0:
        errors["low"] = _("Et overslag kan ikke være negativt.")
    if high is not None and high < 0:
        errors["high"] = _("Et overslag kan ikke være negativt.")
    if not errors and low is not None and high is not None and low > high:
        errors["high"] = _("Det høje tal skal være mindst lige så stort som det lave.")
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def estimate_add(
    *, project, part=None, new_part_name: str = "", low, high=None, price_year=None, source="", by
) -> CostEstimate:
    """A new estimate for a part (a new row: the earlier ones stay as history). One figure: low == high."""
    high = low if high is None else high
    validate_estimate(low, high)
    if part is None:
        name = (new_part_name or "").strip()
        if not name:
            raise ValidationError({"part": _("Vælg et delprojekt eller skriv navnet på et nyt.")})
        order = project.parts.count() + 1
        part, _created = CostPart.objects.get_or_create(project=project, name=name, defaults={"order": order})
    elif part.project_id != project.pk:
        raise ValidationError({"part": _("Delprojektet hører ikke til dette projekt.")})
    return CostEstimate.objects.create(
        part=part, low=low, high=high, price_year=price_year, source=source or "", recorded_by=by
    )


def validate_assessment(*, level, yes=None, score=None, figure=None, unit="") -> dict:
    """The fields that belong to the level (the others cleared); ValidationError for what is missing."""
    Level = Assessment.Level
    if level not in Level.values:
        raise ValidationError({"level": _("Ukendt niveau.")})
    cleaned = {"yes": None, "score": None, "figure": None, "unit": ""}
    if level == Level.YES_NO:
        if yes is None:
            raise ValidationError({"yes": _("Vælg ja eller nej.")})
        cleaned["yes"] = bool(yes)
    elif level == Level.SCORE:
        if score is None:
            raise ValidationError({"score": _("Giv et point fra 0 til 3.")})
        if not 0 <= int(score) <= 3:
            raise ValidationError({"score": _("Point skal være 0, 1, 2 eller 3.")})
        cleaned["score"] = int(score)
    elif level == Level.FIGURE:
        errors = {}
        if figure is None:
            errors["figure"] = _("Skriv tallet.")
        if not (unit or "").strip():
            errors["unit"] = _("Et tal skal have en enhed, fx timer sparet eller t CO2e.")
        if errors:
            raise ValidationError(errors)
        cleaned["figure"] = Decimal(figure)
        cleaned["unit"] = unit.strip()
    return cleaned


@transaction.atomic
def assessment_set(
    *, project, sub_criterion, level, yes=None, score=None, figure=None, unit="", rationale="", by
) -> Assessment:
    values = validate_assessment(level=level, yes=yes, score=score, figure=figure, unit=unit)
    assessment, _created = Assessment.objects.select_for_update().get_or_create(
        project=project, sub_criterion=sub_criterion
    )
    for field, value in {**values, "level": level, "rationale": rationale or "", "assessor": by}.items():
        setattr(assessment, field, value)
    assessment.save()
    return assessment


def _unique_slug(name: str) -> str:
    base = slugify(name.replace("ø", "oe").replace("æ", "ae").replace("å", "aa"))[:100] or "projekt"
    slug, n = base, 2
    while Project.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


@transaction.atomic
def project_create_candidate(*, name, mode, description="", municipalities=(), leads=(), by) -> Project:
    """A proposed project, judged in the same frame as the 7+3."""
    project = Project.objects.create(
        name=name,
        slug=_unique_slug(name),
        mode=mode,
        description=description,
        is_candidate=True,
        group="",
        order=Project.objects.count() + 1,
    )
    project.municipalities.set(municipalities)
    project.leads.set(leads)
    return project


@transaction.atomic
def project_update(*, project, fields: dict, municipalities=None, leads=None, by) -> Project:
    changed = {k: v for k, v in fields.items() if getattr(project, k) != v}
    if changed:
        for field, value in changed.items():
            setattr(project, field, value)
        project.full_clean()
        project.save()
    if municipalities is not None:
        project.municipalities.set(municipalities)
    if leads is not None:
        project.leads.set(leads)
    return project


@transaction.atomic
def follow_up_start(*, project, year: int, by) -> FollowUpReport:
    """The year's follow-up draft for a project (the existing one if it was started already).

    The lead filing it is the user's organisation when it leads the project, else the project's first lead.
    """
    existing = FollowUpReport.objects.filter(project=project, year=year).first()
    if existing is not None:
        return existing
    leads = list(project.leads.all())
    lead = next(
        (o for o in leads if o.pk == getattr(by, "organisation_id", None)), leads[0] if leads else None
    )
    return FollowUpReport.objects.create(project=project, year=year, lead=lead, updated_by=by)
