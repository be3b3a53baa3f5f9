"""The reserves, the weerstandsvermogen and the transformatieplan."""

from __future__ import annotations

from hengelo_scenario.baseline.model import ReserveSoort
from hengelo_scenario.outcome.figures import Kind
from hengelo_scenario.outcome.model import (
    Outcome,
)
from hengelo_scenario.report import numbers
from hengelo_scenario.report.tables.base import (
    BASIS,
    KLASSE_OMSCHRIJVING,
    SCENARIO,
    Row,
    Table,
    _negate,
    _years,
    figure_rows,
)


def reserves(outcome: Outcome, compact: bool = False) -> Table:
    """The course of every reserve: 1 January, mutations, 31 December, in the baseline and the scenario.

    Compact (the screen) keeps the algemene reserve and the reserves the scenario changes.
    """
    rows: list[Row] = []
    shown = [
        r
        for r in outcome.reserves
        if not compact or r.reserve.soort is ReserveSoort.ALGEMEEN or any(r.closing.difference)
    ]
    for r in shown:
        label = r.reserve.naam
        start = len(rows)
        rows += [
            Row((label, "1 januari scenario"), r.opening.scenario),
            Row((label, "toevoegingen scenario"), r.toevoegingen.scenario),
            Row((label, "onttrekkingen scenario"), _negate(r.onttrekkingen.scenario)),
        ]
        parts: tuple[int, ...] = (start, start + 1, start + 2)
        if r.resultaat is not None:
            rows.append(Row((label, "resultaatbestemming scenario"), r.resultaat.scenario))
            parts = (*parts, start + 3)
        rows += [
            Row((label, "31 december scenario"), r.closing.scenario, total_of=parts),
            Row((label, "31 december basis"), r.closing.baseline),
            Row((label, "verschil 31 december"), r.closing.effect, Kind.EFFECT, section_end=True),
        ]
    return Table(
        "reserves",
        "Verloop reserves",
        ("Reserve", "Regel"),
        _years(outcome),
        tuple(rows),
        (
            "Onttrekkingen staan als negatief bedrag, zodat 31 december = 1 januari + toevoegingen + onttrekkingen "
            "(+ resultaatbestemming).",
            _resultaatbestemming_note(outcome),
        ),
    )


def _resultaatbestemming_note(outcome: Outcome) -> str:
    def side(on: bool) -> str:
        return "naar de algemene reserve" if on else "nergens heen (geen resultaatbestemming)"

    if outcome.resultaatbestemming_baseline == outcome.resultaatbestemming_scenario:
        where = side(outcome.resultaatbestemming_scenario)
        return f"Resultaatbestemming: het geraamd resultaat van elk jaar gaat {where} (een tekort wordt onttrokken)."
    return (
        f"Resultaatbestemming: in de basis gaat het geraamd resultaat {side(outcome.resultaatbestemming_baseline)}, "
        f"in het scenario {side(outcome.resultaatbestemming_scenario)}."
    )


def weerstandsvermogen(outcome: Outcome) -> Table:
    w = outcome.weerstand
    rows = figure_rows("Beschikbare weerstandscapaciteit", w.beschikbaar)
    rows += figure_rows("Benodigde weerstandscapaciteit", w.benodigd)
    rows += figure_rows("Weerstandsratio", w.ratio, Kind.RATIO)
    rows += [
        Row(("Waardering", BASIS), tuple(_klasse(k) for k in w.klasse_baseline), Kind.TEXT),
        Row(("Waardering", SCENARIO), tuple(_klasse(k) for k in w.klasse_scenario), Kind.TEXT),
    ]
    counted = [r.reserve.naam for r in outcome.reserves if r.reserve.counts_as_weerstand]
    return Table(
        "weerstandsvermogen",
        "Weerstandsvermogen",
        ("Onderdeel", "Variant"),
        _years(outcome),
        tuple(rows),
        (
            "Beschikbaar = stand 31 december van " + (", ".join(counted) or "geen reserve") + " + overige capaciteit.",
            klassen_note(outcome),
        ),
    )


def klassen_note(outcome: Outcome) -> str:
    """The class table as the engine applies it, generated from its boundaries."""
    w = outcome.weerstand
    parts = []
    for grens in w.grenzen:
        sign = "≥" if grens.inclusief else ">"
        parts.append(f"{grens.klasse} {sign} {numbers.dutch_number(grens.ondergrens, 1)}")
    if w.grenzen:
        last = w.grenzen[-1]
        parts.append(f"F {'<' if last.inclusief else '≤'} {numbers.dutch_number(last.ondergrens, 1)}")
    return (
        "Waardering NAR/Universiteit Twente: " + "; ".join(parts) + f" (ratio eerst afgerond op {w.decimalen} "
        f"decimalen; de norm {numbers.dutch_number(w.norm, 1)} geldt voor dezelfde afgeronde ratio)."
    )


def _klasse(klasse: str) -> str:
    text = KLASSE_OMSCHRIJVING.get(klasse, "")
    return f"{klasse} ({text})" if text else klasse


def transformatieplan(outcome: Outcome) -> Table:
    t = outcome.transformatieplan
    rows = [
        Row(("Taakstelling transformatieplan",), t.taakstelling, total_of=(1, 2)),
        Row(("waarvan ingevuld",), t.ingevuld),
        Row(("waarvan nog open",), t.open, section_end=True),
        Row(("Niet gerealiseerd in scenario",), t.niet_gerealiseerd.scenario, emphasis=True),
    ]
    return Table(
        "transformatieplan",
        "Transformatieplan sociaal domein: besparingsopgave",
        ("Onderdeel",),
        _years(outcome),
        tuple(rows),
        ("Niet gerealiseerde besparing komt als (structurele) lasten bij het programma van het onderdeel.",),
    )
