"""The overview of baten en lasten, the measures, the programmes and the financiële gevolgen of a raadsvoorstel."""

from __future__ import annotations

from hengelo_scenario.baseline.model import Soort
from hengelo_scenario.outcome.figures import Kind
from hengelo_scenario.outcome.model import (
    Outcome,
)
from hengelo_scenario.report.tables.base import (
    SOORT_LABEL,
    ZONDER_ONZEKER,
    Row,
    Table,
    _years,
    figure_rows,
)
from hengelo_scenario.report.tables.verdict import (
    signal_lines,
    verdict_lines,
    year_lines,
)


def overzicht(outcome: Outcome, with_verdict: bool = False) -> Table:
    """The overview; with_verdict adds the structural verdict and the Let op lines as notes (for exports)."""
    o = outcome.overview
    rows: list[Row] = []
    for label, figure, kind in (
        ("Lasten", o.lasten, Kind.MONEY),
        ("Baten", o.baten, Kind.MONEY),
        ("Saldo van baten en lasten", o.saldo_baten_lasten, Kind.MONEY),
        ("Toevoegingen aan reserves", o.toevoegingen, Kind.MONEY),
        ("Onttrekkingen aan reserves", o.onttrekkingen, Kind.MONEY),
        ("Geraamd resultaat", o.geraamd_resultaat, Kind.MONEY),
        ("Structureel saldo", o.structureel_saldo, Kind.MONEY),
        (f"Structureel saldo {ZONDER_ONZEKER}", o.reeel_structureel_saldo, Kind.MONEY),
        ("Structurele exploitatieruimte", o.structurele_exploitatieruimte, Kind.PERCENT),
    ):
        rows += figure_rows(label, figure, kind)
    ar = outcome.algemene_reserve
    if ar is not None:
        rows += figure_rows("Algemene reserve 31 december", ar.closing)
    rows += figure_rows("Weerstandsratio", outcome.weerstand.ratio, Kind.RATIO)
    verdict = (
        (
            "Structureel evenwicht (indicatie, geen oordeel van de provincie):",
            *verdict_lines(outcome),
            *year_lines(outcome.conclusie_scenario),
            *(f"Let op: {text}" for text in signal_lines(outcome)),
        )
        if with_verdict
        else ()
    )
    return Table(
        "overzicht",
        "Overzicht baten en lasten, reserves en structureel saldo",
        ("Onderdeel", "Variant"),
        _years(outcome),
        tuple(rows),
        (
            "Saldo van baten en lasten = baten − lasten; geraamd resultaat = saldo − toevoegingen + onttrekkingen.",
            "Structureel saldo = structurele baten − structurele lasten + structurele onttrekkingen − structurele "
            "toevoegingen; structurele exploitatieruimte = structureel saldo / totale baten. Een reservemutatie telt "
            "alleen structureel als de reserve structurele mutaties mag hebben (Commissie BBV).",
            f"Structureel saldo {ZONDER_ONZEKER} = structureel saldo zonder de structurele stelposten, "
            "taakstellingen en onzekere ramingen en zonder de open taakstelling (reëel evenwicht, GTK 2020).",
            *verdict,
        ),
    )


def maatregelen(outcome: Outcome) -> Table:
    """Every booking of the scenario by its effect on the geraamd resultaat, and what the effects add up to."""
    effects = outcome.booking_effects
    rows = [
        Row(
            (b.measure, b.programma, SOORT_LABEL[b.soort], _aard_letter(outcome, i), b.reserve or ""),
            e.resultaat,
            Kind.EFFECT,
        )
        for i, (b, e) in enumerate(zip(outcome.bookings, effects, strict=True))
    ]
    all_rows = tuple(range(len(rows)))
    exploitatie = tuple(i for i, e in enumerate(effects) if any(e.saldo))
    structureel = tuple(i for i, e in enumerate(effects) if any(e.structureel))
    total = outcome.effects
    assert total is not None
    if rows:
        rows[-1] = Row(rows[-1].labels, rows[-1].values, rows[-1].kind, section_end=True)
    rows += [
        Row(("Effect op saldo van baten en lasten", "", "", "", ""), total.saldo, Kind.EFFECT, exploitatie),
        Row(("Effect op geraamd resultaat", "", "", "", ""), total.resultaat, Kind.EFFECT, all_rows, emphasis=True),
        Row(("Effect op structureel saldo", "", "", "", ""), total.structureel, Kind.EFFECT, structureel),
    ]
    return Table(
        "maatregelen",
        "Maatregelen in het scenario (effect op het resultaat)",
        ("Maatregel", "Programma", "Soort", "I/S", "Reserve"),
        _years(outcome),
        tuple(rows),
        (
            "I/S: incidenteel of structureel. Reservemutaties zijn incidenteel tenzij anders aangegeven; een "
            "structurele mutatie van een reserve die geen structurele mutaties mag hebben staat als I (S→I).",
        )
        + (() if outcome.bookings else ("Geen maatregelen: het scenario is gelijk aan de basis.",)),
    )


def _aard_letter(outcome: Outcome, i: int) -> str:
    """I or S as the booking counts in the structureel saldo; 'S→I' where a structural reserve mutation is
    counted as incidental because its reserve may not carry structural mutations."""
    b, e = outcome.bookings[i], outcome.booking_effects[i]
    if b.aard.letter == "S" and not any(e.structureel):
        return "S→I"
    return b.aard.letter


def programmas(outcome: Outcome) -> Table:
    """The difference in saldo per programme, down to the geraamd resultaat."""
    rows = [Row((p.programma.code, p.programma.naam), p.saldo.effect, Kind.EFFECT) for p in outcome.programmas]
    n = len(rows)
    if rows:
        rows[-1] = Row(rows[-1].labels, rows[-1].values, rows[-1].kind, section_end=True)
    o = outcome.overview
    rows.append(Row(("", "Saldo van baten en lasten"), o.saldo_baten_lasten.effect, Kind.EFFECT, tuple(range(n)), True))
    rows.append(Row(("", "Mutaties reserves"), o.mutaties_reserves.effect, Kind.EFFECT))
    rows.append(Row(("", "Geraamd resultaat"), o.geraamd_resultaat.effect, Kind.EFFECT, (n, n + 1), True))
    return Table(
        "programmas",
        "Verschil per programma (saldo van baten en lasten)",
        ("Code", "Programma"),
        _years(outcome),
        tuple(rows),
    )


FG_LASTEN, FG_BATEN = "Lasten", "Baten"


FG_TOEVOEGINGEN, FG_DEKKING = "Toevoegingen aan reserves", "Dekking: onttrekkingen aan reserves"


FG_SALDO = "Effect op saldo van baten en lasten"


FG_RESULTAAT = "Effect op geraamd resultaat (begrotingssaldo)"


FG_STRUCTUREEL = "Effect op structureel saldo"


_FG_SECTION = {
    Soort.LAST: FG_LASTEN,
    Soort.BAAT: FG_BATEN,
    Soort.TOEVOEGING: FG_TOEVOEGINGEN,
    Soort.ONTTREKKING: FG_DEKKING,
}


def financiele_gevolgen(outcome: Outcome) -> Table:
    """The "financiële gevolgen" of a raadsvoorstel (budget-conventions §7.5): what the scenario changes, per year.

    Lasten and baten per programme, then the reserve mutations, each with I/S, the dekking (onttrekkingen), and
    the effect on the saldo van baten en lasten, the geraamd resultaat and the structureel saldo. Every amount is
    an effect on the budget: + = voordelig, − = nadelig. The three effect rows are sums of the booking rows (their
    `total_of`), and equal the overview's differences.
    """
    names = {p.programma.code: f"{p.programma.code} {p.programma.naam}" for p in outcome.programmas}
    rows: list[Row] = []
    structural_rows: list[int] = []
    for soort in (Soort.LAST, Soort.BAAT, Soort.TOEVOEGING, Soort.ONTTREKKING):
        section = [(i, b) for i, b in enumerate(outcome.bookings) if b.soort is soort]
        for i, b in section:
            if any(outcome.booking_effects[i].structureel):
                structural_rows.append(len(rows))
            omschrijving = b.measure
            if b.reserve:  # "Onttrekking Algemene reserve: Fonds leefbare wijken"
                verb = "Onttrekking" if soort is Soort.ONTTREKKING else "Toevoeging"
                omschrijving = f"{verb} {b.reserve}: {b.measure.removesuffix(': dekking')}"
            rows.append(
                Row(
                    (_FG_SECTION[soort], omschrijving, names.get(b.programma, b.programma), _aard_letter(outcome, i)),
                    outcome.booking_effects[i].resultaat,
                    Kind.EFFECT,
                )
            )
        if section:
            rows[-1] = Row(rows[-1].labels, rows[-1].values, rows[-1].kind, section_end=True)

    def indices(keep) -> tuple[int, ...]:
        return tuple(i for i, row in enumerate(rows) if keep(row))

    exploitatie = indices(lambda r: r.labels[0] in (FG_LASTEN, FG_BATEN))
    alle = indices(lambda r: True)
    structureel = tuple(structural_rows)
    total = outcome.effects
    assert total is not None
    rows += [
        Row((FG_SALDO, "", "", ""), total.saldo, Kind.EFFECT, exploitatie),
        Row((FG_RESULTAAT, "", "", ""), total.resultaat, Kind.EFFECT, alle, emphasis=True),
        Row((FG_STRUCTUREEL, "", "", ""), total.structureel, Kind.EFFECT, structureel, emphasis=True),
    ]
    notes = [
        "I = incidenteel, S = structureel. + = voordelig, − = nadelig: hogere lasten zijn nadelig, een onttrekking "
        "aan een reserve is voordelig voor het resultaat.",
        "Wat niet uit een reserve wordt gedekt, komt ten laste (of ten gunste) van het begrotingssaldo: het effect "
        "op het geraamd resultaat.",
    ]
    if not outcome.bookings:
        notes.insert(0, "Het scenario wijzigt de begroting niet.")
    return Table(
        "financiele_gevolgen",
        "Financiële gevolgen",
        ("Onderdeel", "Omschrijving", "Programma", "I/S"),
        _years(outcome),
        tuple(rows),
        tuple(notes),
    )
