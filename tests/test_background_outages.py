"""Background work survives a broker outage and a whole-worker SIGKILL (issue #15), with real processes:
a gunicorn web process whose broker is a closed port, the real Celery worker, and for the kill a worker and
a beat of their own."""

import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from contracts.models import FulfilmentSnapshot, Measurement, Target
from core import dispatch
from core.models import PendingTask, ReportingPeriod
from core.tasks import send_pending_tasks
from kkr_portal.celery import app as celery_app
from reports import services
from reports.models import ReportJob
from reports.tasks import render_report_job

pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True)]

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def database_url() -> str:
    db = connection.settings_dict
    return (
        f"postgres://{db['USER'] or 'postgres'}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"
    )


def process_env(**extra) -> dict:
    return {
        **os.environ,
        "DATABASE_URL": database_url(),
        "DB_CONN_MAX_AGE": "0",
        "DJANGO_DEBUG": "1",
        "SECRET_KEY": settings.SECRET_KEY,
        "MEDIA_ROOT": str(settings.MEDIA_ROOT),
        **extra,
    }


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


# --- a web process whose broker is down ----------------------------------------------------------------


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Browser:
    """Just enough of a browser for a real web process: cookies, the CSRF token, no automatic redirects."""

    def __init__(self, base: str, session_key: str) -> None:
        self.base = base
        self.cookies = {settings.SESSION_COOKIE_NAME: session_key}
        self.opener = urllib.request.build_opener(NoRedirect)

    def _open(self, request) -> tuple[int, str, dict]:
        request.add_header("Cookie", "; ".join(f"{k}={v}" for k, v in self.cookies.items()))
        try:
            response = self.opener.open(request, timeout=60)
        except urllib.error.HTTPError as error:
            response = error
        for header in response.headers.get_all("Set-Cookie") or []:
            name, _, rest = header.partition("=")
            self.cookies[name.strip()] = rest.split(";", 1)[0]
        return response.status, response.read().decode(), dict(response.headers)

    def get(self, path: str) -> tuple[int, str, dict]:
        return self._open(urllib.request.Request(self.base + path))

    def post(self, path: str, form_page: str, data: dict) -> tuple[int, str, dict, float]:
        """POST `data` with the CSRF token of `form_page`; returns status, body, headers and seconds."""
        status, body, _ = self.get(form_page)
        assert status == 200, body[:500]
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', body).group(1)
        payload = urllib.parse.urlencode({**data, "csrfmiddlewaretoken": token}).encode()
        request = urllib.request.Request(self.base + path, data=payload, method="POST")
        request.add_header("Referer", self.base + form_page)
        started = time.monotonic()
        status, body, headers = self._open(request)
        return status, body, headers, time.monotonic() - started


@pytest.fixture
def web_without_broker(tmp_path):
    """gunicorn on the test database, its Celery broker and result store a port where nothing listens."""
    port, dead = free_port(), free_port()
    log = tmp_path / "web.log"
    dead_redis = f"redis://127.0.0.1:{dead}/6"
    env = process_env(REDIS_URL=dead_redis, CELERY_BROKER_URL=dead_redis, CELERY_RESULT_BACKEND=dead_redis)
    with open(log, "w") as log_file:
        process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "kkr_portal.wsgi", "--bind", f"127.0.0.1:{port}", "--workers",
             "1", "--timeout", "120"],
            cwd=ROOT, env=env, stdout=log_file, stderr=subprocess.STDOUT, start_new_session=True,
        )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            urllib.request.urlopen(base + "/healthz", timeout=5)
        except urllib.error.HTTPError:
            break  # 503: up, and it says the broker is down
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"gunicorn did not start: {log.read_text()[-3000:]}") from None
            time.sleep(0.3)
            continue
        break
    process.base_url = base
    process.log_path = log
    yield process
    stop(process)


def logged_in(web, user) -> Browser:
    client = Client()
    client.force_login(user)
    return Browser(web.base_url, client.cookies[settings.SESSION_COOKIE_NAME].value)


def test_a_report_requested_while_the_broker_is_down_is_queued_quickly_and_rendered_when_it_is_back(
    web_without_broker, celery_worker_process, board_member
):
    browser = logged_in(web_without_broker, board_member)
    index = reverse("reports:index")
    form = {"kind": "half_yearly", "period": "2022-autumn"}

    status, body, headers, seconds = browser.post(reverse("reports:request"), index, form)
    assert status == 302, f"{status} {body[:300]}\n{web_without_broker.log_path.read_text()[-3000:]}"
    assert seconds < 3, f"the request took {seconds:.1f} s"
    print(f"\nbroker down: report request answered in {seconds:.2f} s")
    job = ReportJob.objects.get()
    assert headers["Location"] == reverse("reports:job_detail", args=[job.pk])
    assert job.state == ReportJob.State.QUEUED
    assert dispatch.is_pending(render_report_job, job.pk)
    status, page, _ = browser.get(headers["Location"])
    assert status == 200 and "Rapporten står i kø. Baggrundstjenesten svarer ikke lige nu" in page

    # Asking again while the broker is still down neither blocks nor makes a second job.
    status, body, headers, seconds = browser.post(reverse("reports:request"), index, form)
    assert status == 302 and seconds < 3, (status, seconds)
    assert ReportJob.objects.get().pk == job.pk

    # The broker is back (this test process's own broker): a new request sends the queued job again.
    client = Client()
    client.force_login(board_member)
    response = client.post(reverse("reports:request"), form)
    assert response.status_code == 302
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        job.refresh_from_db()
        if job.state in (ReportJob.State.DONE, ReportJob.State.FAILED):
            break
        time.sleep(0.5)
    assert job.state == ReportJob.State.DONE, job.error
    assert job.version == 1 and ReportJob.objects.count() == 1
    assert not PendingTask.objects.exists()
    job.file.delete(save=False)


def test_a_measurement_added_while_the_broker_is_down_is_saved_and_the_sweeper_recomputes_later(
    web_without_broker, celery_worker_process, erhvervshus_member
):
    target = Target.objects.get(goal__contract__year=2023, code="1.1")
    browser = logged_in(web_without_broker, erhvervshus_member)
    page = reverse("contracts:measurement_create", args=[target.pk])
    data = {"measured_on": "2023-09-30", "value": "37,5", "source": "external_survey", "note": "uden broker"}

    status, body, headers, seconds = browser.post(page, page, data)
    assert status == 302, f"{status} {body[:300]}\n{web_without_broker.log_path.read_text()[-3000:]}"
    assert seconds < 3, f"the request took {seconds:.1f} s"
    print(f"\nbroker down: measurement saved and answered in {seconds:.2f} s")
    assert Measurement.objects.get(target=target).value == Decimal("37.5")
    status, detail, _ = browser.get(headers["Location"])
    assert status == 200 and "beregnes igen, så snart baggrundstjenesten svarer" in detail
    pending = PendingTask.objects.get()
    assert pending.task == "contracts.compute_snapshot" and pending.attempts == 1

    # The broker is back: the beat's sweep (run here, sending to this test's worker) sends the recomputation.
    PendingTask.objects.update(created_at=timezone.now() - timedelta(minutes=1))
    assert send_pending_tasks.apply().get() == 1
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        snapshot = FulfilmentSnapshot.objects.filter(contract=target.goal.contract).order_by("-computed_at")
        status_row = snapshot.first() and snapshot.first().target_statuses.filter(target=target).first()
        if status_row and status_row.value == Decimal("37.5"):
            break
        time.sleep(0.5)
    else:
        raise AssertionError("the snapshot was not recomputed after the broker came back")
    assert not PendingTask.objects.exists()


# --- a whole worker SIGKILLed in the middle of a render ------------------------------------------------


def start(command: list[str], log: Path, **env) -> subprocess.Popen:
    with open(log, "a") as log_file:
        return subprocess.Popen(
            [sys.executable, "-m", "celery", "-A", "kkr_portal", *command],
            cwd=ROOT, env=process_env(**env), stdout=log_file, stderr=subprocess.STDOUT, start_new_session=True,
        )  # fmt: skip


def worker(queue: str, log: Path, **env) -> subprocess.Popen:
    return start(
        ["worker", "--loglevel=INFO", "--concurrency=1", "--pool=prefork", "-Q", queue,
         "-n", f"kill-{uuid.uuid4().hex[:8]}@%h", "--without-gossip", "--without-mingle"],
        log, CELERY_TASK_DEFAULT_QUEUE=queue, **env,
    )  # fmt: skip


def wait_for(job: ReportJob, states, timeout: float, log: Path) -> ReportJob:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        job.refresh_from_db()
        if job.state in states:
            return job
        time.sleep(0.5)
    raise AssertionError(f"job {job.pk} still {job.state} after {timeout} s\n{log.read_text()[-4000:]}")


def test_a_whole_worker_sigkilled_mid_render_finishes_the_report_once_within_two_minutes_of_its_restart(
    secretariat, tmp_path
):
    """Default limits (heartbeat stale after 60 s, sweep every 30 s, Redis redelivery only after an hour):
    the beat's sweeper, not the broker, brings the job back."""
    queue = f"kill-{uuid.uuid4().hex[:8]}"
    log = tmp_path / "processes.log"
    period = ReportingPeriod.from_code("2022-autumn")
    job, _ = services.report_job_request(
        kind=ReportJob.Kind.HALF_YEARLY, period=period, by=secretariat, queue=False
    )
    beat = start(["beat", "--loglevel=INFO", "--schedule", str(tmp_path / "beat-schedule")], log,
                 CELERY_TASK_DEFAULT_QUEUE=queue)  # fmt: skip
    first = worker(queue, log, KKR_REPORT_RENDER_DELAY="120", KKR_REPORT_HEARTBEAT_SECONDS="2")
    second = None
    try:
        render_report_job.apply_async(args=[job.pk], queue=queue)
        job = wait_for(job, {ReportJob.State.RUNNING}, 90, log)
        started_at = job.started_at
        time.sleep(5)
        job.refresh_from_db()
        assert job.heartbeat_at > started_at, "the heartbeat does not beat while the worker renders"

        os.killpg(
            first.pid, signal.SIGKILL
        )  # main process and pool child: nothing acknowledges, nothing cleans up
        first.wait(timeout=10)
        killed = time.monotonic()
        job.refresh_from_db()
        assert job.state == ReportJob.State.RUNNING and not job.file

        second = worker(queue, log, KKR_REPORT_RENDER_DELAY="0")
        restarted = time.monotonic()
        job = wait_for(job, {ReportJob.State.DONE, ReportJob.State.FAILED}, 150, log)
        recovered = time.monotonic()
        assert job.state == ReportJob.State.DONE, job.error
        print(
            f"\nwhole-worker SIGKILL: report done {recovered - restarted:.0f} s after the worker restart "
            f"({recovered - killed:.0f} s after the kill)"
        )
        assert recovered - restarted < 120
        assert job.attempts == 2
        folder = Path(job.file.path).parent
        assert [p.name for p in folder.iterdir() if p.name.startswith(f"job-{job.pk}-")] == [
            Path(job.file.name).name
        ]
        assert job.file.read().startswith(b"%PDF-")
        assert job.history.filter(state=ReportJob.State.DONE).count() == 1
    finally:
        for process in (first, second, beat):
            if process is not None:
                stop(process)
        with celery_app.connection_for_write() as conn:
            conn.default_channel.queue_delete(queue)
        if job.file:
            job.file.delete(save=False)
