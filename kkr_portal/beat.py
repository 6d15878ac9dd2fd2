"""The Celery beat entries that belong to no area. Each area declares its own in its area object
(`beat_schedule`, see core/areas.py); registering the area adds them to settings.CELERY_BEAT_SCHEDULE.

The two sweepers run every BACKGROUND_SWEEP_SECONDS (default 30): with the report heartbeat's 60 s limit a
report whose worker was killed is queued again within ~90 s, and finishes within 2 minutes of the worker's
restart. A sweep sent while no worker runs expires instead of piling up.
"""

import os

from celery.schedules import crontab

SWEEP_SECONDS = float(os.environ.get("BACKGROUND_SWEEP_SECONDS", "30"))
_SWEEP_OPTIONS = {"expires": max(1.0, SWEEP_SECONDS - 5)}

BEAT_SCHEDULE: dict = {
    "core-send-pending-tasks": {
        "task": "core.send_pending_tasks",
        "schedule": SWEEP_SECONDS,
        "options": _SWEEP_OPTIONS,
    },
    "reports-requeue-stuck-jobs": {
        "task": "reports.tasks.requeue_stuck_report_jobs",
        "schedule": SWEEP_SECONDS,
        "options": _SWEEP_OPTIONS,
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
    # GDPR: the login audit is kept settings.LOGIN_AUDIT_RETENTION_DAYS days.
    "accounts-purge-login-audit": {
        "task": "accounts.tasks.purge_login_audit",
        "schedule": 86400.0,
    },
    # The API call log, likewise.
    "api-purge-calls": {
        "task": "api.tasks.purge_api_calls",
        "schedule": 86400.0,
    },
}
