from datetime import date
from decimal import Decimal

import pytest

from core import formatting
from core.forms import LocalizedForm


@pytest.mark.parametrize(
    ("millions", "text"),
    [
        (980, "980 mio. kr."),
        (2900, "2,9 mia. kr."),
        (182, "182 mio. kr."),
        (20900, "20,9 mia. kr."),
        (1750, "1,75 mia. kr."),
        (1000, "1 mia. kr."),
        (None, "–"),
    ],
)
def test_amounts_are_written_the_danish_way(millions, text):
    assert formatting.dkk_millions(millions) == text


def test_numbers_and_dates_are_danish():
    assert formatting.number(1776) == "1.776"
    assert formatting.number(Decimal("1705.5"), 1) == "1.705,5"
    assert formatting.danish_date(date(2026, 11, 26)) == "26. november 2026"
    assert formatting.percent(Decimal("33")) == "33 %"


def test_forms_accept_a_decimal_comma_and_a_thousands_dot():
    from django import forms

    class ValueForm(LocalizedForm):
        value = forms.DecimalField(max_digits=12, decimal_places=2)
        places = forms.IntegerField()

    form = ValueForm({"value": "2,5", "places": "1.776"})
    assert form.is_valid(), form.errors
    assert form.cleaned_data == {"value": Decimal("2.5"), "places": 1776}


def test_forms_refuse_text_in_number_fields_with_a_message():
    from django import forms

    class ValueForm(LocalizedForm):
        value = forms.DecimalField(max_digits=12, decimal_places=2)

    form = ValueForm({"value": "mange"})
    assert not form.is_valid()
    assert form.errors["value"]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1.776", 1776),
        ("1.705,5", Decimal("1705.5")),
        ("2,5", Decimal("2.5")),
        ("2.5", Decimal("2.5")),
        (" 3 385 ", 3385),
        ("-2,5", Decimal("-2.5")),
        ("1.000.000", 1000000),
    ],
)
def test_danish_numbers_parse_to_plain_ones(text, value):
    from core.forms import danish_to_plain

    assert Decimal(danish_to_plain(text)) == value


def test_a_localized_decimal_shows_with_a_comma():
    from django import forms
    from django.utils import translation

    class ValueForm(LocalizedForm):
        value = forms.DecimalField(max_digits=12, decimal_places=2)

    with translation.override("da"):
        assert 'value="2,5"' in str(ValueForm(initial={"value": Decimal("2.5")})["value"])


def test_hidden_number_fields_stay_hidden():
    from django import forms

    class VersionForm(LocalizedForm):
        version = forms.IntegerField(widget=forms.HiddenInput)

    assert 'type="hidden"' in str(VersionForm(initial={"version": 3})["version"])
