from typing import TYPE_CHECKING

from django import forms

from core.numbers import plain
from core.widgets import NumberHiddenInput, NumberTextInput

# Widgets that would print "1.776" (or an English "1,776", which the parsing below reads as 1.776).
_UNGROUPED = {forms.TextInput: NumberTextInput, forms.HiddenInput: NumberHiddenInput}


# The mixin is put before a Form class; the checker must know that self.fields exists.
if TYPE_CHECKING:
    _FormBase = forms.BaseForm
else:
    _FormBase = object


class LocalizedFormMixin(_FormBase):
    """Number fields accept the Danish decimal comma and thousands dot ("1.776", "2,5")."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if isinstance(field, forms.DecimalField | forms.FloatField | forms.IntegerField):
                # Parse the Danish way ourselves: Django only strips thousands separators when
                # USE_THOUSAND_SEPARATOR is on, which would also print years as "2.023".
                field.localize = False
                # Per field instance, on purpose: the field class stays Django's own.
                field.to_python = _danish(field.to_python)  # type: ignore[method-assign]
                if isinstance(field.widget, forms.NumberInput):
                    # A text input: browsers' number inputs reject "2,5" before the server sees it.
                    field.widget = NumberTextInput(attrs=field.widget.attrs)
                elif type(field.widget) in _UNGROUPED:
                    field.widget = _UNGROUPED[type(field.widget)](attrs=field.widget.attrs)
                field.widget.is_localized = True  # shows 2,5 rather than 2.5, and never a thousands separator


def _danish(to_python):
    def parse(value):
        return to_python(plain(value))

    return parse


class LocalizedModelForm(LocalizedFormMixin, forms.ModelForm):
    pass


class LocalizedForm(LocalizedFormMixin, forms.Form):
    pass
