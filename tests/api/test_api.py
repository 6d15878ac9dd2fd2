"""The read-only API as an analyst uses it: tokens, the allocation rows the page shows, paging, filters."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from api.models import ApiCall, ApiToken
from education.models import Allocation

pytestmark = pytest.mark.django_db

ALLOCATIONS = "/api/v1/education/allocations/"


def test_an_analyst_creates_a_token_and_pulls_the_allocation_the_page_shows(client, board_member):
    client.force_login(board_member)
    response = client.post(reverse("api:tokens"), {"name": "Power BI", "days": "90"})
    assert response.status_code == 200
    key = response.context["new_key"]
    assert key.startswith("kkr_") and key in response.content.decode()
    assert response["Cache-Control"] == "no-store"
    token = ApiToken.objects.get(user=board_member)
    assert key not in (token.key_digest, token.prefix)  # only a digest is stored
    assert key not in client.get(reverse("api:tokens")).content.decode()  # shown once

    client.logout()
    body = client.get(ALLOCATIONS, {"year": "2023"}, HTTP_AUTHORIZATION=f"Bearer {key}").json()
    rows = body["results"]
    assert body["count"] == len(rows) == 29 * 2
    assert {r["programme"] for r in rows} == {a.programme.slug for a in Allocation.objects.filter(year=2023)}
    # The same places the allocation page shows, programme by programme.
    client.force_login(board_member)
    for programme in {r["programme"] for r in rows}:
        page = client.get(reverse("education:allocation", args=[2023, programme]))
        shown = {row.municipality.name: row.places for row in page.context["rows"]}
        assert {r["municipality"]: r["places"] for r in rows if r["programme"] == programme} == shown
    assert ApiToken.objects.get(pk=token.pk).last_used_at is not None


def test_numbers_are_numbers_and_dates_iso(client, board_member, token_for):
    headers = token_for(board_member)
    estimate = client.get("/api/v1/infrastructure/estimates/", **headers).json()["results"][0]
    assert isinstance(estimate["low"], float | int) and isinstance(estimate["price_year"], int | None)
    lead = client.get("/api/v1/vip/leads/", **headers).json()["results"][0]
    assert lead["starts"][4] == "-" and len(lead["starts"]) == 10


@pytest.mark.parametrize(
    "header",
    ["", "Bearer", "Bearer kkr_wrong", "Bearer a b", "Token x", "Bearer \u00e6\u00f8\u00e5"],
)
def test_a_missing_or_wrong_key_is_a_401(client, header):
    extra = {"HTTP_AUTHORIZATION": header} if header else {}
    response = client.get(ALLOCATIONS, **extra)
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Bearer"


def test_a_revoked_or_expired_key_is_a_401(client, board_member, token_for):
    headers = token_for(board_member)
    assert client.get(ALLOCATIONS, **headers).status_code == 200
    token = ApiToken.objects.get(user=board_member)
    client.force_login(board_member)
    assert client.post(reverse("api:token_revoke", args=[token.pk])).status_code == 302
    client.logout()
    assert client.get(ALLOCATIONS, **headers).status_code == 401

    expired = token_for(board_member)
    ApiToken.objects.filter(revoked_at__isnull=True).update(expires_at=timezone.now() - timedelta(seconds=1))
    assert client.get(ALLOCATIONS, **expired).status_code == 401


def test_nobody_revokes_another_users_key(client, board_member, other_member, token_for):
    token_for(board_member)
    token = ApiToken.objects.get(user=board_member)
    client.force_login(other_member)
    assert client.post(reverse("api:token_revoke", args=[token.pk])).status_code == 404
    assert ApiToken.objects.get(pk=token.pk).revoked_at is None


@pytest.mark.parametrize(
    "data",
    [
        {"name": "", "days": "30"},
        {"name": "x", "days": "0"},
        {"name": "x", "days": "100000"},
        {"name": "x", "days": "abc"},
        {"name": "x" * 101, "days": "30"},
    ],
)
def test_a_bad_token_form_is_shown_again_and_nothing_is_created(client, board_member, data):
    client.force_login(board_member)
    response = client.post(reverse("api:tokens"), data)
    assert response.status_code == 400
    assert response.context["form"].errors
    assert not ApiToken.objects.exists()


def test_a_token_sees_what_its_user_sees(client, plain_user, token_for):
    """A user without a role may not read the education area in the portal; nor through a token."""
    assert client.get(ALLOCATIONS, **token_for(plain_user)).status_code == 403
    assert client.get("/api/v1/contracts/targets/", **token_for(plain_user)).status_code == 200


def test_pages_follow_next_links(client, board_member, token_for):
    headers = token_for(board_member)
    url = f"{ALLOCATIONS}?page_size=20"
    seen = []
    while url:
        body = client.get(url, **headers).json()
        seen.extend(r["id"] for r in body["results"])
        url = body["next"]
    assert len(seen) == len(set(seen)) == client.get(ALLOCATIONS, **headers).json()["count"]


@pytest.mark.parametrize(
    "query",
    ["year=abc", "year=0", "year=99999999999999", "round=2022", "round=2999-spring", "round=x' OR 1=1"],
)
def test_a_bad_filter_is_a_400(client, board_member, token_for, query):
    path = "/api/v1/vip/status-reports/"
    response = client.get(f"{path}?{query}", **token_for(board_member))
    assert response.status_code == 400


def test_round_filter(client, board_member, token_for):
    rows = client.get("/api/v1/vip/status-reports/?round=2022-autumn", **token_for(board_member)).json()
    assert rows["count"] == 7 and {r["half"] for r in rows["results"]} == {"autumn"}


def test_every_call_is_logged(client, board_member, token_for):
    headers = token_for(board_member)
    client.get(ALLOCATIONS + "?year=2023", **headers)
    client.get(ALLOCATIONS, HTTP_AUTHORIZATION="Bearer kkr_nope")
    ok, refused = ApiCall.objects.order_by("at", "pk")
    assert (ok.user, ok.token.user, ok.status, ok.query) == (board_member, board_member, 200, "year=2023")
    assert (refused.user, refused.status) == (None, 401)


def test_the_rate_limit_is_per_token(client, board_member, token_for, settings):
    from django.core.cache import cache
    from rest_framework.settings import api_settings
    from rest_framework.throttling import SimpleRateThrottle

    cache.clear()
    rates = {**api_settings.DEFAULT_THROTTLE_RATES, "token": "3/minute"}
    original = SimpleRateThrottle.THROTTLE_RATES
    SimpleRateThrottle.THROTTLE_RATES = rates
    try:
        first, second = token_for(board_member), token_for(board_member)
        codes = [client.get("/api/v1/", **first).status_code for _ in range(4)]
        assert codes == [200, 200, 200, 429]
        assert client.get("/api/v1/", **second).status_code == 200
    finally:
        SimpleRateThrottle.THROTTLE_RATES = original
        cache.clear()


def test_the_list_endpoints_keep_a_fixed_number_of_queries(
    client, board_member, token_for, django_assert_max_num_queries
):
    headers = token_for(board_member)
    for path in (
        "/api/v1/education/allocations/",
        "/api/v1/contracts/measurements/",
        "/api/v1/vip/status-reports/",
    ):
        with django_assert_max_num_queries(9):
            assert client.get(path, **headers).status_code == 200


def test_the_dataset_index_lists_fields(client, board_member, token_for):
    datasets = client.get("/api/v1/", **token_for(board_member)).json()
    keys = {d["key"] for d in datasets}
    assert {"education/allocations", "contracts/measurements", "vip/status-reports"} <= keys
    allocation = next(d for d in datasets if d["key"] == "education/allocations")
    places = next(f for f in allocation["fields"] if f["name"] == "places")
    assert places == {
        "name": "places",
        "type": "integer",
        "unit": "pladser",
        "meaning_da": "Pladser",
        "meaning_en": "Places",
    }


def test_decimals_stay_exact(client, board_member, token_for):
    from infrastructure.models import CostEstimate

    estimate = CostEstimate.objects.order_by("pk").first()
    rows = client.get("/api/v1/infrastructure/estimates/?page_size=5000", **token_for(board_member)).json()
    row = next(r for r in rows["results"] if r["id"] == estimate.pk)
    assert Decimal(str(row["low"])) == estimate.low


def test_another_municipalitys_draft_never_appears(
    client, vip2_spring_draft, albertslund_member, other_member, secretariat, token_for
):
    path = "/api/v1/vip/status-reports/?round=2023-spring"
    assert [r["id"] for r in client.get(path, **token_for(other_member)).json()["results"]] == []
    assert [r["id"] for r in client.get(path, **token_for(albertslund_member)).json()["results"]] == [
        vip2_spring_draft.pk
    ]
    assert [r["id"] for r in client.get(path, **token_for(secretariat)).json()["results"]] == [
        vip2_spring_draft.pk
    ]
    csv = client.get("/api/v1/vip/status-reports.csv", **token_for(other_member)).content.decode("utf-8-sig")
    assert f"\r\n{vip2_spring_draft.pk};" not in csv
