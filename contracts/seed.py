"""Load the 2023 result contract from `seed_data` (called by `manage.py load_kkr_data`).

Idempotent: rows that exist are left as they are (the secretariat may have edited them), so a second
run creates nothing, changes nothing and writes no history; a row a person deleted or re-keyed is not
created again (core.sources.create_once). The one exception is an empty source
reference, which is filled in (a row loaded before references existed still comes from the source).
"""

from decimal import Decimal

from django.utils import timezone

from core.models import Organisation
from core.sources import create_once

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
    def __init__(self):
        self.position = 0

    def load(self, goal: Goal, data: dict, parent: Target | None, ref: str) -> None:
        self.position += 1
        target = create_once(
            Target,
            {"goal": goal, "code": data["code"]},
            {"parent": parent, "source_ref": ref, **_target_values(data, self.position)},
        )
        if target is None:
            return  # deleted by a person since it was loaded: it and its parts stay deleted
        _fill_source_ref(target, ref)
        for index, part in enumerate(data.get("parts", [])):
            self.load(goal, part, target, target_ref(goal.number, part["code"], ref, index))


def load() -> Contract | None:
    counterpart = Organisation.by_name(COUNTERPART)
    contract_values = {k: v for k, v in CONTRACT.items() if k != "year"}
    contract = create_once(
        Contract, {"year": CONTRACT["year"]}, {"counterpart": counterpart, **contract_values}
    )
    if contract is None:
        return None  # deleted by a person since it was loaded
    _fill_source_ref(contract, CONTRACT["source_ref"])
    if contract.counterpart_id is None:
        contract.counterpart = counterpart
        contract.save(update_fields=["counterpart"])
    for position, (heading, text, section) in enumerate(SECTIONS, start=1):
        ref = f"Erhvervshus Hovedstadens indledning til {DOCUMENT}, afsnittet «{section}»"
        loaded = create_once(
            ContractSection,
            {"contract": contract, "position": position},
            {"heading": heading, "text": text, "source_ref": ref},
        )
        if loaded is not None:
            _fill_source_ref(loaded, ref)
    targets = _TargetLoader()
    for goal_data in GOALS:
        fields = {k: v for k, v in goal_data.items() if k not in ("targets", "number")}
        goal = create_once(
            Goal,
            {"contract": contract, "number": goal_data["number"]},
            {"source_ref": goal_ref(goal_data["number"]), **fields},
        )
        if goal is None:
            continue  # deleted by a person since it was loaded
        _fill_source_ref(goal, goal_ref(goal.number))
        for target_data in goal_data["targets"]:
            targets.load(goal, target_data, None, target_ref(goal.number, target_data["code"]))
    # The overview reads a stored snapshot: compute today's (replaces today's rows, adds none).
    from .services import snapshot_compute

    snapshot_compute(contract_id=contract.pk, as_of=timezone.localdate())
    return contract
