"""Self-service password change and reset by e-mail, with the password validators in force."""

import re

import pytest
from django.core import mail

from accounts.models import LoginEvent

pytestmark = pytest.mark.django_db


def test_a_user_changes_their_password(client, albertslund_member):
    client.force_login(albertslund_member)
    page = client.get("/konto/adgangskode/")
    assert page.status_code == 200 and "Skift adgangskode" in page.content.decode()
    response = client.post(
        "/konto/adgangskode/",
        {
            "old_password": "pw-for-tests",
            "new_password1": "Grøn-omstilling-2026",
            "new_password2": "Grøn-omstilling-2026",
        },
    )
    assert response.status_code == 302 and response["Location"] == "/konto/adgangskode/skiftet/"
    albertslund_member.refresh_from_db()
    assert albertslund_member.check_password("Grøn-omstilling-2026")
    # Still logged in (the session hash was updated), and the change is in the audit.
    assert client.get("/konto/").status_code == 200
    assert LoginEvent.objects.filter(kind=LoginEvent.Kind.PASSWORD_CHANGED, user=albertslund_member).exists()


@pytest.mark.parametrize(
    ("new", "message"),
    [
        ("kort1", "Denne adgangskode er for kort"),
        ("password123", "Denne adgangskode er for almindelig"),
        ("albertslund", "minder for meget om din/dit brugernavn"),
    ],
)
def test_the_password_validators_still_apply(client, albertslund_member, new, message):
    client.force_login(albertslund_member)
    response = client.post(
        "/konto/adgangskode/", {"old_password": "pw-for-tests", "new_password1": new, "new_password2": new}
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    albertslund_member.refresh_from_db()
    assert albertslund_member.check_password("pw-for-tests")


def test_a_wrong_old_password_is_refused(client, albertslund_member):
    client.force_login(albertslund_member)
    response = client.post(
        "/konto/adgangskode/",
        {
            "old_password": "nope",
            "new_password1": "Grøn-omstilling-2026",
            "new_password2": "Grøn-omstilling-2026",
        },
    )
    assert response.status_code == 200
    assert "gamle adgangskode" in response.content.decode()


def test_the_login_page_links_to_the_reset(client):
    assert 'href="/adgangskode/glemt/"' in client.get("/login/").content.decode()


def reset_link(message) -> str:
    match = re.search(r"https?://[^/\s]+(/adgangskode/nulstil/[^\s]+/)", message.body)
    assert match, message.body
    return match.group(1)


def test_a_forgotten_password_is_reset_through_the_e_mailed_link(client, albertslund_member):
    response = client.post("/adgangskode/glemt/", {"email": "albertslund@example.org"})
    assert response.status_code == 302 and response["Location"] == "/adgangskode/glemt/sendt/"
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["albertslund@example.org"]
    assert message.subject == "Ny adgangskode til KKR-portalen"
    assert "Hej albertslund" in message.body

    form = client.get(reset_link(message), follow=True)
    assert form.status_code == 200 and "Vælg ny adgangskode" in form.content.decode()
    set_password_url = form.redirect_chain[-1][0]
    # The validators apply here too.
    weak = client.post(set_password_url, {"new_password1": "12345678", "new_password2": "12345678"})
    assert weak.status_code == 200 and "for almindelig" in weak.content.decode()
    done = client.post(
        set_password_url,
        {"new_password1": "Cykelsti-Albertslund-9", "new_password2": "Cykelsti-Albertslund-9"},
    )
    assert done.status_code == 302 and done["Location"] == "/adgangskode/nulstillet/"
    albertslund_member.refresh_from_db()
    assert albertslund_member.check_password("Cykelsti-Albertslund-9")
    assert LoginEvent.objects.filter(kind=LoginEvent.Kind.PASSWORD_RESET, username="albertslund").exists()
    # The link works once.
    again = client.get(reset_link(message), follow=True)
    assert "Linket er ugyldigt" in again.content.decode()


def test_an_unknown_address_gets_the_same_answer_and_no_mail(client, albertslund_member):
    response = client.post("/adgangskode/glemt/", {"email": "ukendt@example.org"})
    assert response.status_code == 302 and response["Location"] == "/adgangskode/glemt/sendt/"
    assert mail.outbox == []


def test_the_reset_mail_follows_the_language_of_the_request(client, albertslund_member):
    client.post("/i18n/setlang/", {"language": "en", "next": "/login/"})
    client.post("/adgangskode/glemt/", {"email": "albertslund@example.org"})
    assert mail.outbox[0].subject == "New password for the KKR portal"
    assert "Hello albertslund" in mail.outbox[0].body


@pytest.mark.parametrize(
    "url",
    [
        "/adgangskode/glemt/",
        "/adgangskode/glemt/sendt/",
        "/adgangskode/nulstillet/",
        "/adgangskode/nulstil/MQ/x-y/",
    ],
)
def test_the_reset_pages_are_public_and_in_the_portal_layout(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert '<html lang="da">' in response.content.decode()
    assert "KKR Hovedstaden" in response.content.decode()


def test_the_change_pages_need_a_login(client):
    for url in ("/konto/", "/konto/adgangskode/", "/konto/adgangskode/skiftet/"):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith("/login/")
