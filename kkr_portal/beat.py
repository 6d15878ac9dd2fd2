"""The Celery beat entries that belong to no area. Each area declares its own in its area object
(`beat_schedule`, see core/areas.py); registering the area adds them to settings.CELERY_BEAT_SCHEDULE."""

BEAT_SCHEDULE: dict = {
    "reports-requeue-stuck-jobs": {
        "task": "reports.tasks.requeue_stuck_report_jobs",
        "schedule": 300.0,
    },
    # GDPR: the login audit is kept settings.LOGIN_AUDIT_RETENTION_DAYS days.
    "accounts-purge-login-audit": {
        "task": "accounts.tasks.purge_login_audit",
        "schedule": 86400.0,
    },
}
