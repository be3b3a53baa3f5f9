"""Sheet 'Voorstellen': proposals for new policy, switched on and off by the lever nieuw_beleid.

A proposal marked opgenomen is part of the baseline already: `with_voorstellen` adds its last, and the
onttrekking that covers it, to the lines and the mutations.
"""

from __future__ import annotations

from collections.abc import Sequence

from hengelo_scenario.baseline import layout
from hengelo_scenario.baseline.model import Aard, Line, ReserveMutation, Soort, Voorstel
from hengelo_scenario.baseline.sheets import programmas, reserves
from hengelo_scenario.baseline.sheets.cells import Reader, Table


def read(reader: Reader, table: Table | None) -> tuple[Voorstel, ...]:
    result: list[Voorstel] = []
    names: dict[str, int] = {}
    for row, values in reader.rows(table):
        assert table is not None
        naam = reader.text(table, row, values, layout.VOORSTEL, "the name of the proposal")
        reader.unique(table, row, layout.VOORSTEL, naam, names, "a proposal name")
        programma = programmas.programma(reader, table, row, values)
        aard: Aard | None = reader.choice(table, row, values, layout.AARD, layout.AARDEN)
        opgenomen: bool | None = reader.choice(table, row, values, layout.OPGENOMEN, layout.JA_NEE)
        dekking: str | None = None
        if reader.optional_text(table, row, values, layout.DEKKING) is not None:
            dekking = reserves.reserve_in(reader, table, row, values, layout.DEKKING)
            if dekking is None:
                continue
        amounts = reader.amounts(table, row, values)
        source = reader.optional_text(table, row, values, layout.BRON) or ""
        if naam is not None and programma is not None and aard is not None and opgenomen is not None:
            result.append(Voorstel(naam, programma, aard, amounts, opgenomen, dekking, source, row))
    return tuple(result)


def with_voorstellen(
    lines: tuple[Line, ...], mutations: tuple[ReserveMutation, ...], voorstellen: Sequence[Voorstel]
) -> tuple[tuple[Line, ...], tuple[ReserveMutation, ...]]:
    """The proposals marked opgenomen are part of the baseline: a last each, and the onttrekking that covers it."""
    extra_lines = [
        Line(v.programma, v.naam, Soort.LAST, v.aard, v.amounts, v.key, v.source) for v in voorstellen if v.opgenomen
    ]
    extra_mutations = [
        ReserveMutation(
            v.dekking, v.programma, f"Dekking {v.naam}", Soort.ONTTREKKING, Aard.INCIDENTEEL, v.amounts, v.key, v.source
        )
        for v in voorstellen
        if v.opgenomen and v.dekking is not None
    ]
    return lines + tuple(extra_lines), mutations + tuple(extra_mutations)
