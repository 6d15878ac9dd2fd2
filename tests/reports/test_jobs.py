"""The pipeline: requesting, running, idempotency, retries, the sweeper, issuing, bad parameters."""

from datetime import date, timedelta
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import IntegrityError, OperationalError, transaction
from django.utils import timezone

from core.models import ReportingPeriod
from kkr_portal.celery import app as celery_app
from reports import conf, services, tasks
from reports.models import ReportJob

pytestmark = pytest.mark.django_db


@pytest.fixture
def autumn_2022(organisations):
    return ReportingPeriod.from_code("2022-autumn")


def stored_files(settings) -> list[Path]:
    root = Path(settings.MEDIA_ROOT)
    return sorted(p for p in root.rglob("*") if p.is_file()) if root.exists() else []


def apply_with_eager_retries(job_id, monkeypatch):
    """Eager Celery runs the retries inline when it does not propagate each attempt's exception."""
    previous = celery_app.conf.task_eager_propagates
    celery_app.conf.task_eager_propagates = False
    try:
        return tasks.render_report_job.apply(args=[job_id])
    finally:
        celery_app.conf.task_eager_propagates = previous


def request_half_yearly(period, by=None, **kwargs):
    return services.report_job_request(kind=ReportJob.Kind.HALF_YEARLY, period=period, by=by, **kwargs)


# --- requesting -------------------------------------------------------------------------------------


def test_requesting_queues_the_render_after_commit(
    autumn_2022, board_member, no_areas, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        job, created = request_half_yearly(autumn_2022, by=board_member)
    assert created and len(callbacks) == 1
    job.refresh_from_db()
    assert job.state == ReportJob.State.DONE
    assert job.requested_by == board_member
    assert job.attempts == 1 and job.version == 1
    assert job.size == job.file.size and len(job.sha256) == 64
    assert job.file.name.startswith("private/reports/half_yearly/2022-autumn/")
    assert job.pages >= 3 and job.render_seconds > 0 and job.weasyprint_seconds > 0


def test_requesting_the_same_report_while_one_is_queued_returns_that_job(
    autumn_2022, board_member, secretariat, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        first, created_first = request_half_yearly(autumn_2022, by=board_member)
        second, created_second = request_half_yearly(autumn_2022, by=secretariat)
    assert created_first and not created_second
    assert first.pk == second.pk
    assert len(callbacks) == 1  # one render queued, not two
    assert ReportJob.objects.count() == 1


def test_the_database_refuses_a_second_active_job_for_the_same_report(autumn_2022):
    ReportJob.objects.create(kind=ReportJob.Kind.HALF_YEARLY, period=autumn_2022, version=1)
    with pytest.raises(IntegrityError), transaction.atomic():
        ReportJob.objects.create(
            kind=ReportJob.Kind.HALF_YEARLY, period=autumn_2022, version=2, state=ReportJob.State.RUNNING
        )


def test_a_request_after_a_finished_render_is_a_new_version(
    autumn_2022, no_areas, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        first, _ = request_half_yearly(autumn_2022)
    with django_capture_on_commit_callbacks(execute=True):
        second, created = request_half_yearly(autumn_2022)
    first.refresh_from_db()
    second.refresh_from_db()
    assert created and second.version == 2 and first.version == 1
    assert first.file.name != second.file.name
    assert first.state == second.state == ReportJob.State.DONE


# --- running: idempotent, one file --------------------------------------------------------------------


def test_running_the_task_twice_leaves_one_file_and_the_same_checksum(autumn_2022, no_areas, settings):
    job, _ = request_half_yearly(autumn_2022, queue=False)
    tasks.render_report_job.apply(args=[job.pk]).get()
    job.refresh_from_db()
    sha, finished = job.sha256, job.finished_at
    tasks.render_report_job.apply(args=[job.pk]).get()  # a re-delivery of a finished job
    job.refresh_from_db()
    assert job.state == ReportJob.State.DONE and job.attempts == 1
    assert job.sha256 == sha and job.finished_at == finished
    assert stored_files(settings) == [Path(job.file.path)]


def test_a_job_left_running_by_a_dead_worker_is_finished_by_the_redelivery(autumn_2022, no_areas, settings):
    job, _ = request_half_yearly(autumn_2022, queue=False)
    ReportJob.objects.filter(pk=job.pk).update(state=ReportJob.State.RUNNING, attempts=1)
    # The dead attempt even left a file under the job's name: it is replaced, not doubled.
    storage = job.file.storage
    from reports.models import report_file_path

    storage.save(report_file_path(job, "x.pdf"), __import__("io").BytesIO(b"half a pdf"))
    services.report_job_run(job_id=job.pk)
    job.refresh_from_db()
    assert job.state == ReportJob.State.DONE and job.attempts == 2
    assert stored_files(settings) == [Path(job.file.path)]
    assert job.file.read()[:5] == b"%PDF-"


def test_a_render_that_finishes_after_another_delivery_keeps_the_first_file(
    autumn_2022, no_areas, settings, monkeypatch
):
    job, _ = request_half_yearly(autumn_2022, queue=False)
    services.report_job_run(job_id=job.pk)
    job.refresh_from_db()
    late = services.render_report(job)
    ReportJob.objects.filter(pk=job.pk).update()  # nothing changes the finished row
    returned = services._store(job.pk, late)
    assert returned.sha256 == job.sha256
    assert len(stored_files(settings)) == 1


def test_an_error_in_rendering_fails_the_job_with_its_message(autumn_2022, monkeypatch):
    def broken(*args, **kwargs):
        raise ValueError("skabelonen mangler")

    monkeypatch.setattr(services, "render_html", broken)
    job, _ = request_half_yearly(autumn_2022, queue=False)
    tasks.render_report_job.apply(args=[job.pk]).get()
    job.refresh_from_db()
    assert job.state == ReportJob.State.FAILED
    assert "skabelonen mangler" in job.error
    assert not job.file


def test_a_transient_error_is_retried_and_the_job_fails_only_when_retries_run_out(autumn_2022, monkeypatch):
    calls = []

    def flaky(*args, **kwargs):
        calls.append(1)
        raise OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr(services, "render_html", flaky)
    job, _ = request_half_yearly(autumn_2022, queue=False)
    apply_with_eager_retries(job.pk, monkeypatch)
    job.refresh_from_db()
    assert len(calls) == tasks.render_report_job.max_retries + 1
    assert job.state == ReportJob.State.FAILED
    assert "server closed the connection" in job.error


def test_a_transient_error_then_success_finishes_the_job(autumn_2022, monkeypatch, no_areas):
    real = services.render_html
    calls = []

    def flaky_once(context):
        calls.append(1)
        if len(calls) == 1:
            raise OSError("disk briefly unavailable")
        return real(context)

    monkeypatch.setattr(services, "render_html", flaky_once)
    job, _ = request_half_yearly(autumn_2022, queue=False)
    apply_with_eager_retries(job.pk, monkeypatch)
    job.refresh_from_db()
    assert job.state == ReportJob.State.DONE and job.attempts == 2


def test_the_task_declares_late_acks_retries_and_time_limits():
    task = tasks.render_report_job
    assert task.acks_late and task.reject_on_worker_lost
    assert OperationalError in task.autoretry_for and OSError in task.autoretry_for
    assert task.retry_backoff and task.max_retries >= 3
    assert 0 < task.soft_time_limit < task.time_limit


# --- retry, the sweeper ---------------------------------------------------------------------------------


def test_a_failed_job_can_be_retried_and_then_completes(
    autumn_2022, no_areas, django_capture_on_commit_callbacks
):
    job, _ = request_half_yearly(autumn_2022, queue=False)
    services.report_job_fail(job_id=job.pk, error="boom")
    job.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        services.report_job_retry(job=job)
    job.refresh_from_db()
    assert job.state == ReportJob.State.DONE and job.error == "" and job.version == 1


def test_only_a_failed_job_can_be_retried(autumn_2022):
    job, _ = request_half_yearly(autumn_2022, queue=False)
    with pytest.raises(services.ReportJobError):
        services.report_job_retry(job=job)


def test_the_sweeper_requeues_jobs_stuck_in_queued_or_running(
    autumn_2022, organisations, django_capture_on_commit_callbacks
):
    old = timezone.now() - timedelta(seconds=conf.stuck_after() + 60)
    queued, _ = request_half_yearly(autumn_2022, queue=False)
    running, _ = services.report_job_request(
        kind=ReportJob.Kind.ANNUAL, period=ReportingPeriod.from_code("2023"), queue=False
    )
    fresh, _ = request_half_yearly(ReportingPeriod.from_code("2023-spring"), queue=False)
    ReportJob.objects.filter(pk=queued.pk).update(queued_at=old)
    ReportJob.objects.filter(pk=running.pk).update(state=ReportJob.State.RUNNING, started_at=old, attempts=1)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        requeued = tasks.requeue_stuck_report_jobs.apply().get()
    assert sorted(requeued) == sorted([queued.pk, running.pk])
    assert len(callbacks) == 2
    running.refresh_from_db()
    assert running.state == ReportJob.State.QUEUED and running.queued_at > old
    fresh.refresh_from_db()
    assert fresh.state == ReportJob.State.QUEUED


def test_the_sweeper_gives_up_after_the_maximum_attempts(autumn_2022):
    job, _ = request_half_yearly(autumn_2022, queue=False)
    old = timezone.now() - timedelta(seconds=conf.stuck_after() + 60)
    ReportJob.objects.filter(pk=job.pk).update(
        state=ReportJob.State.RUNNING, started_at=old, attempts=conf.MAX_ATTEMPTS
    )
    assert services.report_jobs_requeue_stuck() == []
    job.refresh_from_db()
    assert job.state == ReportJob.State.FAILED and str(conf.MAX_ATTEMPTS) in job.error


def test_the_sweeper_is_in_the_beat_schedule(settings):
    entries = [e["task"] for e in settings.CELERY_BEAT_SCHEDULE.values()]
    assert "reports.tasks.requeue_stuck_report_jobs" in entries


# --- issuing ---------------------------------------------------------------------------------------------


def test_issuing_marks_the_finished_report_and_a_new_render_is_a_new_version(
    autumn_2022, secretariat, no_areas, django_capture_on_commit_callbacks
):
    job, _ = request_half_yearly(autumn_2022, queue=False)
    services.report_job_run(job_id=job.pk)
    job.refresh_from_db()
    services.report_job_issue(job=job, by=secretariat)
    job.refresh_from_db()
    assert job.issued and job.issued_by == secretariat and job.issued_at
    sha = job.sha256
    with pytest.raises(services.ReportJobError):
        services.report_job_issue(job=job, by=secretariat)
    with django_capture_on_commit_callbacks(execute=True):
        new, created = request_half_yearly(autumn_2022)
    job.refresh_from_db()
    assert created and new.version == 2
    assert job.sha256 == sha and job.issued
    tasks.render_report_job.apply(args=[job.pk])  # a stray re-delivery changes nothing
    job.refresh_from_db()
    assert job.sha256 == sha and job.attempts == 1


def test_an_unfinished_report_cannot_be_issued(autumn_2022, secretariat):
    job, _ = request_half_yearly(autumn_2022, queue=False)
    with pytest.raises(services.ReportJobError):
        services.report_job_issue(job=job, by=secretariat)
    with pytest.raises(IntegrityError), transaction.atomic():
        ReportJob.objects.filter(pk=job.pk).update(issued=True)


# --- parameters -----------------------------------------------------------------------------------------

TODAY = date(2026, 11, 26)


@pytest.mark.parametrize(
    ("kind", "code", "message"),
    [
        ("half-yearly", "2022-winter", "Ukendt periode"),
        ("half-yearly", "2099-autumn", "findes ikke i portalen"),
        ("half-yearly", "2023", "gælder en statusrunde"),
        ("annual", "2022-autumn", "gælder et helt år"),
        ("annual", "1999", "findes ikke i portalen"),
        ("quarterly", "2023", "Ukendt rapporttype"),
    ],
)
def test_bad_parameters_are_refused_with_a_clear_message(organisations, kind, code, message):
    with pytest.raises(services.ReportParameterError, match=message):
        services.resolve_parameters(kind, code, today=TODAY)


def test_a_round_that_has_not_started_is_refused(organisations):
    with pytest.raises(services.ReportParameterError, match="ikke begyndt"):
        services.resolve_parameters("half-yearly", "2026-autumn", today=date(2026, 5, 1))


def test_a_year_without_a_result_contract_is_refused(organisations, fake_areas):
    fake_areas(contract_year=2023)
    assert services.resolve_parameters("annual", "2023", today=TODAY)[1].year == 2023
    with pytest.raises(services.ReportParameterError, match="ingen resultatkontrakt for 2022"):
        services.resolve_parameters("annual", "2022", today=TODAY)


# --- the command ---------------------------------------------------------------------------------------


def test_the_command_renders_the_half_yearly_report_to_a_file(autumn_2022, no_areas, tmp_path):
    output = tmp_path / "halvaar.pdf"
    call_command("render_report", "half-yearly", "2022-autumn", "--output", str(output))
    job = ReportJob.objects.get()
    assert output.read_bytes() == job.file.read()
    assert job.state == ReportJob.State.DONE and job.requested_by is None


def test_the_command_renders_the_annual_report(organisations, fake_areas, tmp_path):
    output = tmp_path / "aar.pdf"
    call_command("render_report", "annual", "2023", "--output", str(output))
    assert output.read_bytes().startswith(b"%PDF-")
    assert ReportJob.objects.get().kind == ReportJob.Kind.ANNUAL


@pytest.mark.parametrize(
    ("kind", "code"), [("half-yearly", "2099-autumn"), ("annual", "2022-autumn"), ("half-yearly", "efterår")]
)
def test_the_command_refuses_bad_parameters_and_creates_no_job(organisations, tmp_path, kind, code):
    with pytest.raises(CommandError):
        call_command("render_report", kind, code, "--output", str(tmp_path / "x.pdf"))
    assert not ReportJob.objects.exists()
    assert not (tmp_path / "x.pdf").exists()


def test_the_command_refuses_a_year_without_a_contract(organisations, fake_areas, tmp_path):
    fake_areas(contract_year=2023)
    with pytest.raises(CommandError, match="ingen resultatkontrakt"):
        call_command("render_report", "annual", "2022", "--output", str(tmp_path / "x.pdf"))
    assert not ReportJob.objects.exists()


# --- the heartbeat: a job whose worker died -----------------------------------------------------------


def stale(seconds: float = 5):
    return timezone.now() - timedelta(seconds=conf.heartbeat_timeout() + seconds)


def running(job, *, heartbeat, task_id="dead-task", attempts=1):
    ReportJob.objects.filter(pk=job.pk).update(
        state=ReportJob.State.RUNNING, started_at=heartbeat, heartbeat_at=heartbeat, task_id=task_id,
        attempts=attempts,
    )  # fmt: skip
    job.refresh_from_db()
    return job


def test_the_sweeper_requeues_a_running_job_with_a_stale_heartbeat_once(
    autumn_2022, django_capture_on_commit_callbacks
):
    job = running(request_half_yearly(autumn_2022, queue=False)[0], heartbeat=stale())
    alive = running(
        request_half_yearly(ReportingPeriod.from_code("2023-spring"), queue=False)[0],
        heartbeat=timezone.now() - timedelta(seconds=5),
    )
    # Started long ago, but its worker still beats: it is rendering, not stuck.
    ReportJob.objects.filter(pk=alive.pk).update(started_at=timezone.now() - timedelta(hours=2))
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        assert services.report_jobs_requeue_stuck() == [job.pk]
        assert services.report_jobs_requeue_stuck() == []  # once: the job now waits in the queue
    assert len(callbacks) == 1
    job.refresh_from_db()
    alive.refresh_from_db()
    assert job.state == ReportJob.State.QUEUED and job.task_id == "" and job.heartbeat_at is None
    assert alive.state == ReportJob.State.RUNNING


def test_a_second_delivery_leaves_a_job_with_a_live_heartbeat_alone(autumn_2022, no_areas, settings):
    job = running(request_half_yearly(autumn_2022, queue=False)[0], heartbeat=timezone.now())
    services.report_job_run(job_id=job.pk, task_id="another-task")
    job.refresh_from_db()
    assert job.state == ReportJob.State.RUNNING and job.attempts == 1 and not job.file
    # The same task redelivered (its worker was lost) takes over at once.
    services.report_job_run(job_id=job.pk, task_id="dead-task")
    job.refresh_from_db()
    assert job.state == ReportJob.State.DONE and job.attempts == 2
    assert stored_files(settings) == [Path(job.file.path)]


def test_another_delivery_takes_over_a_job_whose_heartbeat_stopped(autumn_2022, no_areas, settings):
    job = running(request_half_yearly(autumn_2022, queue=False)[0], heartbeat=stale())
    services.report_job_run(job_id=job.pk, task_id="new-task")
    job.refresh_from_db()
    assert job.state == ReportJob.State.DONE and job.attempts == 2 and job.task_id == "new-task"


def test_a_delivery_that_lost_its_claim_stores_no_file(autumn_2022, no_areas, settings):
    job = running(request_half_yearly(autumn_2022, queue=False)[0], heartbeat=timezone.now(), task_id="new")
    late = services.render_report(job)
    returned = services._store(job.pk, late, "old")
    assert returned.state == ReportJob.State.RUNNING and not returned.file
    assert stored_files(settings) == []


def test_a_new_request_requeues_a_job_whose_worker_died(
    autumn_2022, board_member, no_areas, django_capture_on_commit_callbacks
):
    job = running(request_half_yearly(autumn_2022, queue=False)[0], heartbeat=stale())
    with django_capture_on_commit_callbacks(execute=True):
        again, created = request_half_yearly(autumn_2022, by=board_member)
    job.refresh_from_db()
    assert not created and again.pk == job.pk
    assert job.state == ReportJob.State.DONE and job.attempts == 2 and job.version == 1


def test_a_new_request_resends_a_job_whose_sending_failed(
    autumn_2022, board_member, no_areas, django_capture_on_commit_callbacks
):
    from core.models import PendingTask

    job, _ = request_half_yearly(autumn_2022, queue=False)
    PendingTask.objects.create(
        task=tasks.render_report_job.name, args=[job.pk], attempts=1, last_error="down"
    )
    assert services.report_job_waiting_for_broker(job)
    with django_capture_on_commit_callbacks(execute=True):
        again, created = request_half_yearly(autumn_2022, by=board_member)
    job.refresh_from_db()
    assert not created and again.pk == job.pk
    assert job.state == ReportJob.State.DONE
    assert not PendingTask.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_the_heartbeat_beats_while_the_worker_renders(autumn_2022, no_areas, settings):
    settings.REPORTS_HEARTBEAT_SECONDS = 0.2
    settings.REPORTS_RENDER_DELAY = 1.5
    beats = []
    real = services.render_html

    def watching(context):
        html = real(context)
        beats.append(ReportJob.objects.values_list("heartbeat_at", flat=True).get())
        return html

    job, _ = request_half_yearly(autumn_2022, queue=False)
    services.render_html, original = watching, services.render_html
    try:
        services.report_job_run(job_id=job.pk, task_id="t")
    finally:
        services.render_html = original
    job.refresh_from_db()
    assert job.state == ReportJob.State.DONE
    # The claim set the first beat; the thread kept beating through the 1.5 s render.
    assert job.heartbeat_at > beats[0] >= job.started_at


def test_a_new_request_for_a_dead_job_out_of_attempts_starts_a_new_version(
    autumn_2022, board_member, no_areas, django_capture_on_commit_callbacks
):
    dead = running(
        request_half_yearly(autumn_2022, queue=False)[0], heartbeat=stale(), attempts=conf.MAX_ATTEMPTS
    )
    with django_capture_on_commit_callbacks(execute=True):
        job, created = request_half_yearly(autumn_2022, by=board_member)
    dead.refresh_from_db()
    job.refresh_from_db()
    assert dead.state == ReportJob.State.FAILED and str(conf.MAX_ATTEMPTS) in dead.error
    assert created and job.version == 2 and job.state == ReportJob.State.DONE
