"""The SVG chart kinds of core/charts.py that the infrastructure and education panels and PDFs use."""

import re
import xml.etree.ElementTree as ET

import pytest
from django.utils import translation

from core import charts
from core.formatting import dkk_billions

SVG = "{http://www.w3.org/2000/svg}"
A4_TEXT_COLUMN_PT = 172 / 25.4 * 72  # the PDF's text column (A4 minus the report's margins)


@pytest.fixture(autouse=True)
def danish():
    with translation.override("da"):
        yield


def parse(svg) -> ET.Element:
    return ET.fromstring(str(svg))


def texts(root) -> list[str]:
    return ["".join(t.itertext()) for t in root.iter(f"{SVG}text")]


def printed_points(svg, column_pt: float = A4_TEXT_COLUMN_PT) -> float:
    """The smallest label size in points when the chart spans a column of `column_pt` points."""
    root = parse(svg)
    view_width = float(root.get("viewBox").split()[2])
    sizes = [float(t.get("font-size")) for t in root.iter(f"{SVG}text")]
    return min(sizes) * column_pt / view_width


def test_grouped_bars_draw_one_bar_per_series_and_never_add_them():
    svg = charts.grouped_bars(
        [charts.Group("København", (226, 442)), charts.Group("Dragør", (8, None), ("", "ikke indberettet"))],
        series=["Social- og sundhedshjælper", "Social- og sundhedsassistent"],
        title="Pladser",
        description="Pr. kommune og uddannelse",
    )
    root = parse(svg)
    bars = [r for r in root.iter(f"{SVG}rect") if "chart-bar" in (r.get("class") or "")]
    assert len(bars) == 3  # Dragør's unknown value is not drawn as 0
    words = texts(root)
    assert "226" in words and "442" in words and "668" not in " ".join(words)
    assert "ikke indberettet" in words
    assert "Social- og sundhedshjælper" in words and "Social- og sundhedsassistent" in words  # the legend
    assert root.find(f"{SVG}title").text == "Pladser"
    # The series differ by pattern as well as colour (printing in black and white).
    fills = {r.get("fill") for r in bars}
    assert any(f.startswith("url(#") for f in fills) and any(f.startswith("#") for f in fills)


def test_grouped_bars_bar_lengths_are_proportional():
    root = parse(
        charts.grouped_bars([charts.Group("A", (100, 50))], series=["x", "y"], title="t", description="d")
    )
    widths = [float(r.get("width")) for r in root.iter(f"{SVG}rect") if "chart-bar" in (r.get("class") or "")]
    assert widths[0] == pytest.approx(2 * widths[1], rel=0.01)


def test_range_bars_keep_a_range_a_range_and_say_a_missing_estimate():
    svg = charts.range_bars(
        [
            charts.Range("S-bane Farum–Hillerød", 1000, 1750),
            charts.Range("Ring 5 Syd", 6600, 6600),
            charts.Range("Forbedringer af Kystbanen", None, None, "intet overslag"),
        ],
        title="Overslag",
        description="mia. kr.",
        value_text=lambda low, high: dkk_billions(low, high, unit=False),
    )
    root = parse(svg)
    words = " ".join(texts(root))
    assert "1–1,75" in words and "6,6" in words and "intet overslag" in words
    open_parts = [r for r in root.iter(f"{SVG}rect") if r.get("class") == "chart-range"]
    assert len(open_parts) == 1  # only the range has an open part from low to high
    solid = [r for r in root.iter(f"{SVG}rect") if r.get("class") == "chart-bar"]
    assert len(solid) == 2  # nothing drawn for the project without an estimate
    low_length = float(solid[0].get("width"))
    assert float(open_parts[0].get("width")) == pytest.approx(low_length * 0.75, rel=0.01)


def test_long_labels_wrap_to_two_lines_instead_of_running_into_the_bars():
    svg = charts.range_bars(
        [charts.Range("Færdiggørelse af hhv. Hillerød- og Frederikssundsmotorvejene", 3880, 3880)],
        title="t",
        description="d",
        value_text=lambda low, high: "3,88",
        width=charts.PDF_WIDTH,
        font_size=charts.PDF_FONT_SIZE,
    )
    spans = [s.text for s in parse(svg).iter(f"{SVG}tspan")]
    assert (
        len(spans) == 2 and " ".join(spans) == "Færdiggørelse af hhv. Hillerød- og Frederikssundsmotorvejene"
    )


def test_labels_are_escaped():
    svg = charts.grouped_bars(
        [charts.Group("<script>alert(1)</script>", (1,))], series=["a&b"], title="<t>", description="d"
    )
    assert "<script>" not in str(svg) and "&lt;script&gt;" in str(svg) and "a&amp;b" in str(svg)
    parse(svg)  # well-formed


def test_pdf_sizes_print_labels_of_at_least_8_pt():
    grouped = charts.grouped_bars(
        [charts.Group("Albertslund", (12, 28))],
        series=["a", "b"],
        title="t",
        description="d",
        width=charts.PDF_WIDTH,
        font_size=charts.PDF_FONT_SIZE,
    )
    ranged = charts.range_bars(
        [charts.Range("Ring 5 Syd", 6600, 6600)],
        title="t",
        description="d",
        value_text=lambda low, high: "6,6",
        width=charts.PDF_WIDTH,
        font_size=charts.PDF_FONT_SIZE,
    )
    assert printed_points(grouped) >= 8 and printed_points(ranged) >= 8
    # The screen defaults drawn across the same column would not be: that is why PDFs pass sizes.
    screen = charts.horizontal_bars([charts.Bar("x", 1)], title="t", description="d", width=1000)
    assert printed_points(screen) < 8


@pytest.mark.django_db
def test_the_pdf_sections_charts_print_labels_of_at_least_8_pt(kkr_data):
    from education.report_sections import annual_section as education_section
    from infrastructure.report_sections import annual_section as infrastructure_section

    for section in (infrastructure_section(2023), education_section(2023)):
        assert printed_points(section["chart"]) >= 8, section["title"]


@pytest.mark.django_db
def test_the_summary_charts_print_labels_of_at_least_8_pt_in_half_a_column(kkr_data):
    from core.models import ReportingPeriod
    from core.selection import Selection
    from education.area import AREA as EDUCATION
    from infrastructure.area import AREA as INFRASTRUCTURE
    from reports.summary import report_selection

    selection = report_selection(ReportingPeriod.from_code("2023"))
    assert isinstance(selection, Selection)
    for area in (INFRASTRUCTURE, EDUCATION):
        summary = area.summary(selection)
        # The summary page puts two areas side by side: each chart gets half the column less the gap.
        assert printed_points(summary["chart"], (A4_TEXT_COLUMN_PT - 17) / 2) >= 8, area.app
        assert re.search(r"\d", " ".join(summary["lines"]))


def test_names_from_the_database_can_be_marked_with_their_language():
    grouped = parse(
        charts.grouped_bars(
            [charts.Group("Social- og sundhedshjælper", (849,))],
            series=["x"],
            title="t",
            description="d",
            label_lang="da",
        )
    )
    ranged = parse(
        charts.range_bars(
            [charts.Range("Ring 5 Syd", 1, 1)],
            title="t",
            description="d",
            value_text=lambda low, high: "1",
            label_lang="da",
        )
    )
    for root, name in ((grouped, "Social- og"), (ranged, "Ring 5 Syd")):
        label = next(t for t in root.iter(f"{SVG}text") if name in "".join(t.itertext()))
        assert label.get("lang") == "da"


@pytest.mark.parametrize(
    "svg",
    [
        charts.grouped_bars([charts.Group("A", (1, 2))], series=["x", "y"], title="t", description="d"),
        charts.range_bars(
            [charts.Range("A", 1, 2)],
            title="t",
            description="d",
            value_text=lambda low, high: f"{low}-{high}",
        ),
        charts.horizontal_bars([charts.Bar("A", 1)], title="t", description="d"),
        charts.stacked_status_bar([charts.Segment("Opfyldt", 2, "met")], title="t", description="d"),
    ],
)
def test_every_kind_draws_elements_not_loose_text(svg):
    """Text straight inside <svg> is invalid HTML (the W3C checker refuses it); everything is in elements."""
    root = parse(svg)
    assert not (root.text or "").strip()
    assert all(not (child.tail or "").strip() for child in root)
