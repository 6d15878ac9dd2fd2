"""The one reader of numbers written the Danish way, used by every form and every importer.

Rules (Danish usage, as in the source documents):
- a comma is the decimal mark: "2,5" is 2.5;
- a dot followed by groups of exactly three digits is a thousands dot: "1.776" is 1776, "1.705,5" is 1705.5;
- any other single dot is a decimal point, because it cannot be a thousands dot: "2.5" is 2.5, "1.7760"
  is 1.776 (so figures copied from English software still read, and nothing is silently scaled);
- spaces, no-break spaces and thin spaces are thousands separators: "3 385" is 3385;
- a leading "+", "-" or the typographic minus "−" is the sign.
Anything else (letters, "1,776.5", "1e5", "NaN", two commas) raises ValueError with a Danish message.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

_SPACES = str.maketrans("", "", " \u00a0\u202f\u2009\t")
_THOUSANDS_DOT = re.compile(r"[+-]?\d{1,3}(\.\d{3})+(,\d+)?")
_DECIMAL_COMMA = re.compile(r"[+-]?\d+(,\d+)?")
_DECIMAL_POINT = re.compile(r"[+-]?\d+\.\d+")


def parse_number(value: object) -> Decimal:
    """A Decimal from Danish text (or from a number a spreadsheet cell already holds)."""
    if isinstance(value, bool):
        raise ValueError(_("«%(value)s» er ikke et tal.") % {"value": value})
    if isinstance(value, int | Decimal):
        number = Decimal(value)
    elif isinstance(value, float):
        number = Decimal(repr(value))  # the shortest text that reads back as the same float
    else:
        number = _parse_text(str(value))
    if not number.is_finite():
        raise ValueError(_("«%(value)s» er ikke et tal.") % {"value": value})
    return number


def parse_optional_number(value: object) -> Decimal | None:
    """As parse_number, but an empty cell or field is None."""
    if value is None or (isinstance(value, str) and not value.translate(_SPACES)):
        return None
    return parse_number(value)


def _parse_text(text: str) -> Decimal:
    cleaned = text.strip().replace("\u2212", "-").translate(_SPACES)
    if not cleaned:
        raise ValueError(_("Tallet mangler."))
    if _THOUSANDS_DOT.fullmatch(cleaned):
        cleaned = cleaned.replace(".", "").replace(",", ".")
    elif _DECIMAL_COMMA.fullmatch(cleaned):
        cleaned = cleaned.replace(",", ".")
    elif not _DECIMAL_POINT.fullmatch(cleaned):
        raise ValueError(
            _("«%(value)s» er ikke et tal. Skriv fx 1.776 eller 2,5.") % {"value": text.strip()[:40]}
        )
    try:
        return Decimal(cleaned)
    except InvalidOperation:  # pragma: no cover - the patterns above admit only valid decimals
        raise ValueError(_("«%(value)s» er ikke et tal.") % {"value": text.strip()[:40]}) from None


def plain(value: object) -> object:
    """For a Django field's to_python: Danish text becomes "1705.5"; what does not parse is left as it was,
    so the field answers with its own message."""
    if not isinstance(value, str):
        return value
    try:
        return format(parse_number(value), "f")
    except ValueError:
        return value
