"""Every loaded VIP record says where in the source it comes from, in the source's own form."""

from datetime import date
from decimal import Decimal

import pytest
from django.template.loader import render_to_string
from django.urls import reverse

from core.sources import unsourced
from core.workflow import ReportState, report_approve, report_submit
from tests.infrastructure.test_seed import seed_text  # noqa: F401 (fixture)
from tests.infrastructure.test_sources import occurs
from vip_climate import seed as vip_seed
from vip_climate import seed_data
from vip_climate.models import (
    Commitment,
    CompendiumTask,
    LeadPeriod,
    Participation,
    ProgrammeText,
    Project,
    ProjectTarget,
    StatusReport,
)
from vip_climate.report_sections import annual_section, half_yearly_context
from vip_climate.services import status_report_start

pytestmark = pytest.mark.django_db

LOADED_MODELS = [
    Project,
    ProjectTarget,
    Participation,
    LeadPeriod,
    Commitment,
    StatusReport,
    ProgrammeText,
    CompendiumTask,
]
PRESENTED = seed_data.REPORT_SOURCE_STATE


def test_every_loaded_record_has_a_source_reference(vip):
    for model in LOADED_MODELS:
        assert model.objects.exists(), model
    assert unsourced(LOADED_MODELS) == []


def test_every_source_reference_names_a_document_of_the_packet(vip):
    documents = (
        seed_data.COMPENDIUM_REF,
        seed_data.STATUS_REF,
        seed_data.INVITATION_REF,
        seed_data.PROGRAMME_REF,
    )
    for model in LOADED_MODELS:
        for obj in model.objects.all():
            assert obj.source_ref.startswith(documents), (model, obj.source_ref)


def programme_lines():
    for topic, passages in seed_data.PROGRAMME_TEXTS.items():
        for heading, text, _ref in passages:
            if heading and not heading.startswith(("Governance", "Invitation")):  # our sub-headings
                yield topic, heading
            for line in text.splitlines():
                yield topic, line
    for number, tasks in seed_data.COMPENDIUM_TASKS.items():
        for task in tasks:
            yield f"VIP {number} task", task.removeprefix("- ")


@pytest.mark.parametrize("where,line", list(programme_lines()))
def test_every_programme_text_and_task_occurs_verbatim_in_the_seed(where, line, seed_text):  # noqa: F811
    assert occurs(line, seed_text), (where, line)


def test_every_stated_figure_is_in_its_target_text():
    for project in seed_data.PROJECTS:
        for target in project["targets"]:
            if target.get("stated_as"):
                assert target["stated_as"] in target["text"], target["text"]


def test_all_municipalities_stay_all_never_a_count(vip):
    # "Alle kommuner i hovedstadsregionen" (seed lines 679, 835) and "Alle kommuner" (1034); for VIP 1 the next
    # sentence speaks of 33 (line 680): the portal must not say 29.
    alls = ProjectTarget.objects.filter(form=ProjectTarget.Form.ALL)
    assert {t.project.number for t in alls} == {1, 2, 4}
    for target in alls:
        assert target.target_value is None and target.baseline_value is None
        assert target.stated_as.startswith("Alle kommuner")
    assert not ProjectTarget.objects.filter(target_value=29).exists()


def test_three_to_five_is_a_range_not_a_baseline_and_a_target(vip):
    target = ProjectTarget.objects.get(project=vip[4], form=ProjectTarget.Form.RANGE)
    assert (target.range_low, target.range_high) == (Decimal(3), Decimal(5))
    assert target.baseline_value is None and target.target_value is None
    assert target.stated_as == "tre til fem områder" and target.unit == "områder"


def test_a_figure_from_the_status_text_is_not_labelled_as_the_compendiums(vip):
    target = ProjectTarget.objects.get(project=vip[7])
    assert target.kind == ProjectTarget.Kind.NATIONAL
    assert target.source_ref.startswith(seed_data.STATUS_REF)
    for other in ProjectTarget.objects.exclude(pk=target.pk):
        assert other.source_ref.startswith(seed_data.COMPENDIUM_REF)


def test_vip6_has_its_own_goal_and_the_potentials_apart(vip):
    goal = ProjectTarget.objects.get(project=vip[6], kind=ProjectTarget.Kind.GOAL)
    assert goal.text == seed_data.PROJECTS[5]["goal"]
    assert (goal.target_value, goal.target_year, goal.unit) == (Decimal(35), 2050, "% CO2-reduktion")
    assert ProjectTarget.objects.filter(project=vip[6], kind=ProjectTarget.Kind.POTENTIAL).count() == 3


def test_the_project_page_shows_targets_in_the_sources_form(client, board_member, vip):
    client.force_login(board_member)
    page = client.get(reverse("vip_climate:project_detail", args=[4])).content.decode()
    table = page.split('id="h-targets"')[1].split("</table>")[0]
    assert "tre til fem områder" in table and "3–5" in table
    assert "Alle kommuner" in table and "29" not in table
    assert "med tal fra kompendiet" not in page
    assert "Kilde: " + seed_data.COMPENDIUM_REF in table
    vip7 = client.get(reverse("vip_climate:project_detail", args=[7])).content.decode()
    assert "Nationalt mål" in vip7 and "Kilde: " + seed_data.STATUS_REF in vip7


def test_vip2_lead_periods_are_dated_as_the_source_dates_them(client, board_member, vip):
    standby, albertslund = LeadPeriod.objects.filter(project=vip[2]).order_by("starts")
    assert (standby.organisation, standby.precision, standby.period_text) == (None, "year", "i 2022")
    assert (albertslund.precision, albertslund.period_text) == ("month", "fra november 2022")
    # The stand-by covers 2022; from November the later-starting Albertslund period supersedes it.
    assert vip[2].lead_period_on(date(2022, 6, 1)) == standby
    assert vip[2].lead_period_on(date(2022, 12, 1)) == albertslund
    client.force_login(board_member)
    page = client.get(reverse("vip_climate:project_detail", args=[2])).content.decode()
    assert "I 2022: ingen tovholder" in page and "Fra november 2022: Albertslund" in page
    assert "31. oktober" not in page and "1. januar" not in page


def test_the_loaded_round_says_it_was_presented_to_kkr_not_approved(client, board_member, vip, autumn_2022):
    reports = StatusReport.objects.filter(period=autumn_2022)
    assert {(r.state, r.source_state, r.reviewed_by) for r in reports} == {
        (ReportState.APPROVED, PRESENTED, None)
    }
    client.force_login(board_member)
    report = reports.get(project=vip[4])
    page = client.get(reverse("vip_climate:report_detail", args=[report.pk])).content.decode()
    assert PRESENTED in page and "Godkendt" not in page
    assert "Kilde: " + seed_data.STATUS_REF + ", VIP 4" in page


def test_the_next_round_starts_from_the_presented_text_and_is_approved_in_its_own_words(
    vip, spring_2023, secretariat
):
    presented = StatusReport.objects.get(project=vip[4], period__year=2022, period__half="autumn")
    draft = status_report_start(project=vip[4], period=spring_2023, by=secretariat)
    assert draft.status_text == presented.status_text and draft.perspectives == presented.perspectives
    assert (draft.source_state, draft.source_ref, draft.state_label) == ("", "", "Kladde")
    report_submit(report=draft, by=secretariat)
    report_approve(report=draft, by=secretariat)
    assert draft.state_label == "Godkendt"


def test_the_pdfs_use_the_presented_round_and_say_what_it_is(vip, autumn_2022):
    annual = render_to_string("vip_climate/pdf/_annual_section.html", annual_section(2022))
    assert f"Efterår 2022 ({PRESENTED})" in annual
    assert "Seneste godkendte status" not in annual
    half = render_to_string("vip_climate/pdf/_half_yearly_body.html", half_yearly_context(autumn_2022))
    assert half.count(PRESENTED) == 7
    assert "Projektet har tre spor:" in half


def test_a_report_loaded_before_the_source_state_gets_it_and_a_reviewed_one_keeps_its_own(
    vip, autumn_2022, secretariat
):
    loaded, reviewed = StatusReport.objects.filter(period=autumn_2022).order_by("project__number")[:2]
    StatusReport.objects.filter(pk=loaded.pk).update(source_state="", source_ref="")
    StatusReport.objects.filter(pk=reviewed.pk).update(
        source_state="", source_ref="", reviewed_by=secretariat
    )
    vip_seed.load()
    loaded.refresh_from_db()
    reviewed.refresh_from_db()
    assert loaded.source_state == PRESENTED and loaded.source_ref
    assert reviewed.source_state == "" and reviewed.state_label == "Godkendt"


def test_the_programme_page_shows_governance_meeting_tasks_and_purchasing(client, board_member, vip):
    client.force_login(board_member)
    page = client.get(reverse("vip_climate:programme")).content.decode()
    assert "Der vælges en tovholderkommune for hver af de 7 projekter." in page
    assert "programstyregruppefor VIP-projekterne" in page
    assert "Der afholdes et årligt møde med alle de tekniske direktører fra kommunerne" in page
    assert "Region Hovedstaden deltager i partnerskabet med viden" in page
    assert "Greater Copenhagen EU Office arbejde på at tiltrække EU-midler" in page
    assert "d. 14/12-2022 kl. 15.00-17.00 på Teams" in page
    assert "Tina Tving Stauning, Borgmester, Frederikssund Kommune" in page
    assert "Indkøbsfællesskab Nordsjælland, Vestegnens Indkøbsforum" in page
    assert "Udvikle en elbilsladestrategi" in page
    assert "Adgangskode" not in page  # the Teams credentials are not loaded


def test_the_home_tile_says_the_round_was_presented(client, board_member, vip, autumn_2022):
    client.force_login(board_member)
    page = client.get("/?runde=2022-autumn").content.decode()
    assert (
        "Efterår 2022: 7 af 7 rapporter indlæst fra kilden: Forelagt KKR Hovedstaden som samlet opsummeret halvvejsstatus"
        in page
    )
    assert "7 af 7 rapporter godkendt" not in page


def test_a_round_without_reports_says_so_and_names_the_latest_with_reports(client, board_member, vip):
    client.force_login(board_member)
    page = client.get("/?runde=2024-spring").content.decode()
    assert "Ingen statusrapporter for Forår 2024; seneste runde med rapporter er Efterår 2022." in page
    assert "0 af 7 rapporter godkendt" not in page
