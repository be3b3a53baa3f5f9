"""Sheet 'Reserves': the reserves and their balances on 1 January of the first year; exactly one algemene.

`read` also fills the reader's reserve lookup; `reserve` and `reserve_in` read a reserve cell of another sheet
against it (required, or empty for the begrotingssaldo).
"""

from __future__ import annotations

from hengelo_scenario.baseline import layout
from hengelo_scenario.baseline.model import Reserve, ReserveSoort
from hengelo_scenario.baseline.sheets.cells import Reader, Table, excerpt, normalised, quote_list, suggest


def read(reader: Reader, table: Table | None) -> tuple[Reserve, ...]:
    result: list[Reserve] = []
    names: dict[str, int] = {}
    algemene: tuple[str, int] | None = None
    for row, values in reader.rows(table):
        assert table is not None
        naam = reader.text(table, row, values, layout.RESERVE, "the name of the reserve")
        reader.unique(table, row, layout.RESERVE, naam, names, "a reserve name")
        soort = reader.choice(table, row, values, layout.SOORT, layout.RESERVE_SOORTEN)
        balance = reader.amount(table, row, values, table.columns[layout.BEGINSTAND], layout.BEGINSTAND)
        counts = None
        if reader.optional_text(table, row, values, layout.WEERSTANDSCAPACITEIT) is not None:
            counts = reader.choice(table, row, values, layout.WEERSTANDSCAPACITEIT, layout.JA_NEE)
        if soort is ReserveSoort.ALGEMEEN:
            if algemene is None:
                algemene = (naam or "", row)
            else:
                reader.problem(
                    table.where(row, table.columns[layout.SOORT]),
                    layout.SOORT,
                    "exactly one algemene reserve",
                    f"a second algemene reserve (the first is '{algemene[0]}' in row {algemene[1]})",
                    "make one of them a bestemmingsreserve",
                    code="baseline.algemene-reserve",
                )
        if counts is None:
            counts = soort is ReserveSoort.ALGEMEEN
        structural = False
        if reader.optional_text(table, row, values, layout.STRUCTURELE_MUTATIES) is not None:
            structural = bool(reader.choice(table, row, values, layout.STRUCTURELE_MUTATIES, layout.JA_NEE))
        source = reader.optional_text(table, row, values, layout.BRON) or ""
        if naam is not None and soort is not None:
            result.append(Reserve(naam, soort, balance, counts, source, row, structural))
    if table is None or not table.complete:
        return tuple(result)
    reader.reserve_lookup = {layout.normalise_name(r.naam): r.naam for r in result}
    if algemene is None and not any(p.field == layout.SOORT for p in reader.problems_in(table)):
        reader.problem(
            f"sheet '{table.title}'",
            layout.SOORT,
            "exactly one reserve with Soort 'algemene reserve'",
            "none" if table.rows else "no rows",
            "add the algemene reserve with its balance on 1 January of the first year",
            code="baseline.algemene-reserve",
        )
    return tuple(result)


def reserve(reader: Reader, table: Table, row: int, values: tuple[object, ...]) -> str | None:
    """A required Reserve cell: a reserve of sheet Reserves."""
    expected = f"a reserve from sheet '{layout.RESERVES}'"
    text = reader.text(table, row, values, layout.RESERVE, expected)
    return _known(reader, table, row, layout.RESERVE, text, expected)


def reserve_in(reader: Reader, table: Table, row: int, values: tuple[object, ...], name: str) -> str | None:
    """An optional reserve cell (the Dekking of a proposal): a reserve of sheet Reserves, or empty."""
    text = reader.optional_text(table, row, values, name)
    expected = f"a reserve from sheet '{layout.RESERVES}', or an empty cell (the begrotingssaldo)"
    return _known(reader, table, row, name, text, expected)


def _known(reader: Reader, table: Table, row: int, name: str, text: str | None, expected: str) -> str | None:
    """The reserve `text` names, as sheet Reserves spells it; a problem if there is none (None while unknown)."""
    if text is None or reader.reserve_lookup is None:
        return text
    naam = reader.reserve_lookup.get(normalised(text))
    if naam is None:
        known = list(reader.reserve_lookup.values())
        near = suggest(text, known)
        reader.problem(
            table.where(row, table.columns[name]),
            name,
            expected,
            excerpt(text),
            f"did you mean '{near}'?" if near else f"known reserves: {quote_list(known)}",
            code="baseline.unknown-reserve",
        )
    return naam
