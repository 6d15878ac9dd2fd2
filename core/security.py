"""Request and response hardening that is ours rather than a package's.

- `TrustedProxyMiddleware`: X-Forwarded-Proto/-For/-Host are believed only from `settings.TRUSTED_PROXIES`
  (addresses or networks). From anyone else they are dropped before Django looks at them, so a client that
  talks to gunicorn directly cannot claim HTTPS or another address.
- `client_ip`: the client's address as the portal records it (login audit, lockouts): the address the
  trusted proxy appended to X-Forwarded-For, else REMOTE_ADDR.
- `SecurityHeadersMiddleware`: Permissions-Policy on every response; `Cache-Control: no-store` on every
  response to a logged-in user (pages, exports and reports stay out of shared and browser caches).
"""

import ipaddress
from functools import lru_cache

from django.conf import settings
from django.utils.cache import add_never_cache_headers

FORWARDED_HEADERS = ("HTTP_X_FORWARDED_PROTO", "HTTP_X_FORWARDED_FOR", "HTTP_X_FORWARDED_HOST")


@lru_cache(maxsize=8)
def _networks(entries: tuple[str, ...]) -> tuple:
    return tuple(ipaddress.ip_network(entry, strict=False) for entry in entries)


def _is_trusted_proxy(address: str | None) -> bool:
    if not address or not settings.TRUSTED_PROXIES:
        return False
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in network for network in _networks(tuple(settings.TRUSTED_PROXIES)))


def _valid_ip(value: str) -> str | None:
    try:
        return str(ipaddress.ip_address(value.strip()))
    except ValueError:
        return None


def client_ip(request) -> str | None:
    """REMOTE_ADDR, or behind a trusted proxy the last X-Forwarded-For entry (the one the proxy added)."""
    remote = request.META.get("REMOTE_ADDR")
    if _is_trusted_proxy(remote):
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        if forwarded:
            return _valid_ip(forwarded.split(",")[-1]) or remote
    return remote


class TrustedProxyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _is_trusted_proxy(request.META.get("REMOTE_ADDR")):
            for header in FORWARDED_HEADERS:
                request.META.pop(header, None)
        return self.get_response(request)


class SecurityHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if settings.PERMISSIONS_POLICY:
            response.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            add_never_cache_headers(
                response
            )  # Cache-Control: max-age=0, no-cache, no-store, must-revalidate, private
        return response
