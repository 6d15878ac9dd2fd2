"""Every export goes through core.tabular's writer and neutralises a hostile value; numbers stay numbers.

test_every_export_is_listed reads the project's source: a function that writes a table (core.tabular's
download, table_response, csv_bytes or xlsx_bytes) must be listed in WRITERS, with the export URLs that
reach it in CASES; and no module but core/tabular.py may import csv or openpyxl to write one itself.
"""

from __future__ import annotations

import ast
import csv
import io
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from contracts.models import Contract, Measurement, Target
from core.models import Organisation
from education.models import Allocation
from infrastructure.models import Project as InfrastructureProject
from vip_climate.models import Commitment, MunicipalityCommitment, Participation, StatusReport

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parent.parent


def _project_dirs() -> list[Path]:
    """The project's own apps (every installed app under the repository) and the settings package."""
    from django.apps import apps

    dirs = [Path(c.path) for c in apps.get_app_configs() if ROOT in Path(c.path).parents]
    return [*dirs, ROOT / "kkr_portal"]


WRITER_CALLS = {"download", "table_response", "csv_bytes", "xlsx_bytes"}
HOSTILE = [
    '=HYPERLINK("http://example.org/x","klik")',
    "- punkt",
    "+45 12 34 56 78",
    "@SUM(A1:A9)",
    "\tfane",
    "\rlinje",
]
GUARDED = ("=", "+", "-", "@", "\t", "\r", "\n")
NUMBER = re.compile(r"-?[\d.]+(,\d+)?")


# --- what the exports are: found in the source ----------------------------------------------------------


def _writers() -> set[str]:
    """module.function for every top-level function (or method) that calls one of the writer's entries."""
    found = set()
    for directory in _project_dirs():
        for path in directory.rglob("*.py"):
            if "migrations" in path.parts or path == ROOT / "core" / "tabular.py":
                continue
            module = ".".join(path.relative_to(ROOT).with_suffix("").parts)
            module = module.removesuffix(".__init__")
            tree = ast.parse(path.read_text())
            for function in ast.walk(tree):
                if not isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
                    continue
                for call in ast.walk(function):
                    if isinstance(call, ast.Call):
                        name = getattr(call.func, "attr", None) or getattr(call.func, "id", None)
                        if name in WRITER_CALLS:
                            found.add(f"{module}.{function.name}")
    return found


def _own_writers() -> list[str]:
    """Modules that import csv or openpyxl themselves (only core.tabular may)."""
    offenders = []
    for directory in _project_dirs():
        for path in directory.rglob("*.py"):
            if "migrations" in path.parts or path == ROOT / "core" / "tabular.py":
                continue
            for node in ast.walk(ast.parse(path.read_text())):
                names = []
                if isinstance(node, ast.Import):
                    names = [alias.name for alias in node.names]
                elif isinstance(node, ast.ImportFrom) and node.module:
                    names = [node.module]
                if any(n.split(".")[0] in ("csv", "openpyxl", "xlsxwriter") for n in names):
                    offenders.append(str(path.relative_to(ROOT)))
    return offenders


# --- how to put a hostile value into each export --------------------------------------------------------


def _contract_measurement(text: str) -> None:
    target = Target.objects.get(goal__contract__year=2023, code="6.3")
    Measurement.objects.create(target=target, measured_on=date(2023, 6, 30), value=Decimal(-3), note=text)


def _contract_target(text: str) -> None:
    Target.objects.filter(goal__contract__year=2023, code="1.1").update(text=text)


def _vip_participant(text: str) -> None:
    Participation.objects.filter(pk=Participation.objects.order_by("pk").first().pk).update(group=text)


def _vip_commitment(text: str) -> None:
    MunicipalityCommitment.objects.create(
        commitment=Commitment.objects.order_by("pk").first(),
        organisation=Organisation.objects.get(name="Albertslund"),
        status=MunicipalityCommitment.Status.IN_PROGRESS,
        note=text,
    )


def _vip_report(text: str) -> None:
    StatusReport.objects.filter(pk=StatusReport.objects.order_by("pk").first().pk).update(changes=text)


def _infrastructure_project(text: str) -> None:
    InfrastructureProject.objects.filter(pk=InfrastructureProject.objects.order_by("pk").first().pk).update(
        name=text
    )


def _municipality_name(text: str) -> None:
    Organisation.objects.filter(name="Albertslund").update(name=text)


def _allocation_url(fmt: str) -> str:
    return f"/education/fordeling/{Allocation.objects.order_by('pk').first().pk}/eksport.{fmt}"


@dataclass
class Case:
    id: str
    url: str | Callable[[], str]
    inject: Callable[[str], None]
    number: object = None  # a number the export holds that must stay a number (-3 from _contract_measurement)


CASES = [
    *[
        Case(f"contracts measurements {fmt}", f"/contracts/2023/eksport/{fmt}/", _contract_measurement, -3)
        for fmt in ("csv", "xlsx")
    ],
    Case("contracts targets in xlsx", "/contracts/2023/eksport/xlsx/", _contract_target),
    Case("contracts targets csv", "/contracts/2023/eksport/delmaal.csv/", _contract_target),
    *[
        Case(f"vip {kind} {fmt}", f"/vip/eksport/{kind}.{fmt}", inject)
        for kind, inject in (
            ("deltagere", _vip_participant),
            ("forpligtelser", _vip_commitment),
            ("rapporter", _vip_report),
        )
        for fmt in ("csv", "xlsx")
    ],
    *[
        Case(f"infrastructure {page} {fmt}", f"/infrastructure/{path}?format={fmt}", _infrastructure_project)
        for page, path in (("7+3", ""), ("matrix", "matrix/"))
        for fmt in ("csv", "xlsx")
    ],
    *[
        Case(f"education allocation {fmt}", lambda fmt=fmt: _allocation_url(fmt), _municipality_name)
        for fmt in ("csv", "xlsx")
    ],
    *[
        Case(f"comparison {fmt}", f"/sammenligning/eksport.{fmt}", _municipality_name)
        for fmt in ("csv", "xlsx")
    ],
]

# Each function that writes a table, and the cases that reach it through a URL.
WRITERS = {
    "contracts.views.export": ["contracts measurements csv", "contracts targets csv"],
    "contracts.importer.export_bytes": ["contracts measurements csv", "contracts measurements xlsx"],
    "contracts.importer.targets_csv": ["contracts targets csv"],
    "vip_climate.views.export": ["vip deltagere csv", "vip forpligtelser xlsx", "vip rapporter csv"],
    "infrastructure.views.index": ["infrastructure 7+3 csv", "infrastructure 7+3 xlsx"],
    "infrastructure.views.matrix": ["infrastructure matrix csv", "infrastructure matrix xlsx"],
    "education.views.allocation_export": ["education allocation csv", "education allocation xlsx"],
    "education.importers.export_bytes": ["education allocation csv", "education allocation xlsx"],
    "comparison.views.export": ["comparison csv", "comparison xlsx"],
    "api.views.download": ["api datasets", "open data datasets"],
    "api.views.get": ["api datasets"],
    "api.open_data.dataset_file": ["open data datasets"],
    "meetings.packet.render_export": ["meetings export index csv"],
}
DATASET_CASES = {"api datasets", "open data datasets"}  # every dataset, in test_every_dataset_download_...
# Tables inside a file rather than a response: the meeting export's index.csv (tests/meetings/test_packet.py,
# test_export_index_neutralises_a_hostile_title).
ZIPPED_CASES = {"meetings export index csv"}


def test_every_export_is_listed():
    assert _writers() == set(WRITERS), "a function writes a table: list it in WRITERS and its URL in CASES"
    ids = {case.id for case in CASES} | DATASET_CASES | ZIPPED_CASES
    assert {i for cases in WRITERS.values() for i in cases} <= ids


def test_no_module_but_core_tabular_writes_csv_or_xlsx_itself():
    assert _own_writers() == []


# --- the exports themselves -----------------------------------------------------------------------------


def _cells(response) -> list[tuple[object, str]]:
    """Every cell as (value, kind): kind is "n" (number), "s" (text) or "f" (a formula)."""
    if response["Content-Type"].startswith("text/csv"):
        text = response.content.decode("utf-8-sig")
        return [
            (cell, "s") for row in csv.reader(io.StringIO(text, newline=""), delimiter=";") for cell in row
        ]
    workbook = load_workbook(io.BytesIO(response.content))
    return [
        (cell.value, cell.data_type)
        for sheet in workbook.worksheets
        for row in sheet.iter_rows()
        for cell in row
        if cell.value is not None
    ]


def _guarded(value: str, response) -> tuple[str, str]:
    return "'" + (value.replace("\r", "\n") if response["Content-Type"].endswith("sheet") else value), "s"


def _assert_no_formula(cells: list[tuple[object, str]], url: str) -> None:
    for cell, kind in cells:
        assert kind != "f", f"a formula cell in {url}: {cell!r}"
        if kind == "s" and str(cell).startswith(GUARDED):
            assert NUMBER.fullmatch(str(cell)), f"an unguarded cell in {url}: {cell!r}"


@pytest.mark.parametrize("value", HOSTILE, ids=repr)
@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_an_export_neutralises_a_hostile_value_and_keeps_numbers(client, secretariat, case, value):
    assert Contract.objects.filter(year=2023).exists()
    case.inject(value)
    client.force_login(secretariat)
    url = case.url() if callable(case.url) else case.url
    response = client.get(url)
    assert response.status_code == 200, url
    assert "attachment" in response["Content-Disposition"]
    cells = _cells(response)
    assert _guarded(value, response) in cells, f"{value!r} not found guarded in {url}"
    _assert_no_formula(cells, url)
    if case.number is not None:
        number = (str(case.number), "s") if response["Content-Type"].startswith("text/csv") else None
        assert number in cells if number else any(v == case.number and k == "n" for v, k in cells)


@pytest.mark.parametrize("value", HOSTILE, ids=repr)
def test_every_dataset_download_of_the_api_and_the_open_data_neutralises_a_hostile_value(
    client, secretariat, value
):
    from api.datasets import all_datasets
    from api.models import PublicDataset

    # the municipality's new name last: the others look Albertslund up by name
    for inject in (_contract_measurement, _contract_target, _vip_participant, _vip_commitment, _vip_report):
        inject(value)
    _infrastructure_project(value)
    _municipality_name(value)
    datasets = all_datasets()
    for dataset in datasets:
        PublicDataset.objects.update_or_create(key=dataset.key, defaults={"is_public": True})
    client.force_login(secretariat)
    found = {"api": 0, "data": 0}
    for dataset in datasets:
        for fmt in ("csv", "xlsx"):
            for where, url in (
                ("api", f"/api/v1/{dataset.area}/{dataset.name}.{fmt}"),
                ("data", f"/data/{dataset.area}/{dataset.name}.{fmt}"),
            ):
                response = client.get(url)
                assert response.status_code == 200, url
                cells = _cells(response)
                _assert_no_formula(cells, url)
                found[where] += _guarded(value, response) in cells
    assert found["api"] and found["data"], found  # the hostile text reaches some datasets, guarded
