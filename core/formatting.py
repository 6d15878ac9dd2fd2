"""The portal's own number formats on top of Django's localisation.

Plain numbers and dates come from Django in the active language (`formats.number_format`,
`formats.date_format`, the `date` filter): "1.776" and "26. november 2026" in Danish, "1,776" and
"Nov. 26, 2026" in English. What is ours: the dash for a missing figure, percentages, and amounts in
million DKK written as the source documents write them ("980 mio. kr.", "2,9 mia. kr.").
"""

from decimal import Decimal

from django.utils import formats
from django.utils.translation import gettext as _

MISSING = "–"


def number(value, decimals: int = 0) -> str:
    """A figure rounded to `decimals` places in the active language's format; a dash when missing."""
    if value is None:
        return MISSING
    # Django's number_format cuts surplus decimals off; round them first, as the figures were rounded before.
    rounded = Decimal(value).quantize(Decimal(1).scaleb(-decimals))
    return formats.number_format(rounded, decimals)


def _trim(text: str) -> str:
    """'2,900' → '2,9', '1,000' → '1' (whichever decimal separator the language uses)."""
    separator = formats.get_format("DECIMAL_SEPARATOR")
    return text.rstrip("0").removesuffix(separator) if separator in text else text


def dkk_millions(amount_millions, *, max_decimals: int = 3) -> str:
    """An amount given in million DKK, shown as the seed writes it: '980 mio. kr.', '2,9 mia. kr.'."""
    if amount_millions is None:
        return MISSING
    amount = Decimal(amount_millions)
    if abs(amount) >= 1000:
        return f"{_trim(number(amount / 1000, max_decimals))} mia. kr."
    return f"{_trim(number(amount, max_decimals))} mio. kr."


def dkk_billions(low_millions, high_millions=None, *, unit: bool = True, max_decimals: int = 3) -> str:
    """An amount or a low–high range in million DKK, written in billions whatever its size, for tables and
    charts that keep one unit: '3,88 mia. kr.', '0,182 mia. kr.', '1–1,75 mia. kr.' ('1–1,75' without unit)."""
    if low_millions is None:
        return MISSING
    high_millions = low_millions if high_millions is None else high_millions
    figures = [_trim(number(Decimal(v) / 1000, max_decimals)) for v in (low_millions, high_millions)]
    text = figures[0] if figures[0] == figures[1] else "–".join(figures)
    return f"{text} mia. kr." if unit else text


def percent(value, decimals: int = 0) -> str:
    """'33 %' in Danish, '33%' in English."""
    if value is None:
        return MISSING
    return _("%(number)s %%") % {"number": number(value, decimals)}
