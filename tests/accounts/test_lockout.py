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


def test_the_lockout_page_is_in_english_for_an_english_visitor(client, albertslund_member):
    client.post("/i18n/setlang/", {"language": "en", "next": "/login/"})
    for _ in range(10):
        attempt(client, "albertslund", "wrong")
    page = attempt(client, "albertslund", "pw-for-tests").content.decode()
    assert '<html lang="en">' in page
    assert "Login temporarily locked" in page and "Try again in 15 minutes." in page


def test_the_admin_login_is_locked_out_too(client, secretariat):
    secretariat.is_staff = True
    secretariat.save()
    for _ in range(10):
        client.post(
            "/admin/login/", {"username": "sekretariat", "password": "wrong"}, REMOTE_ADDR="192.0.2.77"
        )
    response = client.post(
        "/admin/login/", {"username": "sekretariat", "password": "pw-for-tests"}, REMOTE_ADDR="192.0.2.77"
    )
    assert response.status_code == 429


def test_the_issues_fifty_guesses_end_in_a_lockout_not_a_login(client, albertslund_member):
    statuses = [attempt(client, "albertslund", f"guess-{n}").status_code for n in range(50)]
    assert statuses[:9] == [200] * 9 and set(statuses[9:]) == {429}
    assert attempt(client, "albertslund", "pw-for-tests").status_code == 429
