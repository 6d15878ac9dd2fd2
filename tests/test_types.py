"""mypy with django-stubs finds no type errors in core/ and kkr_portal/ (configuration: mypy.ini)."""

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_core_and_project_package_type_check(tmp_path: Path) -> None:
    # A fresh cache: a cache left by another configuration can hide or invent errors.
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--config-file", "mypy.ini", "--cache-dir", str(tmp_path / "cache")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "kkr_portal.settings"},
    )
    report = result.stdout + result.stderr
    assert result.returncode == 0, report
    # It checked the packages named in mypy.ini, not an empty selection.
    checked = re.search(r"no issues found in (\d+) source files", report)
    assert checked is not None, report
    assert int(checked.group(1)) >= 30, report
