from celery import shared_task

from . import services


@shared_task
def purge_login_audit() -> int:
    """The GDPR retention of the login audit (settings.LOGIN_AUDIT_RETENTION_DAYS), run daily by beat."""
    return services.purge_login_audit()
