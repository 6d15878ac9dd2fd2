"""The accessibility statement and the privacy page: public, in both languages, linked from every footer."""

import pytest
from django.test import override_settings
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_the_accessibility_statement_is_public_at_was(client):
    response = client.get("/was")
    body = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Tilgængelighedserklæring</h1>" in body
    assert "WCAG 2.1" in body and "Digitaliseringsstyrelsen" in body
    assert "1. december 2026" in body


@override_settings(SECRETARIAT_EMAIL="kkr@example.dk")
def test_the_statement_names_where_to_write(client):
    assert 'href="mailto:kkr@example.dk"' in client.get("/was").content.decode()


@override_settings(LOGIN_AUDIT_RETENTION_DAYS=30, SESSION_COOKIE_AGE=8 * 3600)
def test_the_privacy_page_states_the_retention_the_settings_enforce(client):
    body = client.get(reverse("privacy")).content.decode()
    assert "30 dage, derefter slettes den automatisk" in body
    assert "Højst 8 timer" in body


def test_the_privacy_page_in_english(client):
    client.cookies["django_language"] = "en"
    body = client.get(reverse("privacy")).content.decode()
    assert '<html lang="en">' in body
    assert "Privacy" in body


def test_every_footer_links_both(client, board_member):
    pages = [client.get("/login/").content.decode()]
    client.force_login(board_member)
    pages.append(client.get("/").content.decode())
    for body in pages:
        assert 'href="/was"' in body and 'href="/privatliv/"' in body


def test_the_privacy_page_names_the_second_factor_and_the_sso_identity(client):
    body = client.get(reverse("privacy")).content.decode()
    assert "den hemmelige nøgle, din godkendelsesapp deler med portalen" in body
    assert "identitetsudbyderens navn for dig (NameID)" in body
