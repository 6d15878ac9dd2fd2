from datetime import date

from celery import shared_task


@shared_task
def send_vip_reminders(today: str | None = None) -> dict:
    """Daily: reminders to leads two weeks before the deadline, and the missing list to the secretariat."""
    from .services import reminders_send

    return reminders_send(today=date.fromisoformat(today) if today else None)
