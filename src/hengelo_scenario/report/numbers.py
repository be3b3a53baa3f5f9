"""Dutch number formatting for display: `1.234`, `-1.234`, `346 V`, `2,38`, `0,80%`.

Only here are amounts rounded, half away from zero, per displayed figure; totals are computed from unrounded
values, so a displayed total can differ by rounding from the sum of displayed parts (the footnote says so).
"""

from __future__ import annotations

from decimal import Decimal
from enum import StrEnum

from hengelo_scenario.money import ONE, round_half_away
from hengelo_scenario.outcome.figures import Kind


class Unit(StrEnum):
    THOUSANDS = "duizend"
    EUROS = "euro"

    @property
    def legend(self) -> str:
        return "bedragen x € 1.000" if self is Unit.THOUSANDS else "bedragen in euro's"


SIGN_LEGEND = "saldi en verschillen: + = voordelig, − = nadelig; V = voordelig, N = nadelig"
ROUNDING_NOTE = (
    "Elk bedrag is afzonderlijk afgerond (half van nul af); door afronding kunnen totalen afwijken van de som "
    "van de getoonde bedragen. De berekening zelf is exact."
)


def _group(digits: str) -> str:
    groups: list[str] = []
    while len(digits) > 3:
        groups.insert(0, digits[-3:])
        digits = digits[:-3]
    groups.insert(0, digits)
    return ".".join(groups)


def dutch_number(value: Decimal, decimals: int = 0) -> str:
    """1234567.891 -> '1.234.568' (decimals=0) or '1.234.567,89' (decimals=2); '-' for negatives."""
    quantum = ONE if decimals == 0 else Decimal(1).scaleb(-decimals)
    rounded = round_half_away(value, quantum)
    sign = "-" if rounded < 0 else ""
    text = format(abs(rounded), "f")
    whole, _, fraction = text.partition(".")
    result = sign + _group(whole)
    if fraction:
        result += "," + fraction
    return result


def scaled(value: Decimal, unit: Unit) -> Decimal:
    return value.scaleb(-3) if unit is Unit.THOUSANDS else value


def money(value: Decimal, unit: Unit = Unit.THOUSANDS) -> str:
    """An amount or saldo, signed: + is voordelig for a saldo."""
    return dutch_number(scaled(value, unit))


def vn(effect: Decimal, unit: Unit = Unit.THOUSANDS) -> str:
    """A difference by its effect on the budget: '346 V', '95 N', '0' when there is none."""
    if effect == 0:
        return "0"
    letter = "V" if effect > 0 else "N"
    return f"{dutch_number(abs(scaled(effect, unit)))} {letter}"


def ratio(value: Decimal | None) -> str:
    """A weerstandsratio: '2,38'; '-' when it cannot be computed."""
    if value is None or value.is_nan():
        return "-"
    return dutch_number(value, decimals=2)


def percentage(fraction: Decimal | None) -> str:
    """A fraction as a Dutch percentage: 0.0080 -> '0,80%'."""
    if fraction is None or fraction.is_nan():
        return "-"
    return dutch_number(fraction * 100, decimals=2) + "%"


def percentage_points(fraction: Decimal | None) -> str:
    """A difference of two percentages, in procentpunten: 0.0074 -> "0,74%-punt" (not '0,74%', which would be a
    relative change)."""
    if fraction is None or fraction.is_nan():
        return "-"
    return dutch_number(fraction * 100, decimals=2) + "%-punt"


def plain(value: Decimal, decimals: int = 0) -> str:
    """A price or a volume, not in thousands."""
    return dutch_number(value, decimals)


def shown(value: Decimal | str | None, kind: Kind, unit: Unit = Unit.THOUSANDS) -> str:
    """A table cell as every renderer shows it (the terminal, and the Excel column widths): by its kind."""
    if value is None:
        return "-"
    if isinstance(value, str):
        return value
    if value.is_nan():
        return "-"
    if kind is Kind.EFFECT:
        return vn(value, unit)
    if kind is Kind.RATIO:
        return ratio(value)
    if kind is Kind.PERCENT:
        return percentage(value)
    if kind is Kind.PERCENTAGE_POINT:
        return percentage_points(value)
    if kind is Kind.PRICE:
        return plain(value, decimals=2)
    if kind is Kind.VOLUME:
        return plain(value, decimals=0 if value == value.to_integral_value() else 1)
    return money(value, unit)
