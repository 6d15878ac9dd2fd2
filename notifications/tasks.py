from celery import shared_task


@shared_task
def send_notification(pk: int) -> bool:
    """Send one outbox row (queued after the commit that wrote it); False if it was sent already."""
    from .sending import notification_send

    return notification_send(pk)


@shared_task
def send_pending_notifications() -> int:
    """The sweeper (beat, every few minutes): send every immediate message still unsent."""
    from .sending import pending_send

    return pending_send()


@shared_task
def send_weekly_digests() -> int:
    """Weekly (beat): one e-mail per recipient who chose the digest, with everything collected since."""
    from .sending import digests_send

    return digests_send()
