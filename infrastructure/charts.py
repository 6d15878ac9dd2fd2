"""The estimate chart (core.charts) shared by the overview page and the PDF section."""

from django.utils.translation import gettext as _

from core import charts

from .models import format_range


def estimate_chart(rows):
    bars = []
    for row in rows:
        estimate = row["estimate"]
        if estimate is None:
            bars.append(charts.Bar(row["project"].name, None, _("intet overslag")))
            continue
        low, high = estimate
        note = _("spænd %(range)s") % {"range": format_range(low, high)} if low != high else ""
        if row["missing_parts"]:
            note = (note + "; " if note else "") + _("delvist uden overslag")
        bars.append(charts.Bar(row["project"].name, high, note))
    return charts.horizontal_bars(
        bars,
        title=_("Anlægsoverslag pr. projekt"),
        description=_(
            "Det seneste overslag pr. projekt i mio. kr. (højeste værdi ved et spænd). Tabellen nedenfor viser tallene."
        ),
        unit="mio. kr.",
        label_width=420,
        width=1000,
    )
