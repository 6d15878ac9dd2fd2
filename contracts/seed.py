"""Load the 2023 result contract from `seed_data` (called by `manage.py load_kkr_data`).

Idempotent: rows that exist are left as they are (the secretariat may have edited them), so a second
run creates nothing, changes nothing and writes no history. The one exception is an empty source
reference, which is filled in (a row loaded before references existed still comes from the source).
"""

from decimal import Decimal

from django.utils import timezone

from core.models import Organisation

from .models import Contract, ContractSection, Goal, Target
from .seed_data import CONTRACT, COUNTERPART, DOCUMENT, GOALS, SECTIONS

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
    "parts_rule_stated_in_source",
    "source",
    "expected_text",
    "expected_on",
    "portal_note",
)

ORDINALS = ("første", "andet", "tredje", "fjerde", "femte", "sjette")


def goal_ref(number: int) -> str:
    return f"{DOCUMENT}, mål {number}"


def target_ref(goal_number: int, code: str, parent_ref: str = "", index: int = 0) -> str:
    """The place in the source: "mål 2, punkt 1)"; a part by its letter or as the n-th item under its target."""
    if not parent_ref:
        return f"{goal_ref(goal_number)}, punkt {code.split('.')[1]})"
    if code[-1].isalpha():
        return f"{parent_ref} {code[-1]})"
    return f"{parent_ref}, {ORDINALS[index]} punkt"


def _target_values(data: dict, position: int) -> dict:
    values = {name: data[name] for name in TARGET_FIELDS if name in data}
    for name in ("threshold", "baseline_value"):
        if values.get(name) is not None:
            values[name] = Decimal(str(values[name]))
    values["position"] = position
    return values


def _fill_source_ref(obj, ref: str) -> None:
    if not obj.source_ref:
        obj.source_ref = ref
        obj.save(update_fields=["source_ref"])


class _TargetLoader:
    def __init__(self, contract: Contract):
        self.existing = {(t.goal_id, t.code): t for t in Target.objects.filter(goal__contract=contract)}
        self.position = 0

    def load(self, goal: Goal, data: dict, parent: Target | None, ref: str) -> None:
        self.position += 1
        target = self.existing.get((goal.pk, data["code"]))
        if target is None:
            target = Target.objects.create(
                goal=goal,
                parent=parent,
                code=data["code"],
                source_ref=ref,
                **_target_values(data, self.position),
            )
        else:
            _fill_source_ref(target, ref)
        for index, part in enumerate(data.get("parts", [])):
            self.load(goal, part, target, target_ref(goal.number, part["code"], ref, index))


def load() -> Contract:
    counterpart = Organisation.by_name(COUNTERPART)
    contract = Contract.objects.filter(year=CONTRACT["year"]).first()
    if contract is None:
        contract = Contract.objects.create(counterpart=counterpart, **CONTRACT)
    else:
        _fill_source_ref(contract, CONTRACT["source_ref"])
        if contract.counterpart_id is None:
            contract.counterpart = counterpart
            contract.save(update_fields=["counterpart"])
    sections = {s.position: s for s in contract.sections.all()}
    for position, (heading, text, section) in enumerate(SECTIONS, start=1):
        ref = f"Erhvervshus Hovedstadens indledning til {DOCUMENT}, afsnittet «{section}»"
        if position in sections:
            _fill_source_ref(sections[position], ref)
        else:
            ContractSection.objects.create(
                contract=contract, position=position, heading=heading, text=text, source_ref=ref
            )
    existing_goals = {g.number: g for g in contract.goals.all()}
    targets = _TargetLoader(contract)
    for goal_data in GOALS:
        goal = existing_goals.get(goal_data["number"])
        if goal is None:
            fields = {k: v for k, v in goal_data.items() if k != "targets"}
            goal = Goal.objects.create(contract=contract, source_ref=goal_ref(goal_data["number"]), **fields)
        else:
            _fill_source_ref(goal, goal_ref(goal.number))
        for target_data in goal_data["targets"]:
            targets.load(goal, target_data, None, target_ref(goal.number, target_data["code"]))
    # The overview reads a stored snapshot: compute today's (replaces today's rows, adds none).
    from .services import snapshot_compute

    snapshot_compute(contract_id=contract.pk, as_of=timezone.localdate())
    return contract
