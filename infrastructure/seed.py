"""Load the infrastructure part of the seed. Idempotent: a second run writes nothing (no history rows)."""

from core.sources import upsert

from . import seed_data
from .models import (
    AppropriationLine,
    BudgetLine,
    ChallengeFigure,
    CostEstimate,
    CostPart,
    Criterion,
    CriterionSet,
    MobilityAnalysis,
    Project,
    SourcePassage,
    SubCriterion,
    VisionAim,
)


def load() -> None:
    _load_projects()
    _load_criteria()
    _load_mobility_analysis()
    _load_texts()


def _load_projects() -> None:
    ref = seed_data.PROJECTS_REF
    for order, item in enumerate(seed_data.PROJECTS, start=1):
        # The secretariat may later set plan status, leads, municipalities and description: upsert keeps
        # what a person changed. The source names no affected municipality per project, so none is loaded.
        project = upsert(
            Project,
            {"slug": item["slug"]},
            {
                "name": item["name"],
                "group": item["group"],
                "mode": item["mode"],
                "description": item["description"],
                "order": order,
                "plan_status": Project.PlanStatus.UNKNOWN,
                "source_ref": ref,
            },
        )
        if project is None:
            continue  # deleted by a person since it was loaded
        for part_order, (part_name, low, high, quote) in enumerate(item["parts"], start=1):
            part = upsert(
                CostPart, {"project": project, "name": part_name}, {"order": part_order, "source_ref": ref}
            )
            if part is None or low is None:
                continue  # deleted since it was loaded, or the seed gives no estimate: store none
            upsert(
                CostEstimate, {"part": part, "quote": quote}, {"low": low, "high": high, "source_ref": ref}
            )


def _load_criteria() -> None:
    criterion_set = upsert(
        CriterionSet,
        {"name": seed_data.CRITERION_SET["name"]},
        {
            "vision_intro": seed_data.CRITERION_SET["vision_intro"],
            "levels_note": seed_data.CRITERION_SET["levels_note"],
            # Headed "Forslag til vision" and "Forslag til pejlemærker" in the source: not adopted.
            "is_proposal": True,
            "source_ref": f"{seed_data.VISION_DOC}, afsnit «Forslag til vision» og «Forslag til pejlemærker»",
        },
    )
    if criterion_set is None:
        return  # deleted by a person since it was loaded
    for order, (text, reasons) in enumerate(seed_data.VISION, start=1):
        upsert(
            VisionAim,
            {"criterion_set": criterion_set, "order": order},
            {"text": text, "reasons": reasons, "source_ref": seed_data.VISION_REF},
        )
    for number, title, subs in seed_data.CRITERIA:
        criterion = upsert(
            Criterion,
            {"criterion_set": criterion_set, "number": number},
            {"title": title, "source_ref": seed_data.CRITERIA_REF},
        )
        if criterion is None:
            continue
        for code, sub_title in subs:
            upsert(
                SubCriterion,
                {"criterion": criterion, "code": code},
                {"title": sub_title, "source_ref": seed_data.CRITERIA_REF},
            )


def _load_mobility_analysis() -> None:
    data = dict(seed_data.MOBILITY_ANALYSIS)
    analysis = upsert(
        MobilityAnalysis, {"code": data.pop("code")}, {**data, "source_ref": seed_data.TM274_REF}
    )
    if analysis is None:
        return  # deleted by a person since it was loaded
    for activity, kind, amounts in seed_data.BUDGET_LINES:
        for year, amount in amounts.items():
            upsert(
                BudgetLine,
                {"analysis": analysis, "activity": activity, "kind": kind, "year": year},
                {"amount": amount, "source_ref": seed_data.BUDGET_LINES_REF},
            )
    for activity, committee, appropriation, kind, amounts in seed_data.APPROPRIATION_LINES:
        for year, amount in amounts.items():
            upsert(
                AppropriationLine,
                {"analysis": analysis, "activity": activity, "committee": committee, "year": year},
                {
                    "appropriation": appropriation,
                    "kind": kind,
                    "amount": amount,
                    "source_ref": seed_data.APPROPRIATION_LINES_REF,
                },
            )


def _load_texts() -> None:
    for order, (figure, quote, ref) in enumerate(seed_data.CHALLENGE_FIGURES, start=1):
        upsert(ChallengeFigure, {"order": order}, {"figure": figure, "quote": quote, "source_ref": ref})
    SourcePassage.load(seed_data.PASSAGES)
