"""The committed English catalogue is complete: every message translated, none fuzzy, none missing.

`makemessages` is run on a copy of the sources, so the check sees what it would extract today without
touching the working tree's catalogue.
"""

import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from django.template import Context, Template
from django.utils import translation

from contracts.models import Goal, Target
from education.models import GuidingMark
from infrastructure.models import Criterion, VisionAim
from vip_climate.models import ProjectTarget

ROOT = Path(__file__).resolve().parent.parent
CATALOGUE = Path("locale/en/LC_MESSAGES/django.po")
# The same command `make messages` runs.
MAKEMESSAGES = [
    "makemessages",
    "-l",
    "en",
    "--no-obsolete",
    "--add-location=file",
    "--ignore=.venv",
    "--ignore=static",
    "--ignore=tests",
    "--ignore=benchmarks",
    "--ignore=var",
]
NOT_SOURCES = shutil.ignore_patterns(
    ".venv", ".git", "var", "static", "staticfiles", "docs", "__pycache__", ".*_cache", "*.mo"
)


def _describe(entry) -> str:
    return f"{entry.msgctxt} | {entry.msgid}" if entry.msgctxt else entry.msgid


def _by_key(path: Path) -> dict:
    """The catalogue's live entries by what identifies a message: its context and its Danish text."""
    return {(e.msgctxt, e.msgid): e for e in polib.pofile(str(path)) if not e.obsolete}


def test_every_message_is_translated_and_none_is_fuzzy():
    catalogue = polib.pofile(str(ROOT / CATALOGUE))
    assert len(catalogue) > 500  # the catalogue was read, not an empty file
    assert [_describe(e) for e in catalogue.untranslated_entries()] == []
    assert [_describe(e) for e in catalogue.fuzzy_entries()] == []


@pytest.fixture
def extracted_catalogue(tmp_path) -> Path:
    """The catalogue as `makemessages` leaves it, run on a copy of today's sources."""
    if not shutil.which("xgettext") or not shutil.which("msgmerge"):
        pytest.skip("makemessages needs GNU gettext: apt-get install gettext")
    copy = tmp_path / "src"
    shutil.copytree(ROOT, copy, ignore=NOT_SOURCES, symlinks=True)
    result = subprocess.run(
        [sys.executable, "manage.py", *MAKEMESSAGES],
        cwd=copy,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return copy / CATALOGUE


def test_the_catalogue_holds_exactly_what_makemessages_extracts(extracted_catalogue):
    committed = _by_key(ROOT / CATALOGUE)
    extracted = _by_key(extracted_catalogue)
    missing = sorted(_describe(extracted[k]) for k in extracted.keys() - committed.keys())
    stale = sorted(_describe(committed[k]) for k in committed.keys() - extracted.keys())
    assert missing == [], "run `make messages` and translate the new entries in " + str(CATALOGUE)
    assert stale == [], "run `make messages`: these are no longer in the sources"
    # A plural's second form belongs to the message too.
    changed = sorted(
        _describe(e)
        for k, e in extracted.items()
        if k in committed and e.msgid_plural != committed[k].msgid_plural
    )
    assert changed == []


@pytest.mark.parametrize(
    ("label", "english"),
    [
        (lambda: Goal._meta.verbose_name, "goal"),
        (lambda: Goal._meta.verbose_name_plural, "goals"),
        (lambda: Target._meta.get_field("threshold").verbose_name, "target value"),
        (lambda: ProjectTarget._meta.get_field("target_value").verbose_name, "target value"),
        (lambda: VisionAim._meta.get_field("text").verbose_name, "aim"),
        (lambda: Criterion._meta.verbose_name, "guiding criterion"),
        (lambda: Criterion._meta.verbose_name_plural, "guiding criteria"),
        (lambda: GuidingMark._meta.verbose_name, "guiding mark"),
        (lambda: GuidingMark._meta.verbose_name_plural, "guiding marks"),
    ],
)
def test_one_danish_word_keeps_its_meanings_apart_in_english(label, english):
    """ "mål" and "pejlemærke" each mean two things; their contexts give each its own English word."""
    with translation.override("en"):
        assert str(label()) == english
    with translation.override("da"):
        assert str(label()) in ("mål", "pejlemærke", "pejlemærker")


def test_the_templates_say_goal_or_target_value_by_context():
    source = '{% load i18n %}{% translate "Mål" context "contract goal" %}/{% translate "Mål" context "target value" %}'
    with translation.override("en"):
        assert Template(source).render(Context()) == "Goal/Target value"
    with translation.override("da"):
        assert Template(source).render(Context()) == "Mål/Mål"
