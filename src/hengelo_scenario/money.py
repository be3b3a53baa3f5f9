"""Exact money: Decimal euros, never rounded in between, rounded half away from zero only for display.

The engine computes inside `exact()`, a decimal context that raises instead of rounding, so a result that
would lose a digit fails loudly instead of drifting by a cent.
"""

from __future__ import annotations

import decimal
import re
from collections.abc import Iterator
from contextlib import contextmanager
from decimal import ROUND_HALF_UP, Decimal

ZERO = Decimal(0)
ONE = Decimal(1)
CENT = Decimal("0.01")

# Precision is only a ceiling here: an exact product of n-digit numbers has at most the sum of their digits, so
# a youth-care price compounded over decades (about 5 digits a year) stays far below it, and any result that would
# need rounding raises instead. 28 digits (Python's default) is not enough for three years of two growth rates.
EXACT_DIGITS = 10_000
_EXACT = decimal.Context(
    prec=EXACT_DIGITS,
    rounding=ROUND_HALF_UP,
    traps=[decimal.Inexact, decimal.InvalidOperation, decimal.DivisionByZero, decimal.Overflow],
)


_DISPLAY = decimal.Context(prec=120, rounding=ROUND_HALF_UP)  # rounding here is the point, so no traps


@contextmanager
def exact() -> Iterator[decimal.Context]:
    """Arithmetic in this block is exact or raises `decimal.Inexact`."""
    with decimal.localcontext(_EXACT) as context:
        yield context


def to_decimal(value: int | float | str | Decimal) -> Decimal:
    """A number from a spreadsheet or YAML as the Decimal a person reads in the cell.

    A float goes through its shortest repr (`0.1` -> `Decimal('0.1')`), which is what Excel shows, not the
    binary expansion (`Decimal(0.1)` = 0.1000000000000000055...).
    """
    if isinstance(value, Decimal):
        return value
    if isinstance(value, bool):
        raise TypeError("a boolean is not an amount")
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        return Decimal(repr(value))
    return Decimal(value)


def round_half_away(value: Decimal, quantum: Decimal = ONE) -> Decimal:
    """Round for display the way Excel and Dutch budgets do: 2.5 -> 3 and -2.5 -> -3 (not Python's round)."""
    return value.quantize(quantum, rounding=ROUND_HALF_UP, context=_DISPLAY)


_PERCENT = re.compile(r"^\s*([+-]?)\s*(\d+(?:[.,]\d+)?)\s*%\s*$")


def parse_percentage(text: str) -> Decimal:
    """'6%' -> Decimal('0.06'); '-2,5%' -> Decimal('-0.025'). Raises ValueError for anything else."""
    match = _PERCENT.match(text)
    if not match:
        raise ValueError(text)
    sign, digits = match.groups()
    number = Decimal(digits.replace(",", "."))
    with exact():
        fraction = number / 100
    return -fraction if sign == "-" else fraction


def format_percentage(fraction: Decimal) -> str:
    """Decimal('0.0489') -> '4.89%' (the form a scenario file uses)."""
    with exact():
        number = fraction * 100
    text = format(number.normalize(), "f")
    return f"{text}%"


def exact_text(value: Decimal) -> str | None:
    """Decimal('503000.0') -> '503000'; the canonical exact text, or None for a ratio that does not exist (NaN)."""
    if value.is_nan():
        return None
    text = format(normalized(value), "f")
    return "0" if text in ("-0", "0") else text


def normalized(value: Decimal) -> Decimal:
    """Trailing zeros stripped, every digit kept: `Decimal.normalize()` in the default context would round a value
    of more than 28 significant digits (an exact youth-care overrun has 30 by its third year)."""
    digits = len(value.as_tuple().digits)
    return value.normalize(decimal.Context(prec=max(digits, 28), rounding=ROUND_HALF_UP))
