"""Sheet 'Indexen': the index categories and their rate per year (loon- en prijsindexatie).

`read` also fills the reader's index lookup; `index_category` reads the Index cell of a line or a segment
against it, and `rate` reads a percentage cell.
"""

from __future__ import annotations

import math
from decimal import Decimal

from hengelo_scenario.baseline import layout
from hengelo_scenario.baseline.model import IndexReeks
from hengelo_scenario.baseline.sheets.cells import Reader, Table, cell_text, is_blank, normalised, suggest
from hengelo_scenario.money import ZERO, to_decimal


def read(reader: Reader, table: Table | None) -> tuple[IndexReeks, ...]:
    result: list[IndexReeks] = []
    names: dict[str, int] = {}
    for row, values in reader.rows(table):
        assert table is not None
        naam = reader.text(table, row, values, layout.INDEX, "the name of an index category, such as prijzen")
        reader.unique(table, row, layout.INDEX, naam, names, "an index category")
        if naam is not None and layout.normalise_name(naam) == layout.NO_INDEX:
            reader.problem(
                table.where(row, table.columns[layout.INDEX]),
                layout.INDEX,
                "the name of an index category",
                f"'{naam}'",
                f"'{layout.NO_INDEX}' means 'not indexed' in the Index column: choose another name",
                code="baseline.index",
            )
            continue
        rates = tuple(rate(reader, table, row, values, year) for year in reader.years)
        source = reader.optional_text(table, row, values, layout.BRON) or ""
        if naam is not None:
            result.append(IndexReeks(naam, rates, source, row))
    if table is not None and table.complete:
        reader.index_lookup = {layout.normalise_name(r.naam): r.naam for r in result}
    return tuple(result)


def index_category(reader: Reader, table: Table, row: int, values: tuple[object, ...]) -> str | None:
    """The Index cell: a category of sheet Indexen, or None for empty / 'geen'."""
    text = reader.optional_text(table, row, values, layout.INDEX)
    if text is None or normalised(text) == layout.NO_INDEX:
        return None
    if reader.index_lookup is not None and (known_naam := reader.index_lookup.get(normalised(text))) is not None:
        return known_naam  # the common case, without working out the cell's address
    where = table.where(row, table.columns[layout.INDEX])
    if reader.index_lookup is None:
        reader.problem(
            where,
            layout.INDEX,
            f"an index category from sheet '{layout.INDEXEN}'",
            f"'{text}', and the workbook has no sheet '{layout.INDEXEN}'",
            f"add sheet '{layout.INDEXEN}' with the category '{text}' and its rate per year, or empty the cell",
            code="baseline.index",
        )
        return None
    naam = reader.index_lookup.get(normalised(text))
    if naam is None:
        known = list(reader.index_lookup.values())
        near = suggest(text, [*known, layout.NO_INDEX])
        reader.problem(
            where,
            layout.INDEX,
            f"an index category from sheet '{layout.INDEXEN}' ({', '.join(known)}) or '{layout.NO_INDEX}'",
            f"'{text}'",
            f"did you mean '{near}'?" if near else f"add the category to sheet '{layout.INDEXEN}'",
            code="baseline.index",
        )
    return naam


def rate(reader: Reader, table: Table, row: int, values: tuple[object, ...], year: int) -> Decimal:
    """A percentage cell: the fraction Excel stores for 2,10% (0.021), between -100% and 100%."""
    index = table.years.get(year)
    if index is None:
        return ZERO
    value = values[index] if index < len(values) else None
    expected = "a percentage, in a cell formatted as percentage (2,10% is stored as 0.021)"
    if is_blank(value):
        if value is None:
            reader.empty_cell(table, row, index, str(year))
        return ZERO
    where = table.where(row, index)
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        found = f"text '{value}'" if isinstance(value, str) else f"'{value}'"
        reader.problem(
            where,
            str(year),
            expected,
            found,
            "type the number with a % sign (2,10%) so Excel stores it as a percentage",
            code="baseline.index",
        )
        return ZERO
    number = to_decimal(value)
    if not -1 < number < 1:
        reader.problem(
            where,
            str(year),
            expected + ", between -100% and 100%",
            cell_text(value),
            f"the cell holds {cell_text(value)}, which is {format((number * 100).normalize(), 'f')}%: for "
            f"{cell_text(value)}% type {cell_text(value)}% with the % sign (Excel then stores "
            f"{format((number / 100).normalize(), 'f')})",
            code="baseline.index",
        )
        return ZERO
    return number
