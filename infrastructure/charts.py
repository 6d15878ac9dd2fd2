"""The estimate chart (core.charts) shared by the overview page, the home panel and the PDF section.

Each figure is written in the unit of the table beside it, and a range stays a range: the bar is solid up to
the low estimate and open (hatched) from there to the high one.
"""

from django.utils.translation import gettext as _

from core import charts
from core.formatting import dkk_billions

from .models import format_range


def estimate_chart(rows, *, in_billions: bool = True, width: float = 640, font_size: float = 12):
    """`in_billions`: every label in mia. kr., for the home panel and the PDF whose tables do the same;
    otherwise as the overview page's table writes each figure ("182 mio. kr.", "2,9 mia. kr.")."""
    ranges = []
    for row in rows:
        estimate = row["estimate"]
        if estimate is None:
            ranges.append(charts.Range(row["project"].name, None, None, _("intet overslag")))
            continue
        low, high = estimate
        note = _("delvist uden overslag") if row["missing_parts"] else ""
        ranges.append(charts.Range(row["project"].name, low, high, note))
    if in_billions:
        title = _("Anlægsoverslag pr. projekt, mia. kr.")
        description = _(
            "Det seneste overslag pr. projekt i mia. kr.; ved et spænd er søjlen fuld op til det laveste "
            "og skraveret op til det højeste overslag. Tabellen viser de samme tal."
        )
    else:
        title = _("Anlægsoverslag pr. projekt")
        description = _(
            "Det seneste overslag pr. projekt, skrevet som i tabellen; ved et spænd er søjlen fuld op til det "
            "laveste og skraveret op til det højeste overslag."
        )
    return charts.range_bars(
        ranges,
        title=title,
        description=description,
        value_text=dkk_billions if in_billions else format_range,
        width=width,
        font_size=font_size,
        label_lang="da",  # the projects' names as the source gives them, in either language
    )


def pdf_estimate_chart(rows):
    return estimate_chart(rows, width=charts.PDF_WIDTH, font_size=charts.PDF_FONT_SIZE)
