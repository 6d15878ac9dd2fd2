"""What a page shows matches what its viewer may open (issue #15's smaller holes)."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from vip_climate.models import StatusReport

pytestmark = pytest.mark.django_db


def test_another_municipalitys_draft_is_not_listed_on_its_organisation_page(
    client, other_member, vip2_spring_draft
):
    draft_url = reverse("vip_climate:report_detail", args=[vip2_spring_draft.pk])
    client.force_login(other_member)
    body = client.get("/organisationer/albertslund/").content.decode()
    assert draft_url not in body
    # The approved autumn 2022 report is public to every logged-in user and stays listed.
    approved = StatusReport.objects.get(project__number=2, period__year=2022, period__half="autumn")
    assert reverse("vip_climate:report_detail", args=[approved.pk]) in body


def test_the_lead_still_sees_its_own_draft_on_its_organisation_page(
    client, albertslund_member, vip2_spring_draft
):
    client.force_login(albertslund_member)
    body = client.get("/organisationer/albertslund/").content.decode()
    assert reverse("vip_climate:report_detail", args=[vip2_spring_draft.pk]) in body


@pytest.fixture
def superuser(organisations):
    return get_user_model().objects.create_superuser("root", "root@example.org", "pw-for-tests")


def test_a_superuser_gets_no_edit_form_for_an_approved_report(client, superuser, vip):
    approved = StatusReport.objects.get(project__number=2, period__year=2022, period__half="autumn")
    client.force_login(superuser)
    edit_url = reverse("vip_climate:report_edit", args=[approved.pk])
    assert client.get(edit_url).status_code == 403
    page = client.get(reverse("vip_climate:report_detail", args=[approved.pk])).content.decode()
    assert edit_url not in page
    before = approved.version
    assert client.post(edit_url, {"version": before, "action": "save"}).status_code == 403
    approved.refresh_from_db()
    assert approved.version == before and approved.state == StatusReport.State.APPROVED


def test_a_superuser_still_edits_a_draft(client, superuser, vip2_spring_draft):
    client.force_login(superuser)
    assert client.get(reverse("vip_climate:report_edit", args=[vip2_spring_draft.pk])).status_code == 200


def test_superusers_keep_the_permissions_the_rules_do_not_know(superuser):
    assert superuser.has_perm("vip_climate.change_project")  # the admin's model permissions
