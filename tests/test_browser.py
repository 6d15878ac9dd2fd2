"""Log in as each role in a real Chromium and check the pages with axe-core (WCAG 2.1 AA)."""

import pytest

from tests.conftest import axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_login_form_logs_a_member_in(page_for, albertslund_member):
    page = page_for()
    page.goto("/vip/")
    assert "/login/?next=/vip/" in page.url
    page.goto("/login/")
    page.get_by_label("Brugernavn").fill("albertslund")
    page.get_by_label("Adgangskode").fill("pw-for-tests")
    page.get_by_role("button", name="Log ind").click()
    page.wait_for_url("**/organisationer/albertslund/")
    assert page.get_by_role("heading", level=1).inner_text() == "Albertslund"


@pytest.mark.parametrize("role", ["secretariat", "board_member", "albertslund_member", "other_member"])
def test_each_role_sees_the_home_page_with_the_four_areas(page_for, request, role):
    page = page_for(request.getfixturevalue(role))
    page.goto("/")
    headings = page.locator("main h2").all_inner_texts()
    assert headings[:5] == [
        "Kræver opmærksomhed",
        "Resultatkontrakt",
        "Klima-VIP-projekter",
        "Infrastruktur",
        "Uddannelse",
    ]


def test_only_the_secretariat_sees_the_administration_link(page_for, secretariat, board_member):
    secretariat_page = page_for(secretariat)
    secretariat_page.goto("/")
    assert secretariat_page.get_by_role("link", name="Administration").count() == 1
    board_page = page_for(board_member)
    board_page.goto("/")
    assert board_page.get_by_role("link", name="Administration").count() == 0


def test_the_login_page_has_no_wcag_violations(page_for, organisations):
    page = page_for()
    page.goto("/login/")
    assert axe_violations(page) == []


def test_the_home_page_has_no_wcag_violations(page_for, secretariat):
    page = page_for(secretariat)
    page.goto("/")
    assert axe_violations(page) == []


def test_the_home_page_works_at_phone_width(page_for, albertslund_member):
    page = page_for(albertslund_member, viewport={"width": 375, "height": 740})
    page.goto("/")
    page.get_by_role("button", name="Vis menu").click()
    assert page.get_by_role("link", name="Albertslund", exact=True).is_visible()
    assert axe_violations(page) == []
