"""Row 1 of a sheet: which column holds which field and which year, and the years the sheets must share.

Columns are matched by header name (case and surrounding spaces ignored, so their order is free); a header
that is a 4-digit year is a year column. A required column that is missing makes the sheet incomplete: its rows
are then not read, so one missing header is one problem, not one per row.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping

from hengelo_scenario.baseline import layout
from hengelo_scenario.baseline.layout import Sheet
from hengelo_scenario.baseline.sheets.cells import (
    RawSheet,
    Reader,
    Table,
    cell_text,
    is_blank,
    quote_list,
    shown,
    suggest,
    years_text,
)

__all__ = ["check_years", "set_years", "table"]


def table(reader: Reader, sheets: Mapping[str, RawSheet], spec: Sheet) -> Table | None:
    """The sheet of `spec` with its header read, or None (and a problem if it is required) when it is missing."""
    raw = sheets.get(layout.normalise_name(spec.name))
    if raw is None:
        if spec.required:
            titles = [s.title for s in sheets.values()]
            known = {layout.normalise_name(sheet.name) for sheet in layout.SHEETS}
            # Only a sheet that is not itself a known sheet can be the misspelt one.
            near = suggest(spec.name, [t for t in titles if layout.normalise_name(t) not in known])
            reader.problem(
                f"sheet '{spec.name}'",
                "sheet",
                f"a sheet named '{spec.name}'",
                f"sheets {quote_list(titles)}",
                f"did you mean '{near}'? Rename it to '{spec.name}'" if near else "",
                code="baseline.missing-sheet",
            )
        return None
    if raw.rows is None:
        reader.problem(
            f"sheet '{raw.title}'",
            "sheet",
            "a worksheet with cells",
            "a chart sheet",
            code="baseline.missing-sheet",
        )
        return None
    return _header(reader, spec, raw)


def _header(reader: Reader, spec: Sheet, raw: RawSheet) -> Table:
    header = raw.rows[0] if raw.rows else ()
    wanted = {layout.normalise_name(name): name for name in spec.column_names}
    table = Table(spec, raw.title, {}, {})
    unmatched: list[str] = []
    for index, value in enumerate(header):
        if is_blank(value):
            continue
        year = layout.as_year(value) if spec.has_years else None
        if year is None and spec.has_years and almost_a_year(value):
            table.bad_years = True
            reader.problem(
                table.where(1, index),
                "years",
                "a year as a whole number, such as 2025",
                f"'{shown(cell_text(value))}'",
                "type the year without decimals (format the cell as a number with 0 decimals)",
                code="baseline.column",
            )
            continue
        if year is not None:
            if year in table.years:
                reader.problem(
                    table.where(1, index),
                    str(year),
                    f"one column for year {year}",
                    f"a second column {year}",
                    "remove or rename one of them",
                    code="baseline.column",
                )
            else:
                table.years[year] = index
            continue
        name = wanted.get(layout.normalise_name(str(value)))
        if name is None:
            unmatched.append(cell_text(value))  # an extra column (notes, say): allowed and ignored
        elif name in table.columns:
            reader.problem(
                table.where(1, index),
                name,
                f"one column '{name}'",
                f"a second column '{cell_text(value)}'",
                "remove or rename one of them",
                code="baseline.column",
            )
        else:
            table.columns[name] = index
    found = table.headers = [cell_text(v) for v in header if not is_blank(v)]
    for name in spec.column_names:
        if name not in table.columns:
            if spec.column(name).optional:
                continue  # a column added in a later version of the layout: the sheet loads without it
            table.complete = False
            near = suggest(name, unmatched)
            reader.problem(
                table.header_where,
                name,
                f"a column '{name}' (column headers in row 1: {', '.join(spec.column_names)})",
                f"columns {quote_list(found)}" if found else "an empty row 1",
                f"did you mean '{near}'? Rename the header to '{name}'" if near else "",
                code="baseline.column",
            )
    used = [*table.columns.values(), *table.years.values()]
    rows = table.rows
    for number, values in enumerate((raw.rows or [])[1:], start=2):
        size = len(values)
        for i in used:  # the row is data if a cell the sheet reads is not blank (other columns are notes)
            if i < size:
                value = values[i]
                if value is not None and (not isinstance(value, str) or value.strip()):
                    rows.append((number, values))
                    break
    return table


def check_years(reader: Reader, table: Table) -> None:
    """The years of a sheet other than 'Lasten en baten' must be the workbook's years exactly."""
    if not reader.years:
        return
    found = sorted(table.years)
    found_text = f"years {', '.join(str(y) for y in found)}" if found else "no year columns"
    for year in reader.years:
        if year not in table.years:
            reader.problem(
                table.header_where,
                str(year),
                f"a column {year}: every sheet with years has the years of sheet '{layout.LASTEN_BATEN}' "
                f"({years_text(reader.years)})",
                found_text,
                f"add a column with header {year}",
                code="baseline.years",
            )
    for year in found:
        if year not in reader.years:
            reader.problem(
                table.where(1, table.years[year]),
                str(year),
                f"only the years of sheet '{layout.LASTEN_BATEN}' ({years_text(reader.years)})",
                f"a column {year}",
                f"remove the column or add year {year} to sheet '{layout.LASTEN_BATEN}'",
                code="baseline.years",
            )


def set_years(reader: Reader, table: Table) -> None:
    years = sorted(table.years)
    if not years:
        reader.problem(
            table.header_where,
            "years",
            "year columns: headers that are 4-digit years, such as 2025, 2026, 2027, 2028",
            f"columns {quote_list(table.headers)}" if table.headers else "an empty row 1",
            "add one column per year with the year as its header",
            code="baseline.years",
        )
        return
    if years != list(range(years[0], years[-1] + 1)):
        missing = [y for y in range(years[0], years[-1] + 1) if y not in table.years]
        reader.problem(
            table.header_where,
            "years",
            "consecutive years, such as 2025, 2026, 2027, 2028",
            f"years {', '.join(str(y) for y in years)} (missing {', '.join(str(y) for y in missing)})",
            "add the missing year columns",
            code="baseline.years",
        )
    reader.years = tuple(years)


_ALMOST_YEAR = re.compile(r"^\s*\d{4}\s*[.,]\s*\d+\s*$")


def almost_a_year(value: object) -> bool:
    """2025.5, '2025,5': a header meant as a year with a typing slip, not an extra column."""
    if isinstance(value, bool):
        return False
    if isinstance(value, int | float):
        return math.isfinite(value) and 1000 <= value < 10000 and not float(value).is_integer()
    return isinstance(value, str) and bool(_ALMOST_YEAR.match(value))
