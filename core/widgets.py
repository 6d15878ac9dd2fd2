"""Form widgets for the portal's number fields.

Figures in pages carry the language's thousands separator ("1.776", "1,776"); figures in inputs do not:
LocalizedFormMixin parses the Danish way, and would read an English "1,776" as 1.776.
"""

from datetime import datetime
from decimal import Decimal
from typing import TYPE_CHECKING

from django import forms
from django.utils import formats, numberformat


def ungrouped_number(value) -> str:
    """A number with the active language's decimal separator and no thousands separator: "1776,5"."""
    return numberformat.format(value, formats.get_format("DECIMAL_SEPARATOR"), grouping=0, thousand_sep="")


# The mixin is put before a Widget class; the checker must know that super() is a Widget.
if TYPE_CHECKING:
    _WidgetBase = forms.Widget
else:
    _WidgetBase = object


class UngroupedNumberMixin(_WidgetBase):
    def format_value(self, value):
        if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
            return ungrouped_number(value)
        return super().format_value(value)


class NumberTextInput(UngroupedNumberMixin, forms.TextInput):
    """A number typed as text: browsers' number inputs reject "2,5" before the server sees it.

    min, max and step are HTML for type="number" only (the W3C Nu checker refuses them on a text input):
    they are dropped here; the field's own validators still check the range on the server.
    """

    NUMBER_ONLY_ATTRS = ("min", "max", "step")

    def __init__(self, attrs: dict | None = None) -> None:
        attrs = {k: v for k, v in (attrs or {}).items() if k not in self.NUMBER_ONLY_ATTRS}
        super().__init__(attrs={"inputmode": "decimal", **attrs})


class NumberHiddenInput(UngroupedNumberMixin, forms.HiddenInput):
    """A hidden number (a version): "1000", never "1.000"."""


class YearInput(forms.TextInput):
    """A year shown as typed, "2023": not even localised (the mixin marks every number widget so)."""

    def __init__(self, attrs: dict | None = None) -> None:
        super().__init__(attrs={"inputmode": "numeric", **(attrs or {})})

    def format_value(self, value) -> str | None:
        if value is None or value == "":
            return None
        return str(value)


class IsoDateInput(forms.DateInput):
    """A browser date picker (type="date"). Its value must be an ISO date to be valid HTML, so text that
    did not parse is not echoed back (a browser would blank it anyway); the field's error says why."""

    input_type = "date"

    def __init__(self, attrs: dict | None = None) -> None:
        super().__init__(attrs=attrs, format="%Y-%m-%d")

    typed_formats = ("%Y-%m-%d", "%d-%m-%Y", "%d.%m.%Y")

    def format_value(self, value):
        if isinstance(value, str) and value:
            for fmt in self.typed_formats:
                try:
                    return datetime.strptime(value.strip(), fmt).date().isoformat()
                except ValueError:
                    continue
            return None
        return super().format_value(value)
