"""How the areas contribute to the PDF reports: each registered area (core/areas.py) offers
`report_sections`, an object with
- `annual_section(year: int) -> dict | None`: context (with "title") for `<app>/pdf/_annual_section.html`;
- for the area whose `half_yearly_report` is set, `half_yearly_context(period) -> dict` for
  `<app>/pdf/_half_yearly_body.html`;
and `lead_organisation_ids()`: organisations that lead something in the area (their members may download
the reports). `reports/` knows how to render and store, not what a goal or a project is. An area without
`report_sections` has no data yet: its section is replaced by one line saying so.
"""

from dataclasses import dataclass, field

from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _

from core.areas import PortalArea, registry


def _title(area: PortalArea) -> str:
    return str(area.report_title or area.title or area.app)


@dataclass
class Section:
    app: str
    title: str
    template: str | None = None
    context: dict = field(default_factory=dict)
    missing_text: str = ""
    html: str = ""

    @property
    def anchor(self) -> str:
        return f"omraade-{self.app.replace('_', '-')}"

    @property
    def is_missing(self) -> bool:
        return self.template is None

    def render(self) -> SafeString:
        """The area's fragment. Its context is given both as top-level names and as `section`."""
        if self.template is None:
            return mark_safe("")
        return mark_safe(render_to_string(self.template, {**self.context, "section": self.context}))


def annual_sections(year: int) -> list[Section]:
    sections = []
    for area in registry:
        if not getattr(area, "in_annual_report", True):
            continue  # an area with no figures of its own (meetings) has no section, not an empty one
        module = area.report_sections
        title = _title(area)
        context = module.annual_section(year) if module is not None else None
        if context is None:
            missing = _("Området har endnu ingen data for %(year)s.") % {"year": year}
            if module is None:
                missing = _("Området har endnu ingen data.")
            sections.append(Section(app=area.app, title=title, missing_text=str(missing)))
            continue
        sections.append(
            Section(
                app=area.app,
                title=str(context.get("title") or title),
                template=f"{area.app}/pdf/_annual_section.html",
                context=context,
            )
        )
    return sections


def annual_report_refusal(year: int) -> str | None:
    """Why there is no annual report for the year: an area that the report needs has no section for it."""
    for area in registry:
        needed = area.annual_report_refusal and area.report_sections is not None
        if needed and area.report_sections.annual_section(year) is None:
            return str(area.annual_report_refusal) % {"year": year}
    return None


def half_yearly_section(period) -> Section:
    """The body of the half-yearly report, from the area that offers it."""
    area = next((a for a in registry if a.half_yearly_report), None)
    if area is None:
        return Section(
            app="", title=str(_("Halvårsstatus")), missing_text=str(_("Området har endnu ingen data."))
        )
    title = _title(area)
    function = getattr(area.report_sections, "half_yearly_context", None)
    if function is None:
        return Section(app=area.app, title=title, missing_text=str(_("Området har endnu ingen data.")))
    context = function(period)
    return Section(
        app=area.app,
        title=str(context.get("title") or title),
        template=f"{area.app}/pdf/_half_yearly_body.html",
        context=context,
    )


def lead_organisation_ids() -> set[int]:
    ids: set[int] = set()
    for area in registry:
        ids.update(area.lead_organisation_ids())
    return ids
