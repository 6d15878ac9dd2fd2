"""Thin Celery wrappers: take IDs, call the services."""

from celery import shared_task
from django.conf import settings

from . import services


@shared_task(
    bind=True,
    acks_late=True,
    reject_on_worker_lost=True,
    autoretry_for=services.TRANSIENT_ERRORS,
    retry_backoff=5,
    retry_backoff_max=120,
    retry_jitter=True,
    max_retries=4,
    soft_time_limit=settings.CELERY_TASK_SOFT_TIME_LIMIT,
    time_limit=settings.CELERY_TASK_TIME_LIMIT,
)
def render_report_job(self, job_id: int) -> str | None:
    """Render one report job. Idempotent: a job already done is left alone; one job never gets two files."""
    try:
        job = services.report_job_run(job_id=job_id, task_id=self.request.id)
    except services.TRANSIENT_ERRORS as error:
        if self.request.retries >= self.max_retries:
            services.report_job_fail(job_id=job_id, error=f"{type(error).__name__}: {error}")
            return None
        raise  # autoretry_for retries with backoff
    return job.state if job else None


@shared_task(acks_late=True)
def requeue_stuck_report_jobs() -> list[int]:
    """Beat: jobs whose worker died (stale heartbeat) or whose message was lost are queued again."""
    return services.report_jobs_requeue_stuck()
