"""The one registry of the portal's areas (result contract, climate VIP, infrastructure, education...).

Each area app defines one object in `<app>/area.py` that satisfies `PortalArea` (most simply a subclass of
`BaseArea`) and registers it from its `AppConfig.ready()`:

    def ready(self):
        from core.areas import registry
        from .area import AREA
        registry.register(AREA)

The shared pages iterate the registry: the home page's tiles, the organisation pages, the navigation, the
dashboard's period selector (core/selection.py), the PDF reports (reports/sections.py), the seed loader
(`manage.py load_kkr_data`) and the Celery beat schedule. A new area needs its app in INSTALLED_APPS and
nothing edited in core or reports. Core knows how to lay areas out, not what a goal or a project is.

Areas appear in registration order, which is the order of INSTALLED_APPS.
"""

from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

if TYPE_CHECKING:
    from .models import Organisation, ReportingPeriod
    from .selection import Selection


class ReportSections(Protocol):
    """What an area contributes to the PDF reports (see reports/sections.py)."""

    def annual_section(self, year: int) -> dict | None:
        """Context (with "title") for `<app>/pdf/_annual_section.html`; None when the year has no data.

        The area that offers the half-yearly report also has `half_yearly_context(period) -> dict` for
        `<app>/pdf/_half_yearly_body.html`.
        """


@runtime_checkable
class PortalArea(Protocol):
    app: str  # the Django app label; also the folder of its templates
    title: str  # navigation and home tile heading
    description: str  # one line on the home tile
    url_name: str  # the area's index page
    report_title: str  # heading of the area's section in the PDF reports
    report_sections: ReportSections | None  # None: the area has no report data yet
    half_yearly_report: bool  # its report sections give the body of the half-yearly report
    annual_report_refusal: str | None  # set: no annual report for a year in which this area has no section
    seed: Callable[[], None] | None  # loads the area's reference data (idempotent); None: nothing to load
    seed_after: tuple[str, ...]  # apps of other areas whose seed must run first
    beat_schedule: Mapping[str, dict]  # Celery beat entries, name -> {"task": ..., "schedule": ...}
    tile_template: str
    organisation_template: str

    def home_tile(self, user, selection: "Selection | None" = None) -> dict: ...

    def organisation_section(self, organisation: "Organisation", user) -> dict | None: ...

    def lead_organisation_ids(self) -> set[int]: ...

    def latest_round_with_data(self) -> "ReportingPeriod | None": ...

    def latest_year_with_data(self) -> int | None: ...

    def duties(self, user, today=None) -> list[dict]: ...

    def attention(self, selection: "Selection", today=None) -> list: ...


class BaseArea:
    """Defaults for an area that offers only a home tile; override what the area has."""

    app: str = ""
    title: Any = ""
    description: Any = ""
    url_name: str = ""
    report_title: Any = ""
    report_sections: ReportSections | None = None
    half_yearly_report: bool = False
    annual_report_refusal: Any = None
    seed: Callable[[], None] | None = None
    seed_after: tuple[str, ...] = ()
    beat_schedule: Mapping[str, dict] = {}
    # The portal pages where the area's reference data is edited (core.administration.Editor).
    editors: tuple = ()

    @property
    def tile_template(self) -> str:
        return f"{self.app}/_home_tile.html"

    @property
    def organisation_template(self) -> str:
        return f"{self.app}/_organisation_section.html"

    def home_tile(self, user, selection: "Selection | None" = None) -> dict:
        return {}

    def organisation_section(self, organisation: "Organisation", user) -> dict | None:
        return None

    def lead_organisation_ids(self) -> set[int]:
        return set()

    def latest_round_with_data(self) -> "ReportingPeriod | None":
        return None

    def latest_year_with_data(self) -> int | None:
        return None

    def attention(self, selection: "Selection", today=None) -> list:
        """What in this area needs the board's attention for the selection: `core.attention.AttentionItem`s."""
        return []

    def summary(self, selection: "Selection") -> dict | None:
        """The area's status for the dashboard's headline and the PDF summary page, or None without data.

        {"title": str, "chart": SafeString (a core.charts SVG), "lines": [str, ...]}; the same figures as
        the area's dashboard panel for that selection.
        """
        return None

    def duties(self, user, today=None) -> list[dict]:
        """What the user must do in this area now (the "what I must do" list, core/_duties.html).

        Each duty: title, deadline, state ({code, label, since, overdue}), comment (a return comment or
        ""), and its button: action_url, action_label, and post_field/post_value when it is a POST.
        """
        return []

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.app}>"


class AreaRegistry:
    def __init__(self) -> None:
        self._areas: dict[str, PortalArea] = {}

    def register(self, area: PortalArea) -> PortalArea:
        """Add an area (idempotent for the same object) and its beat entries to the Celery schedule."""
        if not isinstance(area, PortalArea):
            raise ImproperlyConfigured(f"{area!r} does not implement core.areas.PortalArea")
        existing = self._areas.get(area.app)
        if existing is area:
            return area
        if existing is not None:
            raise ImproperlyConfigured(f"The area {area.app!r} is registered twice")
        clashes = set(area.beat_schedule) & set(self.beat_schedule())
        if clashes:
            raise ImproperlyConfigured(
                f"Beat entries of {area.app!r} clash with other areas: {sorted(clashes)}"
            )
        self._areas[area.app] = area
        # The schedule lives in settings (Celery reads it from there when beat starts).
        settings.CELERY_BEAT_SCHEDULE.update(area.beat_schedule)
        return area

    def unregister(self, app: str) -> None:
        area = self._areas.pop(app, None)
        if area is not None:
            for name in area.beat_schedule:
                settings.CELERY_BEAT_SCHEDULE.pop(name, None)

    @contextmanager
    def replaced_by(self, areas: list[PortalArea]) -> Iterator["AreaRegistry"]:
        """Only these areas while the block runs (tests and benchmarks); the registered ones after it."""
        saved = self._areas
        self._areas = {area.app: area for area in areas}
        try:
            yield self
        finally:
            self._areas = saved

    def __iter__(self) -> Iterator[PortalArea]:
        return iter(list(self._areas.values()))

    def __len__(self) -> int:
        return len(self._areas)

    def __contains__(self, app: object) -> bool:
        return app in self._areas

    def get(self, app: str) -> PortalArea | None:
        return self._areas.get(app)

    def beat_schedule(self) -> dict[str, dict]:
        schedule: dict[str, dict] = {}
        for area in self:
            schedule.update(area.beat_schedule)
        return schedule

    def seed_order(self) -> list[PortalArea]:
        """Areas with a seed, each after the areas named in its `seed_after`, otherwise in registry order."""
        pending = [area for area in self if area.seed is not None]
        with_seed = {area.app for area in pending}
        seeded: set[str] = set()
        ordered: list[PortalArea] = []
        while pending:
            ready = next(
                (a for a in pending if all(d in seeded or d not in with_seed for d in a.seed_after)), None
            )
            if ready is None:
                raise ImproperlyConfigured(f"Circular seed_after among {[a.app for a in pending]}")
            pending.remove(ready)
            ordered.append(ready)
            seeded.add(ready.app)
        return ordered


registry = AreaRegistry()


def areas() -> list[PortalArea]:
    return list(registry)
