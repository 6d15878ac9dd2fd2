"""Danish formats: "1.776", "2,9 mia. kr.", "980 mio. kr.", "26. november 2026"."""

from datetime import date
from decimal import Decimal

from django.utils import formats

MONTHS = (
    "januar",
    "februar",
    "marts",
    "april",
    "maj",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "december",
)


def number(value, decimals: int = 0) -> str:
    """Thousands with a dot, decimals with a comma, independent of the active language."""
    if value is None:
        return "–"
    text = f"{Decimal(value):,.{decimals}f}"
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def _trim(text: str) -> str:
    return text.rstrip("0").rstrip(",") if "," in text else text


def dkk_millions(amount_millions, *, max_decimals: int = 3) -> str:
    """An amount given in million DKK, shown as the seed writes it: '980 mio. kr.', '2,9 mia. kr.'."""
    if amount_millions is None:
        return "–"
    amount = Decimal(amount_millions)
    if abs(amount) >= 1000:
        return f"{_trim(number(amount / 1000, max_decimals))} mia. kr."
    return f"{_trim(number(amount, max_decimals))} mio. kr."


def danish_date(value: date | None) -> str:
    if value is None:
        return "–"
    return f"{value.day}. {MONTHS[value.month - 1]} {value.year}"


def percent(value, decimals: int = 0) -> str:
    return "–" if value is None else f"{number(value, decimals)} %"


def localized(value) -> str:
    return formats.localize(value, use_l10n=True)
