"""Through real Celery workers on PostgreSQL and Redis: a render, and a worker killed in the middle of one."""

import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from django.db import connection

from core.models import ReportingPeriod
from kkr_portal.celery import app as celery_app
from reports import services, tasks
from reports.models import ReportJob

from .conftest import pdf_text, requires_poppler

pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True), requires_poppler]

ROOT = Path(__file__).resolve().parents[2]


def wait_for_state(job, states, timeout: float) -> ReportJob:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        job.refresh_from_db()
        if job.state in states:
            return job
        time.sleep(0.5)
    raise AssertionError(f"job {job.pk} still {job.state} after {timeout} s")


def test_a_requested_report_is_rendered_by_the_real_worker(
    celery_worker_process, organisations, board_member, tmp_path
):
    period = ReportingPeriod.from_code("2022-autumn")
    job, created = services.report_job_request(
        kind=ReportJob.Kind.HALF_YEARLY, period=period, by=board_member
    )
    assert created
    job = wait_for_state(job, {ReportJob.State.DONE, ReportJob.State.FAILED}, timeout=120)
    assert job.state == ReportJob.State.DONE, job.error
    pdf = job.file.read()
    assert len(pdf) == job.size
    text = " ".join(pdf_text(pdf, tmp_path).split())
    assert "Halvårsstatus for klima-VIP-projekterne" in text
    assert "Statusrunden efterår 2022" in text
    job.file.delete(save=False)


def start_worker(queue: str, log: Path, **env) -> subprocess.Popen:
    db = connection.settings_dict
    database_url = (
        f"postgres://{db['USER'] or 'postgres'}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"
    )
    environment = {**os.environ, "DATABASE_URL": database_url, "DB_CONN_MAX_AGE": "0", **env}
    with open(log, "a") as log_file:
        return subprocess.Popen(
            [sys.executable, "-m", "celery", "-A", "kkr_portal", "worker", "--loglevel=INFO", "--concurrency=1",
             "--pool=prefork", "-Q", queue, "-n", f"crash-{uuid.uuid4().hex[:8]}@%h", "--without-gossip",
             "--without-mingle", "--without-heartbeat"],
            cwd=ROOT, env=environment, stdout=log_file, stderr=subprocess.STDOUT, start_new_session=True,
        )  # fmt: skip


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def test_a_worker_killed_with_sigkill_mid_render_leaves_a_job_the_next_worker_completes(
    organisations, secretariat, tmp_path
):
    queue = f"reports-crash-{uuid.uuid4().hex[:8]}"
    log = tmp_path / "workers.log"
    period = ReportingPeriod.from_code("2022-autumn")
    job, _ = services.report_job_request(
        kind=ReportJob.Kind.HALF_YEARLY, period=period, by=secretariat, queue=False
    )

    # The first worker sleeps inside the render long enough for us to kill it there.
    first = start_worker(queue, log, KKR_REPORT_RENDER_DELAY="60", CELERY_VISIBILITY_TIMEOUT="5")
    second = None
    try:
        tasks.render_report_job.apply_async(args=[job.pk], queue=queue)
        job = wait_for_state(job, {ReportJob.State.RUNNING}, timeout=90)
        assert job.attempts == 1
        time.sleep(1)
        os.killpg(first.pid, signal.SIGKILL)  # the whole process group: main process and its child
        first.wait(timeout=10)
        job.refresh_from_db()
        assert job.state == ReportJob.State.RUNNING and not job.file

        # A worker comes back; Redis redelivers the unacknowledged task after the visibility timeout.
        second = start_worker(queue, log, KKR_REPORT_RENDER_DELAY="0", CELERY_VISIBILITY_TIMEOUT="5")
        job = wait_for_state(job, {ReportJob.State.DONE, ReportJob.State.FAILED}, timeout=150)
        assert job.state == ReportJob.State.DONE, f"{job.error}\n{log.read_text()[-3000:]}"
        assert job.attempts == 2
        folder = Path(job.file.path).parent
        assert [p.name for p in folder.iterdir() if p.name.startswith(f"job-{job.pk}-")] == [
            Path(job.file.name).name
        ]
        assert job.file.read().startswith(b"%PDF-")
    finally:
        stop(first)
        if second is not None:
            stop(second)
        with celery_app.connection_for_write() as conn:
            conn.default_channel.queue_delete(queue)
        if job.file:
            job.file.delete(save=False)
