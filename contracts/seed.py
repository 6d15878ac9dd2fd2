"""Load the 2023 result contract from `seed_data` (called by `manage.py load_kkr_data`).

Idempotent: rows that exist are left as they are (the secretariat may have edited them), so a second
run creates nothing, changes nothing and writes no history.
"""

from decimal import Decimal

from django.utils import timezone

from core.models import Organisation

from .models import Contract, Goal, Target
from .seed_data import CONTRACT, COUNTERPART, GOALS

TARGET_FIELDS = (
    "text",
    "measured",
    "kind",
    "unit",
    "comparison",
    "threshold",
    "baseline_value",
    "baseline_label",
    "segments",
    "aggregation",
    "parts_rule",
    "source",
    "expected_text",
    "expected_on",
)


def _target_values(data: dict, position: int) -> dict:
    values = {name: data[name] for name in TARGET_FIELDS if name in data}
    for name in ("threshold", "baseline_value"):
        if values.get(name) is not None:
            values[name] = Decimal(str(values[name]))
    values["position"] = position
    return values


def load() -> Contract:
    counterpart = Organisation.by_name(COUNTERPART)
    contract = Contract.objects.filter(year=CONTRACT["year"]).first()
    if contract is None:
        contract = Contract.objects.create(counterpart=counterpart, **CONTRACT)
    elif contract.counterpart_id is None:
        contract.counterpart = counterpart
        contract.save(update_fields=["counterpart"])
    existing_goals = {g.number: g for g in contract.goals.all()}
    existing_targets = {(t.goal_id, t.code): t for t in Target.objects.filter(goal__contract=contract)}
    position = 0
    for goal_data in GOALS:
        goal = existing_goals.get(goal_data["number"])
        if goal is None:
            fields = {k: v for k, v in goal_data.items() if k != "targets"}
            goal = Goal.objects.create(contract=contract, **fields)
        for target_data in goal_data["targets"]:
            position += 1
            parent = existing_targets.get((goal.pk, target_data["code"]))
            if parent is None:
                parent = Target.objects.create(
                    goal=goal, code=target_data["code"], **_target_values(target_data, position)
                )
            for part_data in target_data.get("parts", []):
                position += 1
                if (goal.pk, part_data["code"]) not in existing_targets:
                    Target.objects.create(
                        goal=goal,
                        parent=parent,
                        code=part_data["code"],
                        **_target_values(part_data, position),
                    )
    # The overview reads a stored snapshot: compute today's (replaces today's rows, adds none).
    from .services import snapshot_compute

    snapshot_compute(contract_id=contract.pk, as_of=timezone.localdate())
    return contract
