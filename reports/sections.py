"""How the areas contribute to the PDF reports, discovered at run time.

Each area app may offer `<app>/report_sections.py` with
- `annual_section(year: int) -> dict | None`: context (with "title") for `<app>/pdf/_annual_section.html`;
- (vip_climate only) `half_yearly_context(period) -> dict` for `vip_climate/pdf/_half_yearly_body.html`;
- optionally `lead_organisation_ids() -> Iterable[int]`: organisations that lead something in the area
  (their members may download the reports).
`reports/` knows how to render and store, not what a goal or a project is. A missing module means the area
has no data yet: its section is replaced by one line saying so.
"""

from dataclasses import dataclass, field
from importlib import import_module
from types import ModuleType

from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _

from core.areas import AREA_APPS

AREA_TITLES = {
    "contracts": _("Resultatkontrakten med Erhvervshus Hovedstaden"),
    "vip_climate": _("Klima-VIP-projekterne"),
    "infrastructure": _("De 7+3 prioriterede infrastrukturprojekter"),
    "education": _("SOSU-dimensioneringen"),
}
# The annual report is the report on a year's result contract: without one the year is refused.
ANNUAL_REQUIRED_APP = "contracts"
HALF_YEARLY_APP = "vip_climate"


def area_modules() -> dict[str, ModuleType | None]:
    """{app: its report_sections module, or None when the area does not offer one (yet)}."""
    modules: dict[str, ModuleType | None] = {}
    for app in AREA_APPS:
        try:
            modules[app] = import_module(f"{app}.report_sections")
        except ModuleNotFoundError as error:
            if error.name not in (app, f"{app}.report_sections"):
                raise
            modules[app] = None
    return modules


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


def annual_sections(year: int, modules: dict | None = None) -> list[Section]:
    modules = area_modules() if modules is None else modules
    sections = []
    for app, module in modules.items():
        title = str(AREA_TITLES.get(app, app))
        context = getattr(module, "annual_section", lambda year: None)(year) if module else None
        if context is None:
            missing = _("Området har endnu ingen data for %(year)s.") % {"year": year}
            if module is None:
                missing = _("Området har endnu ingen data.")
            sections.append(Section(app=app, title=title, missing_text=str(missing)))
            continue
        sections.append(
            Section(
                app=app,
                title=str(context.get("title") or title),
                template=f"{app}/pdf/_annual_section.html",
                context=context,
            )
        )
    return sections


def half_yearly_section(period, modules: dict | None = None) -> Section:
    modules = area_modules() if modules is None else modules
    module = modules.get(HALF_YEARLY_APP)
    title = str(AREA_TITLES[HALF_YEARLY_APP])
    function = getattr(module, "half_yearly_context", None) if module else None
    if function is None:
        return Section(app=HALF_YEARLY_APP, title=title, missing_text=str(_("Området har endnu ingen data.")))
    context = function(period)
    return Section(
        app=HALF_YEARLY_APP,
        title=str(context.get("title") or title),
        template=f"{HALF_YEARLY_APP}/pdf/_half_yearly_body.html",
        context=context,
    )


def lead_organisation_ids(modules: dict | None = None) -> set[int]:
    modules = area_modules() if modules is None else modules
    ids: set[int] = set()
    for module in modules.values():
        function = getattr(module, "lead_organisation_ids", None) if module else None
        if function is not None:
            ids.update(function())
    return ids
