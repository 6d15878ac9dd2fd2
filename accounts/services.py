from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from core.security import client_ip

from .models import LoginEvent


def record_event(
    kind: str, *, request=None, user=None, username: str = "", by=None, detail: str = ""
) -> LoginEvent:
    """One audit row; the address and path come from the request when there is one."""
    if user is not None and not getattr(user, "is_authenticated", False):
        user = None
    if user is not None and not username:
        username = user.get_username()
    return LoginEvent.objects.create(
        kind=kind,
        user=user,
        username=(username or "")[:150],
        ip=client_ip(request) if request is not None else None,
        path=request.path[:300] if request is not None else "",
        by=by,
        detail=(detail or "")[:300],
    )


def purge_login_audit(*, now=None) -> int:
    """Delete what is older than the retention period; returns how many rows went."""
    cutoff = (now or timezone.now()) - timedelta(days=settings.LOGIN_AUDIT_RETENTION_DAYS)
    deleted, _ = LoginEvent.objects.filter(at__lt=cutoff).delete()
    return deleted
