"""The annual 2023 and the half-yearly autumn 2022 reports rendered from the loaded KKR data, read back with
pdftotext: the charts' captions and units, the SOSU table's total, the cover and the one-page summary."""

import re

import pytest

from core.areas import BaseArea, registry
from core.attention import AttentionItem, Kind
from core.models import ReportingPeriod
from reports import services
from reports.models import ReportJob

from .conftest import REPORT_DAY, pdf_text, requires_poppler

pytestmark = [pytest.mark.django_db, requires_poppler]

_rendered: dict[str, bytes] = {}  # the loaded data is the same in every test: render each report once


@pytest.fixture
def portal_url(settings):
    settings.PORTAL_BASE_URL = "https://portal.kkr-hovedstaden.example"
    return settings.PORTAL_BASE_URL


def _render(kind, code) -> bytes:
    if code not in _rendered:
        result = services.render_report(kind, ReportingPeriod.from_code(code), today=REPORT_DAY)
        _rendered[code] = result.pdf
    return _rendered[code]


@pytest.fixture
def annual_2023(kkr_data, portal_url, tmp_path):
    pdf = _render(ReportJob.Kind.ANNUAL, "2023")
    return pdf_text(pdf, tmp_path).split("\f"), pdf_text(pdf, tmp_path, layout=True).split("\f")


@pytest.fixture
def autumn_2022(kkr_data, portal_url, tmp_path):
    pdf = _render(ReportJob.Kind.HALF_YEARLY, "2022-autumn")
    return pdf_text(pdf, tmp_path).split("\f"), pdf_text(pdf, tmp_path, layout=True).split("\f")


def _words(page: str) -> str:
    return " ".join(page.split())


def _section(report, heading: str, next_heading: str) -> str:
    """The pages from the contents' entry `heading` up to (not including) the page of `next_heading`."""
    pages, layout = report
    start, end = (
        int(re.search(rf"{re.escape(h)} \.+ (\d+)", layout[1]).group(1)) for h in (heading, next_heading)
    )
    return "\n".join(pages[start - 1 : end - 1])


def test_the_sosu_table_prints_i_alt_once_after_the_last_municipality(annual_2023):
    section = _section(annual_2023, "SOSU-praktikpladser 2023", "Om rapporten")
    table = section.split("Besat: realiseret optag")[0]
    assert table.count("I alt") == 1
    assert table.index("I alt") > table.rindex("Bornholm")


def test_the_sosu_chart_has_a_caption_and_one_bar_per_programme(annual_2023):
    section = _words(_section(annual_2023, "SOSU-praktikpladser 2023", "Om rapporten"))
    assert "Figur: fordelte SOSU-praktikpladser 2023 pr. kommune, én søjle pr. uddannelse" in section
    chart = section.split("Figur:")[1]
    assert "668" not in chart  # København's 226 + 442 are never added
    assert "226" in chart.split() and "442" in chart.split()  # its two bars
    assert "Social- og sundhedshjælper" in chart and "Social- og sundhedsassistent" in chart  # legend


def test_the_infrastructure_chart_and_table_use_one_unit_and_the_chart_has_a_caption(annual_2023):
    _pages, layout = annual_2023
    section = _section(
        annual_2023, "Infrastruktur: de 7+3 prioriterede projekter", "SOSU-praktikpladser 2023"
    )
    assert "mio. kr." not in section and "mia. kr." in section
    assert "Figur: anlægsoverslag pr. projekt i mia. kr." in _words(section)
    for figure in ("3,88", "0,182", "1–1,75", "20,9"):  # the chart's labels
        assert figure in section
    # An amount is never broken between its figure and its unit.
    page = next(p for p in layout if "Færdiggørelse af hhv." in p and "Overslag" in p)
    assert "3,88 mia. kr." in page and "1–1,75 mia. kr." in page
    assert not re.search(r"mia\.\s*$", page, re.M)


def test_the_cover_has_kkr_the_period_the_data_date_and_the_portal_address(annual_2023, autumn_2022):
    for (pages, _layout), period in ((annual_2023, "Året 2023"), (autumn_2022, "Statusrunden efterår 2022")):
        cover = _words(pages[0])
        assert "KKR Hovedstaden" in cover and period in cover
        assert re.search(r"Data pr\. \d{1,2}\. \w+ \d{4} kl\. \d\d\.\d\d", cover)
        assert "https://portal.kkr-hovedstaden.example" in cover


def test_the_summary_is_one_page_after_the_contents(annual_2023, autumn_2022):
    for (pages, layout), year in ((annual_2023, 2023), (autumn_2022, 2022)):
        toc = layout[1]
        assert int(re.search(r"Sammenfatning \.+ (\d+)", toc).group(1)) == 3
        first_section = re.findall(r"^\s*(.+?) \.{3,} (\d+)\s*$", toc, re.M)[1]
        assert int(first_section[1]) == 4, first_section  # the page after the summary
        summary = _words(pages[2])
        assert "Sammenfatning" in summary and "Kræver opmærksomhed" in summary
        assert f"SOSU-praktikpladser {year}" in summary
        assert "Samlet anslået investering: 74,062–74,812 mia. kr." in summary
        assert "optag ikke indberettet" in summary  # unknown intake is said, not 0


class _Crowded(BaseArea):
    """An area with a long summary and many attention items: the summary page must still be one page."""

    app = "crowded"
    title = "Et travlt område"

    def summary(self, selection):
        from core import charts

        chart = charts.grouped_bars(
            [charts.Group(f"Kommune {i}", (i, i + 1)) for i in range(29)],
            series=["a", "b"],
            title="Højt diagram",
            description="d",
            width=charts.PDF_WIDTH / 2,
            font_size=charts.PDF_FONT_SIZE,
        )
        return {"title": "Travlt", "chart": chart, "lines": [f"Linje {i} " + "ord " * 14 for i in range(12)]}

    def attention(self, selection, today=None):
        return [
            AttentionItem(Kind.OVERDUE_REPORT, self.app, f"Punkt {i:02d}", "forsinket " * 12, "/")
            for i in range(40)
        ]


def test_the_summary_stays_on_one_page_however_much_the_areas_report(organisations, tmp_path):
    crowd = [
        type(f"Crowded{i}", (_Crowded,), {"app": f"crowded{i}"})() for i in range(4)
    ]  # as many as the portal's
    with registry.replaced_by(crowd):
        result = services.render_report(
            ReportJob.Kind.ANNUAL, ReportingPeriod.from_code("2023"), today=REPORT_DAY
        )
    pages = pdf_text(result.pdf, tmp_path).split("\f")
    layout = pdf_text(result.pdf, tmp_path, layout=True).split("\f")
    assert int(re.search(r"Sammenfatning \.+ (\d+)", layout[1]).group(1)) == 3
    # 4 × 40 items ordered by title: the first eight are Punkt 00 and 01 of each area.
    assert "Punkt 00" in pages[2] and "Punkt 01" in pages[2] and "Punkt 02" not in pages[2]
    assert "Og 152 punkter mere" in _words(pages[2])
    assert "Sammenfatning" not in pages[3].split("\n", 2)[-1]


def test_the_summary_uses_the_dashboards_selection_for_the_reports_period(
    kkr_data, django_assert_num_queries
):
    from reports.summary import report_selection

    autumn = ReportingPeriod.from_code("2022-autumn")
    assert report_selection(autumn).round == autumn and report_selection(autumn).year == 2022
    year = ReportingPeriod.from_code("2023")
    with django_assert_num_queries(0):
        annual = report_selection(year)  # the round is looked up only when an area asks for it
    assert annual.year == 2023
    assert annual.round.code == "2023-autumn"  # the year's last round
