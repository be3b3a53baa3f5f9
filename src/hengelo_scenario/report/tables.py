"""Outcome -> tables in the budget's own Dutch terms, as data: the console, CSV and Excel all render these.

A table has label columns and one value column per year. Values stay unrounded Decimals; each row says how its
values are to be read (`Kind`), and a total row names the rows it adds up, so an export can write a SUM formula
that recomputes to exactly the same total.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from hengelo_scenario.baseline.model import ReserveSoort, Soort
from hengelo_scenario.engine.rules import weerstand_omschrijving
from hengelo_scenario.money import ZERO
from hengelo_scenario.outcome.figures import Kind
from hengelo_scenario.outcome.model import DetailRow, Figure, LeverDetail, Outcome, Verdict

__all__ = ["BASIS", "SCENARIO", "VERSCHIL", "Kind", "Row", "Table", "Value"]


Value = Decimal | str | None


@dataclass(frozen=True)
class Row:
    labels: tuple[str, ...]
    values: tuple[Value, ...]
    kind: Kind = Kind.MONEY
    total_of: tuple[int, ...] = ()  # indices of the rows this row is the sum of
    emphasis: bool = False
    section_end: bool = False


@dataclass(frozen=True)
class Table:
    key: str  # file and sheet name
    title: str
    label_headers: tuple[str, ...]
    value_headers: tuple[str, ...]
    rows: tuple[Row, ...]
    notes: tuple[str, ...] = field(default=())


BASIS, SCENARIO, VERSCHIL = "basis", "scenario", "verschil"

SOORT_LABEL = {
    Soort.LAST: "lasten",
    Soort.BAAT: "baten",
    Soort.TOEVOEGING: "toevoeging reserve",
    Soort.ONTTREKKING: "onttrekking reserve",
}

VERDICT_TEXT = {
    Verdict.IN_EVENWICHT: "structureel in evenwicht in {first}",
    Verdict.UITERLIJK_LAATSTE_JAAR: "niet in {first}, wel uiterlijk in {last} structureel in evenwicht",
    Verdict.NIET_IN_EVENWICHT: "niet structureel in evenwicht, ook niet in {last} (risico op preventief toezicht)",
}


def _years(outcome: Outcome) -> tuple[str, ...]:
    return tuple(str(y) for y in outcome.years)


def figure_rows(label: str, figure: Figure, kind: Kind = Kind.MONEY) -> list[Row]:
    """Basis, scenario and verschil of one figure; the verschil of an amount is read as V/N."""
    difference: tuple[Value, ...]
    if kind is Kind.MONEY:
        difference, difference_kind = figure.effect, Kind.EFFECT
    else:
        difference, difference_kind = _nan_safe_difference(figure), kind
    return [
        Row((label, BASIS), figure.baseline, kind),
        Row((label, SCENARIO), figure.scenario, kind),
        Row((label, VERSCHIL), difference, difference_kind, section_end=True),
    ]


def _nan_safe_difference(figure: Figure) -> tuple[Value, ...]:
    return tuple(
        None if (b.is_nan() or s.is_nan()) else s - b for b, s in zip(figure.baseline, figure.scenario, strict=True)
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
            *(f"Let op: {signal}" for signal in outcome.signals),
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
            "toevoegingen; structurele exploitatieruimte = structureel saldo / totale baten.",
            *verdict,
        ),
    )


def maatregelen(outcome: Outcome) -> Table:
    """Every booking of the scenario by its effect on the geraamd resultaat, and what the effects add up to."""
    n_y = len(outcome.years)
    rows = [
        Row(
            (b.measure, b.programma, SOORT_LABEL[b.soort], b.aard.letter, b.reserve or ""),
            b.effect,
            Kind.EFFECT,
        )
        for b in outcome.bookings
    ]
    all_rows = tuple(range(len(rows)))
    exploitatie = tuple(i for i, b in enumerate(outcome.bookings) if not b.soort.is_reserve_mutation)
    structureel = tuple(i for i, b in enumerate(outcome.bookings) if b.aard.letter == "S")

    def total(indices: tuple[int, ...]) -> tuple[Decimal, ...]:
        return tuple(sum((outcome.bookings[i].effect[y] for i in indices), ZERO) for y in range(n_y))

    if rows:
        rows[-1] = Row(rows[-1].labels, rows[-1].values, rows[-1].kind, section_end=True)
    rows += [
        Row(("Effect op saldo van baten en lasten", "", "", "", ""), total(exploitatie), Kind.EFFECT, exploitatie),
        Row(("Effect op geraamd resultaat", "", "", "", ""), total(all_rows), Kind.EFFECT, all_rows, emphasis=True),
        Row(("Effect op structureel saldo", "", "", "", ""), total(structureel), Kind.EFFECT, structureel),
    ]
    return Table(
        "maatregelen",
        "Maatregelen in het scenario (effect op het resultaat)",
        ("Maatregel", "Programma", "Soort", "I/S", "Reserve"),
        _years(outcome),
        tuple(rows),
        ("I/S: incidenteel of structureel. Reservemutaties zijn incidenteel tenzij anders aangegeven.",)
        + (() if outcome.bookings else ("Geen maatregelen: het scenario is gelijk aan de basis.",)),
    )


def programmas(outcome: Outcome) -> Table:
    """The difference in saldo per programme, down to the geraamd resultaat."""
    rows = [Row((p.programma.code, p.programma.naam), p.saldo.effect, Kind.EFFECT) for p in outcome.programmas]
    n = len(rows)
    if rows:
        rows[-1] = Row(rows[-1].labels, rows[-1].values, rows[-1].kind, section_end=True)
    o = outcome.overview
    rows.append(Row(("", "Saldo van baten en lasten"), o.saldo_baten_lasten.effect, Kind.EFFECT, tuple(range(n)), True))
    mutaties = tuple(ot - tv for ot, tv in zip(o.onttrekkingen.difference, o.toevoegingen.difference, strict=True))
    rows.append(Row(("", "Mutaties reserves"), mutaties, Kind.EFFECT))
    rows.append(Row(("", "Geraamd resultaat"), o.geraamd_resultaat.effect, Kind.EFFECT, (n, n + 1), True))
    return Table(
        "programmas",
        "Verschil per programma (saldo van baten en lasten)",
        ("Code", "Programma"),
        _years(outcome),
        tuple(rows),
    )


def jeugdhulp(outcome: Outcome) -> Table:
    """Youth care per segment: price, volume and cost, baseline against scenario."""
    rows: list[Row] = []
    for s in outcome.jeugdhulp.segments:
        rows += [
            Row((s.naam, f"prijs per {s.unit} basis"), s.price.baseline, Kind.PRICE),
            Row((s.naam, f"prijs per {s.unit} scenario"), s.price.scenario, Kind.PRICE),
            Row((s.naam, "volume basis"), s.volume.baseline, Kind.VOLUME),
            Row((s.naam, "volume scenario"), s.volume.scenario, Kind.VOLUME),
            Row((s.naam, "kosten basis"), s.cost.baseline),
            Row((s.naam, "kosten scenario"), s.cost.scenario),
            Row((s.naam, "verschil"), s.cost.effect, Kind.EFFECT, section_end=True),
        ]
    per = 7
    n = len(outcome.jeugdhulp.segments)
    cost = outcome.jeugdhulp.cost
    rows += [
        Row(("Totaal jeugdhulp", "kosten basis"), cost.baseline, total_of=tuple(i * per + 4 for i in range(n))),
        Row(("Totaal jeugdhulp", "kosten scenario"), cost.scenario, total_of=tuple(i * per + 5 for i in range(n))),
        Row(
            ("Totaal jeugdhulp", "verschil"),
            cost.effect,
            Kind.EFFECT,
            tuple(i * per + 6 for i in range(n)),
            emphasis=True,
        ),
    ]
    return Table(
        "jeugdhulp",
        "Jeugdhulp per segment: prijs x volume",
        ("Segment", "Regel"),
        _years(outcome),
        tuple(rows),
        ("Prijzen in euro's per eenheid; volumes in eenheden (niet in duizenden).",),
    )


def jeugdhulp_verschil(outcome: Outcome) -> Table:
    """The youth-care cost change split into price, volume and interaction effects, which add up exactly."""
    j = outcome.jeugdhulp
    rows: list[Row] = []
    for s in j.segments:
        rows += [
            Row((s.naam, "prijseffect"), _negate(s.price_effect), Kind.EFFECT),
            Row((s.naam, "volume-effect"), _negate(s.volume_effect), Kind.EFFECT),
            Row((s.naam, "interactie"), _negate(s.interaction), Kind.EFFECT),
            Row((s.naam, "totaal"), s.cost.effect, Kind.EFFECT, (len(rows), len(rows) + 1, len(rows) + 2), True, True),
        ]
    n = len(j.segments)
    rows += [
        Row(("Totaal", "prijseffect"), _negate(j.price_effect), Kind.EFFECT, tuple(i * 4 for i in range(n))),
        Row(("Totaal", "volume-effect"), _negate(j.volume_effect), Kind.EFFECT, tuple(i * 4 + 1 for i in range(n))),
        Row(("Totaal", "interactie"), _negate(j.interaction), Kind.EFFECT, tuple(i * 4 + 2 for i in range(n))),
        Row(("Totaal", "totaal"), j.cost.effect, Kind.EFFECT, (4 * n, 4 * n + 1, 4 * n + 2), emphasis=True),
    ]
    return Table(
        "jeugdhulp_verschil",
        "Jeugdhulp: verschil in kosten naar prijs, volume en interactie",
        ("Segment", "Effect"),
        _years(outcome),
        tuple(rows),
        (
            "Prijseffect = (p1 − p0) × q0; volume-effect = p0 × (q1 − q0); interactie = (p1 − p0) × (q1 − q0).",
            "Hogere kosten zijn nadelig (N).",
        ),
    )


def _negate(values: tuple[Decimal, ...]) -> tuple[Decimal, ...]:
    return tuple(-v for v in values)


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
            Row((label, "31 december scenario"), r.closing.scenario, total_of=(start, start + 1, start + 2)),
            Row((label, "31 december basis"), r.closing.baseline),
            Row((label, "verschil 31 december"), r.closing.effect, Kind.EFFECT, section_end=True),
        ]
    return Table(
        "reserves",
        "Verloop reserves",
        ("Reserve", "Regel"),
        _years(outcome),
        tuple(rows),
        ("Onttrekkingen staan als negatief bedrag, zodat 31 december = 1 januari + toevoegingen + onttrekkingen.",),
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
            "Waardering NAR/Universiteit Twente: A > 2,0; B 1,4-2,0; C 1,0-1,4; D 0,8-1,0; E 0,6-0,8; F < 0,6 "
            "(ratio eerst afgerond op 2 decimalen).",
        ),
    )


def _klasse(klasse: str) -> str:
    text = weerstand_omschrijving(klasse)
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


def verdict_lines(outcome: Outcome) -> tuple[str, str]:
    """The indicative verdict per side, naming the years with a structural deficit even when the test passes."""
    first, last = outcome.years[0], outcome.years[-1]
    saldo = outcome.overview.structureel_saldo

    def line(label: str, verdict: Verdict, values: tuple[Decimal, ...]) -> str:
        text = f"{label}: " + VERDICT_TEXT[verdict].format(first=first, last=last)
        deficit = [str(y) for y, v in zip(outcome.years, values, strict=True) if v < 0]
        if deficit and verdict is not Verdict.NIET_IN_EVENWICHT:
            text += f"; structureel tekort in {', '.join(deficit)}"
        return text

    return (
        line("Basis", outcome.verdict_baseline, saldo.baseline),
        line("Scenario", outcome.verdict_scenario, saldo.scenario),
    )


def run_tables(outcome: Outcome, compact: bool = False) -> tuple[Table, ...]:
    """Every table of the `run` output, in reading order; compact leaves out reserves the scenario leaves alone."""
    tables = [overzicht(outcome, with_verdict=not compact), maatregelen(outcome), programmas(outcome)]
    if outcome.jeugdhulp.segments:
        tables += [jeugdhulp(outcome), jeugdhulp_verschil(outcome)]
    tables += [reserves(outcome, compact), weerstandsvermogen(outcome)]
    if any(outcome.transformatieplan.taakstelling):
        tables.append(transformatieplan(outcome))
    tables += lever_detail_tables(outcome)
    return tuple(tables)


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
    sections: dict[str, tuple[int, ...]] = {}
    for part, title in (("last", "Totaal indexatie lasten"), ("baat", "Totaal indexatie baten"), ("accres", "Accres")):
        start = len(rows)
        for d in detail.rows:
            if d.part == part:
                rows.append(Row((d.labels[0], d.labels[1], d.labels[2]), d.amounts))
        parts = tuple(range(start, len(rows)))
        total = tuple(sum((detail_value(rows, i, y) for i in parts), ZERO) for y in range(n_y))
        rows.append(Row((title, "", ""), total, total_of=parts, emphasis=True, section_end=True))
        sections[part] = (len(rows) - 1,)
    lasten, baten, accres = sections["last"][0], sections["baat"][0], sections["accres"][0]
    gap = tuple(rows[accres].values[y] + rows[baten].values[y] - rows[lasten].values[y] for y in range(n_y))  # type: ignore[operator]
    rows.append(Row(("Verschil: accres + indexatie baten − indexatie lasten", "", ""), gap, Kind.EFFECT, emphasis=True))
    return Table(
        "indexatie",
        "Loon- en prijsindexatie per regel en het accres van de algemene uitkering",
        ("Regel", "Programma", "Index"),
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
    rows = [
        Row(
            (d.labels[0], d.labels[1], d.part),
            d.amounts,
            emphasis=d.total,
            total_of=(len(rows_before) - 3, len(rows_before) - 2) if d.total else (),
            section_end=d.part == "boekwaarde 31 december",
        )
        for rows_before in _prefixes(detail.rows)
        for d in (rows_before[-1],)
    ]
    return Table(
        "kapitaallasten",
        "Investeringen: kapitaallasten per jaar",
        ("Investering", "Programma", "Regel"),
        _years(outcome),
        tuple(rows),
        (
            "Kapitaallasten = afschrijving + rente, vanaf het jaar na activering (BBV); rente over de boekwaarde op "
            "1 januari.",
        ),
    )


def _prefixes(items: tuple[DetailRow, ...]) -> list[tuple[DetailRow, ...]]:
    return [items[: i + 1] for i in range(len(items))]


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
    n_y = len(outcome.years)
    names = {p.programma.code: f"{p.programma.code} {p.programma.naam}" for p in outcome.programmas}
    rows: list[Row] = []
    for soort in (Soort.LAST, Soort.BAAT, Soort.TOEVOEGING, Soort.ONTTREKKING):
        section = [b for b in outcome.bookings if b.soort is soort]
        for b in section:
            omschrijving = b.measure
            if b.reserve:  # "Onttrekking Algemene reserve: Fonds leefbare wijken"
                verb = "Onttrekking" if soort is Soort.ONTTREKKING else "Toevoeging"
                omschrijving = f"{verb} {b.reserve}: {b.measure.removesuffix(': dekking')}"
            rows.append(
                Row(
                    (_FG_SECTION[soort], omschrijving, names.get(b.programma, b.programma), b.aard.letter),
                    b.effect,
                    Kind.EFFECT,
                )
            )
        if section:
            rows[-1] = Row(rows[-1].labels, rows[-1].values, rows[-1].kind, section_end=True)

    def indices(keep) -> tuple[int, ...]:
        return tuple(i for i, row in enumerate(rows) if keep(row))

    def total(parts: tuple[int, ...]) -> tuple[Decimal, ...]:
        return tuple(sum((rows[i].values[y] for i in parts), ZERO) for y in range(n_y))  # type: ignore[misc, type-var]

    exploitatie = indices(lambda r: r.labels[0] in (FG_LASTEN, FG_BATEN))
    alle = indices(lambda r: True)
    structureel = indices(lambda r: r.labels[3] == "S")
    rows += [
        Row((FG_SALDO, "", "", ""), total(exploitatie), Kind.EFFECT, exploitatie),
        Row((FG_RESULTAAT, "", "", ""), total(alle), Kind.EFFECT, alle, emphasis=True),
        Row((FG_STRUCTUREEL, "", "", ""), total(structureel), Kind.EFFECT, structureel, emphasis=True),
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
