"""The allocation calculator: largest remainder (Hamilton), sums exactly, deterministic tie-break."""

import math
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from education.calculator import AllocationError, allocate


def places(result) -> dict[str, int]:
    return {share.name: share.places for share in result}


def test_it_gives_each_its_quota_when_the_quotas_are_whole():
    result = allocate(10, {"A": 6, "B": 4})
    assert places(result) == {"A": 6, "B": 4}
    assert [s.quota for s in result] == [Fraction(6), Fraction(4)]


def test_hand_computed_example_gives_the_leftover_to_the_largest_remainders():
    # total 10, keys 5/3/2 of 10 → no remainders; keys 1/1/1 → 3⅓ each: one leftover.
    # keys 45/35/20, total 7: quotas 3.15, 2.45, 1.40 → floors 3, 2, 1 = 6; one left → B (0.45).
    result = allocate(7, {"A": 45, "B": 35, "C": 20})
    assert places(result) == {"A": 3, "B": 3, "C": 1}
    assert [s.quota for s in result] == [Fraction(63, 20), Fraction(49, 20), Fraction(7, 5)]
    assert [s.key_share for s in result] == [Fraction(45, 100), Fraction(35, 100), Fraction(20, 100)]


def test_a_tie_on_remainder_goes_to_the_larger_key():
    # total 3, keys 3 and 1 and... quotas: A=3*3/6=1.5, B=3*1/6=0.5?  Use keys giving equal remainders:
    # keys A=3, B=1, C=2, total 2: quotas 1, 1/3, 2/3 → floors 1,0,0; one left → C (2/3).
    assert places(allocate(2, {"A": 3, "B": 1, "C": 2})) == {"A": 1, "B": 0, "C": 1}
    # keys A=3, B=1 total 2: quotas 1.5 and 0.5 → floors 1, 0, one left: remainders equal (0.5), A larger key.
    assert places(allocate(2, {"A": 3, "B": 1})) == {"A": 2, "B": 0}


def test_a_full_tie_goes_to_the_municipality_first_in_the_alphabet():
    assert places(allocate(1, {"Brøndby": 1, "Albertslund": 1})) == {"Brøndby": 0, "Albertslund": 1}
    assert places(allocate(2, {"C": 1, "B": 1, "A": 1})) == {"C": 0, "B": 1, "A": 1}


def test_it_keeps_the_order_of_the_key():
    result = allocate(5, {"Z": 1, "A": 1})
    assert [s.name for s in result] == ["Z", "A"]


def test_it_accepts_decimal_keys():
    result = allocate(3, {"A": Decimal("1.5"), "B": Decimal("1.5")})
    assert sum(places(result).values()) == 3


def test_it_reproduces_the_2023_assistant_total_from_the_2022_key():
    from education.seed_data import ALLOCATION_TABLE

    key = {row[0]: row[3] for row in ALLOCATION_TABLE}
    result = allocate(1776, key)
    assert sum(s.places for s in result) == 1776


def test_it_refuses_an_all_zero_key():
    with pytest.raises(AllocationError, match="nøglen er 0"):
        allocate(10, {"A": 0, "B": 0})


def test_it_refuses_an_empty_key():
    with pytest.raises(AllocationError):
        allocate(10, {})


def test_it_refuses_a_negative_key():
    with pytest.raises(AllocationError, match="negativ"):
        allocate(10, {"A": 5, "B": -1})


def test_it_refuses_a_negative_total():
    with pytest.raises(AllocationError):
        allocate(-1, {"A": 1})


def test_zero_total_gives_zero_places():
    assert places(allocate(0, {"A": 1, "B": 2})) == {"A": 0, "B": 0}


keys = st.dictionaries(
    st.text(min_size=1, max_size=6), st.integers(min_value=0, max_value=10_000), min_size=1, max_size=40
).filter(lambda d: sum(d.values()) > 0)


@settings(max_examples=300, deadline=None)
@given(total=st.integers(min_value=0, max_value=100_000), key=keys)
def test_property_the_places_sum_to_the_total(total, key):
    assert sum(s.places for s in allocate(total, key)) == total


@settings(max_examples=300, deadline=None)
@given(total=st.integers(min_value=0, max_value=100_000), key=keys)
def test_property_each_gets_its_quota_rounded_down_or_up(total, key):
    for share in allocate(total, key):
        assert share.quota == Fraction(total * key[share.name], sum(key.values()))
        assert share.places in (math.floor(share.quota), math.ceil(share.quota))


@settings(max_examples=300, deadline=None)
@given(total=st.integers(min_value=0, max_value=100_000), key=keys)
def test_property_a_larger_key_never_gets_fewer_places(total, key):
    result = allocate(total, key)
    for a in result:
        for b in result:
            if key[a.name] > key[b.name]:
                assert a.places >= b.places


@settings(max_examples=100, deadline=None)
@given(total=st.integers(min_value=0, max_value=5_000), key=keys)
def test_property_it_is_deterministic_whatever_the_order_of_the_key(total, key):
    reversed_key = dict(reversed(list(key.items())))
    assert places(allocate(total, key)) == places(allocate(total, reversed_key))
