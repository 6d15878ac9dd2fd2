"""The portal's own administration page, the navigation link to it, and the Django admin for superusers only."""

import pytest

pytestmark = pytest.mark.django_db

NAV_LINK = '<a class="nav-link" href="/administration/">'


def test_the_secretariat_sees_administration_and_it_lists_the_portal_editors(client, secretariat):
    client.force_login(secretariat)
    home = client.get("/").content.decode()
    assert NAV_LINK in home
    assert 'href="/admin/"' not in home
    page = client.get("/administration/").content.decode().split("<main", 1)[1]
    for url in (
        "/vip/administration/",
        "/contracts/administration/",
        "/infrastructure/",
        "/education/",
        "/vip/forpligtelser/indlaes/",
    ):
        assert f'href="{url}"' in page, url
    assert 'href="/admin/' not in page


def test_the_business_hub_sees_only_the_measurement_editor(client, erhvervshus_member):
    client.force_login(erhvervshus_member)
    assert NAV_LINK in client.get("/").content.decode()
    page = client.get("/administration/").content.decode().split("<main", 1)[1]
    assert 'href="/contracts/administration/"' in page
    assert 'href="/vip/administration/"' not in page and 'href="/education/"' not in page


@pytest.mark.parametrize("who", ["board_member", "albertslund_member", "other_member", "plain_user"])
def test_users_without_an_editor_see_no_administration_and_are_refused(client, request, who):
    client.force_login(request.getfixturevalue(who))
    assert NAV_LINK not in client.get("/om/").content.decode()
    assert client.get("/administration/").status_code == 403


def test_the_administration_page_has_a_fixed_query_budget(client, secretariat, django_assert_max_num_queries):
    client.force_login(secretariat)
    with django_assert_max_num_queries(5):
        assert client.get("/administration/").status_code == 200


def test_a_staff_user_who_is_not_a_superuser_is_refused_by_the_django_admin(client, secretariat):
    secretariat.is_staff = True
    secretariat.save()
    client.force_login(secretariat)
    for url in ("/admin/", "/admin/vip_climate/leadperiod/", "/admin/contracts/target/"):
        response = client.get(url)
        assert response.status_code == 302 and "/admin/login/" in response["Location"], url


def test_a_superuser_still_uses_the_django_admin(client, django_user_model):
    root = django_user_model.objects.create_superuser("root", "root@example.org", "pw")
    client.force_login(root)
    assert client.get("/admin/").status_code == 200
    assert client.get("/admin/vip_climate/leadperiod/").status_code == 200


def test_only_a_superuser_is_shown_the_django_admin_on_the_administration_page(client, django_user_model):
    root = django_user_model.objects.create_superuser("root", "root@example.org", "pw")
    client.force_login(root)
    page = client.get("/administration/").content.decode()
    assert 'href="/admin/"' in page and 'href="/vip/administration/"' in page
