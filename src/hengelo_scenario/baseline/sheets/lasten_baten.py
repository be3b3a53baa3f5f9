"""Sheet 'Lasten en baten': the budget lines, lasten and baten per programme and year.

The only sheet where an amount may be negative (a stelpost or taakstelling). Its years are the workbook's
years (`headers.set_years`).
"""

from __future__ import annotations

from hengelo_scenario.baseline import layout
from hengelo_scenario.baseline.model import Line
from hengelo_scenario.baseline.sheets import indexen, programmas
from hengelo_scenario.baseline.sheets.cells import Reader, Table


def read(reader: Reader, table: Table | None) -> tuple[Line, ...]:
    result: list[Line] = []
    keys: dict[str, int] = {}
    for row, values in reader.rows(table):
        assert table is not None
        programma = programmas.programma(reader, table, row, values)
        description = reader.text(table, row, values, layout.OMSCHRIJVING, "a description of the line")
        soort = reader.choice(table, row, values, layout.SOORT, layout.LINE_SOORTEN)
        aard = reader.choice(table, row, values, layout.AARD, layout.AARDEN)
        key = reader.key(table, row, values)
        reader.unique(table, row, layout.SLEUTEL, key, keys, "a Sleutel")
        amounts = reader.amounts(table, row, values, negative=True)
        source = reader.optional_text(table, row, values, layout.BRON) or ""
        index = indexen.index_category(reader, table, row, values)
        onzekerheid = None
        if reader.optional_text(table, row, values, layout.ONZEKERHEID) is not None:
            onzekerheid = reader.choice(table, row, values, layout.ONZEKERHEID, layout.ONZEKERHEDEN)
        if programma is not None and description is not None and soort is not None and aard is not None:
            result.append(
                Line(programma, description, soort, aard, amounts, key, source, row, index, onzekerheid=onzekerheid)
            )
    if table is not None and table.complete and not table.rows:
        reader.none_found(table, layout.PROGRAMMA, "at least one line of lasten or baten")
    return tuple(result)
