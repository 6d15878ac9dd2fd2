"""Guessing passwords: 10 failures in a row lock the account, and separately the address, for 15 minutes."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.utils import timezone

from accounts.models import LoginEvent

pytestmark = pytest.mark.django_db


def attempt(client, username, password, ip="203.0.113.7"):
    return client.post("/login/", {"username": username, "password": password}, REMOTE_ADDR=ip)


def test_the_settings_are_ten_failures_and_fifteen_minutes():
    assert settings.AXES_FAILURE_LIMIT == 10
    assert timedelta(minutes=15) == settings.AXES_COOLOFF_TIME


def test_after_ten_wrong_passwords_even_the_right_one_is_refused(client, albertslund_member):
    for _ in range(9):
        assert attempt(client, "albertslund", "wrong").status_code == 200
    locked = attempt(client, "albertslund", "wrong")
    assert locked.status_code == 429
    response = attempt(client, "albertslund", "pw-for-tests")
    assert response.status_code == 429
    page = response.content.decode()
    assert "Login midlertidigt spærret" in page
    assert "Prøv igen om 15 minutter" in page
    assert '<html lang="da">' in page
    assert "_auth_user_id" not in client.session


def test_the_account_is_locked_from_another_address_too(client, albertslund_member):
    for n in range(10):
        attempt(client, "albertslund", "wrong", ip=f"198.51.100.{n + 1}")
    assert attempt(client, "albertslund", "pw-for-tests", ip="192.0.2.200").status_code == 429


def test_one_address_guessing_many_accounts_is_locked(client, albertslund_member):
    for n in range(10):
        attempt(client, f"guess{n}", "wrong", ip="203.0.113.50")
    assert attempt(client, "albertslund", "pw-for-tests", ip="203.0.113.50").status_code == 429
    # Another address is not affected.
    response = attempt(client, "albertslund", "pw-for-tests", ip="203.0.113.51")
    assert response.status_code == 302


def test_the_lock_ends_after_the_cool_off(client, albertslund_member):
    from axes.models import AccessAttempt

    for _ in range(10):
        attempt(client, "albertslund", "wrong")
    assert attempt(client, "albertslund", "pw-for-tests").status_code == 429
    AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(minutes=16))
    assert attempt(client, "albertslund", "pw-for-tests").status_code == 302


def test_a_success_resets_the_count(client, albertslund_member):
    for _ in range(9):
        attempt(client, "albertslund", "wrong")
    assert attempt(client, "albertslund", "pw-for-tests").status_code == 302
    client.logout()
    for _ in range(9):
        assert attempt(client, "albertslund", "wrong").status_code == 200
    assert attempt(client, "albertslund", "pw-for-tests").status_code == 302


def test_failures_and_the_lockout_are_in_the_audit(client, albertslund_member):
    for _ in range(11):
        attempt(client, "albertslund", "wrong")
    kinds = list(LoginEvent.objects.filter(username="albertslund").values_list("kind", flat=True))
    assert kinds.count(LoginEvent.Kind.FAILED) == 9
    assert kinds.count(LoginEvent.Kind.LOCKED_OUT) == 2
    assert set(LoginEvent.objects.values_list("ip", flat=True)) == {"203.0.113.7"}
