"""The quick ways `check` writes and compares figures give what the plain Decimal ways give, value for value."""

from __future__ import annotations

import decimal
from decimal import ROUND_HALF_UP, Decimal

from hypothesis import given
from hypothesis import strategies as st

from hengelo_scenario.check.compare import compare_snapshots
from hengelo_scenario.check.snapshot import Header, Row, RowKind, Snapshot, money_text, number_text

CENT = Decimal("0.01")


def _normalized(value: Decimal) -> Decimal:
    digits = len(value.as_tuple().digits)
    return value.normalize(decimal.Context(prec=max(digits, 28), rounding=ROUND_HALF_UP))


def reference_money_text(value: Decimal) -> str:
    """money_text as it was written first: normalize with every digit, then quantize to cents if shorter."""
    if value.is_nan():
        return "-"
    if value == 0:
        return "0.00"
    normal = _normalized(value)
    exponent = normal.as_tuple().exponent
    if isinstance(exponent, int) and exponent >= -2:
        normal = normal.quantize(CENT)
    return format(normal, "f")


def reference_number_text(value: Decimal) -> str:
    if value.is_nan():
        return "-"
    if value == 0:
        return "0"
    return format(_normalized(value), "f")


amounts = st.one_of(
    st.decimals(allow_nan=True, allow_infinity=True, places=None, min_value=None, max_value=None),
    st.decimals(min_value=Decimal("-1e12"), max_value=Decimal("1e12"), places=2),
    st.builds(
        lambda digits, exponent, sign: Decimal((sign, digits, exponent)),
        st.lists(st.integers(0, 9), min_size=1, max_size=40).map(tuple),
        st.integers(-40, 10),
        st.integers(0, 1),
    ),
)


@given(amounts)
def test_money_text_is_the_decimal_way(value):
    assert money_text(value) == reference_money_text(value)


@given(amounts)
def test_number_text_is_the_decimal_way(value):
    assert number_text(value) == reference_number_text(value)


def test_money_text_examples_worked_out_by_hand():
    assert money_text(Decimal("-0.5")) == "-0.50"
    assert money_text(Decimal("1.2300")) == "1.23"
    assert money_text(Decimal("1.23400")) == "1.234"
    assert money_text(Decimal("7E+2")) == "700.00"
    assert number_text(Decimal("7E+2")) == "700"
    assert number_text(Decimal("-0.0500")) == "-0.05"


HEADER = Header("hengelo-scenario 0", "s.yaml", "a" * 64, "b.xlsx", "b" * 64)


def _snapshot(*values: str, kind: RowKind = RowKind.MONEY) -> Snapshot:
    return Snapshot(HEADER, (2025, 2026), (Row("overzicht", "saldo", values, kind),))


def test_the_same_text_matches_and_other_text_is_still_compared_by_value():
    assert compare_snapshots(_snapshot("1.00", "2.50"), _snapshot("1.00", "2.50"), Decimal(0), "f") == ()
    # written differently, the same amount: compared as numbers, as before the shortcut
    assert compare_snapshots(_snapshot("1.0", "2.5"), _snapshot("1.00", "2.50"), Decimal(0), "f") == ()
    (moved,) = compare_snapshots(_snapshot("1.00", "2.50"), _snapshot("1.00", "2.51"), Decimal(0), "f")
    assert (moved.year, moved.expected, moved.found) == (2026, Decimal("2.50"), Decimal("2.51"))
    assert compare_snapshots(_snapshot("1.00", "2.50"), _snapshot("1.00", "2.51"), Decimal("0.01"), "f") == ()
    (text,) = compare_snapshots(_snapshot("A", "B", kind=RowKind.TEXT), _snapshot("A", "C", kind=RowKind.TEXT), 0, "f")
    assert (text.expected, text.found) == ("B", "C")
