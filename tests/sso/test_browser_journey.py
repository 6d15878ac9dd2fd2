"""In a real Chromium: a lead logs in through the local identity provider (pysaml2 behind an HTTP server on
a free port) and submits VIP 2's status report; a refused login gets an accessible refusal page."""

import html
import threading
from wsgiref.simple_server import WSGIRequestHandler, make_server

import pytest

from accounts.models import LoginEvent
from core.models import Organisation
from tests.conftest import axe_violations
from tests.sso.conftest import ALBERTSLUND_TEST_CVR, configure_sp
from tests.sso.idp import TestIdentityProvider
from vip_climate.models import StatusReport

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LEAD = "http://kkr-portal/roles/lead"


class QuietHandler(WSGIRequestHandler):
    def log_message(self, *args):
        pass


class HttpIdentityProvider:
    """The test IdP's single sign-on endpoint over HTTP: shows who will be logged in and a button that POSTs
    the signed response to the portal's assertion consumer service (as the Context Handler's page does)."""

    def __init__(self, tmp_path):
        self.httpd = make_server("localhost", 0, self.app, handler_class=QuietHandler)
        self.url = f"http://localhost:{self.httpd.server_port}/sso"
        self.provider = TestIdentityProvider(tmp_path, sso_url=self.url)
        self.answer: dict = {}
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def app(self, environ, start_response):
        url = self.url + "?" + environ.get("QUERY_STRING", "")
        form = self.provider.respond(url, **self.answer)
        fields = "".join(
            f'<input type="hidden" name="{name}" value="{html.escape(form[name])}">'
            for name in ("SAMLResponse", "RelayState")
        )
        body = (
            '<!doctype html><html lang="da"><head><title>Test-IdP</title></head><body><main>'
            f'<h1>Test-IdP</h1><form method="post" action="{html.escape(form["url"])}">{fields}'
            '<button type="submit">Fortsæt til KKR-portalen</button></form></main></body></html>'
        )
        start_response("200 OK", [("Content-Type", "text/html; charset=utf-8")])
        return [body.encode()]

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def http_idp(settings, tmp_path, live_server, vip):
    idp = HttpIdentityProvider(tmp_path)
    configure_sp(settings, tmp_path, idp.provider, live_server.url)
    assert Organisation.objects.get(name="Albertslund").cvr == ALBERTSLUND_TEST_CVR
    yield idp
    idp.close()


def sso_login_in_browser(page, idp):
    page.goto("/login/")
    assert axe_violations(page) == []
    page.get_by_role("link", name="Log ind med kommunens login (SSO)").click()
    page.wait_for_url(idp.url + "*")
    page.get_by_role("button", name="Fortsæt til KKR-portalen").click()


def test_sso_login_as_a_lead_and_submit_the_vip_status_report(page_for, http_idp, vip):
    http_idp.answer = {"cvr": ALBERTSLUND_TEST_CVR, "privileges": (LEAD,), "subject": "anne-albertslund"}
    page = page_for(None)
    sso_login_in_browser(page, http_idp)
    page.wait_for_url("**/organisationer/albertslund/")
    assert LoginEvent.objects.filter(kind=LoginEvent.Kind.SSO_LOGIN).count() == 1

    page.goto("/vip/projekter/2/")
    page.get_by_label("Start statusrapport for runden").select_option("2023-spring")
    page.get_by_role("button", name="Start rapport").click()
    page.wait_for_url("**/rediger/")
    page.get_by_label("Samlet status").select_option("challenges")
    page.get_by_label("Ændringer").fill("Indsendt efter log-ind med kommunens login.")
    page.get_by_role("button", name="Gem og indsend").click()
    page.wait_for_url("**/rapporter/*/")
    report = StatusReport.objects.get(project=vip[2], period__year=2023, period__half="spring")
    assert report.state == "submitted"
    assert report.changes == "Indsendt efter log-ind med kommunens login."


def test_a_refused_sso_login_shows_an_accessible_page(page_for, http_idp):
    http_idp.answer = {"cvr": ALBERTSLUND_TEST_CVR, "privileges": (), "subject": "no-role"}
    page = page_for(None, viewport={"width": 390, "height": 800})
    sso_login_in_browser(page, http_idp)
    page.wait_for_url("**/sso/acs/")
    assert "Din organisation har ikke givet dig en rolle i KKR-portalen." in page.content()
    assert axe_violations(page) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert LoginEvent.objects.filter(kind=LoginEvent.Kind.SSO_REFUSED).count() == 1
