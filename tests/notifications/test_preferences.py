"""Each user chooses the language of their e-mails and immediate e-mails or a weekly digest."""

import re

import pytest

from notifications.models import Preference

pytestmark = pytest.mark.django_db

URL = "/e-mails/"


def test_the_settings_page_shows_the_defaults_danish_and_immediately(client, other_member):
    client.force_login(other_member)
    response = client.get(URL)
    assert response.status_code == 200
    page = response.content.decode()
    assert "E-mails sendes til gentofte@example.org." in page
    checked = re.findall(r'<input type="radio"[^>]* name="(\w+)" value="(\w+)"[^>]* checked', page)
    assert checked == [("language", "da"), ("frequency", "immediate")]
    assert 'value="weekly"' in page
    assert f'href="{URL}"' in client.get("/konto/").content.decode()  # the account page leads here
    assert not Preference.objects.exists()  # nothing is stored until the user chooses


def test_a_user_chooses_english_and_the_weekly_digest(client, other_member):
    client.force_login(other_member)
    response = client.post(URL, {"language": "en", "frequency": "weekly"}, follow=True)
    assert response.status_code == 200
    assert "Dine e-mail-indstillinger er gemt." in response.content.decode()
    preference = Preference.objects.get(user=other_member)
    assert (preference.language, preference.frequency) == ("en", "weekly")
    client.post(URL, {"language": "da", "frequency": "immediate"})
    preference.refresh_from_db()
    assert (preference.language, preference.frequency) == ("da", "immediate")
    assert Preference.objects.count() == 1


def test_a_bad_choice_is_refused_with_the_form_again(client, other_member):
    client.force_login(other_member)
    response = client.post(URL, {"language": "fr", "frequency": "hourly"})
    assert response.status_code == 200
    assert "is-invalid" in response.content.decode()
    assert not Preference.objects.exists()


def test_a_user_without_an_address_is_told_so(client, plain_user):
    plain_user.email = ""
    plain_user.save()
    client.force_login(plain_user)
    assert "Din bruger har ingen e-mailadresse" in client.get(URL).content.decode()


def test_the_page_is_in_english_for_an_english_ui(client, other_member):
    client.force_login(other_member)
    client.cookies["django_language"] = "en"
    page = client.get(URL).content.decode()
    assert "<h1>E-mail settings</h1>" in page and "Weekly, collected in one e-mail" in page


def test_leaving_the_weekly_digest_sends_what_it_held_now(
    client, mailbox, django_capture_on_commit_callbacks, vip2_spring_draft, albertslund_member, secretariat
):
    from core.workflow import report_submit
    from notifications.models import Notification

    Preference.objects.create(user=secretariat, frequency=Preference.Frequency.WEEKLY)
    with django_capture_on_commit_callbacks(execute=True):
        report_submit(report=vip2_spring_draft, by=albertslund_member)
    assert mailbox == []
    client.force_login(secretariat)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(URL, {"language": "da", "frequency": "immediate"})
    assert [m.to for m in mailbox] == [[secretariat.email]]
    assert Notification.objects.get().sent_at is not None
