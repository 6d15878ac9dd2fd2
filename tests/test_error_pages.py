"""403, 404 and 500 in the portal's layout, in the user's language, with a way back; with DEBUG off."""

import pytest
from django.conf import settings
from django.template import loader
from django.test import Client
from django.urls import reverse

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.error_urls")]


@pytest.fixture(autouse=True)
def _production_errors(settings):
    settings.DEBUG = False


def client_for(user, language):
    client = Client(raise_request_exception=False)
    if user is not None:
        client.force_login(user)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    return client


def assert_portal_page(response, *, status, language, heading, back):
    assert response.status_code == status
    html = response.content.decode()
    assert f'<html lang="{language}">' in html
    assert 'class="navbar-brand"' in html  # the portal's layout
    assert f"<h1>{heading}</h1>" in html
    assert f'href="{reverse("home")}">{back}</a>' in html
    assert "Traceback" not in html and "a bug, on purpose" not in html
    return html


@pytest.mark.parametrize(
    ("language", "heading", "back"),
    [("da", "Siden findes ikke", "Gå til forsiden"), ("en", "Page not found", "Go to the home page")],
)
def test_an_unknown_address_gives_the_portals_404(secretariat, language, heading, back):
    response = client_for(secretariat, language).get("/findes-ikke/")
    html = assert_portal_page(response, status=404, language=language, heading=heading, back=back)
    assert 'id="main-nav"' in html  # a logged-in user keeps the navigation


def test_a_404_for_an_object_the_user_may_not_see_is_the_same_page(albertslund_member):
    """get_for_user answers 404 for what a user may not see: the page gives no hint that it exists."""
    response = client_for(albertslund_member, "da").get("/organisationer/findes-ikke/")
    assert_portal_page(
        response, status=404, language="da", heading="Siden findes ikke", back="Gå til forsiden"
    )


def test_anonymous_visitors_get_the_404_page_too():
    response = client_for(None, "en").get("/findes-ikke/")
    html = assert_portal_page(
        response, status=404, language="en", heading="Page not found", back="Go to the home page"
    )
    assert 'id="main-nav"' not in html


@pytest.mark.parametrize(
    ("language", "heading", "back"),
    [("da", "Ingen adgang", "Gå til forsiden"), ("en", "Access denied", "Go to the home page")],
)
def test_a_refusal_gives_the_portals_403(board_member, language, heading, back):
    response = client_for(board_member, language).get("/test-refused/")
    assert_portal_page(response, status=403, language=language, heading=heading, back=back)


@pytest.mark.parametrize(
    ("language", "heading", "back"),
    [("da", "Der opstod en fejl", "Gå til forsiden"), ("en", "Something went wrong", "Go to the home page")],
)
def test_a_bug_gives_the_portals_500_without_details(board_member, language, heading, back):
    response = client_for(board_member, language).get("/test-broken/")
    html = assert_portal_page(response, status=500, language=language, heading=heading, back=back)
    assert 'id="main-nav"' not in html  # no request, no user: the page needs neither


def test_the_500_page_renders_without_a_request_and_without_the_database(django_assert_num_queries):
    """Django renders 500.html with no context and no context processors; the database may be what failed."""
    with django_assert_num_queries(0):
        html = loader.get_template("500.html").render()
    assert "<h1>Der opstod en fejl</h1>" in html
