"""The levers' own schedules: the indexation per line with the accres beside it, and the kapitaallasten."""

from __future__ import annotations

from decimal import Decimal

from hengelo_scenario.money import ZERO
from hengelo_scenario.outcome.figures import Kind
from hengelo_scenario.outcome.model import (
    LeverDetail,
    Outcome,
)
from hengelo_scenario.report.tables.base import (
    Row,
    Table,
    _years,
)


def lever_detail_tables(outcome: Outcome) -> list[Table]:
    """The levers' own schedules: the indexation per line with the accres beside it, the kapitaallasten."""
    tables: list[Table] = []
    for detail in outcome.details:
        if detail.kind == "indexatie":
            tables.append(indexatie(outcome, detail))
        elif detail.kind == "kapitaallasten":
            tables.append(kapitaallasten(outcome, detail))
    return tables


def indexatie(outcome: Outcome, detail: LeverDetail) -> Table:
    """Every indexed line's indexation per year, lasten and baten apart, the accres beside them, and the gap."""
    n_y = len(outcome.years)
    rows: list[Row] = []
    totals: dict[str, int] = {}
    for part, title in (("last", "Totaal indexatie lasten"), ("baat", "Totaal indexatie baten"), ("accres", "Accres")):
        start = len(rows)
        for d in detail.rows:
            if d.part == part:  # labels: (omschrijving, programma, index)
                rows.append(Row((f"{d.labels[1]} {d.labels[0]}".strip(), d.labels[2]), d.amounts))
        parts = tuple(range(start, len(rows)))
        total = tuple(sum((detail_value(rows, i, y) for i in parts), ZERO) for y in range(n_y))
        rows.append(Row((title, ""), total, total_of=parts, emphasis=True, section_end=True))
        totals[part] = len(rows) - 1
    lasten, baten, accres = (rows[totals[p]].values for p in ("last", "baat", "accres"))
    gap = tuple(a + b - c for a, b, c in zip(accres, baten, lasten, strict=True))  # type: ignore[operator]
    rows.append(Row(("Verschil: accres + indexatie baten − indexatie lasten", ""), gap, Kind.EFFECT, emphasis=True))
    return Table(
        "indexatie",
        "Loon- en prijsindexatie per regel en het accres van de algemene uitkering",
        ("Programma en regel", "Index"),
        _years(outcome),
        tuple(rows),
        (
            "Indexatie = bedrag × (indexfactor − 1); in lopende prijzen stapelen de indexcijfers na het eerste jaar.",
            "Het verschil is het effect op het resultaat: + = het accres dekt de indexatie, − = een structureel gat.",
        ),
    )


def detail_value(rows: list[Row], index: int, year: int) -> Decimal:
    value = rows[index].values[year]
    assert isinstance(value, Decimal)
    return value


def kapitaallasten(outcome: Outcome, detail: LeverDetail) -> Table:
    """Each investment's afschrijving, rente and kapitaallasten per year (BBV), its dekking and boekwaarde."""
    rows: list[Row] = []
    for d in detail.rows:  # labels: (investering, programma)
        total_of = (len(rows) - 2, len(rows) - 1) if d.total else ()
        label = f"{d.labels[0]}, programma {d.labels[1]}"
        end = d.part == "boekwaarde 31 december"
        rows.append(Row((label, d.part), d.amounts, emphasis=d.total, total_of=total_of, section_end=end))
    return Table(
        "kapitaallasten",
        "Investeringen: kapitaallasten per jaar",
        ("Investering", "Regel"),
        _years(outcome),
        tuple(rows),
        (
            "Kapitaallasten = afschrijving + rente, vanaf het jaar na activering (BBV); rente over de boekwaarde op "
            "1 januari.",
        ),
    )
