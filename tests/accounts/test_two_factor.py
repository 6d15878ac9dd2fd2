"""Two-factor login for local accounts: forced enrolment, no page before the code, wrong, replayed and
hostile codes, one-use recovery codes, the optional case, the secretariat's reset, and the audit.

These tests go through the real steps: the `real_second_factor` marker stops tests/conftest.py from
counting a force_login as a passed second factor."""

import time

import pytest
from django.urls import reverse
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts import two_factor
from accounts.models import LoginEvent
from tests.test_url_role_matrix import MATRIX, world  # noqa: F401, F811  (world is a fixture)

pytestmark = [pytest.mark.django_db, pytest.mark.real_second_factor]

VERIFY = "/konto/totrin/"
ENROL = "/konto/totrin/opret/"


def code_for(device, steps_ahead: int = 0) -> str:
    """What the authenticator app shows now (or that many 30-second steps later)."""
    device.refresh_from_db()
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time() + steps_ahead * device.step
    return f"{totp.token():06d}"


def enrolled(user) -> TOTPDevice:
    return TOTPDevice.objects.create(user=user, name="app", confirmed=True)


def password_login(client, username: str):
    return client.post("/login/", {"username": username, "password": "pw-for-tests"})


def kinds(user) -> list[str]:
    return list(LoginEvent.objects.filter(user=user).order_by("at", "pk").values_list("kind", flat=True))


def unthrottle(device) -> None:
    """The wait after a wrong code doubles each time; tests that mean to try again skip the wait."""
    device.refresh_from_db()
    device.throttle_reset()


# --- enforcement -----------------------------------------------------------------------------------------


def test_enrolment_is_forced_at_the_first_login_of_a_secretariat_user(client, secretariat):
    response = password_login(client, "sekretariat")
    assert response.status_code == 302
    for path in ("/start/", "/", "/konto/", "/konto/login-log/", "/contracts/", "/om/", "/privatliv/"):
        response = client.get(path)
        assert response.status_code == 302, path
        assert response["Location"].startswith(ENROL + "?next="), path
    response = client.get(ENROL)
    assert response.status_code == 200
    assert b"otpauth" not in response.content  # the URL is only inside the QR image, not in the text
    assert response.context["secret"]


@pytest.mark.parametrize("flag", ["is_staff", "is_superuser"])
def test_staff_and_superusers_must_enrol_too(client, django_user_model, flag):
    user = django_user_model.objects.create_user("drift", password="pw-for-tests", **{flag: True})
    client.force_login(user)
    response = client.get("/")
    assert response["Location"].startswith(ENROL)


def test_a_member_without_a_second_factor_is_not_asked_for_one(client, albertslund_member):
    password_login(client, "albertslund")
    assert client.get("/").status_code == 200


def test_an_enrolled_secretariat_user_reaches_no_page_before_the_code(client, world):  # noqa: F811
    """Every URL of the role matrix, GET and POST, sends the half-logged-in user to the code page; only the
    code page itself, logging out, the language switch and the health check answer."""
    secretariat = world["users"]["secretariat"]
    enrolled(secretariat)
    answered = {}
    for name, (method, path, _outcomes, data) in sorted(MATRIX.items()):
        client.logout()
        client.force_login(secretariat)
        url = path.format(**world["values"])
        response = client.get(url) if method == "GET" else client.post(url, data)
        location = response.get("Location", "")
        if not location.startswith(VERIFY + "?next="):
            answered[name] = response.status_code
    assert answered == {
        "two_factor_verify": 200,
        "two_factor_enrol": 302,  # already enrolled: on to the code page, without ?next
        "logout": 302,
        "set_language": 302,
        "healthz": 200,
    }
    assert client.get(reverse("two_factor_enrol"))["Location"] == reverse("two_factor_verify")
    assert LoginEvent.objects.filter(kind=LoginEvent.Kind.TWO_FACTOR_OK).count() == 0


def test_a_session_from_sso_is_not_asked_for_a_local_code(client, secretariat):
    client.force_login(secretariat)
    session = client.session
    session[two_factor.SSO_SESSION_KEY] = True
    session.save()
    assert client.get("/").status_code == 200


# --- the code at login -------------------------------------------------------------------------------


def test_the_right_code_opens_the_page_asked_for_and_is_audited(client, secretariat):
    device = enrolled(secretariat)
    password_login(client, "sekretariat")
    response = client.get("/contracts/")
    assert response["Location"] == VERIFY + "?next=%2Fcontracts%2F"
    old_key = client.session.session_key
    response = client.post(VERIFY, {"code": code_for(device), "next": "/contracts/"})
    assert response.status_code == 302 and response["Location"] == "/contracts/"
    assert client.session.session_key != old_key
    assert client.session[DEVICE_ID_SESSION_KEY] == device.persistent_id
    assert client.get("/contracts/").status_code == 200
    assert kinds(secretariat) == [LoginEvent.Kind.LOGIN, LoginEvent.Kind.TWO_FACTOR_OK]


def test_next_may_not_lead_off_the_site(client, secretariat):
    device = enrolled(secretariat)
    client.force_login(secretariat)
    response = client.post(VERIFY, {"code": code_for(device), "next": "https://evil.example/"})
    assert response["Location"] == "/start/"


def test_a_wrong_code_is_refused_audited_and_throttled(client, secretariat):
    device = enrolled(secretariat)
    client.force_login(secretariat)
    right = code_for(device)
    wrong = f"{(int(right) + 1) % 1_000_000:06d}"
    response = client.post(VERIFY, {"code": wrong})
    assert response.status_code == 200
    assert "Koden passer ikke." in response.content.decode()
    assert DEVICE_ID_SESSION_KEY not in client.session
    # At once after a wrong code even the right one waits (django-otp's doubling delay).
    response = client.post(VERIFY, {"code": right})
    assert "For mange forkerte koder" in response.content.decode()
    assert client.get("/")["Location"].startswith(VERIFY)
    unthrottle(device)
    assert client.post(VERIFY, {"code": right})["Location"] == "/start/"
    assert kinds(secretariat).count(LoginEvent.Kind.TWO_FACTOR_FAILED) == 2


def test_the_same_code_cannot_be_used_twice(client, secretariat):
    device = enrolled(secretariat)
    code = code_for(device)
    client.force_login(secretariat)
    assert client.post(VERIFY, {"code": code})["Location"] == "/start/"
    client.logout()
    client.force_login(secretariat)
    response = client.post(VERIFY, {"code": code})
    assert response.status_code == 200 and "Koden passer ikke." in response.content.decode()
    assert DEVICE_ID_SESSION_KEY not in client.session
    # The app's next code is fine.
    unthrottle(device)
    assert client.post(VERIFY, {"code": code_for(device, steps_ahead=1)})["Location"] == "/start/"


@pytest.mark.parametrize(
    "code",
    [
        "",
        "   ",
        "abcdef",
        "12345",
        "1234567",
        "١٢٣٤٥٦",  # Arabic-Indic digits: int() would take them, the form does not
        "12 34\x0056",
        "<script>alert(1)</script>",
        "' OR 1=1 --",
        "9" * 1_000_000,
    ],
    ids=["empty", "blank", "letters", "short", "long", "arabic-digits", "nul", "html", "sql", "1mb"],
)
def test_hostile_codes_give_the_form_again(client, secretariat, code):
    device = enrolled(secretariat)
    client.force_login(secretariat)
    response = client.post(VERIFY, {"code": code})
    assert response.status_code == 200
    assert response.context["form"].errors["code"]
    assert DEVICE_ID_SESSION_KEY not in client.session
    device.refresh_from_db()
    assert device.throttling_failure_count == 0  # a malformed code never reaches the device


def test_a_recovery_code_works_once(client, secretariat):
    enrolled(secretariat)
    codes = two_factor._new_recovery_codes(secretariat)
    client.force_login(secretariat)
    typed = f"{codes[0][:4].upper()}-{codes[0][4:]}"  # as shown, in capitals: still the code
    response = client.post(VERIFY, {"code": typed}, follow=True)
    assert response.redirect_chain[0][0] == "/start/"
    assert "Du har 9 tilbage" in response.content.decode()
    assert two_factor.recovery_codes_left(secretariat) == 9
    client.logout()
    client.force_login(secretariat)
    response = client.post(VERIFY, {"code": codes[0]})
    assert response.status_code == 200 and "Koden passer ikke." in response.content.decode()
    unthrottle(secretariat.staticdevice_set.get())
    assert client.post(VERIFY, {"code": codes[1]})["Location"] == "/start/"
    assert kinds(secretariat).count(LoginEvent.Kind.RECOVERY_CODE_USED) == 2
    assert kinds(secretariat).count(LoginEvent.Kind.TWO_FACTOR_FAILED) == 1


# --- enrolment -------------------------------------------------------------------------------------------


def test_enrolment_confirms_the_app_and_shows_ten_recovery_codes_once(client, secretariat):
    client.force_login(secretariat)
    page = client.get(ENROL + "?next=/contracts/")
    assert page.status_code == 200
    device = TOTPDevice.objects.get(user=secretariat, confirmed=False)
    assert page.context["secret"].replace(" ", "") in device.config_url
    assert page.context["qr"].startswith("data:image/svg+xml")
    # The same key until it is confirmed: a reload does not invalidate what the phone scanned.
    assert client.get(ENROL).context["secret"] == page.context["secret"]

    response = client.post(ENROL, {"code": "000000" if code_for(device) != "000000" else "111111"})
    assert response.status_code == 200 and response.context["form"].errors["code"]
    assert not TOTPDevice.objects.filter(user=secretariat, confirmed=True).exists()
    unthrottle(device)

    response = client.post(ENROL, {"code": code_for(device), "next": "/contracts/"})
    assert response["Location"] == reverse("two_factor_recovery_codes")
    shown = client.get(reverse("two_factor_recovery_codes"))
    codes = shown.context["codes"]
    assert len(codes) == 10 and len(set(codes)) == 10
    assert shown.context["next_url"] == "/contracts/"
    stored = set(StaticToken.objects.filter(device__user=secretariat).values_list("token", flat=True))
    assert {c.replace("-", "") for c in codes} == stored
    again = client.get(reverse("two_factor_recovery_codes"))
    assert again.context["codes"] == [] and "allerede vist" in again.content.decode()
    assert client.get("/contracts/").status_code == 200  # the enrolment verified this session
    assert kinds(secretariat)[-1] == LoginEvent.Kind.TWO_FACTOR_ENROLLED


def test_enrolment_refuses_hostile_codes_without_confirming(client, secretariat):
    client.force_login(secretariat)
    client.get(ENROL)
    for code in ("", "abcdefgh", "x" * 1_000_000, "12345\x00"):
        response = client.post(ENROL, {"code": code})
        assert response.status_code == 200 and response.context["form"].errors["code"]
    assert not TOTPDevice.objects.filter(user=secretariat, confirmed=True).exists()
    assert client.get("/")["Location"].startswith(ENROL)


def test_renewed_recovery_codes_replace_the_old_ones(client, secretariat):
    enrolled(secretariat)
    old = two_factor._new_recovery_codes(secretariat)
    client.force_login(secretariat)
    client.post(VERIFY, {"code": old[0]})
    response = client.post(reverse("two_factor_recovery_codes"))
    assert response["Location"] == reverse("two_factor_recovery_codes")
    new = [c.replace("-", "") for c in client.get(response["Location"]).context["codes"]]
    assert len(new) == 10 and not set(new) & set(old)
    assert two_factor.recovery_codes_left(secretariat) == 10
    assert kinds(secretariat)[-1] == LoginEvent.Kind.RECOVERY_CODES_NEW


# --- optional for others ---------------------------------------------------------------------------------


def test_a_member_may_turn_it_on_and_off_again(client, albertslund_member):
    client.force_login(albertslund_member)
    assert "Slå totrinslogin til" in client.get("/konto/").content.decode()
    client.get(ENROL)
    device = TOTPDevice.objects.get(user=albertslund_member)
    client.post(ENROL, {"code": code_for(device)})
    client.logout()
    client.force_login(albertslund_member)
    assert client.get("/")["Location"].startswith(VERIFY)  # now asked, like anyone with a device
    client.post(VERIFY, {"code": code_for(device, steps_ahead=1)})
    assert client.post(reverse("two_factor_disable"))["Location"] == "/konto/"
    assert not TOTPDevice.objects.filter(user=albertslund_member).exists()
    assert not albertslund_member.staticdevice_set.exists()
    client.logout()
    client.force_login(albertslund_member)
    assert client.get("/").status_code == 200
    assert kinds(albertslund_member)[-3:] == [
        LoginEvent.Kind.TWO_FACTOR_DISABLED,
        LoginEvent.Kind.LOGOUT,
        LoginEvent.Kind.LOGIN,
    ]


def test_the_secretariat_cannot_turn_its_own_second_factor_off(client, secretariat):
    device = enrolled(secretariat)
    client.force_login(secretariat)
    client.post(VERIFY, {"code": code_for(device)})
    assert client.post(reverse("two_factor_disable")).status_code == 403
    assert TOTPDevice.objects.filter(user=secretariat).exists()
    assert "Slå totrinslogin fra" not in client.get("/konto/").content.decode()


# --- the secretariat's reset -----------------------------------------------------------------------------


def test_the_secretariat_resets_a_lost_phone_and_it_is_audited(client, secretariat, django_user_model):
    from django.contrib.auth.models import Group
    from django.test import Client

    colleague = django_user_model.objects.create_user("kollega", password="pw-for-tests")
    colleague.groups.add(Group.objects.get(name="Secretariat"))
    colleague_device = enrolled(colleague)
    colleague_client = Client()
    colleague_client.force_login(colleague)
    colleague_client.post(VERIFY, {"code": code_for(colleague_device)})
    assert colleague_client.get("/").status_code == 200

    own = enrolled(secretariat)
    client.force_login(secretariat)
    client.post(VERIFY, {"code": code_for(own)})
    listing = client.get(reverse("two_factor_users"))
    assert "kollega" in listing.content.decode()
    response = client.post(reverse("two_factor_reset", args=[colleague.pk]))
    assert response["Location"] == reverse("two_factor_users")
    assert not TOTPDevice.objects.filter(user=colleague).exists()
    event = LoginEvent.objects.get(kind=LoginEvent.Kind.TWO_FACTOR_RESET)
    assert (event.user, event.username, event.by) == (colleague, "kollega", secretariat)
    assert "af sekretariat" in client.get("/konto/login-log/?kind=2fa_reset").content.decode()
    # The colleague's open session is no longer verified: at once back to enrolment.
    assert colleague_client.get("/")["Location"].startswith(ENROL)


def test_the_reset_refuses_oneself_an_unknown_user_and_a_superuser(client, secretariat, django_user_model):
    device = enrolled(secretariat)
    root = django_user_model.objects.create_superuser("root", "root@example.org", "pw-for-tests")
    enrolled(root)
    client.force_login(secretariat)
    client.post(VERIFY, {"code": code_for(device)})
    assert client.post(reverse("two_factor_reset", args=[secretariat.pk])).status_code == 404
    assert client.post(reverse("two_factor_reset", args=[999_999])).status_code == 404
    assert client.post(reverse("two_factor_reset", args=[root.pk])).status_code == 403
    assert client.get(reverse("two_factor_reset", args=[root.pk])).status_code == 405
    assert TOTPDevice.objects.filter(user__in=[secretariat, root]).count() == 2
    assert not LoginEvent.objects.filter(kind=LoginEvent.Kind.TWO_FACTOR_RESET).exists()


# --- query budgets ----------------------------------------------------------------------------------------


def test_query_budgets_of_the_two_factor_pages(client, secretariat, django_assert_max_num_queries):
    device = enrolled(secretariat)
    two_factor._new_recovery_codes(secretariat)
    client.force_login(secretariat)
    with django_assert_max_num_queries(12):
        assert client.get(VERIFY).status_code == 200
    client.post(VERIFY, {"code": code_for(device)})
    for user_number in range(30):
        other = type(secretariat).objects.create_user(f"u{user_number}")
        enrolled(other)
    for path in ("/konto/", reverse("two_factor_users"), reverse("two_factor_recovery_codes")):
        with django_assert_max_num_queries(14):
            assert client.get(path).status_code == 200, path
