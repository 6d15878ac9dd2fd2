"""The Celery beat schedule. Each area adds its periodic tasks here (one entry each)."""

from celery.schedules import crontab

BEAT_SCHEDULE: dict = {
    "contracts-nightly-snapshots": {
        "task": "contracts.compute_all_snapshots",
        "schedule": crontab(hour=2, minute=15),
    },
    "vip-climate-reminders": {
        "task": "vip_climate.tasks.send_vip_reminders",
        "schedule": crontab(hour=7, minute=0),
    },
    "reports-requeue-stuck-jobs": {
        "task": "reports.tasks.requeue_stuck_report_jobs",
        "schedule": 300.0,
    },
}
