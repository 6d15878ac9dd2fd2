"""Writes: measurements, imports, the fulfilment snapshot, copying a contract to a new year."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.db import transaction
from django.utils import timezone, translation

from core import dispatch

from . import fulfilment
from .models import Contract, FulfilmentSnapshot, Goal, GoalStatus, Measurement, Target, TargetStatus

# --- the snapshot ---------------------------------------------------------------------------------


def _spec(target: Target, year: int, parts: tuple = ()) -> fulfilment.Spec:
    return fulfilment.Spec(
        id=target.pk,
        code=target.code,
        kind=target.kind,
        unit=target.unit,
        comparison=target.comparison,
        threshold=target.threshold,
        baseline_value=target.baseline_value,
        baseline_label=target.baseline_label,
        segments=tuple(target.segments or ()),
        aggregation=target.aggregation,
        parts_rule=target.parts_rule,
        parts_rule_stated=target.parts_rule_stated_in_source,
        expected_on=target.expected_on,
        year=year,
        weight=target.weight,
        parts=parts,
    )


def spec_for(target: Target, year: int, parts_of: dict[int, list[Target]] | None = None) -> fulfilment.Spec:
    parts_of = parts_of or {}
    parts = tuple(spec_for(p, year, parts_of) for p in parts_of.get(target.pk, []))
    return _spec(target, year, parts)


def contract_specs(contract: Contract) -> tuple[list[Target], dict[int, fulfilment.Spec]]:
    targets = list(Target.objects.filter(goal__contract=contract).order_by("goal__number", "position"))
    parts_of: dict[int, list[Target]] = {}
    for target in targets:
        if target.parent_id:
            parts_of.setdefault(target.parent_id, []).append(target)
    return targets, {t.pk: spec_for(t, contract.year, parts_of) for t in targets}


def _points(contract: Contract, as_of: date) -> dict[str, list[fulfilment.Point]]:
    rows = Measurement.objects.filter(target__goal__contract=contract, measured_on__lte=as_of).values_list(
        "id",
        "target__code",
        "measured_on",
        "value",
        "control_value",
        "segment",
        "municipality_id",
        "is_baseline",
        "milestone_status",
    )
    points: dict[str, list[fulfilment.Point]] = {}
    for pk, code, measured_on, value, control, segment, municipality_id, baseline, milestone in rows:
        points.setdefault(code, []).append(
            fulfilment.Point(
                id=pk,
                measured_on=measured_on,
                value=value,
                control_value=control,
                segment=segment,
                municipality_id=municipality_id,
                is_baseline=baseline,
                milestone_status=milestone,
            )
        )
    return points


def snapshot_compute(*, contract_id: int, as_of: date | None = None) -> FulfilmentSnapshot:
    """Compute and store every target's and goal's status for the contract on a date.

    Idempotent: a second run for the same contract and date replaces that snapshot's rows.
    """
    # The explanations are stored Danish sentences: their figures and dates are Danish too, whatever
    # language the request or worker that triggers the run has active.
    with translation.override("da"):
        return _snapshot_compute(contract_id=contract_id, as_of=as_of)


def _snapshot_compute(*, contract_id: int, as_of: date | None) -> FulfilmentSnapshot:
    as_of = as_of or timezone.localdate()
    contract = Contract.objects.get(pk=contract_id)
    targets, specs = contract_specs(contract)
    points = _points(contract, as_of)
    results = {t.pk: fulfilment.evaluate(specs[t.pk], points, as_of) for t in targets}
    goals = list(Goal.objects.filter(contract=contract).order_by("number"))
    goal_results = {}
    for goal in goals:
        top = [t for t in targets if t.goal_id == goal.pk and not t.parent_id]
        mine = [t for t in targets if t.goal_id == goal.pk]
        rolled = fulfilment.roll_up(
            contract.rollup_rule,
            [(t.weight, results[t.pk]) for t in top],
            contract.rollup_share,
            stated=contract.rollup_rule_stated_in_source,
        )
        latest = max(
            (results[t.pk].latest_data_on for t in mine if results[t.pk].latest_data_on), default=None
        )
        goal_results[goal.pk] = (rolled, latest)
    overall = fulfilment.roll_up("all", [(g.weight, _as_result(goal_results[g.pk][0])) for g in goals])
    used = sorted({i for r in results.values() for i in r.measurement_ids})
    with transaction.atomic():
        snapshot, _ = FulfilmentSnapshot.objects.update_or_create(
            contract=contract,
            as_of=as_of,
            defaults={
                "computed_at": timezone.now(),
                "measurement_ids": used,
                "status": overall.status,
                "progress": overall.progress,
                "goals_met": overall.targets_met,
            },
        )
        snapshot.goal_statuses.all().delete()
        snapshot.target_statuses.all().delete()
        GoalStatus.objects.bulk_create(
            GoalStatus(
                snapshot=snapshot,
                goal=goal,
                status=goal_results[goal.pk][0].status,
                progress=goal_results[goal.pk][0].progress,
                targets_met=goal_results[goal.pk][0].targets_met,
                targets_total=goal_results[goal.pk][0].targets_total,
                latest_data_on=goal_results[goal.pk][1],
                explanation=goal_results[goal.pk][0].explanation,
            )
            for goal in goals
        )
        TargetStatus.objects.bulk_create(
            TargetStatus(
                snapshot=snapshot,
                target=target,
                status=results[target.pk].status,
                progress=results[target.pk].progress,
                value=_clip(results[target.pk].value),
                latest_data_on=results[target.pk].latest_data_on,
                explanation=results[target.pk].explanation,
                measurement_ids=results[target.pk].measurement_ids,
            )
            for target in targets
        )
    return snapshot


def _clip(value: Decimal | None) -> Decimal | None:
    return None if value is None else value.quantize(Decimal("0.01"))


def _as_result(goal_result: fulfilment.GoalResult) -> fulfilment.Result:
    return fulfilment.Result(goal_result.status, goal_result.progress, goal_result.explanation)


def snapshot_queue(contract_id: int) -> None:
    """After the surrounding transaction commits, recompute today's snapshot in the worker."""
    from .tasks import compute_snapshot

    dispatch.enqueue_on_commit(compute_snapshot, contract_id)


def snapshot_waiting_for_broker(contract_id: int) -> bool:
    """Is a recomputation queued but not yet taken by the broker (the broker was down)?"""
    from .tasks import compute_snapshot

    return dispatch.is_pending(compute_snapshot, contract_id)


# --- measurements ---------------------------------------------------------------------------------


def measurement_create(*, target: Target, by, **fields) -> Measurement:
    with transaction.atomic():
        measurement = Measurement(target=target, entered_by=by, **fields)
        measurement.full_clean()
        measurement.save()
        snapshot_queue(target.goal.contract_id)
    return measurement


def measurements_import(*, rows: list[dict], by) -> list[Measurement]:
    """All or nothing: every row is saved, or (on any error) none."""
    contract_ids = set()
    with transaction.atomic():
        created = []
        for row in rows:
            measurement = Measurement(entered_by=by, **row)
            measurement.save()
            created.append(measurement)
            contract_ids.add(row["target"].goal.contract_id)
        for contract_id in sorted(contract_ids):
            snapshot_queue(contract_id)
    return created


# --- next year's contract -------------------------------------------------------------------------


def contract_copy(*, contract: Contract, year: int, by=None) -> Contract:
    """A new draft contract for `year` with the same goals and targets (no measurements, no dates)."""
    with transaction.atomic():
        new = Contract.objects.create(
            year=year,
            title=contract.title.replace(str(contract.year), str(year)),
            parties=contract.parties,
            counterpart=contract.counterpart,
            legal_basis=contract.legal_basis,
            responsibility=contract.responsibility,
            status=Contract.Status.DRAFT,
            adopted_on=None,
            rollup_rule=contract.rollup_rule,
            rollup_share=contract.rollup_share,
            rollup_rule_stated_in_source=contract.rollup_rule_stated_in_source,
        )
        goal_map = {}
        for goal in contract.goals.all():
            goal_map[goal.pk] = Goal.objects.create(
                contract=new,
                number=goal.number,
                title=goal.title,
                scope=goal.scope,
                rationale=goal.rationale,
                method=goal.method,
                reporting=goal.reporting,
                weight=goal.weight,
            )
        targets = list(Target.objects.filter(goal__contract=contract).order_by("parent_id", "position"))
        target_map: dict[int, Target] = {}
        # A copy is the secretariat's draft, not the source: it carries no source reference.
        skip = {"id", "goal", "parent", "expected_on", "source_ref"}
        for target in sorted(targets, key=lambda t: (t.parent_id is not None, t.position)):
            values = {
                f.name: getattr(target, f.name) for f in Target._meta.concrete_fields if f.name not in skip
            }
            target_map[target.pk] = Target.objects.create(
                goal=goal_map[target.goal_id],
                parent=target_map.get(target.parent_id),
                # A date tied to the old year would be wrong for the new one: to be set when editing.
                expected_on=None,
                **values,
            )
        snapshot_queue(new.pk)
    return new
