"""Sheet 'Transformatieplan': the savings target's onderdelen, ingevuld or still open, per year."""

from __future__ import annotations

from hengelo_scenario.baseline import layout
from hengelo_scenario.baseline.model import Invulling, TransformatieOnderdeel
from hengelo_scenario.baseline.sheets import programmas
from hengelo_scenario.baseline.sheets.cells import Reader, Table


def read(reader: Reader, table: Table | None) -> tuple[TransformatieOnderdeel, ...]:
    result: list[TransformatieOnderdeel] = []
    names: dict[str, int] = {}
    for row, values in reader.rows(table):
        assert table is not None
        naam = reader.text(table, row, values, layout.ONDERDEEL, "the name of the onderdeel")
        reader.unique(table, row, layout.ONDERDEEL, naam, names, "an onderdeel")
        programma = programmas.programma(reader, table, row, values)
        invulling: Invulling | None = reader.choice(table, row, values, layout.INVULLING, layout.INVULLINGEN)
        amounts = reader.amounts(table, row, values)
        source = reader.optional_text(table, row, values, layout.BRON) or ""
        if naam is not None and programma is not None and invulling is not None:
            result.append(TransformatieOnderdeel(naam, programma, invulling, amounts, source, row))
    return tuple(result)
