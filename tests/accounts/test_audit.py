"""The login audit: logins, failures, logouts and 403s with user, time and address; a page only the
secretariat reads; entries older than the retention period deleted by a beat task."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.utils import timezone

from accounts.models import LoginEvent
from accounts.tasks import purge_login_audit

pytestmark = pytest.mark.django_db


def test_a_login_and_a_logout_are_recorded_with_time_and_address(client, albertslund_member):
    before = timezone.now()
    client.post(
        "/login/", {"username": "albertslund", "password": "pw-for-tests"}, REMOTE_ADDR="198.51.100.4"
    )
    client.post("/logout/", REMOTE_ADDR="198.51.100.4")
    events = list(LoginEvent.objects.order_by("at", "pk"))
    assert [e.kind for e in events] == [LoginEvent.Kind.LOGIN, LoginEvent.Kind.LOGOUT]
    for event in events:
        assert event.user == albertslund_member
        assert event.username == "albertslund"
        assert event.ip == "198.51.100.4"
        assert event.at >= before


def test_a_failed_login_of_an_unknown_user_is_recorded_by_what_was_typed(client):
    client.post("/login/", {"username": "nobody", "password": "x"}, REMOTE_ADDR="198.51.100.5")
    event = LoginEvent.objects.get()
    assert (event.kind, event.user, event.username, event.ip) == (
        LoginEvent.Kind.FAILED,
        None,
        "nobody",
        "198.51.100.5",
    )


def test_a_permission_denial_is_recorded(client, albertslund_member):
    client.force_login(albertslund_member)
    response = client.get("/konto/login-log/", REMOTE_ADDR="198.51.100.6")
    assert response.status_code == 403
    event = LoginEvent.objects.get(kind=LoginEvent.Kind.DENIED)
    assert (event.user, event.ip, event.path) == (albertslund_member, "198.51.100.6", "/konto/login-log/")


@pytest.mark.parametrize("role", ["board_member", "albertslund_member", "erhvervshus_member", "plain_user"])
def test_only_the_secretariat_reads_the_audit(client, request, role):
    client.force_login(request.getfixturevalue(role))
    assert client.get("/konto/login-log/").status_code == 403


def test_the_secretariat_reads_filters_and_pages_the_audit(client, secretariat):
    LoginEvent.objects.bulk_create(
        [LoginEvent(kind=LoginEvent.Kind.FAILED, username=f"guess{n}", ip="192.0.2.9") for n in range(60)]
        + [LoginEvent(kind=LoginEvent.Kind.LOGIN, username="albertslund", ip="192.0.2.10")]
    )
    client.force_login(secretariat)
    page = client.get("/konto/login-log/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "Side 1 af 2" in html
    assert "192.0.2.9" in html

    only_logins = client.get("/konto/login-log/", {"kind": "login"}).content.decode()
    assert "albertslund" in only_logins and "guess" not in only_logins

    by_name = client.get("/konto/login-log/", {"username": "guess5"}).content.decode()
    assert "guess5" in by_name and "guess6" not in by_name

    second = client.get("/konto/login-log/", {"kind": "failed", "side": "2"}).content.decode()
    assert "Side 2 af 2" in second
    assert "kind=failed&amp;side=1" in second


def test_a_bad_filter_shows_the_form_with_its_error(client, secretariat):
    client.force_login(secretariat)
    response = client.get("/konto/login-log/", {"date_from": "2026-12-01", "date_to": "2026-01-01"})
    assert response.status_code == 200
    assert "Til-datoen ligger før fra-datoen." in response.content.decode()
    response = client.get("/konto/login-log/", {"ip": "not-an-ip", "date_from": "32-13-2026"})
    assert response.status_code == 200


def test_retention_deletes_what_is_older_than_the_setting_and_keeps_the_rest(settings):
    settings.LOGIN_AUDIT_RETENTION_DAYS = 30
    now = timezone.now()
    old = LoginEvent.objects.create(kind=LoginEvent.Kind.LOGIN, username="a", at=now - timedelta(days=31))
    kept = LoginEvent.objects.create(kind=LoginEvent.Kind.LOGIN, username="b", at=now - timedelta(days=29))
    assert purge_login_audit.delay().get() == 1
    assert not LoginEvent.objects.filter(pk=old.pk).exists()
    assert LoginEvent.objects.filter(pk=kept.pk).exists()


def test_the_default_retention_is_six_months_and_beat_runs_the_purge_daily():
    assert 180 <= settings.LOGIN_AUDIT_RETENTION_DAYS <= 186
    entries = [
        e for e in settings.CELERY_BEAT_SCHEDULE.values() if e["task"] == "accounts.tasks.purge_login_audit"
    ]
    assert len(entries) == 1 and entries[0]["schedule"] <= 86400
