"""The cast of users, the real Celery worker and the real browser, shared by every test module."""

import io
import os
import shutil
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection, transaction
from django.test import Client
from django.utils import translation
from pytest_django.plugin import blocking_manager_key

from core.models import Organisation, ReportingPeriod, User
from core.roles import BOARD, SECRETARIAT
from kkr_portal.celery import app as celery_app
from vip_climate.models import Project

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
SERVICES_READY = settings.DATABASES["default"]["ENGINE"].endswith("postgresql") and bool(
    settings.CELERY_BROKER_URL
)
# Under xdist each pytest worker has its own test database, so it gets its own queue and Celery worker too.
TEST_QUEUE = f"kkr-tests-{os.environ.get('PYTEST_XDIST_WORKER', 'main')}"
celery_app.conf.task_default_queue = TEST_QUEUE


def pytest_configure(config):
    # PBKDF2 costs ~0.5 s per fixture user; the hasher is not what these tests are about.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def pytest_collection_modifyitems(config, items):
    """Skip, with the reason, what this machine cannot run; in CI (KKR_REQUIRE_*) refuse to run at all."""
    from tests.seed_source import SEED

    missing = {
        "browser": None
        if Path(CHROMIUM).exists()
        else f"no chromium at {CHROMIUM}: apt-get install chromium",
        "seed": None if SEED.exists() else f"the source documents are not at {SEED} (set KKR_SEED_DIR)",
    }
    for need, variable in (("browser", "KKR_REQUIRE_BROWSER"), ("seed", "KKR_REQUIRE_SEED")):
        if missing[need] and os.environ.get(variable):
            raise pytest.UsageError(f"{variable} is set but {missing[need]}")
    services_skip = pytest.mark.skip(
        reason="needs PostgreSQL and Redis: set DATABASE_URL and REDIS_URL (make test-services, or CI)"
    )
    # `make test` builds its databases from the models (--nomigrations, fast); the services run builds them
    # with the migrations, so the tests of the migrations themselves run there.
    migrations_skip = pytest.mark.skip(
        reason="tests a migration: runs where the test database is migrated (make test-services, or CI)"
    )
    for item in items:
        if "migrations" in item.keywords and config.getoption("nomigrations", False):
            item.add_marker(migrations_skip)
        if "services" in item.keywords and not SERVICES_READY:
            item.add_marker(services_skip)
        if "browser" in item.keywords and missing["browser"]:
            item.add_marker(pytest.mark.skip(reason=missing["browser"]))
        # The tests that compare our data with the source text all read it through `seed_text`.
        if "seed_text" in getattr(item, "fixturenames", ()) and missing["seed"]:
            item.add_marker(pytest.mark.skip(reason=missing["seed"]))


@pytest.fixture(autouse=True)
def _dashboard_cache_forgotten():
    """Each test's dashboard panels start uncached: the cache outlives the test's rolled-back rows."""
    from core import dashboard_cache

    dashboard_cache.forget_all()


@pytest.fixture(autouse=True)
def _language_restored():
    """A request through LocaleMiddleware leaves its language active in the thread: give it back after."""
    with translation.override(settings.LANGUAGE_CODE):
        yield


@pytest.fixture(autouse=True)
def _celery_mode(request, settings):
    """Tests run tasks in-process unless marked `services`, which send them through Redis to a worker."""
    eager = "services" not in request.keywords
    previous = celery_app.conf.task_always_eager
    celery_app.conf.task_always_eager = eager
    settings.CELERY_TASK_ALWAYS_EAGER = eager
    yield
    celery_app.conf.task_always_eager = previous
    if not eager and WORKER_NODE:
        wait_until_the_worker_is_idle(WORKER_NODE[0])


# The node name of this test process's Celery worker, once `celery_worker_process` has started it.
WORKER_NODE: list[str] = []


def wait_until_the_worker_is_idle(node: str, timeout: float = 30) -> None:
    """Wait (at most `timeout` seconds) until the test queue is empty and the worker runs nothing.

    A task a services test sent (a fulfilment computation its commit queued, say) may still be running when
    the test ends. The flush of a transactional test (TRUNCATE) would then wait on that task's locks, or
    deadlock with it, and the task would read a database the next test is filling.
    """
    # limit=1: return on the worker's one reply, not after the whole timeout.
    inspect = celery_app.control.inspect(destination=[node], timeout=2, limit=1)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with celery_app.connection_for_write() as broker:
            waiting = broker.default_channel.client.llen(TEST_QUEUE)
        running = [*((inspect.active() or {}).get(node) or []), *((inspect.reserved() or {}).get(node) or [])]
        if not waiting and not running:
            return
        time.sleep(0.1)


# --- the KKR data, loaded once per test database -------------------------------------------------------

OUR_APPS = (
    "core",
    "contracts",
    "vip_climate",
    "infrastructure",
    "education",
    "comparison",
    "meetings",
    "reports",
    "notifications",
)


def our_models(*, with_groups: bool = False) -> list:
    """Every table of ours (history and many-to-many tables included); the role groups on request."""
    models = [m for m in apps.get_models(include_auto_created=True) if m._meta.app_label in OUR_APPS]
    return [Group, *models] if with_groups else models


class ReferenceData:
    """The KKR data, loaded once per test database through the real loader, kept in memory as rows.

    A transactional test (live server, browser, real worker) ends with a flush; putting the rows back is one
    bulk insert per table (~0.2 s), where running the loader again costs seconds.
    """

    rows: list[tuple[type, list]] = []
    content_types: dict[int, tuple[str, str]] = {}

    @classmethod
    def load(cls) -> None:
        call_command("load_kkr_data", stdout=io.StringIO())
        cls.rows = [
            (model, list(model._base_manager.order_by("pk"))) for model in our_models(with_groups=True)
        ]
        cls.content_types = {ct.pk: (ct.app_label, ct.model) for ct in ContentType.objects.all()}

    @classmethod
    def restore(cls) -> None:
        # The flush recreates the content types, with new ids where sequences are not reset (PostgreSQL): a
        # generic link (meetings.ItemLink) is put back pointing at the same model by its natural key.
        now = {(ct.app_label, ct.model): ct.pk for ct in ContentType.objects.all()}
        remap = {old: now[key] for old, key in cls.content_types.items() if key in now}
        with transaction.atomic():
            for model, rows in cls.rows:
                for field in model._meta.concrete_fields:
                    if field.is_relation and field.related_model is ContentType:
                        for row in rows:
                            old = getattr(row, field.attname)
                            setattr(row, field.attname, remap.get(old, old))
                model._base_manager.bulk_create(rows)
        # The kept rows now hold today's ids: the next restore maps from these.
        cls.content_types = {pk: key for key, pk in now.items()}


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Load the KKR data once; each test then runs in a transaction on top of it and rolls back."""
    with django_db_blocker.unblock():
        ReferenceData.load()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """A transactional test (live server, browser, real worker) ends with a flush: put the data back after it.

    A hook wrapper, so that this runs after every fixture of the test, the flush included.
    """
    result = yield
    marker = item.get_closest_marker("django_db")
    fixtures = getattr(item, "fixturenames", ())
    transactional = "transactional_db" in fixtures or "live_server" in fixtures
    # After the last test the session's teardown has already destroyed the test database.
    if nextitem is not None and (transactional or (marker and marker.kwargs.get("transaction"))):
        blocker = item.config.stash[blocking_manager_key]
        with blocker.unblock():
            if ReferenceData.rows and not Organisation.objects.exists():
                ReferenceData.restore()
    return result


@pytest.fixture
def empty_database(request):
    """For tests about a fresh database: our apps' rows removed, inside this test's transaction, or for a
    transactional test until its flush (after which the data is put back)."""
    marker = request.node.get_closest_marker("django_db")
    request.getfixturevalue("transactional_db" if marker and marker.kwargs.get("transaction") else "db")
    tables = [model._meta.db_table for model in our_models()]
    with connection.cursor() as cursor:
        for statement in connection.ops.sql_flush(no_style(), tables, allow_cascade=True):
            cursor.execute(statement)


def verify_second_factor(client, user) -> None:
    """Give the client's session a passed second factor, as if the user had typed the code.

    A user for whom two-factor login is required (staff, superusers, the Secretariat) gets a confirmed TOTP
    device first if they have none; a user with no device and no requirement is left as is."""
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from accounts.two_factor import app_device, is_required

    user = User.objects.get(pk=user.pk)  # fresh: groups or flags may have changed since the object was made
    device = app_device(user)
    if device is None:
        if not is_required(user):
            return
        device = TOTPDevice.objects.create(user=user, name="test device", confirmed=True)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()


@pytest.fixture(autouse=True)
def _force_login_passes_second_factor(request, monkeypatch):
    """`client.force_login(user)` stands for a whole login, second factor included: the suite's ~2400
    tests (and `page_for`) log in so. The tests of the two-factor login itself opt out with the
    `real_second_factor` marker and go through the real steps."""
    if request.node.get_closest_marker("real_second_factor"):
        return
    force_login = Client.force_login

    def force_login_with_second_factor(self, user, backend=None):
        force_login(self, user, backend)
        verify_second_factor(self, user)

    monkeypatch.setattr(Client, "force_login", force_login_with_second_factor)


@pytest.fixture
def kkr_data(db):
    """All of the KKR data from the source documents: loaded once per test database (django_db_setup)."""


@pytest.fixture
def organisations(db):
    return {o.name: o for o in Organisation.objects.all()}


def _user(username, *, group=None, organisation=None):
    user = User.objects.create_user(
        username=username, password="pw-for-tests", email=f"{username}@example.org"
    )
    if organisation is not None:
        user.organisation = organisation
        user.save()
    if group:
        user.groups.add(Group.objects.get_or_create(name=group)[0])  # flushed in transactional tests
    return user


@pytest.fixture
def secretariat(organisations):
    return _user("sekretariat", group=SECRETARIAT, organisation=organisations["KKR-sekretariatet"])


@pytest.fixture
def board_member(organisations):
    return _user("bestyrelse", group=BOARD)


@pytest.fixture
def albertslund_member(organisations):
    """A member of Albertslund, which leads VIP 2 from November 2022."""
    return _user("albertslund", organisation=organisations["Albertslund"])


@pytest.fixture
def other_member(organisations):
    """A member of a municipality that leads nothing in the seed's data we rely on."""
    return _user("gentofte", organisation=organisations["Gentofte"])


@pytest.fixture
def erhvervshus_member(organisations):
    return _user("erhvervshus", organisation=organisations["Erhvervshus Hovedstaden"])


@pytest.fixture
def plain_user(organisations):
    """Logged in, but neither a role nor an organisation."""
    return _user("udenrolle")


# Each pytest-xdist worker keeps its own keys in the shared Redis (dashboard tokens, cached pages, API
# throttles): another worker's writes must not drop this one's cached panels in the middle of a test. Its
# Celery worker process inherits the prefix through the environment.
if os.environ.get("PYTEST_XDIST_WORKER") and settings.REDIS_URL:
    from django.test.signals import clear_cache_handlers

    os.environ["CACHE_KEY_PREFIX"] = f"test-{os.environ['PYTEST_XDIST_WORKER']}"
    settings.CACHES["default"]["KEY_PREFIX"] = os.environ["CACHE_KEY_PREFIX"]
    clear_cache_handlers(setting="CACHES")  # a cache opened before this line would keep the old prefix

# --- the real Celery worker -------------------------------------------------------------------------


@pytest.fixture(scope="session")
def celery_worker_process(django_db_setup, django_db_blocker, tmp_path_factory):
    """A real `celery worker` process on the test database and the Redis broker.

    Tests that use it also need committed data: mark them `django_db(transaction=True)`.
    """
    if not SERVICES_READY:
        pytest.skip("needs PostgreSQL and Redis")
    from django.db import connection

    db = connection.settings_dict
    database_url = (
        f"postgres://{db['USER'] or 'postgres'}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"
    )
    name = f"test-{uuid.uuid4().hex[:8]}@%h"
    with celery_app.connection_for_write() as connection_:
        connection_.default_channel.queue_purge(TEST_QUEUE)  # tasks a crashed earlier run left behind
    log = tmp_path_factory.mktemp("worker") / "worker.log"
    mail_dir = tmp_path_factory.mktemp("worker-mail")  # what the worker sends, readable by the tests
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "DB_CONN_MAX_AGE": "0",
        "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
        "EMAIL_FILE_PATH": str(mail_dir),
    }
    with open(log, "w") as log_file:
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "celery",
                "-A",
                "kkr_portal",
                "worker",
                "--loglevel=INFO",
                "--concurrency=1",
                "--pool=prefork",
                "-Q",
                TEST_QUEUE,
                "-n",
                name,
                "--without-gossip",
                "--without-mingle",
            ],
            cwd=ROOT,
            env=env,
            stdout=log_file,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"celery worker exited: {log.read_text()[-3000:]}")
        if celery_app.control.ping(destination=[name.replace("%h", socket.gethostname())], timeout=1):
            break
    else:
        process.kill()
        raise RuntimeError(f"celery worker did not answer: {log.read_text()[-3000:]}")
    process.log_path = log
    process.mail_dir = mail_dir
    WORKER_NODE[:] = [name.replace("%h", socket.gethostname())]
    yield process
    WORKER_NODE.clear()
    process.terminate()
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()


# --- the real browser -------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def browser():
    # Playwright's sync API runs an event loop in this thread; the ORM calls the tests make between
    # browser steps are still plain synchronous code.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def page_for(browser, live_server, client):
    """page_for(user) → a Playwright page already logged in as that user (None: anonymous)."""
    contexts = []

    def open_page(user=None, *, viewport=None):
        context = browser.new_context(
            base_url=live_server.url, locale="da-DK", viewport=viewport or {"width": 1280, "height": 900}
        )
        contexts.append(context)
        if user is not None:
            client.force_login(user)
            cookie = client.cookies[settings.SESSION_COOKIE_NAME]
            context.add_cookies(
                [{"name": settings.SESSION_COOKIE_NAME, "value": cookie.value, "url": live_server.url}]
            )
        page = context.new_page()
        page.set_default_timeout(15000)
        return page

    yield open_page
    for context in contexts:
        context.close()


def click_and_load(locator, **kwargs) -> None:
    """Click what submits a form or follows a link; return once the next page has loaded.

    Playwright's click no longer waits for the navigation it starts, and a form that answers on its own URL
    gives wait_for_url nothing to wait for: reading the page straight after the click can read the old page,
    or an empty one mid-navigation."""
    with locator.page.expect_navigation(**kwargs):
        locator.click()


AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def axe_violations(page) -> list[dict]:
    """Run the vendored axe-core in the page; return WCAG 2.1 AA violations (id, help, targets).

    Loaded from the portal's static files, not injected inline: the Content Security Policy allows scripts
    from 'self' only, and the tests run under the real policy."""
    page.add_script_tag(url="/static/vendor/axe/axe.min.js")
    # A button just clicked is still fading between its colours (Bootstrap's 0.15 s transition), and axe
    # would measure the contrast half-way: let every finite animation end first.
    page.evaluate(
        """async () => await Promise.all(document.getAnimations()
            .filter(a => a.effect && a.effect.getComputedTiming().endTime !== Infinity)
            .map(a => a.finished.catch(() => null)))"""
    )
    result = page.evaluate(
        "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        AXE_TAGS,
    )
    return [
        {"id": v["id"], "help": v["help"], "targets": [n["target"] for n in v["nodes"]][:5]}
        for v in result["violations"]
    ]


# --- VIP fixtures, shared by the VIP, notifications and API tests -------------------------------------


@pytest.fixture
def vip(organisations):
    """The seed: seven projects, participants, VIP 2's leads and the approved autumn 2022 round."""
    return {p.number: p for p in Project.objects.all()}


@pytest.fixture
def spring_2023(vip):
    return ReportingPeriod.objects.get(year=2023, half="spring")


@pytest.fixture
def autumn_2022(vip):
    return ReportingPeriod.objects.get(year=2022, half="autumn")


@pytest.fixture
def vip2_spring_draft(vip, spring_2023, secretariat):
    from vip_climate.services import status_report_start

    return status_report_start(project=vip[2], period=spring_2023, by=secretariat)


@pytest.fixture
def copenhagen_lead(vip):
    """Make København lead VIP 3 from 2023 (a lead of another project than Albertslund's)."""
    from datetime import date

    from vip_climate.models import LeadPeriod

    LeadPeriod.objects.create(
        project=vip[3], organisation=Organisation.objects.get(name="København"), starts=date(2023, 1, 1)
    )
    return Organisation.objects.get(name="København")
