"""The Celery beat schedule. Each area adds its periodic tasks here (one line each)."""

from celery.schedules import crontab  # noqa: F401  (used by the entries the areas add)

BEAT_SCHEDULE: dict = {}
BEAT_SCHEDULE["contracts-nightly-snapshots"] = {
    "task": "contracts.compute_all_snapshots",
    "schedule": crontab(hour=2, minute=15),
}
