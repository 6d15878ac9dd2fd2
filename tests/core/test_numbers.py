"""The one Danish number parser: a table of the cases that matter, and properties over many numbers."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core.formatting import number
from core.numbers import parse_number, parse_optional_number, plain


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1.776", Decimal(1776)),
        ("2,5", Decimal("2.5")),
        ("1.705,5", Decimal("1705.5")),
        ("-2,5", Decimal("-2.5")),
        ("\u22122,5", Decimal("-2.5")),
        ("+3", Decimal(3)),
        ("2.5", Decimal("2.5")),  # a dot that cannot be a thousands dot is a decimal point
        ("1.7760", Decimal("1.776")),
        ("1.000.000", Decimal(1000000)),
        ("1.000.000,25", Decimal("1000000.25")),
        (" 3 385 ", Decimal(3385)),
        ("3\u00a0385", Decimal(3385)),
        ("12", Decimal(12)),
        ("0,05", Decimal("0.05")),
        (12, Decimal(12)),
        (40.25, Decimal("40.25")),
        (Decimal("7.5"), Decimal("7.5")),
    ],
)
def test_danish_numbers_read_as_written(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize(
    "text",
    ["tolv", "1,776.5", "1e5", "NaN", "inf", "2,5,5", "1.77.6", ",5", "5,", "--2", "2-", "12%", "0x10", ""],
)
def test_anything_else_is_a_clear_error(text):
    with pytest.raises(ValueError, match="ikke et tal|mangler"):
        parse_number(text)


def test_booleans_and_infinite_floats_are_not_numbers():
    for value in (True, float("nan"), float("inf")):
        with pytest.raises(ValueError, match="ikke et tal"):
            parse_number(value)


def test_empty_is_none_only_where_asked():
    assert parse_optional_number("") is None and parse_optional_number(" \u00a0") is None
    assert parse_optional_number(None) is None
    assert parse_optional_number("1.776") == 1776


def test_the_form_helper_leaves_garbage_for_the_field_to_refuse():
    assert plain("1.705,5") == "1705.5" and plain("tolv") == "tolv" and plain(7) == 7


@given(st.decimals(min_value=-(10**9), max_value=10**9, places=3, allow_nan=False))
def test_what_the_portal_prints_it_reads_back(value):
    """core.formatting.number writes thousands dots and a decimal comma; the parser reads them back."""
    assert parse_number(number(value, 3)) == value


@given(st.integers(min_value=-(10**12), max_value=10**12))
def test_plain_integers_read_back(value):
    assert parse_number(str(value)) == value


@pytest.mark.parametrize(
    ("text", "value"), [("1.776", Decimal(1776)), ("2,5", Decimal("2.5")), ("-2,5", -2.5)]
)
def test_a_localized_form_reads_numbers_as_the_importers_do(text, value):
    from django import forms

    from core.forms import LocalizedForm

    class ValueForm(LocalizedForm):
        value = forms.DecimalField(max_digits=12, decimal_places=2)

    form = ValueForm({"value": text})
    assert form.is_valid() and form.cleaned_data["value"] == parse_number(text) == Decimal(str(value))


def test_a_localized_form_refuses_garbage_with_the_field_message():
    from django import forms

    from core.forms import LocalizedForm

    class CountForm(LocalizedForm):
        count = forms.IntegerField()

    form = CountForm({"count": "tolv"})
    assert not form.is_valid() and "count" in form.errors
