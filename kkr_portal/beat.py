"""The Celery beat schedule. Each area adds its periodic tasks here (one line each)."""

from celery.schedules import crontab  # noqa: F401  (used by the entries the areas add)

BEAT_SCHEDULE: dict = {}
BEAT_SCHEDULE["reports-requeue-stuck-jobs"] = {
    "task": "reports.tasks.requeue_stuck_report_jobs",
    "schedule": 300.0,
}
