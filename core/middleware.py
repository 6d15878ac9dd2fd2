"""Request-level guards that must act before a view (or Django itself) reads the body."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _


class RequestSizeLimitMiddleware:
    """Refuse a request whose declared body is larger than MAX_UPLOAD_BYTES with 413, unread.

    Django would otherwise parse a multipart body in full (spooling its files to disk) before any view
    could look at it, on any URL, the login page included. The reverse proxy has its own limit; this one
    holds where the proxy is missing or misconfigured. Django reads no more than Content-Length, so a
    body without one (chunked) is read as empty.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        declared = request.META.get("CONTENT_LENGTH") or "0"
        try:
            length = int(declared)
        except ValueError:
            return _refuse(400, _("Forespørgslen har en ugyldig længde."))
        if length > settings.MAX_UPLOAD_BYTES:
            return _refuse(
                413,
                _("Forespørgslen er for stor. En fil må højst fylde %(mb)s MB.")
                % {"mb": settings.MAX_UPLOAD_BYTES // 2**20},
            )
        return self.get_response(request)


def _refuse(status: int, message: str) -> HttpResponse:
    return HttpResponse(message + "\n", status=status, content_type="text/plain; charset=utf-8")
