"""The shared report-workflow screens (core.workflow_views, workflow_forms, workflow_history) in both areas.

VIP status reports post to an edit page and to POST-only action views; infrastructure follow-ups post
every action to their own page. Conflicts, refusals and the history read the same in both.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from django.urls import reverse

from core.models import ReportingPeriod
from core.workflow import report_return, report_save, report_submit
from core.workflow_history import history_entries
from core.workflow_views import posted_action
from infrastructure import seed as infrastructure_seed
from infrastructure import services as infrastructure_services
from infrastructure.models import FollowUpReport
from infrastructure.models import Project as InfrastructureProject
from tests.conftest import _user
from tests.vip_climate.test_views import form_data
from vip_climate import seed as vip_seed
from vip_climate.models import Project as VipProject
from vip_climate.models import StatusReport
from vip_climate.services import status_report_start

pytestmark = pytest.mark.django_db

FOLLOW_UP = {
    "status": "Projektering i gang",
    "milestones": "Forundersøgelse afsluttet",
    "next_steps": "Anlægsbeslutning",
    "national_decisions": "Med i Infrastrukturplan 2035",
}


@pytest.fixture
def status_report(organisations, secretariat) -> StatusReport:
    """VIP 2's spring 2023 draft; Albertslund leads it."""
    vip_seed.load()
    period = ReportingPeriod.objects.get(year=2023, half="spring")
    return status_report_start(project=VipProject.objects.get(number=2), period=period, by=secretariat)


@pytest.fixture
def hilleroed_member(organisations):
    return _user("hilleroed", organisation=organisations["Hillerød"])


@pytest.fixture
def follow_up(organisations, hilleroed_member) -> FollowUpReport:
    """Hillerød Station's 2025 follow-up draft; Hillerød leads it."""
    infrastructure_seed.load()
    project = InfrastructureProject.objects.get(slug="hilleroed-station")
    project.leads.add(organisations["Hillerød"])
    return infrastructure_services.follow_up_start(project=project, year=2025, by=hilleroed_member)


def follow_up_url(report) -> str:
    return reverse("infrastructure:follow_up", args=[report.pk])


@dataclass(frozen=True)
class Area:
    """How a test reaches one area's report: its fixtures, a content field and where to post."""

    report: str  # fixture names
    lead: str
    field: str
    edit_url: Callable[[Any], str]
    approve_url: Callable[[Any], str]
    content: Callable[..., dict]  # (report, **changes) → the content form's POST data


AREAS = {
    "vip": Area(
        report="status_report",
        lead="albertslund_member",
        field="challenges",
        edit_url=lambda r: reverse("vip_climate:report_edit", args=[r.pk]),
        approve_url=lambda r: reverse("vip_climate:report_approve", args=[r.pk]),
        content=lambda r, **changes: form_data(r, action="save", **changes),
    ),
    "infrastructure": Area(
        report="follow_up",
        lead="hilleroed_member",
        field="next_steps",
        edit_url=follow_up_url,
        approve_url=follow_up_url,
        content=lambda r, **changes: {**FOLLOW_UP, "version": r.version, "action": "save", **changes},
    ),
}


def submitted_then_changed(report, *, lead, secretariat, field: str, text: str) -> int:
    """Submit the report and note the version a reviewer reads; then it is returned, changed, resubmitted."""
    report_submit(report=report, by=lead)
    seen = report.version
    report_return(report=report, by=secretariat, comment="Ret teksten")
    report_save(report=report, fields={field: text}, expected_version=report.version, by=lead)
    report_submit(report=report, by=lead)
    return seen


# --- a stale POST: 409 with both versions --------------------------------------------------------


@pytest.mark.parametrize("name", AREAS)
def test_a_stale_save_gets_409_with_both_versions(client, secretariat, request, name):
    area = AREAS[name]
    report = request.getfixturevalue(area.report)
    lead = request.getfixturevalue(area.lead)
    url = area.edit_url(report)
    stale = area.content(report, **{area.field: "Tovholderens tekst"})
    client.force_login(secretariat)
    assert client.post(url, area.content(report, **{area.field: "Sekretariatets tekst"})).status_code == 302
    client.force_login(lead)
    response = client.post(url, stale)
    body = response.content.decode()
    assert response.status_code == 409
    # The version that won, as people count it: the secretariat's first save (the lock's counter is 2).
    assert "Den gemte version 1 af sekretariat" in body and "Sekretariatets tekst" in body
    assert "Din version" in body and "Tovholderens tekst" in body  # the user's, in the form
    assert 'name="version" value="2"' in body  # saving again replaces version 2 knowingly
    report.refresh_from_db()
    assert getattr(report, area.field) == "Sekretariatets tekst" and report.version == 2


@pytest.mark.parametrize("name", AREAS)
def test_a_stale_approval_gets_409_with_both_versions(client, secretariat, request, name):
    area = AREAS[name]
    report = request.getfixturevalue(area.report)
    lead = request.getfixturevalue(area.lead)
    seen = submitted_then_changed(
        report, lead=lead, secretariat=secretariat, field=area.field, text="Nye tal"
    )
    client.force_login(secretariat)
    response = client.post(area.approve_url(report), {"version": seen, "action": "approve"})
    body = response.content.decode()
    assert response.status_code == 409
    assert "Den gemte version" in body and "Nye tal" in body
    assert f"Den gemte version {report.version}" not in body  # not the lock's counter
    assert "Den version, du så" in body
    report.refresh_from_db()
    assert report.state == "submitted" and report.return_comment == "Ret teksten"


def test_a_stale_return_keeps_the_comment_for_the_version_that_won(
    client, follow_up, hilleroed_member, secretariat
):
    seen = submitted_then_changed(
        follow_up, lead=hilleroed_member, secretariat=secretariat, field="next_steps", text="Ny tidsplan"
    )
    client.force_login(secretariat)
    data = {"version": seen, "action": "return", "comment": "Mangler økonomi"}
    response = client.post(follow_up_url(follow_up), data)
    body = response.content.decode()
    assert response.status_code == 409
    assert "Mangler økonomi</textarea>" in body
    assert f'name="version" value="{follow_up.version}"' in body
    follow_up.refresh_from_db()
    assert follow_up.state == "submitted" and follow_up.return_comment == "Ret teksten"


# --- POST-only actions and malformed posts -------------------------------------------------------


@pytest.mark.parametrize("name", ["report_submit", "report_approve", "report_return"])
def test_a_get_on_a_post_only_action_gives_405(client, status_report, secretariat, name):
    client.force_login(secretariat)
    assert client.get(reverse(f"vip_climate:{name}", args=[status_report.pk])).status_code == 405
    status_report.refresh_from_db()
    assert status_report.state == "draft" and status_report.version == 1


def test_a_post_without_the_version_is_a_bad_request_in_both_areas(
    client, status_report, follow_up, secretariat
):
    client.force_login(secretariat)
    vip = reverse("vip_climate:report_submit", args=[status_report.pk])
    assert client.post(vip, {"action": "submit"}).status_code == 400
    assert client.post(follow_up_url(follow_up), {**FOLLOW_UP, "action": "save"}).status_code == 400
    status_report.refresh_from_db()
    follow_up.refresh_from_db()
    assert (status_report.state, status_report.version) == ("draft", 1)
    assert (follow_up.version, follow_up.status) == (1, "")


def test_the_edit_page_takes_only_save_and_submit(client, status_report, secretariat):
    client.force_login(secretariat)
    url = reverse("vip_climate:report_edit", args=[status_report.pk])
    assert client.post(url, form_data(status_report, action="approve")).status_code == 400
    status_report.refresh_from_db()
    assert status_report.version == 1


def test_the_action_names_are_the_same_for_every_form():
    assert posted_action({"action": "approve"}) == "approve"
    assert posted_action({"action": "return"}) == "return"
    assert posted_action({"action": "submit"}) == "submit"
    assert posted_action({"action": "save"}) == "save"
    # An older content form: the save button posted its label, the submit button its own name.
    assert posted_action({"action": "Gem kladde"}) == "save"
    assert posted_action({"action": "Gem kladde", "submit": "Gem og indsend"}) == "submit"
    assert posted_action({}) == "save"


def test_both_content_forms_post_the_same_action_names(
    client, status_report, follow_up, albertslund_member, hilleroed_member
):
    client.force_login(albertslund_member)
    vip_page = client.get(reverse("vip_climate:report_edit", args=[status_report.pk])).content.decode()
    client.force_login(hilleroed_member)
    infrastructure_page = client.get(follow_up_url(follow_up)).content.decode()
    for page in (vip_page, infrastructure_page):
        assert 'name="action" value="save"' in page and 'name="action" value="submit"' in page


# --- the return form ---------------------------------------------------------------------------


def test_the_return_form_refuses_an_empty_comment_on_the_follow_up_page(
    client, follow_up, hilleroed_member, secretariat
):
    report_submit(report=follow_up, by=hilleroed_member)
    client.force_login(secretariat)
    response = client.post(follow_up_url(follow_up), {"version": 2, "action": "return", "comment": "  "})
    body = response.content.decode()
    assert response.status_code == 200
    assert "Skriv en kommentar, der forklarer, hvad der skal rettes." in body
    assert "Dette felt er påkrævet." in body  # the field's own error, beside the form shown again
    assert 'name="comment"' in body and 'value="return"' in body
    follow_up.refresh_from_db()
    assert (follow_up.state, follow_up.version, follow_up.return_comment) == ("submitted", 2, "")


def test_the_return_form_refuses_an_empty_comment_on_a_status_report(
    client, status_report, albertslund_member, secretariat
):
    report_submit(report=status_report, by=albertslund_member)
    client.force_login(secretariat)
    url = reverse("vip_climate:report_return", args=[status_report.pk])
    response = client.post(url, {"version": 2, "comment": ""}, follow=True)
    body = response.content.decode()
    # A POST-only view: back to the report's page, with the message and the return form again.
    assert response.redirect_chain == [(reverse("vip_climate:report_detail", args=[status_report.pk]), 302)]
    assert "Skriv en kommentar, der forklarer, hvad der skal rettes." in body
    assert 'name="comment"' in body and 'value="return"' in body
    status_report.refresh_from_db()
    assert (status_report.state, status_report.version, status_report.return_comment) == ("submitted", 2, "")


# --- the history diff ----------------------------------------------------------------------------


def test_the_history_diff_lists_only_the_changed_fields(status_report, albertslund_member, secretariat):
    report_save(
        report=status_report,
        fields={"changes": "Ny tovholder", "challenges": "Ressourcer"},
        expected_version=1,
        by=albertslund_member,
    )
    report_save(report=status_report, fields={"challenges": "Tid"}, expected_version=2, by=albertslund_member)
    report_submit(report=status_report, by=albertslund_member)
    newest, second, first, created = history_entries(status_report)
    assert newest.changes == []  # a submit: the status column says it, no content changed
    assert [(c.name, c.old, c.new) for c in second.changes] == [("challenges", "Ressourcer", "Tid")]
    assert second.changed_labels == ["udfordringer"]
    assert [c.name for c in first.changes] == ["changes", "challenges"]
    assert created.created and created.changes == []


def test_the_history_is_limited_yet_compares_the_oldest_shown_with_the_one_before(
    follow_up, hilleroed_member
):
    for version, text in enumerate(["a", "b", "c"], start=1):
        report_save(report=follow_up, fields={"status": text}, expected_version=version, by=hilleroed_member)
    entries = history_entries(follow_up, limit=2)
    assert [e.record.version for e in entries] == [4, 3]
    assert not entries[-1].created and entries[-1].changed_labels == ["status"]


def test_both_areas_show_the_same_history_table(
    client, status_report, follow_up, albertslund_member, hilleroed_member
):
    report_save(report=status_report, fields={"changes": "x"}, expected_version=1, by=albertslund_member)
    report_save(report=follow_up, fields={"milestones": "y"}, expected_version=1, by=hilleroed_member)
    client.force_login(albertslund_member)
    vip = client.get(reverse("vip_climate:report_history", args=[status_report.pk])).content.decode()
    client.force_login(hilleroed_member)
    infrastructure = client.get(follow_up_url(follow_up)).content.decode()
    for page, changed in ((vip, "ændringer"), (infrastructure, "nåede milepæle")):
        assert "Hvem ændrede hvad og hvornår" in page
        assert f"<td>{changed}</td>" in page
        assert "<td>oprettet</td>" in page


def test_versions_shown_count_each_persons_own_saves_and_submissions(
    client, status_report, albertslund_member, secretariat
):
    """The lock's counter moves on every transition (a save-and-submit twice); people see 1, 2, 3."""
    url = reverse("vip_climate:report_edit", args=[status_report.pk])
    client.force_login(albertslund_member)
    data = AREAS["vip"].content(status_report, changes="første")
    assert client.post(url, {**data, "action": "save"}).status_code == 302
    status_report.refresh_from_db()
    data = AREAS["vip"].content(status_report, changes="anden")
    assert client.post(url, {**data, "action": "submit"}).status_code == 302
    status_report.refresh_from_db()
    client.force_login(secretariat)
    client.post(
        reverse("vip_climate:report_return", args=[status_report.pk]),
        {"version": status_report.version, "comment": "Mere"},
    )
    status_report.refresh_from_db()
    client.force_login(albertslund_member)
    data = AREAS["vip"].content(status_report, changes="tredje")
    assert client.post(url, {**data, "action": "submit"}).status_code == 302
    status_report.refresh_from_db()
    assert status_report.version > 3  # the internal counter has run ahead
    entries = history_entries(status_report)
    lead_versions = [e.shown_version for e in entries if e.record.history_user == albertslund_member]
    assert lead_versions == [3, 3, 2, 2, 1]  # newest first: save+submit pairs share their number
    review = next(e for e in entries if e.record.history_user == secretariat)
    assert review.shown_version is None
    page = client.get(reverse("vip_climate:report_history", args=[status_report.pk])).content.decode()
    assert f"<td>{status_report.version}</td>" not in page
    detail = client.get(reverse("vip_climate:report_detail", args=[status_report.pk])).content.decode()
    assert "version 3 af albertslund" in detail
