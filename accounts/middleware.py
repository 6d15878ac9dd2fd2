from .models import LoginEvent
from .services import record_event


class PermissionDeniedAuditMiddleware:
    """Every 403 the portal answers (permission rules, CSRF) goes into the login audit."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code == 403:
            record_event(LoginEvent.Kind.DENIED, request=request, user=getattr(request, "user", None))
        return response
