"""The two-factor login in a real browser: a secretariat user's first login goes through enrolment (the
key read off the page, the code computed as the phone would), the second login asks for the code; the
pages are axe-clean, have no Content Security Policy violation and fit a phone."""

import time
from urllib.parse import urlparse

import pytest
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.models import LoginEvent
from tests.conftest import axe_violations, click_and_load
from tests.test_axe_crawl import require_vnu, validate_html

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True), pytest.mark.real_second_factor]

PHONE = {"width": 390, "height": 844}
CSP_LISTEN = """
window.__csp = [];
document.addEventListener('securitypolicyviolation', e => window.__csp.push(e.violatedDirective));
"""


def app_code(secret_base32: str, steps_ahead: int = 0) -> str:
    """What an authenticator app computes from the key it was given (RFC 6238, 30 s, 6 digits)."""
    import base64

    secret = secret_base32.replace(" ", "")
    key = base64.b32decode(secret + "=" * (-len(secret) % 8))
    totp = TOTP(key)
    totp.time = time.time() + 30 * steps_ahead
    return f"{totp.token():06d}"


def at_home(url: str) -> bool:
    return urlparse(url).path == "/"


def check_page(page, sources: dict) -> None:
    sources[f"{len(sources)} {page.url}"] = page.content()
    assert axe_violations(page) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert page.evaluate("window.__csp") == []


def log_in(page, username: str) -> None:
    page.goto("/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", "pw-for-tests")
    page.click("button[type=submit]")


@pytest.mark.parametrize("language", ["da-DK", "en-GB"])
def test_first_login_enrols_and_the_second_asks_for_the_code(
    browser, live_server, secretariat, language, tmp_path
):
    sources: dict[str, str] = {}
    context = browser.new_context(base_url=live_server.url, locale=language, viewport=PHONE)
    context.add_init_script(CSP_LISTEN)
    page = context.new_page()
    page.set_default_timeout(15000)
    try:
        log_in(page, "sekretariat")
        page.wait_for_url("**/konto/totrin/opret/**")
        assert page.locator("img.qr-code").evaluate("img => img.complete && img.naturalWidth > 0")
        check_page(page, sources)
        secret = page.get_by_test_id("totp-secret").inner_text()

        page.fill("#id_code", "000000" if app_code(secret) != "000000" else "111111")
        click_and_load(page.locator("form:not([action]) button[type=submit]"))
        assert page.locator(".invalid-feedback, .is-invalid").count() > 0
        check_page(page, sources)
        # The wrong code costs a one-second wait (django-otp's throttle) before the next try.
        time.sleep(1.1)
        page.fill("#id_code", app_code(secret))
        page.click("form:not([action]) button[type=submit]")
        page.wait_for_url("**/konto/totrin/koder/")
        assert page.get_by_test_id("recovery-codes").locator("li").count() == 10
        check_page(page, sources)
        page.locator("main a.btn-primary").click()
        page.wait_for_url(at_home)  # landing sends the secretariat to the home page

        context.clear_cookies()  # the browser closed: its session cookie is gone

        log_in(page, "sekretariat")
        page.wait_for_url("**/konto/totrin/?next=**")
        check_page(page, sources)
        # The enrolment used this step's code and cannot be replayed: wait for the phone's next code. (Asking
        # for a code one step ahead instead failed when the enrolment straddled a step: django-otp then
        # records a drift of -1, and +1 from now is outside its window.)
        time.sleep(30 - time.time() % 30 + 0.5)
        page.fill("#id_code", app_code(secret))
        page.click("form:not([action]) button[type=submit]")
        page.wait_for_url(at_home)  # landing sends the secretariat to the home page
    finally:
        context.close()
    assert all(f'<html lang="{language[:2]}">' in html for html in sources.values())
    assert TOTPDevice.objects.get(user=secretariat).confirmed
    kinds = list(
        LoginEvent.objects.filter(user=secretariat).order_by("at", "pk").values_list("kind", flat=True)
    )
    assert kinds == [
        LoginEvent.Kind.LOGIN,
        LoginEvent.Kind.TWO_FACTOR_FAILED,
        LoginEvent.Kind.TWO_FACTOR_ENROLLED,
        LoginEvent.Kind.LOGIN,
        LoginEvent.Kind.TWO_FACTOR_OK,
    ]
    require_vnu("axe, CSP and widths checked")
    errors = validate_html(sources, tmp_path)
    assert not errors, errors
