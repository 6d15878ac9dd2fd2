"""URL parameters are validated like form fields: a hostile value is a 4xx, never a 500, nothing written.

Every URL of the URLconf is walked, so a view added later is probed too.
"""

import re

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.urls import URLPattern, URLResolver, get_resolver

pytestmark = pytest.mark.django_db

HOSTILE_INTS = ["0", "99999", "1000000000000"]
HOSTILE_WORDS = ["x", "%27%3B--", "a" * 300]


def walk(patterns, prefix=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from walk(pattern.url_patterns, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern):
            yield prefix + str(pattern.pattern)


def probes():
    for route in walk(get_resolver().url_patterns):
        if route.startswith("admin/") or "<" not in route:
            continue
        for value in HOSTILE_INTS:
            yield "/" + re.sub(r"<int:\w+>", value, re.sub(r"<(?:str|slug):\w+>", "x", route))
        for value in HOSTILE_WORDS:
            yield "/" + re.sub(r"<(?:str|slug):\w+>", value, re.sub(r"<int:\w+>", "1", route))


PROBES = sorted(set(probes()))


def row_counts():
    with connection.cursor() as cursor:
        tables = connection.introspection.table_names(cursor)
        counts = {}
        for table in tables:
            cursor.execute(f'SELECT COUNT(*) FROM "{table}"')  # noqa: S608 (names from introspection)
            counts[table] = cursor.fetchone()[0]
    return counts


@pytest.fixture
def superuser(organisations):
    return get_user_model().objects.create_superuser("root", "root@example.org", "pw-for-tests")


def test_the_probes_cover_the_year_and_programme_urls():
    assert "/education/optag/0/x/rediger/" in PROBES
    assert "/contracts/1000000000000/" in PROBES


@pytest.mark.parametrize("url", PROBES)
def test_hostile_url_parameters_are_a_client_error(client, superuser, url):
    client.force_login(superuser)
    client.raise_request_exception = False
    assert client.get(url).status_code < 500, url


@pytest.mark.parametrize("url", [u for u in PROBES if "/optag/" in u or "/import/" in u or "/kopier/" in u])
def test_hostile_posts_write_nothing(client, superuser, url):
    client.force_login(superuser)
    client.raise_request_exception = False
    before = row_counts()
    response = client.post(url, {"version": "1", "action": "save"})
    assert response.status_code < 500, url
    after = row_counts()
    changed = {t for t in after if after[t] != before[t] and not t.startswith(("django_session", "axes_"))}
    assert not changed, (url, changed)
