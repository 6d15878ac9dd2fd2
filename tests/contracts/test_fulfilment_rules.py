"""The fulfilment rules one by one, as pure functions (no database)."""

from datetime import date
from decimal import Decimal as D

from contracts import fulfilment as f
from contracts.fulfilment import Point, Spec

MID_YEAR = date(2023, 7, 2)
AFTER = date(2024, 3, 1)


def level(**kw):
    return Spec(code="x", kind="level", unit="percent", threshold=D(80), **kw)


def test_a_level_exactly_at_the_threshold_is_met():
    result = f.evaluate(level(), {"x": [Point(date(2023, 12, 1), D(80), id=1)]}, AFTER)
    assert result.status == f.MET and result.progress == 100
    assert result.measurement_ids == [1]
    assert "80 %" in result.explanation


def test_a_level_just_below_the_threshold_after_the_period_is_not_met():
    result = f.evaluate(level(), {"x": [Point(date(2023, 12, 1), D("79.9"))]}, AFTER)
    assert result.status == f.NOT_MET
    assert result.progress == D("99.9")


def test_a_level_just_below_during_the_period_is_on_track_or_at_risk_by_pace():
    assert f.evaluate(level(), {"x": [Point(date(2023, 6, 1), D("79.9"))]}, MID_YEAR).status == f.ON_TRACK
    assert f.evaluate(level(), {"x": [Point(date(2023, 6, 1), D(20))]}, MID_YEAR).status == f.AT_RISK


def test_an_at_most_level_is_met_at_or_below_the_threshold():
    spec = Spec(code="x", kind="level", unit="count", comparison="at_most", threshold=D(10))
    assert f.evaluate(spec, {"x": [Point(date(2023, 5, 1), D(10))]}, AFTER).status == f.MET
    assert f.evaluate(spec, {"x": [Point(date(2023, 5, 1), D("10.5"))]}, AFTER).status == f.NOT_MET


def test_an_nps_level_handles_negative_scores():
    spec = Spec(code="x", kind="level", unit="nps", threshold=D(70))
    result = f.evaluate(spec, {"x": [Point(date(2023, 5, 1), D(-20))]}, AFTER)
    assert result.status == f.NOT_MET and result.progress == 0


def test_progress_runs_from_the_baseline_to_the_target():
    spec = Spec(code="x", kind="level", unit="percent", threshold=D(50), baseline_value=D(33))
    result = f.evaluate(spec, {"x": [Point(date(2023, 6, 1), D("41.5"))]}, MID_YEAR)
    assert result.progress == D("50.0")


def test_a_sum_target_adds_the_years_measurements_only():
    spec = Spec(code="x", kind="level", unit="count", threshold=D(30), aggregation="sum")
    points = [
        Point(date(2022, 12, 1), D(100)),
        Point(date(2023, 1, 31), D(10)),
        Point(date(2023, 2, 28), D(20)),
    ]
    result = f.evaluate(spec, {"x": points}, AFTER)
    assert result.value == 30 and result.status == f.MET


def test_measurements_after_the_snapshot_date_are_ignored():
    result = f.evaluate(level(), {"x": [Point(date(2023, 12, 1), D(90))]}, date(2023, 11, 30))
    assert result.status == f.AWAITING


def test_no_data_before_the_expected_date_is_awaiting_data():
    spec = level(expected_on=date(2024, 1, 31))
    result = f.evaluate(spec, {}, date(2024, 1, 31))
    assert result.status == f.AWAITING
    # Seed lines 411, 516 and 545-546 give a month ("spørgeskema i januar 2024"), not a day: the old "31. januar 2024"
    # stated a date the source does not.
    assert "data ventes i januar 2024" in result.explanation and "31." not in result.explanation


def test_data_due_in_a_month_are_awaited_until_that_month_has_passed():
    spec = level(expected_on=date(2024, 1, 1))  # the month January 2024
    assert f.evaluate(spec, {}, date(2024, 1, 20)).status == f.AWAITING
    assert f.evaluate(spec, {}, date(2024, 1, 31)).status == f.AWAITING
    overdue = f.evaluate(spec, {}, date(2024, 2, 1))
    assert overdue.status == f.OVERDUE and "data var ventet i januar 2024" in overdue.explanation


def test_an_estimate_is_shown_beside_what_was_registered_and_never_judged():
    spec = Spec(code="e", kind="estimate", unit="count", threshold=D(1500), aggregation="sum")
    points = [Point(date(2023, m, 28), D(200)) for m in range(1, 10)]
    result = f.evaluate(spec, {"e": points}, AFTER)
    assert result.status == f.ESTIMATE and result.progress is None and result.value == 1800
    assert "Kilden anslår ca. 1.500" in result.explanation and "opfyldt" not in result.explanation
    assert f.evaluate(spec, {}, AFTER).status == f.ESTIMATE
    assert f.combine([f.MET, f.ESTIMATE]) == f.MET


def test_a_parts_rule_the_contract_does_not_state_is_called_the_portals_assumption():
    parts = tuple(Spec(code=c, kind="level", unit="percent", threshold=D(80)) for c in ("p1", "p2"))
    stated = Spec(code="t", kind="parts", parts_rule="all", parts=parts)
    assumed = Spec(code="t", kind="parts", parts_rule="all", parts=parts, parts_rule_stated=False)
    assert "portalens antagelse" not in f.evaluate(stated, {}, AFTER).explanation
    assert "portalens antagelse" in f.evaluate(assumed, {}, AFTER).explanation
    assert "portalens antagelse" in f.describe(assumed)
    rolled = f.roll_up("all", [(D(1), f.Result(f.MET, D(100), ""))], stated=False)
    assert "portalens antagelse" in rolled.explanation


def test_no_data_after_the_expected_date_is_overdue():
    spec = level(expected_on=date(2024, 1, 31))
    assert f.evaluate(spec, {}, date(2024, 2, 1)).status == f.OVERDUE


def test_no_data_and_no_date_in_the_contract_stays_awaiting_data():
    assert f.evaluate(level(), {}, date(2030, 1, 1)).status == f.AWAITING


def change(threshold, comparison="at_least", baseline=None):
    return Spec(
        code="c",
        kind="change",
        unit="percent",
        threshold=D(threshold),
        comparison=comparison,
        baseline_value=baseline,
        baseline_label="2021",
        expected_on=date(2024, 1, 31),
    )


def test_a_decrease_of_exactly_2_5_points_is_met():
    spec = change("-2.5", "at_most", D(40))
    result = f.evaluate(spec, {"c": [Point(date(2024, 1, 15), D("37.5"))]}, AFTER)
    assert result.status == f.MET and result.value == D("-2.5")
    assert "−2,5 procentpoint" in result.explanation


def test_a_decrease_of_2_4_points_is_not_met():
    spec = change("-2.5", "at_most", D(40))
    result = f.evaluate(spec, {"c": [Point(date(2024, 1, 15), D("37.6"))]}, AFTER)
    assert result.status == f.NOT_MET
    assert result.progress == D("96.0")


def test_an_increase_where_a_decrease_is_wanted_has_no_progress():
    spec = change("-2.5", "at_most", D(40))
    result = f.evaluate(spec, {"c": [Point(date(2024, 1, 15), D(41))]}, AFTER)
    assert result.status == f.NOT_MET and result.progress == 0


def test_a_change_takes_its_baseline_from_a_baseline_measurement_when_the_seed_gives_none():
    spec = change("5")
    points = [Point(date(2021, 6, 1), D(20), is_baseline=True, id=7), Point(date(2023, 12, 1), D(25), id=8)]
    result = f.evaluate(spec, {"c": points}, AFTER)
    assert result.status == f.MET and result.measurement_ids == [7, 8]


def test_a_change_without_any_baseline_says_the_baseline_is_missing():
    result = f.evaluate(change("5"), {"c": [Point(date(2023, 12, 1), D(25))]}, AFTER)
    assert result.status == f.AWAITING
    assert "baseline (2021) mangler" in result.explanation


def control(threshold, comparison="at_least"):
    return Spec(code="k", kind="control", unit="percent", threshold=D(threshold), comparison=comparison)


def test_a_control_group_difference_exactly_at_the_threshold_is_met():
    result = f.evaluate(control(10), {"k": [Point(date(2023, 12, 31), D(25), control_value=D(15))]}, AFTER)
    assert result.status == f.MET and result.value == 10


def test_a_control_group_difference_just_below_is_not_met():
    result = f.evaluate(
        control(10), {"k": [Point(date(2023, 12, 31), D("24.9"), control_value=D(15))]}, AFTER
    )
    assert result.status == f.NOT_MET


def test_more_than_the_control_group_needs_a_positive_difference():
    spec = control(0, "more_than")
    assert (
        f.evaluate(spec, {"k": [Point(date(2023, 6, 1), D(5), control_value=D(5))]}, AFTER).status
        == f.NOT_MET
    )
    assert (
        f.evaluate(spec, {"k": [Point(date(2023, 6, 1), D("5.1"), control_value=D(5))]}, AFTER).status
        == f.MET
    )


def segment_spec():
    return Spec(code="s", kind="segment", unit="percent", threshold=D(80), segments=("drift", "vaekst"))


def test_a_segment_target_is_met_only_when_every_segment_meets_it():
    points = [
        Point(date(2023, 12, 1), D(80), segment="drift"),
        Point(date(2023, 12, 1), D(85), segment="vaekst"),
    ]
    assert f.evaluate(segment_spec(), {"s": points}, AFTER).status == f.MET


def test_one_segment_failing_fails_the_target():
    points = [
        Point(date(2023, 12, 1), D(95), segment="drift"),
        Point(date(2023, 12, 1), D("79.9"), segment="vaekst"),
    ]
    result = f.evaluate(segment_spec(), {"s": points}, AFTER)
    assert result.status == f.NOT_MET
    assert result.progress == D("99.9")
    assert "vækstsegmentet: 79,9 % (ikke opfyldt)" in result.explanation


def test_a_segment_without_data_keeps_the_target_awaiting_data():
    points = [Point(date(2023, 12, 1), D(95), segment="drift")]
    result = f.evaluate(segment_spec(), {"s": points}, MID_YEAR.replace(month=12, day=31))
    assert result.status == f.AWAITING


def milestone():
    return Spec(code="m", kind="milestone")


def test_a_milestone_done_is_met():
    result = f.evaluate(milestone(), {"m": [Point(date(2023, 5, 1), milestone_status="done")]}, MID_YEAR)
    assert result.status == f.MET and result.progress == 100


def test_a_milestone_in_progress_is_on_track_until_the_period_ends_then_not_met():
    points = {"m": [Point(date(2023, 5, 1), milestone_status="in_progress")]}
    assert f.evaluate(milestone(), points, MID_YEAR).status == f.ON_TRACK
    assert f.evaluate(milestone(), points, AFTER).status == f.NOT_MET


def test_a_delayed_milestone_is_at_risk():
    points = {"m": [Point(date(2023, 5, 1), milestone_status="delayed")]}
    assert f.evaluate(milestone(), points, MID_YEAR).status == f.AT_RISK


def test_a_milestone_without_a_status_report_awaits_data():
    assert f.evaluate(milestone(), {}, MID_YEAR).status == f.AWAITING


def parts_all():
    return Spec(
        code="p",
        kind="parts",
        parts_rule="all",
        parts=(Spec(code="p1", kind="level", unit="count", threshold=D(50), aggregation="sum"), milestone()),
    )


def test_a_target_with_parts_is_met_when_every_part_is_met():
    points = {"p1": [Point(date(2023, 3, 1), D(50))], "m": [Point(date(2023, 3, 1), milestone_status="done")]}
    assert f.evaluate(parts_all(), points, MID_YEAR).status == f.MET


def test_a_target_with_one_part_short_takes_the_worst_status_and_averages_progress():
    points = {"p1": [Point(date(2023, 3, 1), D(25))], "m": [Point(date(2023, 3, 1), milestone_status="done")]}
    result = f.evaluate(parts_all(), points, AFTER)
    assert result.status == f.NOT_MET
    assert result.progress == D("75.0")


def test_a_sum_of_parts_target_compares_the_total():
    spec = Spec(
        code="t",
        kind="parts",
        parts_rule="sum",
        unit="count",
        threshold=D(4000),
        parts=tuple(
            Spec(code=c, kind="level", unit="count", threshold=D(t), aggregation="sum")
            for c, t in (("a", 1500), ("b", 1250), ("c", 1250))
        ),
    )
    points = {
        "a": [Point(date(2023, 12, 1), D(2000))],
        "b": [Point(date(2023, 12, 1), D(1000))],
        "c": [Point(date(2023, 12, 1), D(1000))],
    }
    result = f.evaluate(spec, points, AFTER)
    assert result.status == f.MET and result.value == 4000
    points["c"] = [Point(date(2023, 12, 1), D(999))]
    assert f.evaluate(spec, points, AFTER).status == f.NOT_MET


def r(status, progress=None):
    return f.Result(status, None if progress is None else D(progress), "")


def test_goal_roll_up_all_needs_every_target():
    assert f.roll_up("all", [(D(1), r(f.MET, 100)), (D(1), r(f.MET, 100))]).status == f.MET
    rolled = f.roll_up("all", [(D(1), r(f.MET, 100)), (D(1), r(f.AT_RISK, 50))])
    assert rolled.status == f.AT_RISK and rolled.progress == 75 and rolled.targets_met == 1


def test_goal_roll_up_share_needs_the_stated_share():
    results = [(D(1), r(f.MET, 100))] * 3 + [(D(1), r(f.NOT_MET, 0))]
    assert f.roll_up("share", results, D(75)).status == f.MET
    assert f.roll_up("share", results, D(80)).status == f.NOT_MET


def test_goal_roll_up_weighted_counts_weights():
    results = [(D(3), r(f.MET, 100)), (D(1), r(f.AWAITING))]
    rolled = f.roll_up("weighted", results, D(75))
    assert rolled.status == f.MET and rolled.progress == 75


def test_every_kind_is_explained_in_danish():
    for spec in (level(), change("-2.5", "at_most"), control(10), segment_spec(), milestone(), parts_all()):
        text = f.describe(spec)
        assert "opfyldt" in text or "afventer" in text
    assert "−2,5 procentpoint" in f.describe(change("-2.5", "at_most"))
