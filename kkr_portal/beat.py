"""The Celery beat entries that belong to no area. Each area declares its own in its area object
(`beat_schedule`, see core/areas.py); registering the area adds them to settings.CELERY_BEAT_SCHEDULE."""

BEAT_SCHEDULE: dict = {
    "reports-requeue-stuck-jobs": {
        "task": "reports.tasks.requeue_stuck_report_jobs",
        "schedule": 300.0,
    },
}
