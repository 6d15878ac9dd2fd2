"""SVG charts shared by the dashboards and the PDF reports.

Each chart is plain SVG with a <title> and <desc> (its text alternative) and uses no colour alone to carry
meaning: values are written beside the bars. Pages also show the table behind every chart.
"""

from dataclasses import dataclass
from itertools import count

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from .formatting import number

_ids = count(1)


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
    chart_id = f"chart-{next(_ids)}"
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
