from celery import shared_task


@shared_task
def send_vip_reminders() -> dict:
    """Daily: reminders to leads two weeks before the deadline, and the missing list to the secretariat."""
    from .services import reminders_send

    return reminders_send()
