"""The VIP pictures, the same on the dashboard and in the PDF reports: a round as a stacked bar of report
states, and each project's overall status as its lead reported it, latest and across the last rounds.

Overall statuses are read from approved reports only (what the board and the PDFs may read). A report
loaded from the source was presented to KKR ("forelagt"), not approved: it is counted under the words
the source gives it, never as "Godkendt".
"""

from dataclasses import dataclass

from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core import charts
from core.models import ReportingPeriod
from core.workflow import ReportState

from .models import Project, StatusReport
from .selectors import NOT_STARTED, ROUND_STATE_LABELS, project_runs_in

TREND_ROUNDS = 4  # rounds shown in each project's row of status marks

# Report states in the round's bar: (tone, icon), in the order a report moves.
STATE_LOOK = {
    NOT_STARTED: ("bad", "✖"),
    ReportState.DRAFT: ("none", "✎"),
    ReportState.RETURNED: ("warn", "↩"),
    ReportState.SUBMITTED: ("ok", "➜"),
    ReportState.APPROVED: ("good", "✔"),
}
# A loaded report: final, but the portal never approved it. Its own words (source_state, e.g. "Forelagt KKR
# Hovedstaden ...") stand on the tile's line and with each report; the chart groups them under this.
PRESENTED = "presented"
PRESENTED_LABEL = gettext_lazy("indlæst fra kilden, ikke godkendt i portalen")

NOT_STATED = "not_stated"
NO_REPORT = "no_report"
OVERALL_LOOK = {
    StatusReport.Overall.ON_TRACK: ("good", "✔"),
    StatusReport.Overall.CHALLENGES: ("warn", "⚠"),
    StatusReport.Overall.OFF_TRACK: ("bad", "✖"),
    NOT_STATED: ("none", "–"),
    NO_REPORT: ("neutral", "·"),
}
OVERALL_WORDS = {
    **{value: label for value, label in StatusReport.Overall.choices},
    NOT_STATED: gettext_lazy("ikke angivet i rapporten"),
    NO_REPORT: gettext_lazy("ingen godkendt rapport"),
}


@dataclass(frozen=True)
class Mark:
    """One project's overall status in one round, as the lead reported it (approved reports only)."""

    code: str
    word: str
    icon: str
    period: ReportingPeriod | None = None
    source_state: str = ""  # set: the report was loaded from the source and presented, not approved


def overall_mark(report: StatusReport | None) -> Mark:
    code = NO_REPORT if report is None else (report.overall_status or NOT_STATED)
    return Mark(
        code,
        str(OVERALL_WORDS[code]),
        OVERALL_LOOK[code][1],
        report.period if report else None,
        report.source_state if report else "",
    )


def round_states(period, projects, reports) -> list[dict]:
    """Each state in the round with how many of the projects that run in it are there (state order).

    `reports`: the round's reports. A project running in the round without a report is "Ikke startet".
    """
    counts: dict[tuple[str, str], int] = {}
    by_project = {r.project_id: r for r in reports}
    for project in projects:
        report = by_project.get(project.pk)
        if report is None and not project_runs_in(project, period):
            continue
        code = report.state if report else NOT_STARTED
        if code == ReportState.APPROVED and report.source_state:
            key = (PRESENTED, str(PRESENTED_LABEL))
        else:
            key = (code, str(ROUND_STATE_LABELS[code]))
        counts[key] = counts.get(key, 0) + 1
    order = list(STATE_LOOK) + [PRESENTED]
    return [
        {"code": code, "label": label, "count": n}
        for (code, label), n in sorted(counts.items(), key=lambda item: (order.index(item[0][0]), item[0][1]))
    ]


def round_chart(period, states: list[dict], *, size: charts.Size = charts.SCREEN):
    segments = []
    for state in states:
        tone, icon = STATE_LOOK.get(state["code"], ("good", "◆"))  # presented to KKR: not "✔ approved"
        segments.append(charts.Segment(state["label"], state["count"], state["code"], tone, icon))
    return charts.stacked_status_bar(
        segments,
        title=_("Statusrapporterne i runden %(label)s") % {"label": period.label},
        description=_("Antal projekter efter hvor deres statusrapport står:"),
        width=size.width,
        font_size=size.font_size,
    )


def overall_counts(marks: list[Mark]) -> list[dict]:
    counts: dict[str, int] = {}
    for mark in marks:
        counts[mark.code] = counts.get(mark.code, 0) + 1
    return [
        {"code": code, "label": str(OVERALL_WORDS[code]), "count": counts[code]}
        for code in OVERALL_LOOK
        if counts.get(code)
    ]


def overall_chart(marks: list[Mark], *, title: str, size: charts.Size = charts.SCREEN):
    return charts.stacked_status_bar(
        [
            charts.Segment(c["label"], c["count"], c["code"], *OVERALL_LOOK[c["code"]])
            for c in overall_counts(marks)
        ],
        title=title,
        description=_("Antal projekter efter den samlede status, tovholderen har angivet:"),
        width=size.width,
        font_size=size.font_size,
    )


def last_rounds(period, n: int = TREND_ROUNDS) -> list[ReportingPeriod]:
    """The n rounds up to and including `period`, oldest first (the calendar's rounds, not rows: a round
    nobody reported in still gets its mark)."""
    rounds, year, half = [], period.year, period.half
    for _i in range(n):
        starts, deadline = ReportingPeriod.window(year, half)
        rounds.append(ReportingPeriod(year=year, half=half, starts=starts, deadline=deadline))
        year, half = (year, "spring") if half == "autumn" else (year - 1, "autumn")
    return rounds[::-1]


def project_overview(period, projects=None, *, size: charts.Size = charts.SCREEN) -> dict:
    """For a round (a row, or an unsaved one of the calendar): its report states, each project's latest overall status up to it and the marks of
    the last rounds (one query, two without `projects`)."""
    if projects is None:
        projects = list(Project.objects.order_by("number"))
    projects = sorted(projects, key=lambda p: p.number)
    reports = list(
        StatusReport.objects.filter(
            Q(period__year=period.year, period__half=period.half)
            | Q(
                state=ReportState.APPROVED,
                period__deadline__lte=period.deadline,
                period__half__in=["spring", "autumn"],
            )
        )
        .select_related("period")
        .only("project_id", "state", "overall_status", "source_state", "period")
        .order_by("period__deadline", "pk")
    )
    round_reports = [r for r in reports if r.period.code == period.code]
    approved = [r for r in reports if r.state == ReportState.APPROVED]
    rounds = last_rounds(period)
    latest: dict[int, StatusReport] = {}
    by_round: dict[tuple[int, str], StatusReport] = {}
    for report in approved:
        latest[report.project_id] = report
        by_round[(report.project_id, report.period.code)] = report
    rows = []
    for project in projects:
        rows.append(
            {
                "project": project,
                "latest": overall_mark(latest.get(project.pk)),
                "trend": [
                    {"period": r, "mark": overall_mark(by_round.get((project.pk, r.code)))} for r in rounds
                ],
            }
        )
    # A round nobody reported in says so rather than counting every project as "not started".
    states = round_states(period, projects, round_reports) if round_reports else []
    latest_marks = [row["latest"] for row in rows]
    return {
        "period": period,
        "states": states,
        "round_chart": round_chart(period, states, size=size),
        "rows": rows,
        "rounds": rounds,
        "overall": overall_counts(latest_marks),
        "overall_chart": overall_chart(
            latest_marks,
            title=_("Projekternes seneste samlede status pr. %(label)s") % {"label": period.label},
            size=size,
        ),
        "round_reports": round_reports,
        "legend": [
            (code, {"icon": look[1], "word": str(OVERALL_WORDS[code])}) for code, look in OVERALL_LOOK.items()
        ],
    }
