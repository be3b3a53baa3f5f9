"""The overviews a toezichthouder starts from: incidentele baten en lasten (BBV art. 19c), structurele
reservemutaties (art. 19d) and the bridge from the saldo van baten en lasten to the structureel saldo."""

from __future__ import annotations

from decimal import Decimal

from hengelo_scenario.outcome.figures import Kind
from hengelo_scenario.outcome.model import (
    Figure,
    Outcome,
)
from hengelo_scenario.report.tables.base import (
    BASIS,
    SCENARIO,
    VERSCHIL,
    Row,
    Table,
    _negate,
    _years,
)

BBV_INCIDENTEEL = "bbv_incidenteel"


BBV_STRUCTURELE_RESERVES = "bbv_structurele_reserves"


BBV_BRUG = "bbv_brug"


BBV_KEYS = (BBV_INCIDENTEEL, BBV_STRUCTURELE_RESERVES, BBV_BRUG)


def _three(label: tuple[str, ...], figure: Figure, start: int, totals: tuple[tuple[int, ...], ...] = ()) -> list[Row]:
    """Basis, scenario and verschil rows; totals gives, per row, the rows it adds up (or nothing)."""
    parts = totals or ((), (), ())
    return [
        Row((*label, BASIS), figure.baseline, Kind.MONEY, parts[0]),
        Row((*label, SCENARIO), figure.scenario, Kind.MONEY, parts[1]),
        Row((*label, VERSCHIL), figure.difference, Kind.MONEY, parts[2], section_end=True),
    ]


def bbv_incidenteel(outcome: Outcome) -> Table:
    """Overzicht incidentele baten en lasten per programma (BBV art. 19c): basis, scenario and verschil."""
    bbv = outcome.bbv
    assert bbv is not None
    rows: list[Row] = []
    lasten_rows: list[list[int]] = [[], [], []]
    baten_rows: list[list[int]] = [[], [], []]
    for p, lasten, baten in zip(
        outcome.programmas, bbv.programma_incidentele_lasten, bbv.programma_incidentele_baten, strict=True
    ):
        name = f"{p.programma.code} {p.programma.naam}"
        for figure, label, target in (
            (lasten, "incidentele lasten", lasten_rows),
            (baten, "incidentele baten", baten_rows),
        ):
            if not any(figure.baseline) and not any(figure.scenario):
                continue
            for v in range(3):
                target[v].append(len(rows) + v)
            rows += _three((name, label), figure, len(rows))
    lasten_total = len(rows)
    rows += _three(
        ("Totaal", "incidentele lasten"), bbv.incidentele_lasten, lasten_total, tuple(map(tuple, lasten_rows))
    )
    baten_total = len(rows)
    rows += _three(("Totaal", "incidentele baten"), bbv.incidentele_baten, baten_total, tuple(map(tuple, baten_rows)))
    return Table(
        BBV_INCIDENTEEL,
        "Overzicht incidentele baten en lasten per programma (BBV art. 19c)",
        ("Programma", "Regel", "Variant"),
        _years(outcome),
        tuple(rows),
        (
            "Bedragen als positief bedrag per soort (lasten en baten); verschil = scenario − basis.",
            "Alleen programma's met incidentele baten of lasten staan erin.",
        ),
    )


def bbv_structurele_reserves(outcome: Outcome) -> Table:
    """Overzicht structurele toevoegingen en onttrekkingen aan reserves (BBV art. 19d)."""
    rows: list[Row] = []
    toev_rows: list[list[int]] = [[], [], []]
    ontt_rows: list[list[int]] = [[], [], []]
    for r in outcome.reserves:
        for figure, label, target in (
            (r.structurele_toevoegingen, "structurele toevoegingen", toev_rows),
            (r.structurele_onttrekkingen, "structurele onttrekkingen", ontt_rows),
        ):
            if figure is None or (not any(figure.baseline) and not any(figure.scenario)):
                continue
            for v in range(3):
                target[v].append(len(rows) + v)
            rows += _three((r.reserve.naam, label), figure, len(rows))
    o = outcome.overview
    rows += _three(("Totaal", "structurele toevoegingen"), o.structurele_toevoegingen, 0, tuple(map(tuple, toev_rows)))
    rows += _three(
        ("Totaal", "structurele onttrekkingen"), o.structurele_onttrekkingen, 0, tuple(map(tuple, ontt_rows))
    )
    allowed = [r.reserve.naam for r in outcome.reserves if r.reserve.structurele_mutaties]
    return Table(
        BBV_STRUCTURELE_RESERVES,
        "Overzicht structurele toevoegingen en onttrekkingen aan reserves (BBV art. 19d)",
        ("Reserve", "Regel", "Variant"),
        _years(outcome),
        tuple(rows),
        (
            "Alleen mutaties die structureel meetellen: van een reserve die structurele mutaties mag hebben ("
            + (", ".join(allowed) or "geen")
            + "). Andere structureel geboekte mutaties tellen als incidenteel (Commissie BBV).",
        ),
    )


def bbv_brug(outcome: Outcome) -> Table:
    """The bridge saldo van baten en lasten → mutaties reserves → geraamd resultaat → incidentele baten en lasten
    and incidentele reservemutaties → structureel saldo, for basis, scenario and verschil; every total a sum."""
    o, bbv = outcome.overview, outcome.bbv
    assert bbv is not None
    rows: list[Row] = []

    for variant, side in ((BASIS, "baseline"), (SCENARIO, "scenario"), (VERSCHIL, None)):
        start = len(rows)

        def pick(figure: Figure, side: str | None = side) -> tuple[Decimal, ...]:
            return getattr(figure, side) if side else figure.difference

        inc_bl = _negate(pick(bbv.saldo_incidenteel))
        inc_mut = _negate(pick(bbv.saldo_incidentele_mutaties))
        rows += [
            Row(("Saldo van baten en lasten", variant), pick(o.saldo_baten_lasten)),
            Row(("Mutaties reserves (onttrekkingen − toevoegingen)", variant), pick(o.mutaties_reserves)),
            Row(("Geraamd resultaat", variant), pick(o.geraamd_resultaat), total_of=(start, start + 1), emphasis=True),
            Row(("Correctie incidentele baten en lasten", variant), inc_bl),
            Row(("Correctie incidentele mutaties reserves", variant), inc_mut),
            Row(
                ("Structureel saldo", variant),
                pick(o.structureel_saldo),
                total_of=(start + 2, start + 3, start + 4),
                emphasis=True,
                section_end=True,
            ),
        ]
    return Table(
        BBV_BRUG,
        "Van saldo van baten en lasten naar structureel saldo",
        ("Onderdeel", "Variant"),
        _years(outcome),
        tuple(rows),
        (
            "Geraamd resultaat = saldo van baten en lasten + onttrekkingen − toevoegingen; structureel saldo = "
            "geraamd resultaat + correcties, met correctie incidentele baten en lasten = −(incidentele baten − "
            "incidentele lasten) en correctie incidentele mutaties = −(incidentele onttrekkingen − incidentele "
            "toevoegingen): een incidenteel voordeel gaat eraf, een incidenteel nadeel erbij.",
            "Verschil = scenario − basis (+ = voordelig).",
        ),
    )


def bbv_tables(outcome: Outcome) -> tuple[Table, ...]:
    return (bbv_incidenteel(outcome), bbv_structurele_reserves(outcome), bbv_brug(outcome))
