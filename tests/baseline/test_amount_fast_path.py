"""The loader's fast path for a plain number (`plain_amount`) accepts only what the full checks accept, with the
same exact Decimal: for any int or float, and either sign rule, it gives None or what `Reader` gives with every
check, and never for a cell the full checks report."""

from __future__ import annotations

import math
from decimal import Decimal

from hypothesis import example, given
from hypothesis import strategies as st

from hengelo_scenario.baseline import layout
from hengelo_scenario.baseline.sheets.cells import Reader, Table, plain_amount


def checked(value: object, negative: bool) -> tuple[Decimal, int]:
    """The amount and the number of problems from the full checks alone (the fast path bypassed)."""
    reader = Reader("b.xlsx", dict)
    table = Table(layout.LASTEN_BATEN_SHEET, "Lasten en baten", {}, {2025: 0})
    amount = reader._checked_amount(table, 2, 0, "2025", value, negative)
    return amount, len(reader.problems)


numbers = st.one_of(
    st.integers(min_value=-(10**17), max_value=10**17),
    st.floats(allow_nan=True, allow_infinity=True),
    st.floats(min_value=-1e16, max_value=1e16),
    st.floats(min_value=-1e-3, max_value=1e-3),
)


@given(numbers, st.booleans())
@example(10**15 - 1, False)
@example(10**15, False)
@example(-(10**15) + 1, True)
@example(1e15, True)
@example(999_999_999_999_999.9, False)
@example(-0.0, False)
@example(0.0, False)
@example(0.00012345678901234567, False)  # 20 decimals: allowed
@example(1.2345678901234567e-05, False)  # 21 decimals: a problem, so not the fast path
@example(1e-300, False)
@example(-1.5, False)
@example(-1.5, True)
@example(math.nan, True)
@example(math.inf, True)
def test_the_fast_path_agrees_with_every_check(value, negative):
    plain = plain_amount(value, negative)
    amount, problems = checked(value, negative)
    if plain is not None:
        assert problems == 0
        assert str(plain) == str(amount)  # the same Decimal to the digit, -0.0 and trailing zeros included
    reader = Reader("b.xlsx", dict)
    table = Table(layout.LASTEN_BATEN_SHEET, "Lasten en baten", {}, {2025: 0})
    reader.years = (2025,)
    (through_amounts,) = reader.amounts(table, 2, (value,), negative=negative)
    assert str(reader.amount(table, 2, (value,), 0, "2025", negative=negative)) == str(amount)
    assert str(through_amounts) == str(amount)
    assert len(reader.problems) == 2 * problems  # the same problems, once from each


@given(st.integers(min_value=0, max_value=10**14 - 1), st.integers(min_value=0, max_value=99))
def test_euros_and_cents_take_the_fast_path(euros, cents):
    value = euros + cents / 100
    assert plain_amount(value, False) == Decimal(repr(value))


@given(st.integers(min_value=-(10**14), max_value=10**14), st.booleans())
def test_an_int_in_range_takes_the_fast_path_unless_its_sign_is_refused(value, negative):
    assert (plain_amount(value, negative) is None) == (value < 0 and not negative)


def test_what_is_not_a_plain_number_gets_the_full_checks():
    for value in (None, "", "12", True, False, Decimal(1), 1e16, 1e-21):
        assert plain_amount(value, True) is None
