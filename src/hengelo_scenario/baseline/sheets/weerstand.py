"""Sheet 'Weerstandsvermogen': the beschikbare and benodigde weerstandscapaciteit, per year."""

from __future__ import annotations

from hengelo_scenario.baseline import layout
from hengelo_scenario.baseline.model import WeerstandPost, Weerstandsoort
from hengelo_scenario.baseline.sheets.cells import Reader, Table


def read(reader: Reader, table: Table | None) -> tuple[WeerstandPost, ...]:
    result: list[WeerstandPost] = []
    for row, values in reader.rows(table):
        assert table is not None
        naam = reader.text(table, row, values, layout.ONDERDEEL, "the name of the onderdeel")
        soort: Weerstandsoort | None = reader.choice(table, row, values, layout.SOORT, layout.WEERSTAND_SOORTEN)
        amounts = reader.amounts(table, row, values)
        source = reader.optional_text(table, row, values, layout.BRON) or ""
        key = reader.key(table, row, values)
        if naam is not None and soort is not None:
            result.append(WeerstandPost(naam, soort, amounts, source, row, key))
    if (
        table is not None
        and table.complete
        and not any(w.soort is Weerstandsoort.BENODIGD for w in result)
        and not any(p.field == layout.SOORT for p in reader.problems_in(table))
    ):
        reader.problem(
            f"sheet '{table.title}'",
            layout.SOORT,
            "at least one row with Soort 'benodigd' (the required weerstandscapaciteit)",
            "none" if table.rows else "no rows",
            "add the quantified risks as benodigd, or remove the sheet",
            code="baseline.no-benodigd",
        )
    return tuple(result)
