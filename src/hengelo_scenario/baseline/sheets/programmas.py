"""Sheet 'Programma's': the programmes, by code and name, that every other sheet refers to.

`read` also fills the reader's programme lookup (a code or a name, either way); `programma` reads a Programma
cell of another sheet against it.
"""

from __future__ import annotations

from hengelo_scenario.baseline import layout
from hengelo_scenario.baseline.model import Programma
from hengelo_scenario.baseline.sheets.cells import Reader, Table, excerpt, normalised, suggest


def read(reader: Reader, table: Table | None) -> tuple[Programma, ...]:
    result: list[Programma] = []
    codes: dict[str, int] = {}
    names: dict[str, int] = {}
    for row, values in reader.rows(table):
        assert table is not None
        code = reader.text(table, row, values, layout.CODE, "a programme code, such as 6 or AD")
        naam = reader.text(table, row, values, layout.NAAM, "a programme name")
        reader.unique(table, row, layout.CODE, code, codes, "a code")
        reader.unique(table, row, layout.NAAM, naam, names, "a name")
        if code is not None and naam is not None:
            result.append(Programma(code, naam))
    if table is None or not table.complete:
        return ()
    if not table.rows:
        reader.none_found(table, layout.CODE, "at least one programme")
    lookup: dict[str, str] = {}
    for p in result:
        lookup.setdefault(layout.normalise_name(p.naam), p.code)
    for p in result:
        lookup[layout.normalise_name(p.code)] = p.code  # a code wins over a name that reads the same
    reader.programma_lookup = lookup
    reader.programma_names = {p.code: p.naam for p in result}
    return tuple(result)


def programma(reader: Reader, table: Table, row: int, values: tuple[object, ...]) -> str | None:
    name = layout.PROGRAMMA
    text = reader.text(table, row, values, name, f"a programme code or name from sheet '{layout.PROGRAMMAS}'")
    if text is None or reader.programma_lookup is None:
        return text
    code = reader.programma_lookup.get(normalised(text))
    if code is None:
        near = suggest(text, list(reader.programma_lookup))
        hint = ""
        if near is not None:
            code_near = reader.programma_lookup[layout.normalise_name(near)]
            hint = f"did you mean '{code_near}' ({reader.programma_names[code_near]})?"
        else:
            hint = f"known programme codes: {', '.join(reader.programma_names)}"
        reader.problem(
            table.where(row, table.columns[name]),
            name,
            f"a programme code or name from sheet '{layout.PROGRAMMAS}'",
            excerpt(text),
            hint,
            code="baseline.unknown-programma",
        )
    return code
