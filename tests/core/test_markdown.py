"""The status texts' Markdown (core/markdown.py): a real list, nothing unsafe, the same on pages and PDFs."""

import pytest
from django.urls import reverse

from core.markdown import render
from core.models import ReportingPeriod
from reports import services
from reports.models import ReportJob
from tests.reports.conftest import pdf_text
from vip_climate.models import StatusReport


def test_dash_lines_make_one_list_of_two_items():
    html = render("- a\n- b")
    assert html.count("<ul>") == 1
    assert html.count("<li>") == 2
    assert "<li>a</li>" in html and "<li>b</li>" in html
    assert "- " not in html


def test_an_indented_dash_is_a_sub_item():
    html = render("- a\n  - b")
    assert html.count("<ul>") == 2
    assert html.index("<li>a") < html.index("<li>b")


def test_each_line_is_its_own_paragraph_and_a_plain_line_ends_a_list():
    html = render("Projektet har tre spor:\n- x\n- y\nGennem projektet\nNæste linje")
    assert "<p>Projektet har tre spor:</p>" in html
    assert "<li>x</li>" in html and "<li>y</li>" in html
    assert "<p>Gennem projektet</p>" in html and "<p>Næste linje</p>" in html


def test_raw_html_is_escaped():
    html = render('<script>alert(1)</script> <img src=x onerror="alert(1)">')
    assert "<script" not in html and "<img" not in html
    assert "&lt;script&gt;" in html


@pytest.mark.parametrize(
    "link",
    ["[x](javascript:alert(1))", "[x](JavaScript:alert(1))", "[x](data:text/html,hi)", "<javascript:x>"],
)
def test_unsafe_links_stay_text(link):
    html = render(link)
    assert "<a" not in html
    assert "href" not in html


def test_safe_links_and_emphasis_are_kept():
    html = render("*kursiv* **fed** [KKR](https://www.kl.dk)")
    assert "<em>kursiv</em>" in html and "<strong>fed</strong>" in html
    assert '<a href="https://www.kl.dk">KKR</a>' in html


def test_empty_text_renders_nothing():
    assert render("") == "" and render("  \n") == ""


@pytest.mark.django_db
def test_the_preview_renders_what_is_posted(client, albertslund_member):
    client.force_login(albertslund_member)
    response = client.post(reverse("markdown_preview"), {"text": "- a\n- b\n<script>x</script>"})
    assert response.status_code == 200
    body = response.content.decode()
    assert body.count("<li>") == 2 and "<script>" not in body


@pytest.mark.django_db
def test_the_preview_is_post_only_and_refuses_a_huge_text(client, albertslund_member):
    client.force_login(albertslund_member)
    assert client.get(reverse("markdown_preview")).status_code == 405
    assert client.post(reverse("markdown_preview"), {"text": "x" * 60_000}).status_code == 400


@pytest.mark.django_db
def test_the_report_page_renders_the_status_text_as_a_list(client, secretariat, kkr_data):
    report = StatusReport.objects.get(project__number=1, period__year=2022, period__half="autumn")
    StatusReport.objects.filter(pk=report.pk).update(status_text="- første punkt\n- andet punkt<b>")
    client.force_login(secretariat)
    body = client.get(reverse("vip_climate:report_detail", args=[report.pk])).content.decode()
    assert "<li>første punkt</li>" in body and "<li>andet punkt&lt;b&gt;</li>" in body


@pytest.mark.django_db
def test_the_report_form_offers_the_preview(client, secretariat, kkr_data):
    from vip_climate.services import status_report_start

    report = status_report_start(
        project=StatusReport.objects.first().project,
        period=ReportingPeriod.objects.get(year=2023, half="spring"),
        by=secretariat,
    )
    client.force_login(secretariat)
    body = client.get(reverse("vip_climate:report_edit", args=[report.pk])).content.decode()
    assert f'data-markdown-preview="{reverse("markdown_preview")}"' in body
    assert "js/markdown-preview" in body
    assert "«- »" in body  # the hint names the list marker


@pytest.mark.django_db
def test_the_half_yearly_pdf_shows_the_list_items(kkr_data, board_member, tmp_path):
    period = ReportingPeriod.objects.get(year=2022, half="autumn")
    StatusReport.objects.filter(project__number=1, period=period).update(
        status_text="Indledning\n- Punkt alfa\n- Punkt beta"
    )
    job, _ = services.report_job_request(
        kind=ReportJob.Kind.HALF_YEARLY, period=period, by=board_member, queue=False
    )
    services.report_job_run(job_id=job.pk)
    job.refresh_from_db()
    text = pdf_text(job.file.read(), tmp_path)
    assert "Punkt alfa" in text and "Punkt beta" in text
    assert "- Punkt alfa" not in text
