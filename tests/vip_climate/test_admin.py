import pytest

pytestmark = pytest.mark.django_db


def test_admin_lists_the_vip_models_and_keeps_reports_read_only(client, vip, django_user_model):
    admin = django_user_model.objects.create_superuser("root", "root@example.org", "pw")
    client.force_login(admin)
    for path in (
        "project",
        "leadperiod",
        "participation",
        "commitment",
        "municipalitycommitment",
        "statusreport",
    ):
        assert client.get(f"/admin/vip_climate/{path}/").status_code == 200, path
    assert client.get("/admin/vip_climate/statusreport/add/").status_code == 403
