"""Fixtures for the reports tests: fake area sections (the real areas live on other branches)."""

import re
import shutil
import subprocess
import zlib
from datetime import date
from pathlib import Path
from types import SimpleNamespace

import pytest

from reports import sections

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


@pytest.fixture
def fake_areas(monkeypatch, test_templates):
    """Install fake area modules; returns a function to change them (e.g. which organisations lead)."""

    def install(**kwargs):
        modules = make_modules(**kwargs)
        monkeypatch.setattr(sections, "area_modules", lambda: modules)
        return modules

    install()
    return install


@pytest.fixture
def no_areas(monkeypatch):
    monkeypatch.setattr(sections, "area_modules", lambda: dict.fromkeys(sections.AREA_TITLES))


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
