"""The Celery beat schedule. Each area adds its periodic tasks here (one line each)."""

from celery.schedules import crontab  # noqa: F401  (used by the entries the areas add)

BEAT_SCHEDULE: dict = {}
BEAT_SCHEDULE["vip-climate-reminders"] = {
    "task": "vip_climate.tasks.send_vip_reminders",
    "schedule": crontab(hour=7, minute=0),
}
