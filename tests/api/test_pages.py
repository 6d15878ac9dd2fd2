"""The API's pages in the portal: what it offers, the call log, open data; in both languages."""

import pytest
from django.urls import reverse

from api.models import ApiCall

pytestmark = pytest.mark.django_db


def test_the_api_page_lists_what_the_user_may_read(client, plain_user, board_member):
    client.force_login(plain_user)
    body = client.get(reverse("api:index")).content.decode()
    assert "Resultatkontraktens delmål" in body and "Fordeling af SOSU-praktikpladser" not in body
    assert "Offentliggør" not in body
    client.force_login(board_member)
    body = client.get(reverse("api:index")).content.decode()
    assert "Fordeling af SOSU-praktikpladser" in body and "<code>places</code>" in body


def test_the_secretariat_publishes_from_the_api_page(client, secretariat):
    client.force_login(secretariat)
    body = client.get(reverse("api:index")).content.decode()
    assert 'name="public" value="education/allocations"' in body
    client.post(reverse("api:publish"), {"public": ["education/allocations"]})
    assert 'value="education/allocations" id' in client.get(reverse("api:index")).content.decode()
    client.logout()
    assert "Fordeling af SOSU-praktikpladser" in client.get("/data/").content.decode()


def test_the_call_log_is_the_secretariats(client, secretariat, board_member, django_assert_max_num_queries):
    for n in range(150):
        ApiCall.objects.create(method="GET", path=f"/api/v1/x{n}/", status=200)
    client.force_login(board_member)
    assert client.get(reverse("api:calls")).status_code == 403
    client.force_login(secretariat)
    with django_assert_max_num_queries(8):
        body = client.get(reverse("api:calls")).content.decode()
    assert "/api/v1/x149/" in body and "/api/v1/x0/" not in body
    assert "/api/v1/x0/" in client.get(reverse("api:calls") + "?side=2").content.decode()


def test_the_pages_speak_english(client, board_member):
    client.force_login(board_member)
    client.cookies["django_language"] = "en"
    body = client.get(reverse("api:index")).content.decode()
    assert "Data and API" in body and "Allocation of SOSU apprenticeship places" in body and "Places" in body
    body = client.get(reverse("api:tokens")).content.decode()
    assert "Your API keys" in body
    client.logout()
    client.cookies["django_language"] = "en"
    assert "Open data" in client.get("/data/").content.decode()


def test_the_footer_links_the_api_and_open_data(client, board_member):
    assert 'href="/data/"' in client.get("/login/").content.decode()
    client.force_login(board_member)
    body = client.get("/").content.decode()
    assert 'href="/api/"' in body and 'href="/data/"' in body


def test_the_account_page_leads_to_the_users_api_keys(client, board_member):
    client.force_login(board_member)
    assert 'href="/api/noegler/"' in client.get("/konto/").content.decode()


def test_the_call_log_is_deleted_after_the_retention(settings):
    from datetime import timedelta

    from django.utils import timezone

    from api.tasks import purge_api_calls

    settings.LOGIN_AUDIT_RETENTION_DAYS = 30
    old, recent = (ApiCall.objects.create(method="GET", path=p, status=200) for p in ("/old/", "/new/"))
    ApiCall.objects.filter(pk=old.pk).update(at=timezone.now() - timedelta(days=31))
    assert purge_api_calls() == 1
    assert list(ApiCall.objects.values_list("path", flat=True)) == ["/new/"]


def test_the_beat_purges_the_call_log():
    from kkr_portal.beat import BEAT_SCHEDULE

    assert BEAT_SCHEDULE["api-purge-calls"]["task"] == "api.tasks.purge_api_calls"
