"""The documents: cover, table of contents, page numbers, headers, metadata, fonts, tables across pages."""

import re

import pytest

from core.models import ReportingPeriod
from reports import services
from reports.models import ReportJob

from .conftest import REPORT_DAY, pdf_fonts, pdf_info, pdf_objects, pdf_text, requires_poppler

pytestmark = [pytest.mark.django_db, requires_poppler]


@pytest.fixture
def autumn_2022(organisations):
    return ReportingPeriod.from_code("2022-autumn")


@pytest.fixture
def half_yearly_pdf(autumn_2022, no_areas):
    return services.render_report(ReportJob.Kind.HALF_YEARLY, autumn_2022, today=REPORT_DAY)


@pytest.fixture
def annual_pdf(organisations, fake_areas):
    return services.render_report(ReportJob.Kind.ANNUAL, ReportingPeriod.from_code("2023"), today=REPORT_DAY)


def test_the_half_yearly_cover_has_title_period_danish_date_and_kkr(half_yearly_pdf, tmp_path):
    pages = pdf_text(half_yearly_pdf.pdf, tmp_path).split("\f")
    cover = " ".join(pages[0].split())
    assert "Halvårsstatus for klima-VIP-projekterne" in cover
    assert "Statusrunden efterår 2022" in cover
    assert "Dannet 26. november 2026" in cover
    assert "KKR Hovedstaden" in cover
    assert "Side" not in cover  # no page number or header on the cover


def test_the_table_of_contents_gives_each_section_its_page(half_yearly_pdf, tmp_path):
    pages = pdf_text(half_yearly_pdf.pdf, tmp_path, layout=True).split("\f")
    toc = pages[1]
    assert "Indhold" in toc
    match = re.search(r"Klima-VIP-projekterne \.+ (\d+)", toc)
    assert match, toc
    section_page = int(match.group(1))
    assert "Området har endnu ingen data." in pages[section_page - 1]
    about = int(re.search(r"Om rapporten \.+ (\d+)", toc).group(1))
    assert "Rapporten er dannet af KKR Hovedstadens portal den 26. november 2026" in " ".join(
        pages[about - 1].split()
    )


def test_every_page_after_the_cover_has_running_header_and_side_x_af_y(half_yearly_pdf, tmp_path):
    pages = [p for p in pdf_text(half_yearly_pdf.pdf, tmp_path).split("\f") if p.strip()]
    total = half_yearly_pdf.pages
    assert len(pages) == total >= 3
    for number, page in enumerate(pages[1:], start=2):
        assert f"Side {number} af {total}" in page
        assert "KKR Hovedstaden · Halvårsstatus for klima-VIP-projekterne" in page


def test_the_pdf_has_title_author_danish_language_and_tags(half_yearly_pdf, tmp_path):
    info = pdf_info(half_yearly_pdf.pdf, tmp_path)
    assert info["Title"] == "Halvårsstatus for klima-VIP-projekterne · Statusrunden efterår 2022"
    assert info["Author"] == "KKR Hovedstaden"
    assert info["Page size"].endswith("(A4)")
    assert info["Tagged"] == "yes"
    objects = pdf_objects(half_yearly_pdf.pdf)
    assert b"/Lang (da)" in objects
    assert b'pdfuaid:part="1"' in objects  # WeasyPrint's PDF/UA-1 variant


def test_the_fonts_are_dejavu_and_embedded(half_yearly_pdf, tmp_path):
    rows = [line.split() for line in pdf_fonts(half_yearly_pdf.pdf, tmp_path).splitlines()[2:]]
    assert rows and all("DejaVu" in row[0] for row in rows)
    assert all(row[-5] == "yes" for row in rows)  # the "emb" column


def test_the_annual_report_lists_present_sections_and_says_which_areas_have_no_data(annual_pdf, tmp_path):
    text = " ".join(pdf_text(annual_pdf.pdf, tmp_path).split())
    assert "Årsrapport til KKR Hovedstaden" in text
    assert "Året 2023" in text
    assert "Testområdets mål" in text
    assert "Mål nummer 60" in text
    assert "Området har endnu ingen data for 2023." in text  # testarea_empty returned None
    assert "Området har endnu ingen data." in text  # testarea_missing has no module
    assert "60.000" in text  # Danish thousands separator


def test_a_long_table_repeats_its_header_and_never_cuts_a_row(annual_pdf, tmp_path):
    pages = pdf_text(annual_pdf.pdf, tmp_path, layout=True).split("\f")
    with_rows = [p for p in pages if "Mål nummer" in p]
    assert len(with_rows) >= 2, "the test table should span pages"
    for page in with_rows:
        assert "Målnavn" in page  # the thead on every page the table is on
    numbers = [int(n) for page in with_rows for n in re.findall(r"Mål nummer (\d+)", page)]
    assert numbers == list(range(1, 61))  # every row once, in reading order


def test_building_the_context_uses_a_fixed_number_of_queries(
    annual_pdf, fake_areas, django_assert_max_num_queries
):
    period = ReportingPeriod.from_code("2023")
    with django_assert_max_num_queries(0):
        context = services.build_context(ReportJob.Kind.ANNUAL, period, today=REPORT_DAY)
        services.render_html(context)


def test_an_svg_chart_becomes_a_tagged_figure_with_its_title_as_alternative_text():
    from core.charts import Bar, horizontal_bars

    chart = horizontal_bars(
        [Bar("Albertslund", 12), Bar("Gentofte", 30)],
        title="Pladser pr. kommune",
        description="Albertslund 12, Gentofte 30",
    )
    html = f'<html lang="da"><head><title>Figur</title></head><body><h1>Figur</h1><figure>{chart}</figure></body></html>'
    pdf, pages = services.html_to_pdf(html, variant="pdf/ua-1")
    objects = pdf_objects(pdf)
    assert pages == 1
    assert b"/S /Figure" in objects
    assert b"/Alt (Pladser pr. kommune)" in objects


def test_the_half_yearly_report_includes_the_vip_body_when_the_area_offers_it(
    autumn_2022, test_templates, tmp_path
):
    from types import SimpleNamespace

    from core.areas import registry

    from .conftest import areas_from

    seen = []

    def half_yearly_context(period):
        seen.append(period)
        return {"title": "Klima-VIP: status pr. projekt", "round": period.label}

    modules = {"vip_climate": SimpleNamespace(half_yearly_context=half_yearly_context)}
    with registry.replaced_by(areas_from(modules)):
        result = services.render_report(ReportJob.Kind.HALF_YEARLY, autumn_2022, today=REPORT_DAY)
    pages = pdf_text(result.pdf, tmp_path, layout=True).split("\f")
    assert seen == [autumn_2022]
    page = int(re.search(r"Klima-VIP: status pr. projekt \.+ (\d+)", pages[1]).group(1))
    assert "Testens statusrunde: Efterår 2022." in pages[page - 1]
    assert "Området har endnu ingen data" not in pages[page - 1]
