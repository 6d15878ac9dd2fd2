import pytest
from django.template.loader import render_to_string

from core.workflow import report_approve, report_save, report_submit
from vip_climate.report_sections import annual_section, half_yearly_context

pytestmark = pytest.mark.django_db


def test_annual_section_is_none_without_approved_reports(vip):
    assert annual_section(2021) is None


def test_annual_section_2022_renders_the_autumn_round(vip, django_assert_max_num_queries):
    with django_assert_max_num_queries(6):
        context = annual_section(2022)
    assert context["title"]
    html = render_to_string("vip_climate/pdf/_annual_section.html", context)
    assert "<thead>" in html and "<h2>" in html and "<script" not in html
    assert "Projektet har tre spor:" in html
    assert "mangler" in html and "Albertslund" in html


def test_half_yearly_uses_only_approved_reports(
    vip, vip2_spring_draft, spring_2023, secretariat, django_assert_max_num_queries
):
    report_save(
        report=vip2_spring_draft,
        fields={"challenges": "Hemmeligt udkast"},
        expected_version=1,
        by=secretariat,
    )
    with django_assert_max_num_queries(6):
        context = half_yearly_context(spring_2023)
    html = render_to_string("vip_climate/pdf/_half_yearly_body.html", context)
    assert "Hemmeligt udkast" not in html
    assert len(context["missing"]) == 7


def test_half_yearly_shows_what_changed_since_the_previous_round(
    vip, vip2_spring_draft, spring_2023, secretariat
):
    report_save(
        report=vip2_spring_draft,
        fields={"overall_status": "on_track", "challenges": "Få ressourcer"},
        expected_version=1,
        by=secretariat,
    )
    report_submit(report=vip2_spring_draft, by=secretariat)
    report_approve(report=vip2_spring_draft, by=secretariat)
    context = half_yearly_context("2023-spring")
    html = render_to_string("vip_climate/pdf/_half_yearly_body.html", context)
    assert "Ændret siden Efterår 2022" in html and "Få ressourcer" in html and "På rette spor" in html


def test_half_yearly_autumn_2022_is_the_seed_round(vip):
    context = half_yearly_context("2022-autumn")
    html = render_to_string("vip_climate/pdf/_half_yearly_body.html", context)
    assert context["missing"] == []
    assert "Alle kommuner i geografien der udarbejder DK2020-planer" in html
    assert "Oversigt over tovholdere" in html
