from celery import shared_task

from .models import Organisation


@shared_task
def ping() -> str:
    """The smallest round trip: proves a task travels to a worker and its result comes back."""
    return "pong"


@shared_task
def count_municipalities() -> int:
    """Reads the database from the worker: proves the worker sees the same data as the web process."""
    return Organisation.objects.municipalities().count()


@shared_task(name="core.send_pending_tasks")
def send_pending_tasks() -> int:
    """Beat: tasks whose sending failed (broker down) or was cut off are sent again."""
    from .dispatch import send_pending

    return send_pending()
