"""Reading exports back: the cells of a sheet's table, the references of a SUM formula, the size of a PNG."""

from __future__ import annotations

import re
import struct
from pathlib import Path

from openpyxl.utils.cell import column_index_from_string

from hengelo_scenario.report.export.xlsx import FIRST_DATA_ROW, HEADER_ROW


def header(ws, width: int) -> list:
    return [ws.cell(HEADER_ROW + 1, c + 1).value for c in range(width)]


def data_rows(ws, width: int) -> list[list]:
    """The table's rows (cell values, 1 per column) from the first data row to the first empty row."""
    rows = []
    r = FIRST_DATA_ROW + 1
    while True:
        values = [ws.cell(r, c + 1).value for c in range(width)]
        if all(v in (None, "") for v in values):
            return rows
        rows.append(values)
        r += 1


_REF = re.compile(r"\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?")


def sum_references(formula: str) -> list[tuple[int, int]]:
    """'=SUM(C6:C8,C10)' -> [(row, column), ...] 0-based, every cell the SUM adds."""
    assert formula.startswith("=SUM("), formula
    assert formula.endswith(")"), formula
    cells = []
    for col_a, row_a, col_b, row_b in _REF.findall(formula[5:-1]):
        col_b, row_b = col_b or col_a, row_b or row_a
        for col in range(column_index_from_string(col_a), column_index_from_string(col_b) + 1):
            for row in range(int(row_a), int(row_b) + 1):
                cells.append((row - 1, col - 1))
    return cells


def column_width(ws, index: int) -> float:
    """The width of a column (0-based); openpyxl groups neighbouring columns of one width into one entry."""
    for dimension in ws.column_dimensions.values():
        if dimension.min <= index + 1 <= dimension.max:
            return dimension.width
    return 0.0


def png_size(path: Path) -> tuple[int, int]:
    """Width and height from the PNG's IHDR chunk."""
    data = Path(path).read_bytes()[:24]
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    assert data[12:16] == b"IHDR", "no IHDR chunk first"
    return struct.unpack(">II", data[16:24])
