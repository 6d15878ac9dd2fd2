"""Reads: the overview with its computed totals, the assessment matrix."""

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count

from .models import Assessment, Criterion, CriterionSet, Project
from .source_texts import PLAN_NOTE


@dataclass
class Total:
    label: str
    low: Decimal = Decimal(0)
    high: Decimal = Decimal(0)
    without_estimate: list = field(default_factory=list)
    partly_estimated: list = field(default_factory=list)
    count: int = 0

    @property
    def has_any(self) -> bool:
        return self.count > len(self.without_estimate)


def overview(queryset=None):
    """The projects with their latest estimates, and low–high totals per group and overall (from parts)."""
    projects = list((queryset if queryset is not None else Project.objects.priorities()).with_overview())
    groups = {value: Total(str(label)) for value, label in Project.Group.choices}
    overall = Total("I alt")
    rows = []
    for project in projects:
        parts = project.latest_estimates()
        estimate = project.estimate_range()
        missing = [part for part, e in parts if e is None]
        rows.append({"project": project, "parts": parts, "estimate": estimate, "missing_parts": missing})
        for total in (groups.get(project.group), overall):
            if total is None:
                continue
            total.count += 1
            if estimate is None:
                total.without_estimate.append(project)
                continue
            total.low += estimate[0]
            total.high += estimate[1]
            if missing:
                total.partly_estimated.append(project)
    return {"rows": rows, "groups": list(groups.values()), "overall": overall}


def matrix(criterion_number: str | None = None, queryset=None):
    """Projects × sub-criteria of the current criterion set; each cell the assessment or None."""
    criterion_set = CriterionSet.current()
    if criterion_set is None:
        return {"criterion_set": None, "criteria": [], "columns": [], "rows": []}
    criteria = list(
        Criterion.objects.filter(criterion_set=criterion_set)
        .prefetch_related("sub_criteria")
        .order_by("number")
    )
    shown = [c for c in criteria if criterion_number in (None, "", c.number)]
    columns = [sub for c in shown for sub in c.sub_criteria.all()]
    projects = list(queryset if queryset is not None else Project.objects.all())
    cells = {
        (a.project_id, a.sub_criterion_id): a
        for a in Assessment.objects.filter(sub_criterion__in=columns, project__in=projects).select_related(
            "assessor"
        )
    }
    rows = [{"project": p, "cells": [cells.get((p.pk, sub.pk)) for sub in columns]} for p in projects]
    return {
        "criterion_set": criterion_set,
        "criteria": criteria,
        "shown": shown,
        "columns": columns,
        "rows": rows,
    }


def plan_status_summary() -> dict:
    """What the source says about Infrastrukturplan 2035 (8 of 10, not which), and what the secretariat set.

    The source states the count for the 7+3 as a whole, never per project: a project without a status set
    by the secretariat is "not stated", which is no bad news and is not counted as "not in the plan".
    """
    counts = dict(
        Project.objects.priorities()
        .values_list("plan_status")
        .annotate(n=Count("pk"))
        .values_list("plan_status", "n")
    )
    stated = [
        (label, counts[value])
        for value, label in Project.PlanStatus.choices
        if value != Project.PlanStatus.UNKNOWN and counts.get(value)
    ]
    return {
        "source_note": PLAN_NOTE,
        "stated": stated,
        "not_stated": counts.get(Project.PlanStatus.UNKNOWN, 0),
    }
