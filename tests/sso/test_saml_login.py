"""Single sign-on against a real pysaml2 identity provider: signed assertions, the mapping, the refusals."""

import pytest
from django.contrib.auth import get_user_model

from accounts.models import LoginEvent
from core.roles import BOARD, SECRETARIAT
from sso.models import SsoIdentity
from tests.sso.conftest import ALBERTSLUND_TEST_CVR, OTHER_SP

pytestmark = pytest.mark.django_db

LEAD = "http://kkr-portal/roles/lead"
BOARD_ROLE = "http://kkr-portal/roles/board"
SECRETARIAT_ROLE = "http://kkr-portal/roles/secretariat"


def start(client, next_url=""):
    response = client.get("/sso/login/" + (f"?next={next_url}" if next_url else ""))
    assert response.status_code == 302, response.content[:500]
    assert response["Location"].startswith("https://idp.test.invalid/sso?SAMLRequest=")
    return response["Location"]


def sso_login(client, idp, **answer):
    form = idp.respond(start(client), **{"cvr": ALBERTSLUND_TEST_CVR, **answer})
    assert form["url"] == "http://testserver/sso/acs/"
    return client.post("/sso/acs/", {"SAMLResponse": form["SAMLResponse"], "RelayState": form["RelayState"]})


def refused(response, code):
    assert response.status_code == 403
    assert "sso/refused.html" in [t.name for t in response.templates]
    assert f"<code>{code}</code>" in response.content.decode()
    event = LoginEvent.objects.filter(kind=LoginEvent.Kind.SSO_REFUSED).latest("pk")
    assert event.detail.startswith(code), event.detail
    assert not LoginEvent.objects.filter(kind=LoginEvent.Kind.DENIED).exists()
    return event


def test_off_by_default_the_sso_urls_are_404_and_the_login_page_has_no_button(client, settings, kkr_data):
    settings.SAML_ENABLED = False
    for url in ("/sso/login/", "/sso/metadata/", "/sso/acs/", "/sso/ls/"):
        assert client.get(url).status_code == 404, url
    assert "/sso/login/" not in client.get("/login/").content.decode()


def test_the_login_page_shows_the_button_when_configured(client, idp):
    assert 'href="/sso/login/"' in client.get("/login/").content.decode()


def test_the_metadata_is_signed_and_names_both_certificates(client, idp):
    response = client.get("/sso/metadata/")
    assert response.status_code == 200
    xml = response.content.decode()
    assert "<ds:Signature" in xml or "Signature" in xml
    assert 'use="signing"' in xml and 'use="encryption"' in xml
    assert "http://testserver/sso/acs/" in xml and "http://testserver/sso/ls/" in xml


def test_a_lead_from_albertslund_logs_in_and_lands_on_their_profile_with_lead_rights(client, idp):
    response = sso_login(client, idp, privileges=(LEAD,))
    assert response.status_code == 302
    landing = client.get(response["Location"])
    assert landing.status_code == 302 and landing["Location"] == "/organisationer/albertslund/"
    user = get_user_model().objects.get(sso_identity__subject="albertslund-lead-1")
    assert user.organisation.name == "Albertslund"
    assert not user.has_usable_password()
    assert (user.first_name, user.email) == ("Anne", "anne@albertslund.example")
    assert set(user.groups.values_list("name", flat=True)) == set()
    # Albertslund leads VIP 2: the lead may start its status report (a member of another municipality: 403).
    started = client.post("/vip/projekter/2/ny-rapport/", {"period": "2023-autumn"})
    assert started.status_code == 302 and "/rediger/" in started["Location"]
    event = LoginEvent.objects.get(kind=LoginEvent.Kind.SSO_LOGIN)
    assert event.user == user
    assert not LoginEvent.objects.filter(kind=LoginEvent.Kind.LOGIN).exists()


def test_a_board_role_gives_the_board_group_and_no_membership(client, idp):
    response = sso_login(client, idp, privileges=(BOARD_ROLE,), subject="board-1")
    assert response.status_code == 302
    user = get_user_model().objects.get(sso_identity__subject="board-1")
    assert list(user.groups.values_list("name", flat=True)) == [BOARD]
    assert user.organisation is None
    assert client.get("/").status_code == 200


def test_a_role_removed_in_the_municipality_disappears_at_the_next_login(client, idp):
    sso_login(client, idp, privileges=(LEAD, BOARD_ROLE), subject="both-1")
    user = get_user_model().objects.get(sso_identity__subject="both-1")
    assert user.organisation is not None and user.groups.filter(name=BOARD).exists()
    client.logout()
    assert sso_login(client, idp, privileges=(BOARD_ROLE,), subject="both-1").status_code == 302
    user.refresh_from_db()
    assert user.organisation is None and user.groups.filter(name=BOARD).exists()
    assert SsoIdentity.objects.filter(user=user).count() == 1
    client.logout()
    # Every role removed: refused, and the user keeps nothing from before.
    refused(sso_login(client, idp, privileges=(), subject="both-1"), "no_role")


def test_no_role_is_refused_and_nothing_is_created(client, idp):
    users = get_user_model().objects.count()
    refused(sso_login(client, idp, privileges=("http://other-system/roles/admin",), subject="x-1"), "no_role")
    assert get_user_model().objects.count() == users
    assert "_auth_user_id" not in client.session


def test_an_unknown_cvr_is_refused_and_nothing_is_created(client, idp):
    users = get_user_model().objects.count()
    response = sso_login(client, idp, cvr="87654321", privileges=(LEAD,), subject="x-2")
    refused(response, "unknown_cvr")
    assert "87654321" in response.content.decode()
    assert get_user_model().objects.count() == users


def test_privileges_scoped_to_another_cvr_do_not_count(client, idp):
    from tests.sso.idp import bpp

    response = sso_login(
        client,
        idp,
        privileges=(),
        subject="x-3",
        attributes={"https://data.gov.dk/model/core/eid/privilegesIntermediate": [bpp("87654321", LEAD)]},
    )
    refused(response, "no_role")


def test_a_wrong_audience_is_refused(client, idp):
    users = get_user_model().objects.count()
    refused(sso_login(client, idp, privileges=(LEAD,), audience=OTHER_SP), "audience")
    assert get_user_model().objects.count() == users


def test_an_expired_assertion_is_refused(client, idp, settings, monkeypatch):
    """Issued for one minute, posted ten minutes later: beyond the bounded clock skew (60 s)."""
    import saml2.validate

    settings.SAML_CLOCK_SKEW_SECONDS = 60
    form = idp.respond(start(client), cvr=ALBERTSLUND_TEST_CVR, privileges=(LEAD,), lifetime_minutes=1)
    real_now = saml2.validate.time_util.utc_now
    monkeypatch.setattr(saml2.validate.time_util, "utc_now", lambda: real_now() + 600)
    data = {"SAMLResponse": form["SAMLResponse"], "RelayState": form["RelayState"]}
    refused(client.post("/sso/acs/", data), "expired")


def test_the_clock_skew_is_tolerated_within_its_bound(client, idp, settings, monkeypatch):
    import saml2.validate

    settings.SAML_CLOCK_SKEW_SECONDS = 60
    form = idp.respond(start(client), cvr=ALBERTSLUND_TEST_CVR, privileges=(LEAD,), lifetime_minutes=1)
    real_now = saml2.validate.time_util.utc_now
    monkeypatch.setattr(saml2.validate.time_util, "utc_now", lambda: real_now() + 90)
    data = {"SAMLResponse": form["SAMLResponse"], "RelayState": form["RelayState"]}
    assert client.post("/sso/acs/", data).status_code == 302


def test_an_unsigned_assertion_is_refused(client, idp):
    refused(sso_login(client, idp, privileges=(LEAD,), sign=False), "signature")


def test_a_replayed_assertion_is_refused(client, idp):
    form = idp.respond(start(client), cvr=ALBERTSLUND_TEST_CVR, privileges=(LEAD,))
    data = {"SAMLResponse": form["SAMLResponse"], "RelayState": form["RelayState"]}
    assert client.post("/sso/acs/", data).status_code == 302
    client.logout()
    # The same browser again: the request it answered is spent.
    refused(client.post("/sso/acs/", data), "unsolicited")


def test_a_replayed_assertion_is_refused_even_when_its_request_is_still_outstanding(client, idp):
    """An attacker who also holds the victim's SAML session: the assertion ID itself is remembered."""
    form = idp.respond(start(client), cvr=ALBERTSLUND_TEST_CVR, privileges=(LEAD,))
    saml_cookie = client.cookies["saml_session"].value
    data = {"SAMLResponse": form["SAMLResponse"], "RelayState": form["RelayState"]}
    from importlib import import_module

    from django.conf import settings as django_settings

    store = import_module(django_settings.SESSION_ENGINE).SessionStore(saml_cookie)
    saved = dict(store.items())
    assert client.post("/sso/acs/", data).status_code == 302
    client.logout()
    store = import_module(django_settings.SESSION_ENGINE).SessionStore(saml_cookie)
    store.update(saved)
    store.save()
    client.cookies["saml_session"] = store.session_key
    refused(client.post("/sso/acs/", data), "replay")


def test_secretariat_role_needs_nsis_substantial(client, idp):
    refused(sso_login(client, idp, privileges=(SECRETARIAT_ROLE,), loa="Low", subject="s-1"), "nsis_too_low")
    assert not get_user_model().objects.filter(sso_identity__subject="s-1").exists()
    client.logout()
    assert (
        sso_login(client, idp, privileges=(SECRETARIAT_ROLE,), loa="Substantial", subject="s-1").status_code
        == 302
    )
    user = get_user_model().objects.get(sso_identity__subject="s-1")
    assert list(user.groups.values_list("name", flat=True)) == [SECRETARIAT]
    assert client.session["sso_nsis_level"] == "Substantial"
    # The secretariat's two-factor rule is met by the identity provider: no local code is asked for.
    assert client.get("/").status_code == 200


def test_hostile_posts_to_the_acs_are_refused_not_500(client, idp):
    for body in (
        {},
        {"SAMLResponse": "not base64 !!"},
        {"SAMLResponse": "PHg+"},
        {"SAMLResponse": "A" * 200_000},
    ):
        response = client.post("/sso/acs/", body)
        assert response.status_code in (400, 403), body.keys()
    assert get_user_model().objects.filter(username__startswith="sso-").count() == 0


def test_the_refusal_page_speaks_english_to_an_english_browser(client, idp):
    client.cookies["django_language"] = "en"
    response = sso_login(client, idp, privileges=(), subject="x-en")
    refused(response, "no_role")
    page = response.content.decode()
    assert "Your organisation has not given you a role in the KKR portal." in page
    assert "Login with your municipality's login was refused" in page.replace("&#x27;", "'")


def test_the_metadata_signature_verifies_with_xmlsec1(client, idp, settings, tmp_path):
    import subprocess

    metadata = tmp_path / "sp-metadata-signed.xml"
    metadata.write_bytes(client.get("/sso/metadata/").content)
    result = subprocess.run(
        [
            "xmlsec1",
            "--verify",
            "--pubkey-cert-pem",
            settings.SAML_CERT_FILE,
            "--id-attr:ID",
            "urn:oasis:names:tc:SAML:2.0:metadata:EntityDescriptor",
            str(metadata),
        ],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    # A tampered copy does not verify.
    metadata.write_text(metadata.read_text().replace("/sso/acs/", "/evil/acs/"))
    tampered = subprocess.run(
        [
            "xmlsec1",
            "--verify",
            "--pubkey-cert-pem",
            settings.SAML_CERT_FILE,
            "--id-attr:ID",
            "urn:oasis:names:tc:SAML:2.0:metadata:EntityDescriptor",
            str(metadata),
        ],
        capture_output=True,
    )
    assert tampered.returncode != 0


def test_the_login_request_is_signed(client, idp):
    from urllib.parse import parse_qs, urlparse

    query = parse_qs(urlparse(start(client)).query)
    assert query["SigAlg"] == ["http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"]
    assert query["Signature"][0]


def test_single_logout_starts_at_the_identity_provider(client, idp):
    sso_login(client, idp, privileges=(LEAD,), subject="slo-1")
    response = client.post("/sso/logout/")
    assert response.status_code == 302
    assert response["Location"].startswith("https://idp.test.invalid/sso/slo?SAMLRequest=")
    assert "_auth_user_id" not in client.session
    event = LoginEvent.objects.filter(kind=LoginEvent.Kind.LOGOUT).latest("pk")
    assert event.username.startswith("sso-")


def test_the_acs_stays_within_its_query_budget(client, idp, django_assert_max_num_queries):
    form = idp.respond(start(client), cvr=ALBERTSLUND_TEST_CVR, privileges=(LEAD, BOARD_ROLE))
    data = {"SAMLResponse": form["SAMLResponse"], "RelayState": form["RelayState"]}
    with django_assert_max_num_queries(35):
        assert client.post("/sso/acs/", data).status_code == 302
    client.logout()
    form = idp.respond(start(client), cvr=ALBERTSLUND_TEST_CVR, privileges=())
    data = {"SAMLResponse": form["SAMLResponse"], "RelayState": form["RelayState"]}
    with django_assert_max_num_queries(12):
        assert client.post("/sso/acs/", data).status_code == 403


def test_a_foreign_relay_state_is_not_followed(client, idp):
    form = idp.respond(start(client), cvr=ALBERTSLUND_TEST_CVR, privileges=(LEAD,))
    response = client.post(
        "/sso/acs/", {"SAMLResponse": form["SAMLResponse"], "RelayState": "https://evil.example/phish"}
    )
    assert response.status_code == 302
    assert "evil.example" not in response["Location"]


def test_the_next_page_is_kept_through_the_login(client, idp):
    form = idp.respond(start(client, "/vip/"), cvr=ALBERTSLUND_TEST_CVR, privileges=(LEAD,))
    assert form["RelayState"] == "/vip/"
    response = client.post(
        "/sso/acs/", {"SAMLResponse": form["SAMLResponse"], "RelayState": form["RelayState"]}
    )
    assert response["Location"] == "/vip/"


def test_the_login_log_shows_the_refusal_code_to_the_secretariat(client, idp, secretariat):
    refused(sso_login(client, idp, privileges=(), subject="log-1"), "no_role")
    client.force_login(secretariat)
    page = client.get("/konto/login-log/").content.decode()
    assert "SSO-login afvist" in page and "<code" in page and "no_role: cvr " + ALBERTSLUND_TEST_CVR in page


def test_an_encrypted_signed_assertion_is_decrypted_and_accepted(client, idp):
    import base64

    form = idp.respond(
        start(client), cvr=ALBERTSLUND_TEST_CVR, privileges=(LEAD,), subject="enc-1", encrypt=True
    )
    xml = base64.b64decode(form["SAMLResponse"]).decode()
    assert "EncryptedAssertion" in xml and ALBERTSLUND_TEST_CVR not in xml
    response = client.post(
        "/sso/acs/", {"SAMLResponse": form["SAMLResponse"], "RelayState": form["RelayState"]}
    )
    assert response.status_code == 302, response.content[:300]
    assert get_user_model().objects.get(sso_identity__subject="enc-1").organisation.name == "Albertslund"


def test_the_sso_pages_are_valid_html(client, idp, tmp_path):
    from tests.test_axe_crawl import require_vnu, validate_html

    require_vnu("the SSO pages' HTML")
    login = client.get("/login/").content.decode()
    refusal = sso_login(client, idp, privileges=(), subject="html-1").content.decode()
    assert validate_html({"/login/": login, "/sso/acs/": refusal}, tmp_path) == {}


@pytest.mark.parametrize("path", ["/sso/login/", "/sso/metadata/"])
def test_an_unreachable_identity_provider_metadata_url_answers_503_with_a_page_not_500(
    client, idp, settings, path
):
    """SAML_IDP_METADATA_URL is read when a SAML page is asked for; the Context Handler may be down."""
    settings.SAML_IDP_METADATA_FILE = ""
    settings.SAML_IDP_METADATA_URL = "http://127.0.0.1:9/idp-metadata.xml"  # nothing listens on port 9
    response = client.get(path)
    assert response.status_code == 503
    text = response.content.decode()
    assert "Kommunernes fælles login svarer ikke lige nu" in text
    assert 'href="/login/"' in text  # the local login page, for the secretariat's own accounts


def test_the_navigations_log_out_button_ends_an_sso_session_at_the_identity_provider(
    client, idp, secretariat
):
    sso_login(client, idp, privileges=(LEAD,), subject="slo-nav")
    assert 'action="/sso/logout/"' in client.get("/").content.decode()
    client.logout()
    client.force_login(secretariat)  # a local account logs out locally
    assert 'action="/logout/"' in client.get("/").content.decode()


def test_single_logout_without_the_saml_session_logs_out_here_and_says_so(client, idp):
    """The SAML exchange's own cookie may be gone (expired, cleared) while the portal session lives on."""
    sso_login(client, idp, privileges=(LEAD,), subject="slo-lost")
    del client.cookies["saml_session"]
    response = client.post("/sso/logout/", follow=True)
    assert response.redirect_chain[-1][0] == "/login/"
    assert "_auth_user_id" not in client.session
    assert "Du er logget ud af portalen" in response.content.decode()
