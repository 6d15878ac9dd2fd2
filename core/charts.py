"""SVG charts shared by the dashboards and the PDF reports.

Each chart is plain SVG with a <title> and <desc> (its text alternative) and uses no colour alone to carry
meaning: values are written beside the bars. Pages also show the table behind every chart.
"""

import math
import secrets
from dataclasses import dataclass
from itertools import count

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from .formatting import number

_ids = count(1)
# Panels are cached (and may be rendered by other processes): ids carry this process's own prefix, so
# two charts on one page never share an id.
_PROCESS = secrets.token_hex(3)


def _new_id() -> str:
    return f"chart-{_PROCESS}-{next(_ids)}"


def _svg(
    chart_id: str,
    width: float,
    height: float,
    title: str,
    desc: str,
    body: str | list[str],
    display_width: str = "100%",
) -> SafeString:
    """The one SVG wrapper of every chart kind: its title and text alternative, then the drawing."""
    if not isinstance(body, str):
        body = "".join(body)
    return mark_safe(
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 {width:g} {height:g}" '
        f'width="{escape(display_width)}" aria-labelledby="{chart_id}-title {chart_id}-desc" class="kkr-chart">'
        f'<title id="{chart_id}-title">{escape(title)}</title><desc id="{chart_id}-desc">{escape(desc)}</desc>'
        f"{body}</svg>"
    )


@dataclass(frozen=True)
class Bar:
    label: str
    value: float | int | None
    note: str = ""  # shown after the value, e.g. "mangler data"


def horizontal_bars(
    bars: list[Bar],
    *,
    title: str,
    description: str,
    unit: str = "",
    max_value: float | None = None,
    width: int = 640,
    row_height: int = 22,
    label_width: int = 190,
    decimals: int = 0,
) -> SafeString:
    """One bar per row, the value written after it; a missing value is said in words, not drawn."""
    chart_id = _new_id()
    values = [b.value for b in bars if b.value is not None]
    top = max_value or (max(values) if values else 1) or 1
    bar_space = width - label_width - 110
    height = row_height * len(bars) + 10
    rows = []
    for i, bar in enumerate(bars):
        y = 5 + i * row_height
        label = escape(bar.label)
        rows.append(
            f'<text x="{label_width - 6}" y="{y + row_height * 0.7:.1f}" text-anchor="end" '
            f'font-size="12">{label}</text>'
        )
        if bar.value is None:
            text = escape(bar.note or _("mangler"))
            rows.append(
                f'<text x="{label_width}" y="{y + row_height * 0.7:.1f}" font-size="12" '
                f'font-style="italic">{text}</text>'
            )
            continue
        length = max(0.0, min(1.0, float(bar.value) / float(top))) * bar_space
        value_text = escape(f"{number(bar.value, decimals)}{(' ' + unit) if unit else ''}")
        note = f" ({escape(bar.note)})" if bar.note else ""
        rows.append(
            f'<rect x="{label_width}" y="{y + 3}" width="{length:.1f}" height="{row_height - 6}" '
            f'class="chart-bar" fill="#1f5f8b"></rect>'
        )
        rows.append(
            f'<text x="{label_width + length + 5:.1f}" y="{y + row_height * 0.7:.1f}" '
            f'font-size="12">{value_text}{note}</text>'
        )
    svg = (
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 {width} {height}" '
        f'width="100%" aria-labelledby="{chart_id}-title {chart_id}-desc" class="kkr-chart">'
        f'<title id="{chart_id}-title">{escape(title)}</title><desc id="{chart_id}-desc">{escape(description)}</desc>'
        + "".join(rows)
        + "</svg>"
    )
    return mark_safe(svg)


# --- Grouped bars and range bars (the infrastructure and education panels and their PDF sections) ----------
#
# Both take `font_size` in the SVG's own units. In a PDF the chart spans the text column, so with
# `width=PDF_WIDTH` one unit is about one point and `font_size=PDF_FONT_SIZE` prints labels of at least 8 pt.

PDF_WIDTH = 480  # an A4 page's text column is 172 mm ≈ 488 pt wide
PDF_FONT_SIZE = 9
SERIES_FILLS = ("#1f5f8b", "#b35900", "#4d7d3a", "#6b4c9a")  # with a pattern each: never colour alone
_CHAR_WIDTH = 0.56  # DejaVu Sans' average advance, in ems


@dataclass(frozen=True)
class Group:
    """One group of bars: a label and one value per series (None: not known, said in words)."""

    label: str
    values: tuple
    notes: tuple = ()  # per series, written instead of a missing value ("ikke indberettet")


@dataclass(frozen=True)
class Range:
    """One row of a range chart: an estimate from low to high (equal when it is a single figure)."""

    label: str
    low: float | int | None
    high: float | int | None
    note: str = ""


def _wrap(text: str, max_chars: int) -> list[str]:
    """A label in at most two lines of `max_chars` (the second shortened with an ellipsis if need be)."""
    words, lines, line = text.split(), [], ""
    for word in words:
        candidate = f"{line} {word}".strip()
        if len(candidate) <= max_chars or not line:
            line = candidate
        else:
            lines.append(line)
            line = word
    lines.append(line)
    if len(lines) > 2:
        lines = [lines[0], " ".join(lines[1:])]
    if len(lines[-1]) > max_chars:
        lines[-1] = lines[-1][: max_chars - 1].rstrip() + "…"
    return lines


def _label(lines: list[str], x: float, y_middle: float, font_size: float, lang: str | None = None) -> str:
    """Right-aligned label lines centred on y_middle; `lang` marks names kept in their own language."""
    line_height = font_size * 1.15
    first = y_middle - (len(lines) - 1) * line_height / 2 + font_size * 0.35
    spans = "".join(
        f'<tspan x="{x:.1f}" y="{first + i * line_height:.1f}">{escape(line)}</tspan>'
        for i, line in enumerate(lines)
    )
    lang_attribute = f' lang="{escape(lang)}"' if lang else ""
    return f'<text text-anchor="end" font-size="{font_size:g}"{lang_attribute}>{spans}</text>'


def _patterns(chart_id: str, count_: int) -> str:
    """Series 1 solid, series 2 hatched, series 3 dotted...: told apart in black and white too."""
    defs = []
    for i in range(count_):
        fill = SERIES_FILLS[i % len(SERIES_FILLS)]
        if i % 3 == 0:
            continue
        mark = (
            f'<path d="M0,6 L6,0" stroke="{fill}" stroke-width="2"></path>'
            if i % 3 == 1
            else f'<circle cx="3" cy="3" r="1.6" fill="{fill}"></circle>'
        )
        defs.append(
            f'<pattern id="{chart_id}-s{i}" width="6" height="6" patternUnits="userSpaceOnUse">'
            f'<rect width="6" height="6" fill="#fff"></rect>{mark}</pattern>'
        )
    return f"<defs>{''.join(defs)}</defs>" if defs else ""


def _series_fill(chart_id: str, index: int) -> str:
    return SERIES_FILLS[index % len(SERIES_FILLS)] if index % 3 == 0 else f"url(#{chart_id}-s{index})"


def grouped_bars(
    groups: list[Group],
    *,
    series: list[str],
    title: str,
    description: str,
    unit: str = "",
    width: float = 640,
    font_size: float = 12,
    label_share: float = 0.3,
    decimals: int = 0,
    bar_scale: float = 1.2,
    label_lang: str | None = None,
) -> SafeString:
    """One bar per series in each group (e.g. per programme), never added up; a legend names the series.

    Each bar has its value written after it; a missing value gets the series' note (or "mangler") in words.
    """
    chart_id = _new_id()
    values = [v for g in groups for v in g.values if v is not None]
    top = max(values, default=0) or 1
    label_width = width * label_share
    written = [
        f"{number(v, decimals)}{(' ' + unit) if unit else ''}"
        for g in groups
        for v in g.values
        if v is not None
    ]
    # A missing value's note is written where its bar would start, so it needs no room after the bars.
    value_space = font_size * (_CHAR_WIDTH * max(map(len, written), default=4) + 1)  # room after the bar
    bar_space = max(10.0, width - label_width - value_space - font_size)
    bar_height = font_size * bar_scale  # bar_scale 1.1 fits 29 groups of two on an A4 page at 8.5 pt
    gap = font_size * 0.4
    max_chars = max(8, int((label_width - font_size) / (font_size * _CHAR_WIDTH)))
    body = [_patterns(chart_id, len(series))]
    # The legend: a swatch with the series' fill and its name, in one row.
    x = label_width
    for i, name in enumerate(series):
        body.append(
            f'<rect x="{x:.1f}" y="2" width="{font_size:g}" height="{font_size:g}" '
            f'fill="{_series_fill(chart_id, i)}" stroke="#333" stroke-width="0.5"></rect>'
        )
        body.append(
            f'<text x="{x + font_size * 1.4:.1f}" y="{2 + font_size * 0.85:.1f}" font-size="{font_size:g}">{escape(name)}</text>'
        )
        x += font_size * (2.4 + _CHAR_WIDTH * len(name))
    y = font_size * 2
    for group in groups:
        group_height = bar_height * len(series)
        body.append(
            _label(
                _wrap(group.label, max_chars),
                label_width - font_size * 0.5,
                y + group_height / 2,
                font_size,
                label_lang,
            )
        )
        for i, value in enumerate(group.values):
            top_y = y + i * bar_height
            text_y = top_y + bar_height * 0.5 + font_size * 0.35
            if value is None:
                note = group.notes[i] if i < len(group.notes) and group.notes[i] else _("mangler")
                body.append(
                    f'<text x="{label_width:.1f}" y="{text_y:.1f}" font-size="{font_size:g}" '
                    f'font-style="italic">{escape(note)}</text>'
                )
                continue
            length = max(0.0, min(1.0, float(value) / float(top))) * bar_space
            body.append(
                f'<rect x="{label_width:.1f}" y="{top_y + 1:.1f}" width="{length:.1f}" height="{bar_height - 2:.1f}" '
                f'class="chart-bar chart-series-{i}" fill="{_series_fill(chart_id, i)}" stroke="#333" '
                f'stroke-width="0.5"></rect>'
            )
            text = f"{number(value, decimals)}{(' ' + unit) if unit else ''}"
            body.append(
                f'<text x="{label_width + length + font_size * 0.4:.1f}" y="{text_y:.1f}" '
                f'font-size="{font_size:g}">{escape(text)}</text>'
            )
        y += group_height + gap
    return _svg(chart_id, width, y, title, description, body)


def range_bars(
    ranges: list[Range],
    *,
    title: str,
    description: str,
    value_text,
    width: float = 640,
    font_size: float = 12,
    label_share: float = 0.42,
    label_lang: str | None = None,
) -> SafeString:
    """An estimate per row: a solid bar up to the low value and an open (hatched) part from low to high.

    `value_text(low, high)` writes the figure after the bar in the unit of the table beside the chart (a
    range stays a range: "1–1,75"). A missing estimate is said in words (the row's note), not drawn.
    """
    chart_id = _new_id()
    highs = [r.high for r in ranges if r.high is not None]
    top = max(highs, default=0) or 1
    label_width = width * label_share
    written = [
        value_text(r.low, r.high) + (f" ({r.note})" if r.note else "")
        for r in ranges
        if r.low is not None and r.high is not None
    ]
    value_space = font_size * (_CHAR_WIDTH * max(map(len, written), default=4) + 1)  # room after the bar
    bar_space = max(10.0, width - label_width - value_space - font_size)
    max_chars = max(8, int((label_width - font_size) / (font_size * _CHAR_WIDTH)))
    line_height = font_size * 1.15
    body = [
        f'<defs><pattern id="{chart_id}-open" width="6" height="6" patternUnits="userSpaceOnUse">'
        f'<rect width="6" height="6" fill="#fff"></rect>'
        f'<path d="M0,6 L6,0" stroke="{SERIES_FILLS[0]}" stroke-width="2"></path></pattern></defs>'
    ]
    y = 2.0
    for row in ranges:
        lines = _wrap(row.label, max_chars)
        row_height = max(font_size * 1.6, len(lines) * line_height + font_size * 0.5)
        middle = y + row_height / 2
        text_y = middle + font_size * 0.35
        body.append(_label(lines, label_width - font_size * 0.5, middle, font_size, label_lang))
        if row.low is None or row.high is None:
            body.append(
                f'<text x="{label_width:.1f}" y="{text_y:.1f}" font-size="{font_size:g}" '
                f'font-style="italic">{escape(row.note or _("mangler"))}</text>'
            )
            y += row_height
            continue
        bar_height = font_size * 1.2
        bar_y = middle - bar_height / 2
        low_length = max(0.0, min(1.0, float(row.low) / float(top))) * bar_space
        high_length = max(low_length, min(1.0, float(row.high) / float(top)) * bar_space)
        body.append(
            f'<rect x="{label_width:.1f}" y="{bar_y:.1f}" width="{low_length:.1f}" height="{bar_height:.1f}" '
            f'class="chart-bar" fill="{SERIES_FILLS[0]}"></rect>'
        )
        if high_length > low_length:
            body.append(
                f'<rect x="{label_width + low_length:.1f}" y="{bar_y:.1f}" width="{high_length - low_length:.1f}" '
                f'height="{bar_height:.1f}" class="chart-range" fill="url(#{chart_id}-open)" '
                f'stroke="{SERIES_FILLS[0]}" stroke-width="0.75"></rect>'
            )
        text = value_text(row.low, row.high) + (f" ({row.note})" if row.note else "")
        body.append(
            f'<text x="{label_width + high_length + font_size * 0.4:.1f}" y="{text_y:.1f}" '
            f'font-size="{font_size:g}">{escape(text)}</text>'
        )
        y += row_height
    return _svg(chart_id, width, y + 2, title, description, body)


# --- Status bars, progress bars and sparklines (the dashboard's panels and the PDF reports) ---------------
#
# Sizes are SVG user units. A chart as wide as a PDF page's text (about 480 pt for the default 640 units)
# prints one unit as about 0.75 pt: the default `font_size` 12 is 9 pt, never below 8 pt for a chart that
# fills the width. A status is told by its word, its count and a pattern, never by colour alone.


@dataclass(frozen=True)
class Size:
    """How wide a chart's drawing is (user units) and its text size in those units."""

    width: int
    font_size: float


# A dashboard card is about 340–520 px wide: 400 units with 12-unit text read as 10–16 px.
SCREEN = Size(width=400, font_size=12)
# A PDF page's text is about 487 pt wide: 640 units with 13-unit text print at about 10 pt.
PRINT = Size(width=640, font_size=13)

# tone -> (fill colour, pattern drawn over it)
TONES = {
    "good": ("#2e7d32", ""),
    "ok": ("#1f5f8b", "diagonal"),
    "warn": ("#9a5b00", "dots"),
    "bad": ("#b3261e", "cross"),
    "none": ("#6c757d", "horizontal"),
    "neutral": ("#5a6268", "vertical"),
}

_PATTERNS = {
    "diagonal": '<path d="M0,6 L6,0" stroke="#fff" stroke-width="1.5"></path>',
    "dots": '<circle cx="3" cy="3" r="1.3" fill="#fff"></circle>',
    "cross": '<path d="M0,0 L6,6 M0,6 L6,0" stroke="#fff" stroke-width="1.2"></path>',
    "horizontal": '<path d="M0,3 L6,3" stroke="#fff" stroke-width="1.2"></path>',
    "vertical": '<path d="M3,0 L3,6" stroke="#fff" stroke-width="1.2"></path>',
}


@dataclass(frozen=True)
class Segment:
    """One part of a stacked status bar: its word, how many, the status code (a CSS class) and its look."""

    label: str
    count: int
    code: str
    tone: str = "neutral"
    icon: str = ""  # a glyph written before the count in the legend


@dataclass(frozen=True)
class Progress:
    """One row of a progress chart: `value` towards `target` in the same unit (None: no figure yet)."""

    label: str
    value: float | int | None
    target: float | int
    value_text: str = ""
    target_text: str = ""
    note: str = ""  # said instead of the bar when the value is missing


def _finite(value) -> bool:
    try:
        return value is not None and math.isfinite(float(value))
    except (TypeError, ValueError):
        return False


def _text_width(text: str, font_size: float) -> float:
    """A generous estimate of a text's width (DejaVu Sans averages about 0.6 em a character)."""
    return len(text) * font_size * 0.62


def _swatch(chart_id: str, tone: str, x: float, y: float, w: float, h: float) -> str:
    colour, pattern = TONES.get(tone, TONES["neutral"])
    shape = f'<rect x="{x:.1f}" y="{y:.1f}" width="{w:.1f}" height="{h:.1f}" fill="{colour}"></rect>'
    if pattern:
        shape += (
            f'<rect x="{x:.1f}" y="{y:.1f}" width="{w:.1f}" height="{h:.1f}" '
            f'fill="url(#{chart_id}-{pattern})"></rect>'
        )
    return shape


def _pattern_defs(chart_id: str, tones) -> str:
    used = sorted({TONES.get(t, TONES["neutral"])[1] for t in tones} - {""})
    if not used:
        return ""
    return (
        "<defs>"
        + "".join(
            f'<pattern id="{chart_id}-{name}" width="6" height="6" patternUnits="userSpaceOnUse">'
            f"{_PATTERNS[name]}</pattern>"
            for name in used
        )
        + "</defs>"
    )


def status_words(segments: list[Segment]) -> str:
    """'3 opfyldt; 1 på vej' — the counts and words a stacked bar draws, for its text alternative."""
    return "; ".join(f"{s.label}: {number(s.count)}" for s in segments if s.count)


def stacked_status_bar(
    segments: list[Segment],
    *,
    title: str,
    description: str = "",
    width: int = 640,
    bar_height: int = 26,
    font_size: float = 12,
) -> SafeString:
    """One bar split by status, each part as long as its count; below it every part's icon, count and word.

    Parts with a count of zero are left out. Without any count the chart says "ingen data" in words.
    """
    chart_id = _new_id()
    shown = [s for s in segments if s.count and s.count > 0]
    total = sum(s.count for s in shown)
    if not total:
        text = _("ingen data")
        height = font_size * 2
        body = f'<text x="0" y="{font_size * 1.3:.1f}" font-size="{font_size:g}" font-style="italic">{escape(text)}</text>'
        return _svg(chart_id, width, height, title, f"{description} {text}".strip(), body)
    parts = [_pattern_defs(chart_id, [s.tone for s in shown])]
    x = 0.0
    for s in shown:
        length = s.count / total * width
        parts.append(
            f'<g class="chart-segment segment-{escape(s.code)}">'
            + _swatch(chart_id, s.tone, x, 0, length, bar_height)
            + f'<rect x="{x:.1f}" y="0" width="{length:.1f}" height="{bar_height}" fill="none" '
            f'stroke="#fff" stroke-width="1.5"></rect></g>'
        )
        x += length
    # The legend: swatch, icon, count and word for each part, wrapped onto as many lines as needed.
    line_height = font_size * 1.7
    y = bar_height + font_size * 0.6
    cursor = 0.0
    for s in shown:
        text = f"{s.icon} {number(s.count)} {s.label}".strip()
        item_width = font_size * 1.5 + _text_width(text, font_size) + font_size
        if cursor and cursor + item_width > width:
            cursor, y = 0.0, y + line_height
        parts.append(_swatch(chart_id, s.tone, cursor, y + font_size * 0.2, font_size, font_size))
        parts.append(
            f'<text x="{cursor + font_size * 1.4:.1f}" y="{y + font_size * 1.05:.1f}" '
            f'font-size="{font_size:g}">{escape(text)}</text>'
        )
        cursor += item_width
    height = y + line_height
    desc = f"{description} {status_words(shown)}.".strip()
    return _svg(chart_id, width, height, title, desc, "".join(parts))


def progress_bars(
    items: list[Progress],
    *,
    title: str,
    description: str = "",
    width: int = 640,
    label_width: int = 150,
    value_width: int = 170,
    row_height: int = 24,
    font_size: float = 12,
) -> SafeString:
    """One row per item: a track that stands for the target, filled as far as the value has come, and the
    value written after it ("52 % af 100 %"); a missing value is said in words, not drawn."""
    chart_id = _new_id()
    if not items:
        text = _("ingen data")
        body = f'<text x="0" y="{font_size * 1.3:.1f}" font-size="{font_size:g}" font-style="italic">{escape(text)}</text>'
        return _svg(chart_id, width, font_size * 2, title, f"{description} {text}".strip(), body)
    track = max(40.0, width - label_width - value_width)
    rows, alternatives = [], []
    for i, item in enumerate(items):
        y = 4 + i * row_height
        baseline = y + row_height * 0.68
        rows.append(
            f'<text x="{label_width - 6}" y="{baseline:.1f}" text-anchor="end" font-size="{font_size:g}">'
            f"{escape(item.label)}</text>"
        )
        rows.append(
            f'<rect x="{label_width}" y="{y + 4}" width="{track:.1f}" height="{row_height - 8}" '
            f'fill="#fff" stroke="#5a6268" stroke-width="1"></rect>'
        )
        if item.value is None or not (_finite(item.value) and _finite(item.target) and float(item.target)):
            note = item.note or _("ingen data")
            rows.append(
                f'<text x="{label_width + 6}" y="{baseline:.1f}" font-size="{font_size:g}" '
                f'font-style="italic">{escape(note)}</text>'
            )
            alternatives.append(f"{item.label}: {note}")
            continue
        share = max(0.0, min(1.0, float(item.value) / float(item.target)))
        rows.append(
            f'<rect x="{label_width}" y="{y + 4}" width="{share * track:.1f}" height="{row_height - 8}" '
            f'class="chart-bar" fill="#1f5f8b"></rect>'
        )
        text = item.value_text or number(item.value)
        if item.target_text:
            text = _("%(value)s af %(target)s") % {"value": text, "target": item.target_text}
        rows.append(
            f'<text x="{label_width + track + 6:.1f}" y="{baseline:.1f}" font-size="{font_size:g}">'
            f"{escape(text)}</text>"
        )
        alternatives.append(f"{item.label}: {text}")
    height = 8 + row_height * len(items)
    desc = f"{description} {'; '.join(alternatives)}.".strip()
    return _svg(chart_id, width, height, title, desc, "".join(rows))


def sparkline(
    points: list[tuple[str, float | int | None]],
    *,
    title: str,
    target: float | int | None = None,
    description: str = "",
    unit: str = "",
    decimals: int = 0,
    width: int = 260,
    height: int = 64,
    font_size: float = 11,
    display_width: str = "100%",
) -> SafeString:
    """Values over time (label, value) as a line, the target as a dashed line; the lowest, highest and last
    values are written beside their points and the text alternative lists every value.

    `display_width`: the printed width (e.g. "70mm"; 260 units at 70 mm are 0.76 pt each)."""
    chart_id = _new_id()
    clean: list[tuple[str, float]] = [
        (label, float(v)) for label, v in points if v is not None and _finite(v)
    ]
    goal: float | None = float(target) if target is not None and _finite(target) else None

    def show(value: float) -> str:
        return f"{number(value, decimals)}{(' ' + unit) if unit else ''}"

    listing = "; ".join(f"{label}: {show(value)}" for label, value in clean)
    if goal is not None:
        listing += "; " + _("mål: %(target)s") % {"target": show(goal)}
    desc = f"{description} {listing}.".strip() if clean else description
    if len(clean) < 2:
        text = _("for få målinger til en kurve")
        empty = f'<text x="0" y="{font_size * 1.3:.1f}" font-size="{font_size:g}" font-style="italic">{escape(text)}</text>'
        return _svg(chart_id, width, font_size * 2, title, f"{desc} {text}".strip(), empty, display_width)
    values = [v for _label, v in clean] + ([goal] if goal is not None else [])
    low, high = min(values), max(values)
    span = (high - low) or 1.0
    right = _text_width(show(clean[-1][1]), font_size) + 8  # room for the last value's label
    left, top, bottom = 4.0, font_size * 1.3, height - font_size * 1.3
    plot = max(20.0, width - left - right)

    def xy(i: int, value: float) -> tuple[float, float]:
        return left + plot * i / (len(clean) - 1), bottom - (value - low) / span * (bottom - top)

    body: list[str] = []
    if goal is not None:
        _x, ty = xy(0, goal)
        body.append(
            f'<line x1="{left:.1f}" y1="{ty:.1f}" x2="{left + plot:.1f}" y2="{ty:.1f}" stroke="#9a5b00" '
            f'stroke-width="1.2" stroke-dasharray="4 3" class="chart-target"></line>'
        )
    coords = [xy(i, v) for i, (_label, v) in enumerate(clean)]
    body.append(
        '<polyline fill="none" stroke="#1f5f8b" stroke-width="2" points="'
        + " ".join(f"{x:.1f},{y:.1f}" for x, y in coords)
        + '"></polyline>'
    )
    series = [v for _label, v in clean]
    last = len(clean) - 1
    marked = {last: "last", series.index(max(series)): "max", series.index(min(series)): "min"}
    for i, role in sorted(marked.items()):
        x, y = coords[i]
        body.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="2.6" fill="#1f5f8b"></circle>')
        text = escape(show(series[i]))
        if i == last:
            attrs = f'x="{x + 5:.1f}" y="{y + font_size * 0.35:.1f}"'
        else:
            anchor = "start" if x < left + font_size * 2 else "middle"
            below = y + font_size + 1 if role == "min" else y - 4
            attrs = f'x="{x:.1f}" y="{below:.1f}" text-anchor="{anchor}"'
        body.append(f'<text {attrs} font-size="{font_size:g}">{text}</text>')
    return _svg(chart_id, width, height, title, desc, "".join(body), display_width)
