"""Every importer, through its own page: hostile files are refused fast and small, a preview commits once.

The importers are listed in IMPORTERS; test_every_upload_form_is_listed fails when a form with a file field
appears that is not, so a new importer gets the same tests.
"""

from __future__ import annotations

import gc
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

import pytest
from django import forms
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client

from comparison.models import Population
from contracts.models import Measurement
from core.models import PreviewCommit
from education.models import Allocation, Programme, RealisedIntake
from education.seed_data import ALLOCATION_TABLE
from tests import hostile_files
from vip_climate.models import MunicipalityCommitment

pytestmark = pytest.mark.django_db

CONTRACT_HEADER = ("delmål", "dato", "værdi", "kontrolgruppe", "segment", "kommune", "milepæl", "note")
ASSISTANT = "social-og-sundhedsassistent"


def _assistant() -> int:
    return Programme.objects.get(slug=ASSISTANT).pk


def _allocation_csv(header: str) -> bytes:
    return "\n".join([header] + [f"{row[0]};{row[4]}" for row in ALLOCATION_TABLE]).encode()


@dataclass
class Importer:
    name: str
    url: str
    user: str  # a fixture
    header: tuple[str, ...]
    fields: Callable[[], dict] = dict
    file_field: str = "file"
    valid: Callable[[], bytes] | None = None  # a file that previews cleanly (None: no preview to commit)
    commit_url: str = ""  # "" : the upload page itself takes the token
    commit_fields: dict = field(default_factory=dict)  # sent with the token
    effect: Callable[[], int] = lambda: 0  # counts what a commit writes
    writes: int = 0  # by how much one commit of the valid file moves effect()
    forms: tuple[str, ...] = field(default=())  # the upload forms it serves (module.Class)


IMPORTERS = [
    Importer(
        "contracts measurements",
        "/contracts/2023/import/",
        "erhvervshus_member",
        CONTRACT_HEADER,
        valid=lambda: (
            ";".join(CONTRACT_HEADER)
            + "\n2.1.1;2023-01-31;12;;;Bornholm;;januar\n2.1.1;2023-02-28;9;;;Ballerup;;\n3.1;2023-12-01;81,5;;drift;;;\n"
        ).encode(),
        commit_url="/contracts/2023/import/gem/",
        effect=lambda: Measurement.objects.count(),
        writes=3,
        forms=("contracts.forms.ImportForm",),
    ),
    Importer(
        "education allocation",
        "/education/import/fordeling/",
        "secretariat",
        ("kommune", "pladser"),
        fields=lambda: {"year": 2024, "programme": _assistant()},
        valid=lambda: _allocation_csv("Kommune;Pladser"),
        commit_url="/education/import/fordeling/godkend/",
        effect=lambda: Allocation.objects.count(),
        writes=1,
        forms=("education.forms.ImportForm",),
    ),
    Importer(
        "education intake",
        "/education/import/optag/",
        "secretariat",
        ("kommune", "optag"),
        fields=lambda: {"year": 2023, "programme": _assistant()},
        valid=lambda: _allocation_csv("Kommune;Optag"),
        commit_url="/education/import/optag/godkend/",
        effect=lambda: RealisedIntake.history.count(),
        writes=29,
        forms=("education.forms.ImportForm",),
    ),
    Importer(
        "education calculator key",
        "/education/beregner/",
        "secretariat",
        ("kommune", "nøgle"),
        fields=lambda: {
            "action": "calculate",
            "year": 2024,
            "programme": _assistant(),
            "total": "300",
            "key_source": "file",
        },
        file_field="key_file",
        valid=lambda: _allocation_csv("Kommune;Nøgle"),
        commit_fields={"action": "save"},
        effect=lambda: Allocation.objects.count(),
        writes=1,
        forms=("education.forms.CalculatorForm",),
    ),
    Importer(
        "VIP commitments",
        "/vip/forpligtelser/indlaes/",
        "secretariat",
        ("forpligtelse", "kommune", "status"),
        valid=lambda: (
            "forpligtelse;kommune;status;dato\n"
            "bioaffald-2022;Albertslund;Opfyldt;2022-05-01\n"
            "klima-og-energiplan-2022;Lyngby-Taarbæk;I gang;\n"
        ).encode(),
        effect=lambda: MunicipalityCommitment.history.count(),
        writes=2,
        forms=("vip_climate.forms.CommitmentImportForm",),
    ),
    Importer(
        "comparison population",
        "/sammenligning/indbyggertal/",
        "secretariat",
        ("kommune", "indbyggere"),
        fields=lambda: {"year": 2023, "source": "Danmarks Statistik"},
        valid=lambda: "Kommune;Indbyggere\nBrøndby;35.000\nHørsholm;25.000\n".encode(),
        commit_url="/sammenligning/indbyggertal/gem/",
        effect=lambda: Population.history.count(),
        writes=2,
        forms=("comparison.forms.PopulationImportForm",),
    ),
]
COMMITTING = [i for i in IMPORTERS if i.valid is not None]


def _subclasses(cls):
    for sub in cls.__subclasses__():
        yield sub
        yield from _subclasses(sub)


def test_every_upload_form_is_listed():
    import comparison.forms  # noqa: F401
    import contracts.forms  # noqa: F401  (the forms modules define the upload forms)
    import education.forms  # noqa: F401
    import meetings.forms  # noqa: F401
    import vip_climate.forms  # noqa: F401

    with_files = {
        f"{form.__module__}.{form.__qualname__}"
        for form in set(_subclasses(forms.BaseForm))
        if not form.__module__.startswith(("django.", "tests."))
        and any(isinstance(f, forms.FileField) for f in form.base_fields.values())
    }
    listed = {name for importer in IMPORTERS for name in importer.forms} | set(NOT_TABLES)
    assert with_files == listed, "an upload form is not in IMPORTERS (tests/test_imports.py)"


# Upload forms that take no table: where their hostile files are tested instead.
NOT_TABLES = {
    "meetings.forms.UploadAnnexForm": "tests/meetings/test_views.py (PDF by content, size limit)",
}


# --- hostile files: refused in < 2 s of CPU and < 100 MB -------------------------------------------------


def _peak_rss_growth(run: Callable[[], object]) -> tuple[object, float, int]:
    """Run it; return its result, the CPU seconds this thread spent and the process's peak RSS growth."""
    gc.collect()
    with open("/proc/self/clear_refs", "w") as refs:
        refs.write("5")  # resets the peak (VmHWM) to the current size (Linux)

    def status(key: str) -> int:
        with open("/proc/self/status") as lines:
            return next(int(line.split()[1]) for line in lines if line.startswith(key)) * 1024

    before, cpu = status("VmRSS:"), time.thread_time()
    result = run()
    return result, time.thread_time() - cpu, status("VmHWM:") - before


HOSTILE = {
    "million-row xlsx": (lambda header: hostile_files.million_row_xlsx(header), "f.xlsx", "for mange rækker"),
    "million-row xlsx without its range": (
        lambda header: hostile_files.million_row_xlsx(header, declared=False),
        "f.xlsx",
        "for mange rækker",
    ),
    "million-row csv": (
        lambda header: hostile_files.million_row_csv(";".join(header)),
        "f.csv",
        "for mange rækker",
    ),
    "zip bomb": (lambda header: hostile_files.zip_bomb_xlsx(), "f.xlsx", "fylder for meget udpakket"),
    "lying zip bomb": (lambda header: hostile_files.lying_zip_bomb_xlsx(), "f.xlsx", "kunne ikke læses"),
}


@pytest.mark.parametrize("hostile", HOSTILE)
@pytest.mark.parametrize("importer", IMPORTERS, ids=lambda i: i.name)
def test_a_hostile_file_is_refused_fast_and_small_with_a_message(client, request, importer, hostile):
    client.force_login(request.getfixturevalue(importer.user))
    make, name, message = HOSTILE[hostile]
    content = make(importer.header)
    before = importer.effect()

    def post():
        return client.post(
            importer.url, {**importer.fields(), importer.file_field: SimpleUploadedFile(name, content)}
        )

    # The first such request of a process imports the file readers and compiles the templates (~1.5 s of
    # CPU here), a cost the file did not cause and that fails this test when it runs first: measure the next.
    assert message in post().content.decode()
    response, cpu, peak = _peak_rss_growth(post)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert "token" not in (response.context or {}) or not response.context["token"]
    assert importer.effect() == before
    assert cpu < 2, f"{cpu:.2f} s of CPU"
    assert peak < 100 * 2**20, f"{peak / 2**20:.0f} MB"


# --- a preview commits at most once ---------------------------------------------------------------------


def _preview(client: Client, importer: Importer) -> str:
    data = {**importer.fields(), importer.file_field: SimpleUploadedFile("f.csv", importer.valid())}
    response = client.post(importer.url, data)
    assert response.status_code == 200
    token = response.context["token"]
    assert token, response.content.decode()
    return token


def _commit(client: Client, importer: Importer, token: str):
    return client.post(importer.commit_url or importer.url, {**importer.commit_fields, "token": token})


@pytest.mark.parametrize("importer", COMMITTING, ids=lambda i: i.name)
def test_a_second_commit_of_the_same_preview_says_it_is_done_and_writes_nothing(client, request, importer):
    client.force_login(request.getfixturevalue(importer.user))
    before = importer.effect()
    token = _preview(client, importer)
    assert _commit(client, importer, token).status_code == 302
    once = importer.effect()
    assert once - before == importer.writes
    again = _commit(client, importer, token)
    assert again.status_code == 302
    assert importer.effect() == once
    page = client.get(again["Location"]).content.decode()
    assert "er allerede indlæst" in page or "er allerede gemt" in page


@pytest.mark.parametrize("encoding", ["cp1252", "utf-16"])
@pytest.mark.parametrize("importer", COMMITTING, ids=lambda i: i.name)
def test_danish_excel_csv_in_windows_1252_or_utf16_previews_like_utf8(client, request, importer, encoding):
    client.force_login(request.getfixturevalue(importer.user))
    text = importer.valid().decode()
    assert any(letter in text for letter in "æøåÆØÅ")  # the letters a wrong decoding would break
    if encoding == "utf-16":
        text = text.replace(";", "\t")  # Excel's "Unicode-tekst": tab-separated, with a byte order mark
    data = {**importer.fields(), importer.file_field: SimpleUploadedFile("f.csv", text.encode(encoding))}
    response = client.post(importer.url, data)
    assert response.status_code == 200
    assert response.context["token"], response.content.decode()


@pytest.mark.parametrize("importer", COMMITTING, ids=lambda i: i.name)
def test_the_commit_button_sends_once(client, request, importer):
    client.force_login(request.getfixturevalue(importer.user))
    data = {**importer.fields(), importer.file_field: SimpleUploadedFile("f.csv", importer.valid())}
    html = client.post(importer.url, data).content.decode()
    form = html[html.index('name="token"') - 400 : html.index('name="token"')]
    assert "data-submit-once" in form
    assert "js/submit-once" in html


@pytest.mark.services
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("importer", COMMITTING, ids=lambda i: i.name)
def test_two_concurrent_commits_of_one_preview_write_it_once(request, importer):
    """Two requests with the same session and token at the same moment, each on its own connection."""
    assert connection.vendor == "postgresql"
    first = Client()
    first.force_login(request.getfixturevalue(importer.user))
    before = importer.effect()
    token = _preview(first, importer)
    second = Client()
    second.cookies = first.cookies  # the same browser: two tabs, or a double click

    barrier, results = threading.Barrier(2), {}

    def slow_writes(execute, sql, params, many, context):
        # Each row an import writes takes a moment, so the other request arrives while the first is
        # still inside its transaction (with the session it read still holding the preview).
        writes = sql.lstrip().upper().startswith(("INSERT", "UPDATE"))
        if writes and "django_session" not in sql and "core_previewcommit" not in sql:
            time.sleep(0.2)
        return execute(sql, params, many, context)

    def post(name: str, client: Client) -> None:
        try:
            barrier.wait()
            with connection.execute_wrapper(slow_writes):
                results[name] = _commit(client, importer, token).status_code
        except Exception as error:  # a 500 raises in the test client
            results[name] = repr(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=post, args=(n, c)) for n, c in (("first", first), ("second", second))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert results == {"first": 302, "second": 302}
    assert importer.effect() - before == importer.writes
    assert PreviewCommit.objects.count() == 1
