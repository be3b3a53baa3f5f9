"""Small pieces the levers of the 2025-2028 budget share: checked values, and finding their lines (or what to mark).

Defines no `LEVER`, so the registry skips it.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Any

from pydantic import PlainValidator, WithJsonSchema

from hengelo_scenario.baseline.model import Line, Soort
from hengelo_scenario.money import ZERO, to_decimal
from hengelo_scenario.scenario.context import ResolveContext
from hengelo_scenario.scenario.paths import FieldPath
from hengelo_scenario.scenario.values import describe, scenario_error

__all__ = ["OnOff", "PositiveAmount", "Switch", "WholeYears", "baat_lines", "is_zero", "lines_or_problem"]


def _positive_amount(value: Any) -> Decimal:
    expected = "an amount in euros above 0, with at most 2 decimals"
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
        raise scenario_error(expected, describe(value), "write an amount such as 8000000 (no separators)")
    number = to_decimal(value) if isinstance(value, float) else Decimal(value)
    if not number.is_finite() or number <= 0:
        raise scenario_error(expected, describe(number), "an investment has a positive amount")
    if int(number.as_tuple().exponent) < -2:
        raise scenario_error(
            expected,
            format(number, "f"),
            f"{format(number, 'f')} looks like a Dutch thousands separator: write the euros without separators",
        )
    return number


def _whole_years(value: Any) -> int:
    expected = "a whole number of years, 1 or more (such as 40)"
    if isinstance(value, bool) or not isinstance(value, int):
        if isinstance(value, Decimal | float) and value == int(value) and value >= 1:
            return int(value)
        raise scenario_error(expected, describe(value), "write the term in whole years, such as 40")
    if value < 1:
        raise scenario_error(expected, str(value), "an asset is written off over at least one year")
    return value


def _on_off(value: Any) -> bool:
    expected = "aan or uit"
    if isinstance(value, str):
        text = " ".join(value.split()).casefold()
        if text == "aan":
            return True
        if text == "uit":
            return False
    hint = "write `aan` to take the proposal into the budget, `uit` to leave it out"
    raise scenario_error(expected, describe(value), hint)


def _switch(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    raise scenario_error("true or false", describe(value), "write `lopende_prijzen: true`")


PositiveAmount = Annotated[
    Decimal,
    PlainValidator(_positive_amount),
    WithJsonSchema({"type": "number", "exclusiveMinimum": 0, "examples": [8000000]}),
]
WholeYears = Annotated[int, PlainValidator(_whole_years), WithJsonSchema({"type": "integer", "minimum": 1})]
OnOff = Annotated[bool, PlainValidator(_on_off), WithJsonSchema({"type": "string", "enum": ["aan", "uit"]})]
Switch = Annotated[bool, PlainValidator(_switch), WithJsonSchema({"type": "boolean"})]


def is_zero(amounts: tuple[Decimal, ...] | list[Decimal]) -> bool:
    return all(a == ZERO for a in amounts)


def baat_lines(lines: tuple[Line, ...]) -> tuple[Line, ...]:
    return tuple(x for x in lines if x.soort is Soort.BAAT)


def lines_or_problem(ctx: ResolveContext, prefix: str, path: FieldPath, what: str, example: str) -> tuple[Line, ...]:
    """The baat lines whose Sleutel starts with `prefix`; a problem saying what to mark when there are none."""
    lines = baat_lines(ctx.baseline.lines_with_prefix(prefix))
    if not lines:
        ctx.problem(
            path,
            f"{what} in the baseline: a baat line on sheet 'Lasten en baten' whose Sleutel starts with '{prefix}'",
            "none in the baseline workbook",
            f"give the line the Sleutel '{example}' in sheet 'Lasten en baten', or remove the section",
            "scenario.missing-line",
        )
    return lines
