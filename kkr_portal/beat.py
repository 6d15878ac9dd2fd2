"""The Celery beat entries that belong to no area. Each area declares its own in its area object
(`beat_schedule`, see core/areas.py); registering the area adds them to settings.CELERY_BEAT_SCHEDULE."""

from celery.schedules import crontab

BEAT_SCHEDULE: dict = {
    "reports-requeue-stuck-jobs": {
        "task": "reports.tasks.requeue_stuck_report_jobs",
        "schedule": 300.0,
    },
    # The outbox's sweeper: e-mails whose queued task was lost (broker down at commit) or failed.
    "notifications-send-pending": {
        "task": "notifications.tasks.send_pending_notifications",
        "schedule": 300.0,
    },
    "notifications-weekly-digest": {
        "task": "notifications.tasks.send_weekly_digests",
        "schedule": crontab(minute=0, hour=7, day_of_week="mon"),
    },
}
