"""Dutch number formatting and display rounding."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hengelo_scenario.report.numbers import Unit, dutch_number, money, percentage, ratio, vn


@pytest.mark.parametrize(
    ("value", "decimals", "text"),
    [
        ("0", 0, "0"),
        ("999", 0, "999"),
        ("1234", 0, "1.234"),
        ("-1234567", 0, "-1.234.567"),
        ("1234.5", 0, "1.235"),  # half away from zero ...
        ("-1234.5", 0, "-1.235"),  # ... on both sides
        ("2.5", 0, "3"),  # Python's round(2.5) would give 2
        ("1234.565", 2, "1.234,57"),
        ("0.004", 2, "0,00"),
    ],
)
def test_dutch_number(value: str, decimals: int, text: str):
    assert dutch_number(Decimal(value), decimals) == text


def test_money_in_thousands_and_euros():
    assert money(Decimal("503000")) == "503"
    assert money(Decimal("509500")) == "510"  # 509,5 thousand rounds up
    assert money(Decimal("-96000")) == "-96"
    assert money(Decimal("503000"), Unit.EUROS) == "503.000"


def test_differences_read_as_voordelig_or_nadelig():
    assert vn(Decimal("346000")) == "346 V"
    assert vn(Decimal("-95000")) == "95 N"
    assert vn(Decimal("0")) == "0"
    assert vn(Decimal("-400")) == "0 N"  # a small nadeel is still a nadeel, even if it rounds to 0
    assert vn(Decimal("-509000"), Unit.EUROS) == "509.000 N"


def test_ratio_and_percentage():
    assert ratio(Decimal("2.235294")) == "2,24"
    assert ratio(None) == "-"
    assert ratio(Decimal("NaN")) == "-"
    assert percentage(Decimal("0.0079925650557620817843866171")) == "0,80%"


@given(st.integers(min_value=-(10**15), max_value=10**15))
def test_formatting_round_trips_whole_euros(cents: int):
    value = Decimal(cents) / 100
    text = dutch_number(value, decimals=2)
    assert Decimal(text.replace(".", "").replace(",", ".")) == value
