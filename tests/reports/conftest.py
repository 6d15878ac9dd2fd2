"""Fixtures for the reports tests: fake areas in the area registry, so a report's layout is tested apart
from the real areas' data."""

import re
import shutil
import subprocess
import zlib
from contextlib import ExitStack
from datetime import date
from pathlib import Path
from types import SimpleNamespace

import pytest

from core.areas import BaseArea, registry

HERE = Path(__file__).resolve().parent
REPORT_DAY = date(2026, 11, 26)


@pytest.fixture(autouse=True)
def _private_media(request, settings, tmp_path):
    """Files go to a temporary folder (services tests share var/media with the worker process)."""
    if "services" not in request.keywords:
        settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def test_templates(settings):
    engine = settings.TEMPLATES[0]
    settings.TEMPLATES = [{**engine, "DIRS": [HERE / "templates", *engine["DIRS"]]}]


def make_modules(*, lead_ids=(), rows=60, contract_year=None):
    """Area modules as the discovery returns them: one with a long table, one with nothing, one missing."""

    def goals_section(year):
        return {
            "title": "Testområdets mål",
            "year": year,
            "rows": [{"number": i, "value": 1000 * i} for i in range(1, rows + 1)],
        }

    modules = {
        "testarea_goals": SimpleNamespace(
            annual_section=goals_section, lead_organisation_ids=lambda: set(lead_ids)
        ),
        "testarea_empty": SimpleNamespace(annual_section=lambda year: None),
        "testarea_missing": None,
    }
    if contract_year is not None:
        modules["contracts"] = SimpleNamespace(
            annual_section=lambda year: {"title": "Kontrakt", "rows": []} if year == contract_year else None
        )
    return modules


class FakeArea(BaseArea):
    """An area with the given report sections; for a real area's app, that area's titles and report roles."""

    url_name = "home"  # the navigation links every area

    def __init__(self, app: str, report_sections=None, real: BaseArea | None = None) -> None:
        self.app = app
        self.report_sections = report_sections
        if real is not None:
            self.title, self.url_name = real.title, real.url_name
            self.report_title = real.report_title
            self.half_yearly_report = real.half_yearly_report
            self.annual_report_refusal = real.annual_report_refusal

    def lead_organisation_ids(self) -> set[int]:
        function = getattr(self.report_sections, "lead_organisation_ids", None)
        return set(function()) if function else set()


def areas_from(modules: dict, real: dict | None = None) -> list[FakeArea]:
    """{app: report sections or None} as areas, in that order; `real`: {app: area} (default: registered)."""
    real = {area.app: area for area in registry} if real is None else real
    return [FakeArea(app, module, real.get(app)) for app, module in modules.items()]


def areas_without_report_data() -> list[FakeArea]:
    """The registered areas, none of them with report sections."""
    return [FakeArea(area.app, None, area) for area in registry]


@pytest.fixture
def fake_areas(test_templates):
    """Install fake areas; returns a function to change them (e.g. which organisations lead)."""
    real = {area.app: area for area in registry}
    with ExitStack() as stack:

        def install(**kwargs):
            modules = make_modules(**kwargs)
            stack.enter_context(registry.replaced_by(areas_from(modules, real)))
            return modules

        install()
        yield install


@pytest.fixture
def no_areas():
    with registry.replaced_by(areas_without_report_data()):
        yield


def pdf_text(pdf: bytes, tmp_path: Path, layout: bool = False) -> str:
    source = tmp_path / "report.pdf"
    source.write_bytes(pdf)
    args = ["pdftotext", *(["-layout"] if layout else []), str(source), "-"]
    return subprocess.run(args, check=True, capture_output=True, text=True).stdout


def pdf_info(pdf: bytes, tmp_path: Path) -> dict[str, str]:
    source = tmp_path / "info.pdf"
    source.write_bytes(pdf)
    out = subprocess.run(["pdfinfo", str(source)], check=True, capture_output=True, text=True).stdout
    return {
        key.strip(): value.strip() for key, _, value in (line.partition(":") for line in out.splitlines())
    }


def pdf_fonts(pdf: bytes, tmp_path: Path) -> str:
    source = tmp_path / "fonts.pdf"
    source.write_bytes(pdf)
    return subprocess.run(["pdffonts", str(source)], check=True, capture_output=True, text=True).stdout


def pdf_objects(pdf: bytes) -> bytes:
    """The PDF's bytes with every compressed stream inflated, to look for catalog entries."""
    chunks = [pdf]
    for match in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", pdf, re.S):
        try:
            chunks.append(zlib.decompress(match.group(1)))
        except zlib.error:
            continue
    return b"\n".join(chunks)


requires_poppler = pytest.mark.skipif(not shutil.which("pdftotext"), reason="needs poppler-utils")
