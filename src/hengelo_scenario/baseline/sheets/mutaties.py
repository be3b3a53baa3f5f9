"""Sheet 'Reservemutaties': toevoegingen to and onttrekkingen from the reserves, per year."""

from __future__ import annotations

from hengelo_scenario.baseline import layout
from hengelo_scenario.baseline.model import ReserveMutation
from hengelo_scenario.baseline.sheets import programmas, reserves
from hengelo_scenario.baseline.sheets.cells import Reader, Table


def read(reader: Reader, table: Table | None) -> tuple[ReserveMutation, ...]:
    result: list[ReserveMutation] = []
    for row, values in reader.rows(table):
        assert table is not None
        reserve = reserves.reserve(reader, table, row, values)
        programma = programmas.programma(reader, table, row, values)
        description = reader.text(table, row, values, layout.OMSCHRIJVING, "a description of the mutation")
        soort = reader.choice(table, row, values, layout.SOORT, layout.MUTATION_SOORTEN)
        aard = reader.choice(table, row, values, layout.AARD, layout.AARDEN)
        key = reader.key(table, row, values)
        amounts = reader.amounts(table, row, values)
        source = reader.optional_text(table, row, values, layout.BRON) or ""
        if reserve is not None and programma is not None and description is not None and soort and aard:
            result.append(ReserveMutation(reserve, programma, description, soort, aard, amounts, key, source, row))
    return tuple(result)
