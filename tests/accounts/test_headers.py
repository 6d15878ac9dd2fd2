"""Production headers: CSP, Permissions-Policy, no caching of authenticated pages, session expiry, and
X-Forwarded-* believed only from the configured proxy."""

import pytest
from django.conf import settings
from django.test import RequestFactory

from core.security import client_ip

pytestmark = pytest.mark.django_db


def test_every_page_has_a_csp_without_inline_scripts_or_styles(client):
    policy = client.get("/login/")["Content-Security-Policy"]
    directives = {part.split()[0]: part.split()[1:] for part in policy.split(";") if part.strip()}
    assert directives["default-src"] == ["'self'"]
    assert directives["script-src"] == ["'self'"]
    assert directives["style-src"] == ["'self'"]
    assert directives["frame-ancestors"] == ["'none'"]
    assert directives["object-src"] == ["'none'"]
    assert "'unsafe-inline'" not in policy and "'unsafe-eval'" not in policy


def test_permissions_policy_switches_off_what_the_portal_does_not_use(client):
    header = client.get("/login/")["Permissions-Policy"]
    for feature in ("camera=()", "microphone=()", "geolocation=()"):
        assert feature in header


def test_authenticated_pages_are_not_stored(client, albertslund_member):
    client.force_login(albertslund_member)
    for url in ("/", "/organisationer/albertslund/", "/konto/"):
        assert "no-store" in client.get(url)["Cache-Control"], url


def test_an_authenticated_download_is_not_stored_either(client, secretariat):
    client.force_login(secretariat)
    response = client.get("/contracts/2023/eksport/csv/")
    assert response.status_code == 200 and "csv" in response["Content-Type"]
    assert "no-store" in response["Cache-Control"]


def test_the_login_page_is_not_cached(client):
    assert "max-age=0" in client.get("/login/")["Cache-Control"]


def test_sessions_end_after_eight_hours_and_at_browser_close(client, albertslund_member):
    assert settings.SESSION_COOKIE_AGE == 8 * 3600
    assert settings.SESSION_EXPIRE_AT_BROWSER_CLOSE is True
    client.post("/login/", {"username": "albertslund", "password": "pw-for-tests"})
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    assert cookie["expires"] == "" and cookie["max-age"] == ""  # a browser-session cookie
    assert client.session.get_expiry_age() == 8 * 3600
    assert client.session.get_expire_at_browser_close() is True


def request_from(remote, **headers):
    return RequestFactory().get("/", REMOTE_ADDR=remote, **headers)


def test_without_a_configured_proxy_forwarded_headers_are_ignored(client, settings):
    settings.TRUSTED_PROXIES = []
    settings.SECURE_PROXY_SSL_HEADER = None
    assert client_ip(request_from("198.51.100.1", HTTP_X_FORWARDED_FOR="10.9.9.9")) == "198.51.100.1"


def test_forwarded_headers_count_only_from_the_trusted_proxy(client, settings):
    """With a proxy configured, a client talking to gunicorn directly cannot claim HTTPS or an address."""
    settings.TRUSTED_PROXIES = ["172.30.0.10"]
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    settings.SECURE_SSL_REDIRECT = True
    # From the proxy: HTTPS believed, the client's address taken from the entry the proxy appended.
    response = client.get("/login/", REMOTE_ADDR="172.30.0.10", HTTP_X_FORWARDED_PROTO="https")
    assert response.status_code == 200
    assert (
        client_ip(request_from("172.30.0.10", HTTP_X_FORWARDED_FOR="6.6.6.6, 198.51.100.2")) == "198.51.100.2"
    )
    # From anyone else: the header is dropped, so the request is plain HTTP and is redirected.
    response = client.get("/login/", REMOTE_ADDR="198.51.100.3", HTTP_X_FORWARDED_PROTO="https")
    assert response.status_code == 301 and response["Location"].startswith("https://")
    assert client_ip(request_from("198.51.100.3", HTTP_X_FORWARDED_FOR="10.9.9.9")) == "198.51.100.3"


def test_a_spoofed_forwarded_for_cannot_dodge_the_lockout(client, settings, albertslund_member):
    settings.TRUSTED_PROXIES = ["172.30.0.0/24"]
    for n in range(10):
        client.post(
            "/login/",
            {"username": f"guess{n}", "password": "x"},
            REMOTE_ADDR="198.51.100.9",
            HTTP_X_FORWARDED_FOR=f"10.0.0.{n}",
        )
    response = client.post(
        "/login/", {"username": "albertslund", "password": "pw-for-tests"}, REMOTE_ADDR="198.51.100.9"
    )
    assert response.status_code == 429


def test_production_trusts_forwarded_proto_only_when_a_proxy_is_configured():
    import subprocess
    import sys

    from tests.test_settings import CLEAN, ROOT

    probe = "import django; django.setup(); from django.conf import settings as s; print(s.SECURE_PROXY_SSL_HEADER)"
    env = {
        **CLEAN,
        "DJANGO_SETTINGS_MODULE": "kkr_portal.settings",
        "DJANGO_DEBUG": "0",
        "SECRET_KEY": "x" * 60,
    }
    env["ALLOWED_HOSTS"] = "kkr.example.org"

    def run(**extra) -> str:
        out = subprocess.run(
            [sys.executable, "-c", probe],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
            env={**env, **extra},
        )
        return out.stdout.strip().splitlines()[-1]

    assert run() == "None"
    assert run(TRUSTED_PROXIES="172.30.0.10") == "('HTTP_X_FORWARDED_PROTO', 'https')"


def test_a_busy_session_still_ends_eight_hours_after_the_login(client, albertslund_member):
    import time

    from accounts.middleware import LOGIN_AT
    from accounts.models import LoginEvent

    client.post("/login/", {"username": "albertslund", "password": "pw-for-tests"})
    assert client.get("/konto/").status_code == 200
    session = client.session
    session[LOGIN_AT] = time.time() - 8 * 3600 + 60
    session.save()
    assert client.get("/konto/").status_code == 200  # 7 h 59 min: still in
    session = client.session
    session[LOGIN_AT] = time.time() - 8 * 3600 - 1
    session.save()
    response = client.get("/konto/")
    assert response.status_code == 302 and response["Location"].startswith("/login/")
    assert LoginEvent.objects.filter(kind=LoginEvent.Kind.LOGOUT, user=albertslund_member).exists()
