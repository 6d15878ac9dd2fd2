import pytest
from django.template.loader import render_to_string

from core.workflow import report_approve, report_submit
from infrastructure import services
from infrastructure.report_sections import annual_section

pytestmark = pytest.mark.django_db


def test_the_annual_section_lists_the_7_3_with_estimates_and_approved_follow_up(
    led_project, hilleroed_member, secretariat, django_assert_max_num_queries
):
    report = services.follow_up_start(project=led_project, year=2025, by=hilleroed_member)
    report.status = "Byggeriet er i gang"
    report.save()
    report_submit(report=report, by=hilleroed_member)
    report_approve(report=report, by=secretariat)
    draft = services.follow_up_start(project=led_project, year=2024, by=hilleroed_member)
    draft.status = "Kladde der ikke må vises"
    draft.save()

    with django_assert_max_num_queries(7):
        context = annual_section(2025)
        html = render_to_string("infrastructure/pdf/_annual_section.html", context)
    assert context["title"]
    assert html.strip().startswith("<section")
    assert "<h2>" in html and "<thead>" in html and "<script" not in html
    assert "Byggeriet er i gang" in html
    assert "Kladde der ikke må vises" not in html
    assert "2,9 mia. kr." in html or "3,88 mia. kr." in html
    assert "1–1,75 mia. kr." in html
    assert "<svg" in html


def test_a_year_without_approved_follow_up_says_so(infra):
    html = render_to_string("infrastructure/pdf/_annual_section.html", annual_section(2030))
    assert "Ingen godkendt opfølgning for året." in html


def test_no_projects_means_no_section(empty_database):
    assert annual_section(2025) is None


def test_the_pdf_states_the_plan_status_as_the_source_does(infra):
    """8 of the 10 are in Infrastrukturplan 2035 and the source does not say which: the PDF says so, as the
    pages do, instead of ten bare "Ikke angivet"."""
    html = render_to_string("infrastructure/pdf/_annual_section.html", annual_section(2023))
    assert (
        "Herunder er 8 ud af 10 af KKR Hovedstadens 7 + 3 VIP infrastrukturprojekter afspejlet i planen."
        in html
    )
    assert "Kilden siger ikke, hvilke to der ikke er med." in html
    assert "10 projekter har ingen status pr. projekt, fordi kilden ikke angiver den." in html
