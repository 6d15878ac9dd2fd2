from datetime import date
from decimal import Decimal

import pytest
from django.utils import formats, translation

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
    assert formats.date_format(date(2026, 11, 26)) == "26. november 2026"
    assert formatting.percent(Decimal("33")) == "33 %"


@pytest.mark.parametrize(
    ("millions", "text"),
    [
        (980, "980 mio. kr."),
        (2900, "2.9 mia. kr."),
        (1750, "1.75 mia. kr."),
        (20900, "20.9 mia. kr."),
        (None, "–"),
    ],
)
def test_amounts_in_english_keep_the_units_and_take_the_decimal_point(millions, text):
    with translation.override("en"):
        assert formatting.dkk_millions(millions) == text


def test_numbers_and_dates_are_english_in_english():
    with translation.override("en"):
        assert formatting.number(1776) == "1,776"
        assert formatting.number(Decimal("1705.5"), 1) == "1,705.5"
        assert formats.date_format(date(2026, 11, 26)) == "Nov. 26, 2026"
        assert formatting.percent(Decimal("33")) == "33%"


def test_numbers_round_to_the_decimals_shown_rather_than_cut_off():
    assert formatting.number(Decimal("1705.56"), 1) == "1.705,6"
    assert formatting.number(Decimal("99.96"), 1) == "100,0"
    assert formatting.number(Decimal("2.5")) == "2"  # half to even, as before
    assert formatting.number(None) == "–"
    assert formatting.percent(None) == "–"


def test_templates_print_figures_and_dates_in_the_active_language():
    from django.template import Context, Template

    template = Template(
        "{% load kkr %}{{ places|number }} · {{ share|percent:1 }} · {{ amount|dkk_millions }} · {{ day|date }}"
    )
    context = Context({"places": 1776, "share": Decimal("33.35"), "amount": 2900, "day": date(2026, 11, 26)})
    assert template.render(context) == "1.776 · 33,4 % · 2,9 mia. kr. · 26. november 2026"
    with translation.override("en"):
        assert template.render(context) == "1,776 · 33.4% · 2.9 mia. kr. · Nov. 26, 2026"


def test_years_printed_with_unlocalize_keep_no_separator():
    from django.template import Context, Template

    template = Template("{% load l10n %}{{ year }} / {{ year|unlocalize }}")
    for language, grouped in (("da", "2.023"), ("en", "2,023")):
        with translation.override(language):
            assert template.render(Context({"year": 2023})) == f"{grouped} / 2023"


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
    from core.numbers import plain

    assert Decimal(plain(text)) == value


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


@pytest.mark.parametrize(("language", "shown"), [("da", "1776,50"), ("en", "1776.50")])
def test_number_inputs_show_no_thousands_separator_and_read_back_the_same(language, shown):
    """Pages group figures; inputs must not: the parsing would read an English "1,776.50" wrongly."""
    import re

    from django import forms

    class ValueForm(LocalizedForm):
        value = forms.DecimalField(max_digits=12, decimal_places=2)
        places = forms.IntegerField()
        version = forms.IntegerField(widget=forms.HiddenInput)

    with translation.override(language):
        form = ValueForm(initial={"value": Decimal("1776.50"), "places": 1776, "version": 1000})
        values = {name: re.search(r'value="([^"]*)"', str(form[name])).group(1) for name in form.fields}
        assert values == {"value": shown, "places": "1776", "version": "1000"}
        bound = ValueForm(values)
        assert bound.is_valid(), bound.errors
        assert bound.cleaned_data == {"value": Decimal("1776.50"), "places": 1776, "version": 1000}


def test_a_year_input_shows_the_year_as_written():
    from django import forms

    from core.widgets import YearInput

    class YearForm(LocalizedForm):
        year = forms.IntegerField(widget=YearInput)

    for language in ("da", "en"):
        with translation.override(language):
            assert 'value="2024"' in str(YearForm(initial={"year": 2024})["year"])


def test_number_text_inputs_carry_no_number_only_attributes_but_the_range_is_still_checked():
    """min/max/step are valid HTML on type="number" only (the W3C Nu checker refuses them on text)."""
    from django import forms

    class RangeForm(LocalizedForm):
        share = forms.DecimalField(min_value=0, max_value=100, decimal_places=1)
        count = forms.IntegerField(min_value=1)

    form = RangeForm()
    for name in ("share", "count"):
        html = str(form[name])
        assert 'type="text"' in html
        assert " min=" not in html and " max=" not in html and " step=" not in html
    bound = RangeForm({"share": "100,5", "count": "0"})
    assert not bound.is_valid()
    assert set(bound.errors) == {"share", "count"}
