"""The contract's and the VIP round's pictures in real PDFs (WeasyPrint, read back with pdftotext), legible
when printed, and the same figures as the dashboard shows for that period."""

import re
from datetime import date

import pytest
from django.template.loader import render_to_string

from contracts import report_sections as contract_sections
from core.models import ReportingPeriod
from reports import services
from reports.models import ReportJob
from tests.contracts.panel_data import AS_OF, measure_the_2023_contract
from vip_climate import report_sections as vip_sections

from .conftest import REPORT_DAY, pdf_text, requires_poppler

pytestmark = [pytest.mark.django_db, requires_poppler]


@pytest.fixture
def measured(organisations):
    return measure_the_2023_contract()


TEXT_WIDTH_PT = (210 - 20 - 18) / 25.4 * 72  # the A4 page's text width (report-print.css margins)


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def svg_texts(html: str, title_start: str) -> list[str]:
    """The texts drawn in the first chart whose title starts so."""
    for svg in re.findall(r"<svg.*?</svg>", html, re.S):
        title = re.search(r"<title[^>]*>([^<]*)</title>", svg).group(1)
        if title.startswith(title_start):
            return [t.replace("&amp;", "&") for t in re.findall(r"<text[^>]*>([^<]*)</text>", svg)]
    raise AssertionError(f"no chart titled {title_start!r}")


def pairs(texts: list[str]) -> list[str]:
    return [f"{a} {b}" for a, b in zip(texts[::2], texts[1::2], strict=True)]


def smallest_print_size(html: str) -> float:
    """The smallest font size, in pt, of the charts in a section as printed on the page."""
    sizes = []
    for svg in re.findall(r"<svg.*?</svg>", html, re.S):
        view_width = float(re.search(r'viewBox="0 0 ([\d.]+)', svg).group(1))
        width = re.search(r'<svg[^>]*\swidth="([^"]+)"', svg).group(1)
        printed = TEXT_WIDTH_PT if width == "100%" else float(width.removesuffix("mm")) / 25.4 * 72
        sizes += [float(fs) * printed / view_width for fs in re.findall(r'font-size="([\d.]+)"', svg)]
    return min(sizes)


def test_the_pdf_charts_print_at_least_8_pt(measured, vip):
    contract_html = render_to_string(
        "contracts/pdf/_annual_section.html", contract_sections.annual_section(2023)
    )
    vip_html = render_to_string(
        "vip_climate/pdf/_half_yearly_body.html", vip_sections.half_yearly_context("2022-autumn")
    )
    assert contract_html.count("<svg") == 4  # status, progress, the sparklines of 1.1 and 1.3a
    assert vip_html.count("<svg") == 2  # the round's states, the latest overall statuses
    assert smallest_print_size(contract_html) >= 8
    assert smallest_print_size(vip_html) >= 8
    assert contract_html.count("<figcaption") == contract_html.count("<svg")
    assert vip_html.count("<figcaption") == vip_html.count("<svg")


def test_the_dashboard_shows_exactly_the_figures_of_the_periods_pdf_reports(
    client,
    board_member,
    measured,
    vip,
    tmp_path,
):
    client.force_login(board_member)
    response = client.get("/?runde=2022-autumn&aar=2023")
    html = response.content.decode()
    tiles = {tile["area"].app: tile for tile in response.context["tiles"]}

    annual = services.render_report(
        ReportJob.Kind.ANNUAL, ReportingPeriod.from_code("2023"), today=REPORT_DAY
    )
    annual_text = flat(pdf_text(annual.pdf, tmp_path))
    # The contract: the goals by status and each goal's progress, word for word as drawn on the dashboard.
    statuses = svg_texts(html, "Målene i Resultatkontrakt 2023")
    progress = pairs(svg_texts(html, "Fremdrift mod målet"))
    assert statuses and len(progress) == 8
    for text in statuses + progress:
        assert text in annual_text, text
    assert "Mål 1 44 %" in progress  # a figure, not only "no data", is compared
    assert f"pr. {AS_OF.day}. juli {AS_OF.year}" in annual_text
    assert contract_sections.annual_section(2023)["by_status"] == tiles["contracts"]["by_status"]
    trend = tiles["contracts"]["trends"][0]
    listed = "; ".join(f"{label}: {value:.0f}" for label, value in trend["points"])
    assert listed in annual_text  # the sparkline's values, listed under the PDF's figure

    half = services.render_report(
        ReportJob.Kind.HALF_YEARLY, ReportingPeriod.from_code("2022-autumn"), today=REPORT_DAY
    )
    half_text = flat(pdf_text(half.pdf, tmp_path))
    rounds = svg_texts(html, "Statusrapporterne i runden Efterår 2022")
    overall = svg_texts(html, "Projekternes seneste samlede status pr. Efterår 2022")
    assert rounds == ["◆ 7 indlæst fra kilden, ikke godkendt i portalen"]
    for text in rounds + overall:
        assert text in half_text, text
    overview = vip_sections.half_yearly_context("2022-autumn")["overview"]
    assert overview["states"] == tiles["vip_climate"]["overview"]["states"]
    assert overview["overall"] == tiles["vip_climate"]["overview"]["overall"]
    assert "Godkendt" not in " ".join(rounds)


def test_the_contract_pdf_no_longer_lists_goals_as_ingen_data(measured, tmp_path):
    result = services.render_report(
        ReportJob.Kind.ANNUAL, ReportingPeriod.from_code("2023"), today=REPORT_DAY
    )
    text = flat(pdf_text(result.pdf, tmp_path))
    assert "Mål 1 ingen data" not in text and "Fremdrift pr. mål" not in text
    assert "Figur: resultatkontraktens mål efter status pr. 1. juli 2023; antal mål i hver status." in text
    assert "Figur: fremdrift for hvert mål i procent" in text
    assert "Figur: delmål 1.1, målte værdier i kontraktåret; den stiplede linje er målet (50 %)." in text
    assert "«På vej» og «i risiko» er portalens antagelse" in text
    # The VIP section of the same annual report: the year's last round without reports says so.
    assert "Ingen statusrapporter for Efterår 2023." in text
    assert date(2023, 7, 1) == AS_OF
