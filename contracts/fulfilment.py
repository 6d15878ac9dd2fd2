"""The fulfilment rules, as pure functions: no database, no clock. The snapshot task feeds them rows.

Every target kind has one rule. Each returns a `Result` with a status, a progress (0–100 % from the
baseline, or zero, to the target) and a Danish sentence saying how the figure came about (its figures and
dates in the active language's format: the snapshot, which stores the sentences, computes in Danish). `describe()`
says in words, for the target page, how a target of that kind is computed ("hvordan beregnes det?").

Statuses: met (opfyldt), on track (på vej), at risk (i risiko), not met (ikke opfyldt), awaiting data
(afventer data: no value yet, and the date data is expected has not passed or the seed gives none),
overdue (data udeblevet: the month data are expected in has passed without data), and for an estimate
the source gives ("anslået ca. 1500 stk.") estimate (skøn, vurderes ikke): the figure is shown beside the
estimate and never judged met or not met.

The due date of data is a month, as the source gives it ("spørgeskema i januar 2024"): data are awaited
until that month has passed.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from core.formatting import number

MET = "met"
ON_TRACK = "on_track"
AT_RISK = "at_risk"
NOT_MET = "not_met"
AWAITING = "awaiting"
OVERDUE = "overdue"
ESTIMATE = "estimate"

# Worst first: a combination of statuses takes the first one present (unless all are met).
SEVERITY = (NOT_MET, OVERDUE, AT_RISK, AWAITING, ON_TRACK, MET)

STATUS_WORDS = {
    MET: "opfyldt",
    ON_TRACK: "på vej",
    AT_RISK: "i risiko",
    NOT_MET: "ikke opfyldt",
    AWAITING: "afventer data",
    OVERDUE: "data udeblevet",
    ESTIMATE: "skøn, vurderes ikke",
}


def month_end(value: date) -> date:
    return date(value.year, value.month, calendar.monthrange(value.year, value.month)[1])


def danish_month(value: date | None) -> str:
    """A due month as the source states it: "januar 2024" (in the active language: "January 2024")."""
    return "–" if value is None else date_format(value, "F Y")


@dataclass(frozen=True)
class Spec:
    """What a rule needs to know about a target (built from a Target row, or by hand in tests)."""

    code: str
    kind: str
    unit: str = ""
    comparison: str = "at_least"
    threshold: Decimal | None = None
    baseline_value: Decimal | None = None
    baseline_label: str = ""
    segments: tuple[str, ...] = ()
    aggregation: str = "latest"
    parts_rule: str = ""
    parts_rule_stated: bool = True
    expected_on: date | None = None
    year: int = 2023
    weight: Decimal = Decimal(1)
    parts: tuple[Spec, ...] = ()
    id: int | None = None

    @property
    def period_start(self) -> date:
        return date(self.year, 1, 1)

    @property
    def period_end(self) -> date:
        """Until this date a shortfall is a risk, after it a failure: the end of the due month or year end."""
        return month_end(self.expected_on) if self.expected_on else date(self.year, 12, 31)


@dataclass(frozen=True)
class Point:
    """One measurement as the rules see it."""

    measured_on: date
    value: Decimal | None = None
    control_value: Decimal | None = None
    segment: str = ""
    municipality_id: int | None = None
    is_baseline: bool = False
    milestone_status: str = ""
    id: int | None = None


@dataclass
class Result:
    status: str
    progress: Decimal | None
    explanation: str
    value: Decimal | None = None
    measurement_ids: list[int] = field(default_factory=list)
    latest_data_on: date | None = None


def _d(value) -> Decimal | None:
    return None if value is None else Decimal(str(value))


def fmt(value, unit: str = "") -> str:
    if value is None:
        return "–"
    value = Decimal(value)
    decimals = 0 if value == value.to_integral_value() else 1
    text = number(value, decimals)
    return {"percent": f"{text} %", "pp": f"{text} procentpoint", "nps": f"NPS {text}"}.get(unit, text)


def value_unit(unit: str) -> str:
    """The unit a measurement is entered in: a target in percentage points measures shares in per cent."""
    return "percent" if unit == "pp" else unit


def fmt_pp(value) -> str:
    value = Decimal(value)
    decimals = 0 if value == value.to_integral_value() else 1
    sign = "+" if value > 0 else ("−" if value < 0 else "")
    return f"{sign}{number(abs(value), decimals)} procentpoint"


def compare(value: Decimal, threshold: Decimal, comparison: str) -> bool:
    if comparison == "at_most":
        return value <= threshold
    if comparison == "more_than":
        return value > threshold
    return value >= threshold


def progress_toward(value: Decimal, start: Decimal, threshold: Decimal, meets: bool) -> Decimal:
    """How far from start to threshold the value has come, 0–100 %."""
    if meets:
        return Decimal(100)
    if threshold == start:
        return Decimal(0)
    share = (value - start) / (threshold - start) * 100
    return max(Decimal(0), min(Decimal(100), share)).quantize(Decimal("0.1"))


def expected_pace(spec: Spec, as_of: date) -> Decimal:
    """The share of the period (1 January of the contract year to its end) that has passed, in %."""
    total = (spec.period_end - spec.period_start).days or 1
    passed = min(max((as_of - spec.period_start).days, 0), total)
    return Decimal(passed * 100) / Decimal(total)


def judge(spec: Spec, meets: bool, progress: Decimal | None, as_of: date) -> str:
    if meets:
        return MET
    if as_of > spec.period_end:
        return NOT_MET
    if progress is not None and progress >= expected_pace(spec, as_of):
        return ON_TRACK
    return AT_RISK


def no_data(spec: Spec, as_of: date, what: str = "ingen målinger") -> Result:
    if spec.expected_on and as_of > month_end(spec.expected_on):
        return Result(
            OVERDUE, None, f"{what.capitalize()}, og data var ventet i {danish_month(spec.expected_on)}."
        )
    if spec.expected_on:
        return Result(
            AWAITING, None, f"{what.capitalize()} endnu; data ventes i {danish_month(spec.expected_on)}."
        )
    return Result(AWAITING, None, f"{what.capitalize()} endnu; kontrakten angiver ingen dato for data.")


def _in_period(spec: Spec, points, as_of: date) -> list[Point]:
    return sorted(
        (p for p in points if not p.is_baseline and spec.period_start <= p.measured_on <= as_of),
        key=lambda p: (p.measured_on, p.id or 0),
    )


def current_value(spec: Spec, points, as_of: date) -> tuple[Decimal | None, list[Point]]:
    """The value the rule compares: the latest measurement, or the sum of the year's measurements."""
    valued = [p for p in _in_period(spec, points, as_of) if p.value is not None]
    if not valued:
        return None, []
    if spec.aggregation == "sum":
        return sum((p.value for p in valued), Decimal(0)), valued
    latest = valued[-1].measured_on
    # Several rows on the latest date (e.g. one per municipality) add up to that date's figure.
    used = [p for p in valued if p.measured_on == latest]
    if len(used) > 1 and any(p.municipality_id for p in used):
        return sum((p.value for p in used), Decimal(0)), used
    return used[-1].value, [used[-1]]


def _result(status, progress, explanation, value, used: list[Point]) -> Result:
    return Result(
        status,
        progress,
        explanation,
        value,
        sorted({p.id for p in used if p.id is not None}),
        max((p.measured_on for p in used), default=None),
    )


# --- the rules ------------------------------------------------------------------------------------


def rule_level(spec: Spec, points, as_of: date) -> Result:
    value, used = current_value(spec, points, as_of)
    if value is None:
        return no_data(spec, as_of)
    threshold = _d(spec.threshold)
    meets = compare(value, threshold, spec.comparison)
    start = _d(spec.baseline_value) if spec.baseline_value is not None else Decimal(0)
    if spec.comparison == "at_most" and spec.baseline_value is None:
        progress = Decimal(100) if meets else None
    else:
        progress = progress_toward(value, start, threshold, meets)
    status = judge(spec, meets, progress, as_of)
    how = "summen af årets målinger" if spec.aggregation == "sum" else "seneste måling"
    word = {"at_most": "højst", "more_than": "mere end"}.get(spec.comparison, "mindst")
    explanation = (
        f"Værdi {fmt(value, spec.unit)} ({how}) mod målet {word} {fmt(threshold, spec.unit)}: "
        f"{STATUS_WORDS[status]}."
    )
    return _result(status, progress, explanation, value, used)


def rule_change(spec: Spec, points, as_of: date) -> Result:
    value, used = current_value(spec, points, as_of)
    baseline = _d(spec.baseline_value)
    baseline_points = sorted(
        (p for p in points if p.is_baseline and p.value is not None), key=lambda p: (p.measured_on, p.id or 0)
    )
    if baseline is None and baseline_points:
        baseline = baseline_points[-1].value
        used = [*used, baseline_points[-1]]
    if value is None:
        return no_data(spec, as_of)
    if baseline is None:
        label = f" ({spec.baseline_label})" if spec.baseline_label else ""
        return _result(
            AWAITING,
            None,
            f"Der er en måling på {fmt(value, value_unit(spec.unit))}, men baseline{label} mangler, så ændringen "
            "kan ikke "
            "beregnes.",
            value,
            used,
        )
    change = value - baseline
    threshold = _d(spec.threshold)
    meets = compare(change, threshold, spec.comparison)
    progress = progress_toward(change, Decimal(0), threshold, meets)
    status = judge(spec, meets, progress, as_of)
    explanation = (
        f"Seneste måling {fmt(value, value_unit(spec.unit))} mod baseline {fmt(baseline, value_unit(spec.unit))} "
        "giver en ændring på "
        f"{fmt_pp(change)}; målet er {fmt_pp(threshold)}: {STATUS_WORDS[status]}."
    )
    return _result(status, progress, explanation, change, used)


def rule_control(spec: Spec, points, as_of: date) -> Result:
    candidates = [p for p in points if p.control_value is not None]
    valued = [p for p in _in_period(spec, candidates, as_of) if p.value is not None]
    if not valued:
        return no_data(spec, as_of, "ingen målinger mod kontrolgruppen")
    point = valued[-1]
    difference = point.value - point.control_value
    threshold = _d(spec.threshold)
    meets = compare(difference, threshold, spec.comparison)
    progress = (
        progress_toward(difference, Decimal(0), threshold, meets)
        if threshold != 0
        else (Decimal(100) if meets else Decimal(0))
    )
    status = judge(spec, meets, progress, as_of)
    word = "mere end" if spec.comparison == "more_than" else "mindst"
    explanation = (
        f"De vejledte virksomheder {fmt(point.value, value_unit(spec.unit))} mod kontrolgruppen "
        f"{fmt(point.control_value, value_unit(spec.unit))}: forskel {fmt_pp(difference)}; målet er {word} "
        f"{fmt_pp(threshold)}: {STATUS_WORDS[status]}."
    )
    return _result(status, progress, explanation, difference, [point])


def rule_estimate(spec: Spec, points, as_of: date) -> Result:
    """The source's estimate beside what was registered; an estimate is not a target, so nothing is judged."""
    value, used = current_value(spec, points, as_of)
    estimate = (
        f"Kilden anslår ca. {fmt(spec.threshold, spec.unit)}; et skøn er ikke et mål, så det vurderes ikke."
    )
    if value is None:
        return Result(ESTIMATE, None, f"Ingen målinger endnu. {estimate}")
    how = "summen af årets målinger" if spec.aggregation == "sum" else "seneste måling"
    return _result(ESTIMATE, None, f"Registreret {fmt(value, spec.unit)} ({how}). {estimate}", value, used)


SEGMENT_WORDS = {"drift": "driftssegmentet", "vaekst": "vækstsegmentet"}


def rule_segment(spec: Spec, points, as_of: date) -> Result:
    results = []
    sentences = []
    for segment in spec.segments:
        segment_points = [p for p in points if p.segment == segment]
        result = rule_level(spec, segment_points, as_of)
        results.append(result)
        name = SEGMENT_WORDS.get(segment, segment)
        if result.value is None:
            sentences.append(f"{name}: {STATUS_WORDS[result.status]}")
        else:
            sentences.append(f"{name}: {fmt(result.value, spec.unit)} ({STATUS_WORDS[result.status]})")
    status = combine([r.status for r in results])
    progresses = [r.progress for r in results]
    progress = None if any(p is None for p in progresses) else min(progresses, default=None)
    explanation = (
        f"Målet skal nås i hvert segment ({fmt(spec.threshold, spec.unit)}): "
        + "; ".join(sentences)
        + f". Samlet: {STATUS_WORDS[status]}."
    )
    ids = sorted({i for r in results for i in r.measurement_ids})
    latest = max((r.latest_data_on for r in results if r.latest_data_on), default=None)
    return Result(status, progress, explanation, None, ids, latest)


MILESTONE_WORDS = {
    "not_started": "ikke påbegyndt",
    "in_progress": "i gang",
    "delayed": "forsinket",
    "done": "gennemført",
}


def rule_milestone(spec: Spec, points, as_of: date) -> Result:
    reported = [p for p in _in_period(spec, points, as_of) if p.milestone_status]
    if not reported:
        return no_data(spec, as_of, "ingen statusmelding")
    point = reported[-1]
    state = point.milestone_status
    if state == "done":
        status, progress = MET, Decimal(100)
    elif as_of > spec.period_end:
        status, progress = NOT_MET, Decimal(50 if state == "in_progress" else 0)
    elif state == "in_progress":
        status, progress = ON_TRACK, Decimal(50)
    elif state == "delayed":
        status, progress = AT_RISK, Decimal(25)
    else:
        status, progress = judge(spec, False, Decimal(0), as_of), Decimal(0)
    explanation = (
        f"Seneste statusmelding ({date_format(point.measured_on)}): {MILESTONE_WORDS.get(state, state)}: "
        f"{STATUS_WORDS[status]}."
    )
    return _result(status, progress, explanation, None, [point])


def rule_parts(spec: Spec, points_by_code: dict[str, list[Point]], as_of: date) -> Result:
    results = [(part, evaluate(part, points_by_code, as_of)) for part in spec.parts]
    ids = sorted({i for _, r in results for i in r.measurement_ids})
    latest = max((r.latest_data_on for _, r in results if r.latest_data_on), default=None)
    if spec.parts_rule == "sum":
        values = [r.value for _, r in results if r.value is not None]
        if not values:
            result = no_data(spec, as_of)
            return Result(result.status, None, result.explanation, None, ids, latest)
        total = sum(values, Decimal(0))
        threshold = _d(spec.threshold)
        meets = compare(total, threshold, spec.comparison)
        progress = progress_toward(total, Decimal(0), threshold, meets)
        status = judge(spec, meets, progress, as_of)
        explanation = (
            f"Summen af delene er {fmt(total, spec.unit)} mod målet {fmt(threshold, spec.unit)}: "
            f"{STATUS_WORDS[status]}."
        )
        return Result(status, progress, explanation, total, ids, latest)
    status = combine([r.status for _, r in results])
    known = [r.progress for _, r in results if r.progress is not None]
    progress = (sum(known, Decimal(0)) / len(results)).quantize(Decimal("0.1")) if known else None
    met = sum(1 for _, r in results if r.status == MET)
    explanation = (
        f"Alle {len(results)} dele skal være opfyldt; {met} er opfyldt "
        f"({', '.join(f'{p.code}: {STATUS_WORDS[r.status]}' for p, r in results)}). Samlet: {STATUS_WORDS[status]}."
    )
    if not spec.parts_rule_stated:
        explanation += f" {ASSUMED_PARTS_RULE}"
    return Result(status, progress, explanation, None, ids, latest)


ASSUMED_PARTS_RULE = "Kontrakten siger ikke, om alle dele skal være opfyldt; det er portalens antagelse."
ASSUMED_ROLLUP = (
    "Kontrakten angiver ingen regel for, hvornår et mål er opfyldt; «alle delmål» er portalens antagelse."
)

RULES = {
    "estimate": rule_estimate,
    "level": rule_level,
    "change": rule_change,
    "control": rule_control,
    "segment": rule_segment,
    "milestone": rule_milestone,
}


def evaluate(spec: Spec, points_by_code: dict[str, list[Point]], as_of: date) -> Result:
    """The result of one target (a part-target evaluates its parts first)."""
    if spec.kind == "parts":
        return rule_parts(spec, points_by_code, as_of)
    return RULES[spec.kind](spec, points_by_code.get(spec.code, []), as_of)


def combine(statuses: list[str]) -> str:
    """All met → met; otherwise the worst status present. Estimates are never judged, so they do not count."""
    statuses = [s for s in statuses if s != ESTIMATE]
    if statuses and all(s == MET for s in statuses):
        return MET
    for status in SEVERITY:
        if status in statuses:
            return status
    return AWAITING


@dataclass
class GoalResult:
    status: str
    progress: Decimal | None
    targets_met: int
    targets_total: int
    explanation: str


def roll_up(
    rule: str, results: list[tuple[Decimal, Result]], share: Decimal | None = None, *, stated: bool = True
) -> GoalResult:
    """A goal from its (top-level) targets' results, by the rule the contract states.

    all: met when every target is met, otherwise the worst status; progress is the mean.
    share: met when at least `share` % of the targets are met; progress is the mean.
    weighted: met when the targets met carry at least `share` % of the weight; progress is weighted.
    """
    total = len(results)
    met = sum(1 for _, r in results if r.status == MET)
    statuses = [r.status for _, r in results]
    if rule == "weighted":
        weight = sum((w for w, _ in results), Decimal(0)) or Decimal(1)
        known = [(w, r.progress) for w, r in results if r.progress is not None]
        progress = (
            (sum((w * p for w, p in known), Decimal(0)) / weight).quantize(Decimal("0.1")) if known else None
        )
        met_share = sum((w for w, r in results if r.status == MET), Decimal(0)) / weight * 100
        required = Decimal(share if share is not None else 100)
        status = MET if met_share >= required else combine([s for s in statuses if s != MET])
        explanation = (
            f"Vægtet andel opfyldte delmål {fmt(met_share, 'percent')} mod krævet {fmt(required, 'percent')}."
        )
    else:
        known = [r.progress for _, r in results if r.progress is not None]
        progress = (sum(known, Decimal(0)) / total).quantize(Decimal("0.1")) if known and total else None
        if rule == "share":
            required = Decimal(share if share is not None else 100)
            met_share = Decimal(met * 100) / (total or 1)
            status = MET if met_share >= required else combine([s for s in statuses if s != MET])
            explanation = (
                f"{met} af {total} delmål opfyldt; kravet er {fmt(required, 'percent')} af delmålene."
            )
        else:
            status = combine(statuses)
            explanation = f"{met} af {total} delmål opfyldt; alle delmål skal være opfyldt."
    if not stated:
        explanation += f" {ASSUMED_ROLLUP}"
    return GoalResult(status, progress, met, total, explanation)


def describe(spec: Spec) -> str:
    """The rule in words, for the target page ("Hvordan beregnes det?")."""
    word = {"at_most": _("højst"), "more_than": _("mere end")}.get(spec.comparison, _("mindst"))
    when = (
        _("Indtil %(month)s er gået, er et delmål uden data «afventer data»; derefter er data «udeblevet».")
        % {"month": danish_month(spec.expected_on)}
        if spec.expected_on
        else _("Kontrakten angiver ingen dato for data, så et delmål uden data «afventer data».")
    )
    if spec.kind == "estimate":
        return _(
            "Kilden giver et skøn (anslået ca. %(estimate)s), ikke et mål. Portalen viser det registrerede tal "
            "(%(how)s) ved siden af skønnet og vurderer ikke, om det er opfyldt."
        ) % {
            "estimate": fmt(spec.threshold, spec.unit),
            "how": _("summen af årets målinger") if spec.aggregation == "sum" else _("den seneste måling"),
        }
    if spec.kind == "level":
        how = _("summen af årets målinger") if spec.aggregation == "sum" else _("den seneste måling")
        base = (
            _(" Fremdriften regnes fra baseline %(baseline)s (%(label)s) til målet.")
            % {"baseline": fmt(spec.baseline_value, spec.unit), "label": spec.baseline_label}
            if spec.baseline_value is not None
            else _(" Fremdriften regnes fra 0 til målet.")
        )
        text = _("Værdien er %(how)s. Delmålet er opfyldt, når værdien er %(word)s %(threshold)s.") % {
            "how": how,
            "word": word,
            "threshold": fmt(spec.threshold, spec.unit),
        }
        text += base
    elif spec.kind == "change":
        baseline = (
            fmt(spec.baseline_value, spec.unit)
            if spec.baseline_value is not None
            else _("(mangler: kilden angiver ikke tallet)")
        )
        text = _(
            "Ændringen er seneste måling minus baseline %(baseline)s fra %(label)s, i procentpoint. Delmålet er "
            "opfyldt, når ændringen er %(word)s %(threshold)s. Uden baseline kan ændringen ikke beregnes."
        ) % {
            "baseline": baseline,
            "label": spec.baseline_label or "–",
            "word": word,
            "threshold": fmt_pp(spec.threshold),
        }
    elif spec.kind == "control":
        text = _(
            "Forskellen er de vejledte virksomheders værdi minus kontrolgruppens, i procentpoint. Delmålet er "
            "opfyldt, når forskellen er %(word)s %(threshold)s."
        ) % {"word": word, "threshold": fmt_pp(spec.threshold)}
    elif spec.kind == "segment":
        text = _(
            "Den seneste måling i hvert segment (%(segments)s) skal være %(word)s %(threshold)s. Delmålet er kun "
            "opfyldt, når det er opfyldt i alle segmenter; fremdriften er det svageste segments."
        ) % {
            "segments": ", ".join(SEGMENT_WORDS.get(s, s) for s in spec.segments),
            "word": word,
            "threshold": fmt(spec.threshold, spec.unit),
        }
    elif spec.kind == "milestone":
        text = _(
            "Et kvalitativt delmål: den seneste statusmelding afgør. «Gennemført» er opfyldt; «i gang» er på vej "
            "og «forsinket» i risiko indtil periodens slutning; derefter er alt andet end «gennemført» ikke "
            "opfyldt."
        )
    elif spec.parts_rule == "sum":
        text = _(
            "Delmålet består af dele. Summen af delenes værdier skal være %(word)s %(threshold)s; delenes egne "
            "tal er skøn og vises for sig."
        ) % {"word": word, "threshold": fmt(spec.threshold, spec.unit)}
    else:
        text = _(
            "Delmålet består af dele og er opfyldt, når alle dele er opfyldt; ellers gælder den dårligste status. "
            "Fremdriften er gennemsnittet af delenes."
        )
        if not spec.parts_rule_stated:
            text += " " + _(
                "Kontrakten siger ikke, om alle dele skal være opfyldt; det er portalens antagelse."
            )
    pace = _(
        " Er målet ikke nået, er delmålet «på vej», hvis fremdriften mindst svarer til den andel af perioden "
        "(1. januar til %(end)s), der er gået, ellers «i risiko»; efter periodens slutning «ikke opfyldt». "
        "Denne tempo-regel er portalens antagelse; kontrakten angiver ingen."
    ) % {
        "end": _("udgangen af %(month)s") % {"month": danish_month(spec.expected_on)}
        if spec.expected_on
        else date_format(spec.period_end)
    }
    if spec.kind in ("milestone",) or (spec.kind == "parts" and spec.parts_rule != "sum"):
        pace = ""
    return f"{text}{pace} {when}"
