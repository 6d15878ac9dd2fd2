"""The yearly follow-up: filed by the project's lead, approved or returned by the secretariat.

The shared workflow itself (core/workflow.py) is tested in tests/test_services.py; this tests its use.
"""

import pytest

from core.workflow import WorkflowReport
from infrastructure.models import FollowUpReport

pytestmark = pytest.mark.django_db

STATION = "/infrastructure/projekter/hilleroed-station/"
CONTENT = {
    "status": "Projektering i gang",
    "milestones": "Forundersøgelse afsluttet",
    "next_steps": "Anlægsbeslutning",
    "national_decisions": "Med i Infrastrukturplan 2035",
}


def test_follow_up_reports_inherit_the_shared_workflow():
    assert issubclass(FollowUpReport, WorkflowReport)


def _start(client, user, year=2025):
    client.force_login(user)
    response = client.post(STATION + "opfoelgning/", {"year": str(year)})
    assert response.status_code == 302
    return FollowUpReport.objects.get(project__slug="hilleroed-station", year=year)


def test_a_lead_files_a_follow_up_that_the_secretariat_approves(
    client, led_project, hilleroed_member, secretariat
):
    report = _start(client, hilleroed_member)
    assert report.lead.name == "Hillerød" and report.state == "draft"
    url = f"/infrastructure/opfoelgning/{report.pk}/"
    response = client.post(url, {**CONTENT, "version": report.version, "action": "submit"})
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.state == "submitted" and report.submitted_by == hilleroed_member
    assert report.status == "Projektering i gang"

    # The lead may not approve its own report.
    assert client.post(url, {"version": report.version, "action": "approve"}).status_code == 403

    client.force_login(secretariat)
    response = client.post(url, {"version": report.version, "action": "approve"})
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.state == "approved" and report.reviewed_by == secretariat

    # Approved: everyone logged in may read it, nobody may edit it.
    assert client.post(url, {**CONTENT, "version": report.version, "action": "save"}).status_code == 403


def test_the_secretariat_returns_a_report_with_a_comment_and_the_lead_edits_again(
    client, led_project, hilleroed_member, secretariat
):
    report = _start(client, hilleroed_member)
    url = f"/infrastructure/opfoelgning/{report.pk}/"
    client.post(url, {**CONTENT, "version": report.version, "action": "submit"})
    report.refresh_from_db()
    client.force_login(secretariat)
    response = client.post(url, {"version": report.version, "action": "return", "comment": ""})
    assert response.status_code == 200
    report.refresh_from_db()
    assert report.state == "submitted"
    client.post(url, {"version": report.version, "action": "return", "comment": "Tilføj tidsplan"})
    report.refresh_from_db()
    assert report.state == "returned" and report.return_comment == "Tilføj tidsplan"
    client.force_login(hilleroed_member)
    client.post(url, {**CONTENT, "status": "Ny tidsplan", "version": report.version, "action": "save"})
    report.refresh_from_db()
    assert report.state == "returned" and report.status == "Ny tidsplan"


def test_a_stale_version_is_refused_and_both_versions_shown(client, led_project, hilleroed_member):
    report = _start(client, hilleroed_member)
    url = f"/infrastructure/opfoelgning/{report.pk}/"
    client.post(url, {**CONTENT, "version": report.version, "action": "save"})
    response = client.post(url, {**CONTENT, "status": "Min gamle udgave", "version": 1, "action": "save"})
    assert response.status_code == 409
    html = response.content.decode()
    assert "Rapporten er ændret af en anden" in html and "Min gamle udgave" in html
    report.refresh_from_db()
    assert report.status == "Projektering i gang" and report.version == 2


@pytest.mark.parametrize("fixture", ["other_member", "board_member", "albertslund_member"])
def test_only_the_lead_and_the_secretariat_may_start_a_follow_up(client, led_project, fixture, request):
    client.force_login(request.getfixturevalue(fixture))
    assert client.post(STATION + "opfoelgning/", {"year": "2025"}).status_code == 403
    assert not FollowUpReport.objects.exists()


@pytest.mark.parametrize("fixture", ["other_member", "board_member"])
def test_a_draft_is_hidden_from_members_of_other_municipalities_and_the_board(
    client, led_project, hilleroed_member, fixture, request
):
    report = _start(client, hilleroed_member)
    client.force_login(request.getfixturevalue(fixture))
    url = f"/infrastructure/opfoelgning/{report.pk}/"
    assert client.get(url).status_code == 404
    assert client.post(url, {**CONTENT, "version": 1, "action": "save"}).status_code == 404


def test_a_submitted_report_is_read_only_for_the_lead(client, led_project, hilleroed_member):
    report = _start(client, hilleroed_member)
    url = f"/infrastructure/opfoelgning/{report.pk}/"
    client.post(url, {**CONTENT, "version": report.version, "action": "submit"})
    report.refresh_from_db()
    assert client.get(url).status_code == 200
    assert client.post(url, {**CONTENT, "version": report.version, "action": "save"}).status_code == 403


def test_starting_is_post_only(client, led_project, hilleroed_member):
    client.force_login(hilleroed_member)
    assert client.get(STATION + "opfoelgning/").status_code == 405


def test_the_secretariat_starts_one_for_a_project_without_a_lead(client, infra, secretariat):
    client.force_login(secretariat)
    client.post("/infrastructure/projekter/kystbanen/opfoelgning/", {"year": "2025"})
    client.post("/infrastructure/projekter/kystbanen/opfoelgning/", {"year": "2025"})
    report = FollowUpReport.objects.get()
    assert report.lead is None
    assert client.get(f"/infrastructure/opfoelgning/{report.pk}/").status_code == 200


def test_approved_follow_ups_show_on_the_project_page_for_everyone(
    client, led_project, hilleroed_member, secretariat, other_member
):
    report = _start(client, hilleroed_member)
    url = f"/infrastructure/opfoelgning/{report.pk}/"
    client.post(url, {**CONTENT, "version": report.version, "action": "submit"})
    client.force_login(other_member)
    assert "opfoelgning/" not in client.get(STATION).content.decode().split("follow-up-heading")[1]
    client.force_login(secretariat)
    report.refresh_from_db()
    client.post(url, {"version": report.version, "action": "approve"})
    client.force_login(other_member)
    html = client.get(STATION).content.decode()
    assert f"/infrastructure/opfoelgning/{report.pk}/" in html and "Godkendt" in html


@pytest.mark.parametrize("fixture", ["other_member", "board_member"])
def test_an_approved_report_is_readable_but_not_editable_by_others(
    client, led_project, hilleroed_member, secretariat, fixture, request
):
    report = _start(client, hilleroed_member)
    url = f"/infrastructure/opfoelgning/{report.pk}/"
    client.post(url, {**CONTENT, "version": report.version, "action": "submit"})
    client.force_login(secretariat)
    report.refresh_from_db()
    client.post(url, {"version": report.version, "action": "approve"})
    report.refresh_from_db()
    client.force_login(request.getfixturevalue(fixture))
    assert client.get(url).status_code == 200
    for action in ("save", "submit", "approve", "return"):
        response = client.post(url, {**CONTENT, "version": report.version, "action": action, "comment": "x"})
        assert response.status_code == 403
    report.refresh_from_db()
    assert report.state == "approved" and report.status == CONTENT["status"]
