"""Sheet 'Risico's': the risk register, each risk with a chance and a point or a range of impact."""

from __future__ import annotations

import math
from decimal import Decimal

from hengelo_scenario.baseline import layout
from hengelo_scenario.baseline.model import Risico
from hengelo_scenario.baseline.sheets import programmas
from hengelo_scenario.baseline.sheets.cells import Reader, Table, cell_text, is_blank, money
from hengelo_scenario.money import to_decimal


def _optional_amount(reader: Reader, table: Table, row: int, values: tuple[object, ...], name: str) -> Decimal | None:
    index = table.columns[name]
    if index >= len(values) or is_blank(values[index]):
        return None
    return reader.amount(table, row, values, index, name)


def _kans(reader: Reader, table: Table, row: int, values: tuple[object, ...]) -> Decimal | None:
    index = table.columns[layout.KANS]
    value = values[index] if index < len(values) else None
    expected = "a chance between 0% and 100% (a percentage, or a number from 0 to 1)"
    if is_blank(value):
        reader.problem(table.where(row, index), layout.KANS, expected, "an empty cell", code="baseline.risk-register")
        return None
    if isinstance(value, str):
        from hengelo_scenario.money import parse_percentage

        try:
            kans = parse_percentage(value)
        except (ValueError, ArithmeticError):
            reader.problem(
                table.where(row, index),
                layout.KANS,
                expected,
                f"text '{value.strip()}'",
                "write 30% or 0.3",
                code="baseline.risk-register",
            )
            return None
    elif isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value):
        kans = to_decimal(value)
    else:
        reader.problem(table.where(row, index), layout.KANS, expected, f"'{value}'", code="baseline.risk-register")
        return None
    if not 0 <= kans <= 1:
        hint = f"write {cell_text(value)}% as {kans / 100}" if 1 < kans <= 100 else ""
        reader.problem(
            table.where(row, index), layout.KANS, expected, cell_text(value), hint, code="baseline.risk-register"
        )
        return None
    return kans


def read(reader: Reader, table: Table | None) -> tuple[Risico, ...]:
    result: list[Risico] = []
    names: dict[str, int] = {}
    for row, values in reader.rows(table):
        assert table is not None
        naam = reader.text(table, row, values, layout.RISICO, "the name of the risk")
        reader.unique(table, row, layout.RISICO, naam, names, "a risk name")
        programma = programmas.programma(reader, table, row, values)
        kans = _kans(reader, table, row, values)
        point = _optional_amount(reader, table, row, values, layout.IMPACT)
        low = _optional_amount(reader, table, row, values, layout.IMPACT_MIN)
        high = _optional_amount(reader, table, row, values, layout.IMPACT_MAX)
        aard = reader.choice(table, row, values, layout.AARD, layout.AARDEN)
        source = reader.optional_text(table, row, values, layout.BRON) or ""
        where = f"sheet '{table.title}', row {row}"
        if point is not None and (low is not None or high is not None):
            reader.problem(
                where,
                layout.IMPACT,
                f"either '{layout.IMPACT}' or '{layout.IMPACT_MIN}' and '{layout.IMPACT_MAX}'",
                "both",
                "keep the point estimate or the range",
                code="baseline.risk-register",
            )
            continue
        if point is None and (low is None or high is None):
            found = "neither" if low is None and high is None else "only one end of the range"
            reader.problem(
                where,
                layout.IMPACT,
                f"'{layout.IMPACT}', or '{layout.IMPACT_MIN}' and '{layout.IMPACT_MAX}'",
                found,
                "give the financial impact of the risk",
                code="baseline.risk-register",
            )
            continue
        if point is not None:
            low = high = point
        assert low is not None
        assert high is not None
        if low > high:
            reader.problem(
                table.where(row, table.columns[layout.IMPACT_MIN]),
                layout.IMPACT_MIN,
                f"at most '{layout.IMPACT_MAX}' ({money(high)})",
                money(low),
                "swap the two ends of the range",
                code="baseline.risk-register",
            )
            continue
        if naam is not None and programma is not None and kans is not None and aard is not None:
            result.append(Risico(naam, programma, kans, low, high, aard, source, row))
    return tuple(result)
