"""Sheet 'Jeugdhulp': youth-care segments as a prijs row and a volume row each (p × q).

The segments must add up, year by year and to the cent, to the line with Sleutel `jeugdhulp` on sheet
'Lasten en baten' (`reconcile`).
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from hengelo_scenario.baseline import layout
from hengelo_scenario.baseline.model import JeugdhulpSegment, Line, Soort, youth_care_cost
from hengelo_scenario.baseline.sheets import indexen
from hengelo_scenario.baseline.sheets.cells import Reader, Table, money, normalised
from hengelo_scenario.money import CENT, ZERO, exact, round_half_away


def read(
    reader: Reader, table: Table | None, lines_table: Table | None, lines: Sequence[Line]
) -> tuple[JeugdhulpSegment, ...]:
    # segment key -> (name, {grootheid: (row, amounts, source, unit)})
    segments: dict[str, tuple[str, dict[str, tuple[int, tuple[Decimal, ...], str, str]]]] = {}
    unclear: set[str] = set()
    indices: dict[str, str] = {}
    for row, values in reader.rows(table):
        assert table is not None
        naam = reader.text(table, row, values, layout.SEGMENT, "the name of a youth-care segment")
        unit = reader.optional_text(table, row, values, layout.EENHEID) or ""
        grootheid = reader.choice(table, row, values, layout.GROOTHEID, layout.GROOTHEDEN)
        amounts = reader.amounts(table, row, values)
        source = reader.optional_text(table, row, values, layout.BRON) or ""
        index = indexen.index_category(reader, table, row, values)
        if index is not None and grootheid == layout.PRIJS:
            indices[normalised(naam or "")] = index
        if naam is None:
            continue
        _, parts = segments.setdefault(normalised(naam), (naam, {}))
        if grootheid is None:
            unclear.add(normalised(naam))  # reported already; do not report its missing row too
            continue
        if grootheid in parts:
            reader.problem(
                table.where(row, table.columns[layout.GROOTHEID]),
                layout.GROOTHEID,
                f"one '{grootheid}' row for segment '{naam}'",
                f"a second one (also in row {parts[grootheid][0]})",
                code="baseline.youth-care-rows",
            )
        else:
            parts[grootheid] = (row, amounts, source, unit)
    result: list[JeugdhulpSegment] = []
    for key, (naam, parts) in segments.items():
        assert table is not None
        missing = [g for g in (layout.PRIJS, layout.VOLUME) if g not in parts]
        if missing and key in unclear:
            continue
        if missing:
            (present, (row, *_)) = next(iter(parts.items()))
            reader.problem(
                f"sheet '{table.title}', row {row}",
                layout.GROOTHEID,
                f"a '{missing[0]}' row for segment '{naam}' (every segment has one 'prijs' and one 'volume' row)",
                f"only a '{present}' row (row {row})",
                f"add a row with Segment '{naam}' and Grootheid '{missing[0]}'",
                code="baseline.youth-care-rows",
            )
            continue
        p_row, prices, p_source, p_unit = parts[layout.PRIJS]
        q_row, volumes, q_source, q_unit = parts[layout.VOLUME]
        if p_source and q_source and p_source != q_source:
            source = f"prijs: {p_source}; volume: {q_source}"
        else:
            source = p_source or q_source
        result.append(
            JeugdhulpSegment(naam, q_unit or p_unit, prices, volumes, source, min(p_row, q_row), indices.get(key))
        )
    if result and table is not None and not reader.has_problems(table):
        reconcile(reader, result, lines_table, lines)
    return tuple(result)


def reconcile(
    reader: Reader, segments: Sequence[JeugdhulpSegment], lines_table: Table | None, lines: Sequence[Line]
) -> None:
    """Σ prijs × volume per year equals the `jeugdhulp` line, to the cent."""
    if lines_table is None or not lines_table.complete:
        return
    line = next((x for x in lines if x.key == layout.KEY_JEUGDHULP), None)
    if line is None:
        if not any(p.field == layout.SLEUTEL for p in reader.problems):
            reader.problem(
                f"sheet '{lines_table.title}'",
                layout.SLEUTEL,
                f"a line with Sleutel '{layout.KEY_JEUGDHULP}' (the youth-care segments of sheet "
                f"'{layout.JEUGDHULP}' add up to it)",
                "no such line",
                f"give the youth-care line of programme 6 the Sleutel '{layout.KEY_JEUGDHULP}'",
                code="baseline.youth-care-mismatch",
            )
        return
    assert line.row is not None
    if line.soort is not Soort.LAST:
        reader.problem(
            lines_table.where(line.row, lines_table.columns[layout.SOORT]),
            layout.SOORT,
            f"'last' for the line with Sleutel '{layout.KEY_JEUGDHULP}'",
            f"'{line.soort.value}'",
            code="baseline.youth-care-mismatch",
        )
    for y, year in enumerate(reader.years):
        with exact():
            total = sum((youth_care_cost(s.prices[y], s.volumes[y]) for s in segments), ZERO)
        if round_half_away(total, CENT) != round_half_away(line.amounts[y], CENT):
            reader.problem(
                lines_table.where(line.row, lines_table.years[year]),
                str(year),
                f"{money(round_half_away(total, CENT))}, the sum of prijs × volume over the segments of sheet "
                f"'{layout.JEUGDHULP}' in {year}",
                f"{money(line.amounts[y])} on the line with Sleutel '{layout.KEY_JEUGDHULP}'",
                "the youth-care line must equal its segments to the cent: correct the prices, the volumes or the line",
                code="baseline.youth-care-mismatch",
            )
