"""Load the infrastructure part of the seed. Idempotent: a second run writes nothing (no history rows)."""

from core.models import OrganisationLookup

from . import seed_data
from .models import (
    BudgetLine,
    CostEstimate,
    CostPart,
    Criterion,
    CriterionSet,
    MobilityAnalysis,
    Project,
    SubCriterion,
    VisionAim,
)


def _upsert(model, lookup: dict, values: dict):
    """Create, or update only the fields that differ (so an unchanged row gets no history)."""
    obj = model.objects.filter(**lookup).first()
    if obj is None:
        return model.objects.create(**lookup, **values)
    changed = {k: v for k, v in values.items() if getattr(obj, k) != v}
    if changed:
        for field, value in changed.items():
            setattr(obj, field, value)
        obj.save()
    return obj


def load() -> None:
    organisations = OrganisationLookup()
    for order, item in enumerate(seed_data.PROJECTS, start=1):
        project = Project.objects.filter(slug=item["slug"]).first()
        if project is None:
            # The secretariat may later set plan status, leads and description: a re-run leaves them.
            project = Project.objects.create(
                slug=item["slug"],
                name=item["name"],
                group=item["group"],
                mode=item["mode"],
                description=item["description"],
                order=order,
                plan_status=Project.PlanStatus.UNKNOWN,
            )
            project.municipalities.set([organisations.resolve(name) for name in item["municipalities"]])
        for part_order, (part_name, low, high, quote) in enumerate(item["parts"], start=1):
            part = _upsert(CostPart, {"project": project, "name": part_name}, {"order": part_order})
            if low is None:
                continue  # the seed gives no estimate: store none
            if not part.estimates.filter(quote=quote).exists():
                CostEstimate.objects.create(part=part, low=low, high=high, quote=quote)

    criterion_set = _upsert(
        CriterionSet,
        {"name": seed_data.CRITERION_SET["name"]},
        {
            "vision_intro": seed_data.CRITERION_SET["vision_intro"],
            "levels_note": seed_data.CRITERION_SET["levels_note"],
        },
    )
    for order, (text, reasons) in enumerate(seed_data.VISION, start=1):
        _upsert(
            VisionAim, {"criterion_set": criterion_set, "order": order}, {"text": text, "reasons": reasons}
        )
    for number, title, subs in seed_data.CRITERIA:
        criterion = _upsert(Criterion, {"criterion_set": criterion_set, "number": number}, {"title": title})
        for code, sub_title in subs:
            _upsert(SubCriterion, {"criterion": criterion, "code": code}, {"title": sub_title})

    data = dict(seed_data.MOBILITY_ANALYSIS)
    analysis = _upsert(MobilityAnalysis, {"code": data.pop("code")}, data)
    for activity, kind, amounts in seed_data.BUDGET_LINES:
        for year, amount in amounts.items():
            _upsert(
                BudgetLine,
                {"analysis": analysis, "activity": activity, "kind": kind, "year": year},
                {"amount": amount},
            )
