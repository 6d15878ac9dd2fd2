"""The dashboard's period selector: one half-yearly round and one year, the same for every panel.

`?runde=2022-autumn&aar=2023`. Without parameters (or with unknown ones) it picks the newest round and the
newest year in which any area has data, so the board lands on figures rather than an empty new round.
"""

from dataclasses import dataclass

from .areas import registry
from .models import ReportingPeriod


@dataclass(frozen=True)
class Selection:
    round: ReportingPeriod
    year: int
    invalid: bool = False  # a parameter was given but not understood; the page says so


def _defaults() -> tuple[ReportingPeriod, int]:
    rounds = [r for r in (area.latest_round_with_data() for area in registry) if r is not None]
    years = [y for y in (area.latest_year_with_data() for area in registry) if y is not None]
    round_ = max(rounds, key=lambda r: r.deadline) if rounds else ReportingPeriod.current_round()
    return round_, max(years) if years else round_.year


def selection_from(params, defaults: tuple[ReportingPeriod, int] | None = None) -> Selection:
    """`defaults`: `_defaults()` as the caller already has it (core/dashboard_cache.py caches it)."""
    default_round, default_year = defaults or _defaults()
    invalid = False
    round_ = default_round
    if params.get("runde"):
        try:
            round_ = ReportingPeriod.from_code(params["runde"])
            if not round_.is_round:
                raise ValueError
        except ValueError:
            round_, invalid = default_round, True
    year = default_year
    if params.get("aar"):
        try:
            year = int(params["aar"])
            if not ReportingPeriod.objects.filter(year=year, half="").exists():
                raise ValueError
        except ValueError:
            year, invalid = default_year, True
    return Selection(round=round_, year=year, invalid=invalid)


def choices() -> tuple[list[ReportingPeriod], list[int]]:
    """Rounds that have started, newest first; years that have started."""
    current = ReportingPeriod.current_round()
    periods = list(ReportingPeriod.objects.filter(starts__lte=current.deadline).order_by("-starts"))
    return [p for p in periods if p.is_round], [p.year for p in periods if not p.is_round]
