"""Every URL in the URLconf needs a login, except the login page, the language switch and /healthz.

The patterns are walked, so a URL an area adds later is covered without touching this file.
"""

import re

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

pytestmark = pytest.mark.django_db

PUBLIC = {
    "login",
    "healthz",
    "set_language",
    "accessibility_statement",
    "privacy",
    # Forgotten passwords: reachable without a login by nature.
    "password_reset",
    "password_reset_done",
    "password_reset_confirm",
    "password_reset_complete",
}


def walk(patterns, prefix=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from walk(pattern.url_patterns, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern):
            yield prefix + str(pattern.pattern), pattern.name


def concrete(route: str) -> str:
    """Fill every converter or regex group with a plausible value."""
    route = re.sub(r"<(?:int:)?(\w+)>", "1", route)
    route = re.sub(r"<slug:\w+>", "albertslund", route)
    route = re.sub(r"<str:\w+>", "x", route)
    route = re.sub(r"<path:\w+>", "x", route)
    route = re.sub(r"\(\?P<\w+>[^)]*\)", "1", route)
    route = route.replace("^", "").replace("$", "").replace("\\Z", "").replace("\\", "")
    return "/" + route


# The open data is public on purpose; the API answers anonymous callers itself, with a 401 and a token
# challenge (a program cannot follow a login page). SAML's endpoints are where an anonymous browser arrives
# from the identity provider (404 while SSO is off; tests/sso/ tests them on).
PUBLIC_PREFIXES = ("admin/", "data/", "sso/")
TOKEN_PREFIX = "api/v1/"


def project_urls():
    for route, name in walk(get_resolver().url_patterns):
        if route.startswith((*PUBLIC_PREFIXES, TOKEN_PREFIX)) or name in PUBLIC:
            continue
        yield concrete(route)


API_URLS = sorted(
    {concrete(route) for route, name in walk(get_resolver().url_patterns) if route.startswith(TOKEN_PREFIX)}
    - {"/api/v1/schema/", "/api/v1/docs/"}  # the API's documentation is public
)


@pytest.mark.parametrize("url", API_URLS)
def test_anonymous_api_calls_get_a_401(client, url):
    response = client.get(url)
    assert response.status_code == 401, url
    assert response["WWW-Authenticate"] == "Bearer"


URLS = sorted(set(project_urls()))


def test_the_walk_finds_the_project_urls():
    assert "/" in URLS
    assert {"/contracts/", "/vip/", "/infrastructure/", "/education/"} <= set(URLS)


@pytest.mark.parametrize("url", URLS)
def test_anonymous_users_are_sent_to_login(client, url):
    response = client.get(url)
    assert response.status_code == 302, url
    assert response["Location"].startswith("/login/")


@pytest.mark.parametrize("url", URLS)
def test_anonymous_posts_are_sent_to_login_too(client, url):
    response = client.post(url, {})
    assert response.status_code in (302, 403), url  # 403: CSRF refused before the login redirect
    if response.status_code == 302:
        assert response["Location"].startswith("/login/")


def test_admin_needs_a_staff_login(client):
    response = client.get("/admin/")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_login_page_is_public_and_danish(client):
    response = client.get("/login/")
    assert response.status_code == 200
    assert '<html lang="da">' in response.content.decode()
    assert "Log ind" in response.content.decode()


def test_a_board_member_logs_in_and_lands_on_the_home_page(client, board_member):
    response = client.post("/login/", {"username": "bestyrelse", "password": "pw-for-tests"}, follow=True)
    assert response.status_code == 200
    assert response.request["PATH_INFO"] == "/"
    assert "Resultatkontrakt" in response.content.decode()


def test_a_municipality_member_lands_on_their_own_profile(client, albertslund_member):
    response = client.post("/login/", {"username": "albertslund", "password": "pw-for-tests"}, follow=True)
    assert response.status_code == 200
    assert response.request["PATH_INFO"] == "/organisationer/albertslund/"
    assert "<h1>Albertslund</h1>" in response.content.decode()


def test_a_member_of_a_non_municipality_lands_on_the_home_page(client, erhvervshus_member):
    response = client.post("/login/", {"username": "erhvervshus", "password": "pw-for-tests"}, follow=True)
    assert response.request["PATH_INFO"] == "/"


def test_a_wrong_password_shows_the_form_again_with_an_error(client, albertslund_member):
    response = client.post("/login/", {"username": "albertslund", "password": "wrong"})
    assert response.status_code == 200
    assert "korrekt brugernavn og adgangskode" in response.content.decode()


def test_english_is_available_through_the_language_switch(client, albertslund_member):
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    client.force_login(albertslund_member)
    response = client.get("/")
    assert '<html lang="en">' in response.content.decode()
    assert "Result contract" in response.content.decode()
