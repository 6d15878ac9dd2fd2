from datetime import timedelta

from celery import shared_task
from django.conf import settings
from django.utils import timezone

from .models import ApiCall


def purge_api_calls(*, now=None) -> int:
    """The API call log holds who called what: kept as long as the login audit (GDPR), then deleted."""
    cutoff = (now or timezone.now()) - timedelta(days=settings.LOGIN_AUDIT_RETENTION_DAYS)
    deleted, _ = ApiCall.objects.filter(at__lt=cutoff).delete()
    return deleted


@shared_task(name="api.tasks.purge_api_calls")
def purge_api_calls_task() -> int:
    return purge_api_calls()
