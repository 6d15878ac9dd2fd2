"""The shared SVG charts: valid XML, a title and a text alternative, every figure written, no NaN."""

import xml.etree.ElementTree as ET

import pytest

from core.charts import Bar, Progress, Segment, horizontal_bars, progress_bars, sparkline, stacked_status_bar

SVG = "{http://www.w3.org/2000/svg}"


def parse(svg) -> ET.Element:
    assert "NaN" not in svg and "nan" not in svg.lower().replace("nans", "")
    return ET.fromstring(str(svg))


def texts(root) -> list[str]:
    return [t.text or "" for t in root.iter(f"{SVG}text")]


def alternative(root) -> str:
    return root.find(f"{SVG}title").text + " | " + root.find(f"{SVG}desc").text


def test_the_stacked_bar_writes_each_parts_count_and_word_and_draws_it_with_a_pattern():
    root = parse(
        stacked_status_bar(
            [
                Segment("opfyldt", 3, "met", "good", "✔"),
                Segment("på vej", 0, "on_track", "ok", "➜"),
                Segment("ikke opfyldt", 2, "not_met", "bad", "✖"),
                Segment("afventer data", 3, "awaiting", "none", "…"),
            ],
            title="Målene",
            description="Mål pr. status.",
        )
    )
    assert texts(root) == ["✔ 3 opfyldt", "✖ 2 ikke opfyldt", "… 3 afventer data"]
    assert "opfyldt: 3; ikke opfyldt: 2; afventer data: 3" in alternative(root)
    assert "på vej" not in alternative(root)  # a status with no goals is left out, not drawn as 0
    classes = [g.get("class") for g in root.iter(f"{SVG}g")]
    assert classes == [
        "chart-segment segment-met",
        "chart-segment segment-not_met",
        "chart-segment segment-awaiting",
    ]
    assert len(list(root.iter(f"{SVG}pattern"))) == 2  # cross and horizontal lines: not colour alone
    widths = [float(r.get("width")) for g in root.iter(f"{SVG}g") for r in g.iter(f"{SVG}rect")][::3]
    assert widths == pytest.approx([240, 160, 240])


def test_a_long_legend_wraps_inside_the_chart():
    segments = [Segment(f"en meget lang statusbetegnelse {i}", i + 1, f"s{i}", "neutral") for i in range(6)]
    root = parse(stacked_status_bar(segments, title="T", width=300))
    ys = sorted({float(t.get("y")) for t in root.iter(f"{SVG}text")})
    assert len(ys) >= 3
    assert max(ys) < float(root.get("viewBox").split()[3])


@pytest.mark.parametrize("segments", [[], [Segment("opfyldt", 0, "met")]])
def test_a_stacked_bar_without_counts_says_there_is_no_data(segments):
    root = parse(stacked_status_bar(segments, title="Målene"))
    assert texts(root) == ["ingen data"] and "ingen data" in alternative(root)


def test_the_font_size_is_a_parameter_for_print():
    svg = stacked_status_bar([Segment("opfyldt", 1, "met", "good")], title="T", font_size=14)
    assert 'font-size="14"' in svg and 'font-size="12"' not in svg
    assert 'font-size="13"' in progress_bars([Progress("Mål 1", 5, 10)], title="T", font_size=13)
    assert 'font-size="10"' in sparkline([("a", 1), ("b", 2)], title="T", font_size=10)


def test_progress_bars_fill_towards_the_target_and_say_a_missing_value_in_words():
    root = parse(
        progress_bars(
            [
                Progress("Mål 1", 52, 100, "52 %", "100 %"),
                Progress("Mål 2", None, 100, note="afventer data"),
                Progress("Mål 3", 150, 100, "150 %"),
                Progress("Mål 4", float("nan"), 100),
            ],
            title="Fremdrift",
            width=640,
            label_width=150,
        )
    )
    assert texts(root) == [
        "Mål 1", "52 % af 100 %", "Mål 2", "afventer data", "Mål 3", "150 %", "Mål 4", "ingen data",
    ]  # fmt: skip
    fills = [r for r in root.iter(f"{SVG}rect") if r.get("class") == "chart-bar"]
    track = 640 - 150 - 170
    assert [float(r.get("width")) for r in fills] == pytest.approx(
        [0.52 * track, track]
    )  # capped at the target
    assert "Mål 2: afventer data" in alternative(root) and "Mål 1: 52 % af 100 %" in alternative(root)


def test_progress_bars_without_items_say_so():
    assert texts(parse(progress_bars([], title="T"))) == ["ingen data"]


def test_the_sparkline_labels_lowest_highest_and_last_and_lists_every_value():
    root = parse(
        sparkline(
            [("jan. 2023", 30), ("feb. 2023", 45), ("mar. 2023", 20), ("apr. 2023", 41)],
            target=50,
            title="Kendskab",
            unit="%",
        )
    )
    assert sorted(texts(root)) == ["20 %", "41 %", "45 %"]
    alt = alternative(root)
    assert "jan. 2023: 30 %; feb. 2023: 45 %; mar. 2023: 20 %; apr. 2023: 41 %; mål: 50 %" in alt
    assert len(list(root.iter(f"{SVG}line"))) == 1  # the target line
    points = root.find(f"{SVG}polyline").get("points").split()
    assert len(points) == 4
    target_y = float(root.find(f"{SVG}line").get("y1"))
    assert all(float(p.split(",")[1]) > target_y for p in points)  # every value below the target of 50


def test_a_sparkline_ignores_missing_and_nan_values_and_needs_two_points():
    root = parse(sparkline([("a", None), ("b", float("nan")), ("c", 3)], target=None, title="T"))
    assert texts(root) == ["for få målinger til en kurve"]
    root = parse(sparkline([], title="T"))
    assert texts(root) == ["for få målinger til en kurve"]
    root = parse(sparkline([("a", 5), ("b", 5)], title="T"))  # a flat line divides by no zero
    assert root.find(f"{SVG}polyline") is not None and not root.findall(f"{SVG}line")


def test_labels_are_escaped():
    svg = stacked_status_bar([Segment("<b>&", 1, 'x"y')], title="<script>", description="a&b")
    root = parse(svg)
    assert texts(root) == ["1 <b>&"] and "<script>" not in svg


def test_horizontal_bars_still_work():
    root = parse(horizontal_bars([Bar("A", 1), Bar("B", None)], title="T", description="D"))
    assert texts(root) == ["A", "1", "B", "mangler"]


def test_chart_ids_differ_and_carry_the_process_prefix():
    """Panels are cached and may come from other processes: ids must not clash on one page."""
    from core import charts

    first = parse(sparkline([("a", 1), ("b", 2)], title="T")).find(f"{SVG}title").get("id")
    second = parse(stacked_status_bar([], title="T")).find(f"{SVG}title").get("id")
    assert first != second and first.startswith(f"chart-{charts._PROCESS}-")
