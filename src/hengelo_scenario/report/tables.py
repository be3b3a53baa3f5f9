"""Outcome -> tables in the budget's own Dutch terms, as data: the console, CSV and Excel all render these.

A table has label columns and one value column per year. Values stay unrounded Decimals; each row says how its
values are to be read (`Kind`), and a total row names the rows it adds up, so an export can write a SUM formula
that recomputes to exactly the same total.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from hengelo_scenario.baseline.model import ReserveSoort, Soort
from hengelo_scenario.money import ZERO
from hengelo_scenario.outcome.figures import Kind
from hengelo_scenario.outcome.model import (
    Conclusie,
    Figure,
    Grond,
    JaarEvenwicht,
    LeverDetail,
    Outcome,
    Signal,
    SignalKind,
    Verdict,
)
from hengelo_scenario.report import numbers

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

STATUS_TEXT = {
    Verdict.IN_EVENWICHT: "elk jaar structureel en reëel in evenwicht",
    Verdict.NIET_ELK_JAAR: "niet elk jaar structureel en reëel in evenwicht",
    Verdict.NIET_IN_EVENWICHT: "niet structureel en reëel in evenwicht in het begrotingsjaar {first} en in het laatste "
    "jaar {last}",
}
TOEZICHT_TEXT = {
    Grond.BEGROTINGSJAAR: "repressief toezicht: het begrotingsjaar {first} is structureel en reëel in evenwicht",
    Grond.LAATSTE_JAAR: "repressief toezicht: de meerjarenraming is uiterlijk in {last} structureel en reëel in "
    "evenwicht",
    Grond.GEEN: "risico op preventief toezicht: in {first} {first_kort}, in {last} {last_kort}",
}
KLASSE_OMSCHRIJVING = {
    "A": "uitstekend",
    "B": "ruim voldoende",
    "C": "voldoende",
    "D": "matig",
    "E": "onvoldoende",
    "F": "ruim onvoldoende",
}
ONZEKERHEID_LABEL = {"stelpost": "Stelpost", "taakstelling": "Taakstelling", "onzeker": "Onzekere raming"}
ZONDER_ONZEKER = "zonder stelposten en taakstellingen"


def _years(outcome: Outcome) -> tuple[str, ...]:
    return tuple(str(y) for y in outcome.years)


def figure_rows(label: str, figure: Figure, kind: Kind = Kind.MONEY) -> list[Row]:
    """Basis, scenario and verschil of one figure; the verschil of an amount is read as V/N."""
    difference: tuple[Value, ...]
    if kind is Kind.MONEY:
        difference, difference_kind = figure.effect, Kind.EFFECT
    else:
        difference = _nan_safe_difference(figure)
        difference_kind = Kind.PERCENTAGE_POINT if kind is Kind.PERCENT else kind
    return [
        Row((label, BASIS), figure.baseline, kind),
        Row((label, SCENARIO), figure.scenario, kind),
        Row((label, VERSCHIL), difference, difference_kind, section_end=True),
    ]


def _nan_safe_difference(figure: Figure) -> tuple[Value, ...]:
    """The figure's own difference, with '-' (None) where a ratio has no value."""
    return tuple(None if d.is_nan() else d for d in figure.difference)


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
        Row(("Totaal jeugdzorg", "kosten basis"), cost.baseline, total_of=tuple(i * per + 4 for i in range(n))),
        Row(("Totaal jeugdzorg", "kosten scenario"), cost.scenario, total_of=tuple(i * per + 5 for i in range(n))),
        Row(
            ("Totaal jeugdzorg", "verschil"),
            cost.effect,
            Kind.EFFECT,
            tuple(i * per + 6 for i in range(n)),
            emphasis=True,
        ),
    ]
    return Table(
        "jeugdhulp",
        "Jeugdzorg per segment: prijs x volume",
        ("Segment", "Regel"),
        _years(outcome),
        tuple(rows),
        (
            "Prijzen in euro's per eenheid; volumes in eenheden (niet in duizenden).",
            "Jeugdzorg = jeugdhulp + jeugdbescherming + jeugdreclassering: het totaal omvat alle segmenten.",
        ),
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
        "Jeugdzorg: verschil in kosten naar prijs, volume en interactie",
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
        ]
        parts = (start, start + 1, start + 2)
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


def _euro(value: Decimal) -> str:
    return "€\u00a0" + numbers.dutch_number(value)  # a no-break space: the amount never wraps from its sign


def _kort(j: JaarEvenwicht) -> str:
    """Why a year falls short, in a few words."""
    if not j.structureel:
        return f"een structureel tekort van {_euro(-j.structureel_saldo)}"
    return f"structureel evenwicht, maar {ZONDER_ONZEKER} een tekort van {_euro(-j.reeel_saldo)}"


def conclusie_summary(label: str, conclusie: Conclusie, years: tuple[int, ...]) -> str:
    """One sentence: the status and the indicated kind of toezicht (Gemeentewet art. 203)."""
    first, last = years[0], years[-1]
    status = STATUS_TEXT[conclusie.status].format(first=first, last=last)
    toezicht = TOEZICHT_TEXT[conclusie.grond].format(
        first=first,
        last=last,
        first_kort=_kort(conclusie.jaren[0]),
        last_kort=_kort(conclusie.jaren[-1]),
    )
    return f"{label}: {status}. Indicatie: {toezicht} (Gemeentewet art. 203)."


def year_lines(conclusie: Conclusie) -> tuple[str, ...]:
    """Per jaarschijf: the structureel saldo, in balance or by how much not, and the same without the uncertain
    items (reëel)."""
    lines = []
    for i, j in enumerate(conclusie.jaren):
        kind = "begrotingsjaar" if i == 0 else "meerjarenraming"
        structureel = (
            f"structureel in evenwicht ({_euro(j.structureel_saldo)})"
            if j.structureel
            else f"structureel tekort van {_euro(-j.structureel_saldo)}"
        )
        reeel = (
            f"{ZONDER_ONZEKER} {_euro(j.reeel_saldo)}, reëel in evenwicht"
            if j.reeel
            else f"{ZONDER_ONZEKER} een tekort van {_euro(-j.reeel_saldo)}, reëel niet in evenwicht"
        )
        lines.append(f"{j.year} ({kind}): {structureel}; {reeel}.")
    return tuple(lines)


def verdict_lines(outcome: Outcome) -> tuple[str, str]:
    """The indicative verdict per side in one sentence each (the per-year detail is `year_lines`)."""
    return (
        conclusie_summary("Basis", outcome.conclusie_baseline, outcome.years),
        conclusie_summary("Scenario", outcome.conclusie_scenario, outcome.years),
    )


EVENWICHT = "evenwicht"


def evenwicht(outcome: Outcome) -> Table:
    """The verdict as a table, for the exports (the Excel sheet, the CSV rows): per side and year the structureel
    saldo with and without the uncertain items, whether each balances, and the status with the indicated toezicht."""
    rows: list[Row] = []

    def yes_no(flag: bool) -> str:
        return "ja" if flag else "nee"

    for variant, c in ((BASIS, outcome.conclusie_baseline), (SCENARIO, outcome.conclusie_scenario)):
        status = f"{c.status}; {c.toezicht} toezicht"
        rows += [
            Row(("Structureel saldo", variant), tuple(j.structureel_saldo for j in c.jaren)),
            Row((f"Structureel saldo {ZONDER_ONZEKER}", variant), tuple(j.reeel_saldo for j in c.jaren)),
            Row(("Structureel in evenwicht", variant), tuple(yes_no(j.structureel) for j in c.jaren), Kind.TEXT),
            Row(("Reëel in evenwicht", variant), tuple(yes_no(j.reeel) for j in c.jaren), Kind.TEXT),
            Row(("Oordeel (indicatie)", variant), tuple(status for _ in c.jaren), Kind.TEXT, section_end=True),
        ]
    return Table(
        EVENWICHT,
        "Structureel en reëel evenwicht per jaar (indicatie, geen oordeel van de provincie)",
        ("Onderdeel", "Variant"),
        _years(outcome),
        tuple(rows),
        (
            *verdict_lines(outcome),
            *year_lines(outcome.conclusie_scenario),
            "Gemeentewet art. 203: repressief toezicht als het begrotingsjaar structureel en reëel in evenwicht is, of "
            "de meerjarenraming dat uiterlijk in het laatste jaar is; structureel evenwicht geldt per jaarschijf.",
        ),
    )


def verdict_detail_lines(outcome: Outcome) -> tuple[str, ...]:
    """The verdict for a memo: the scenario's summary, each of its years, then the basis's summary."""
    basis, scenario = verdict_lines(outcome)
    return (scenario, *year_lines(outcome.conclusie_scenario), basis)


STATUS_SHORT = {
    Verdict.IN_EVENWICHT: "elk jaar structureel en reëel in evenwicht",
    Verdict.NIET_ELK_JAAR: "niet elk jaar in evenwicht",
    Verdict.NIET_IN_EVENWICHT: "niet in evenwicht",
}
TOEZICHT_SHORT = {
    Grond.BEGROTINGSJAAR: "repressief toezicht (begrotingsjaar in evenwicht)",
    Grond.LAATSTE_JAAR: "repressief toezicht (laatste jaar in evenwicht)",
    Grond.GEEN: "risico op preventief toezicht",
}


def _short(label: str, c: Conclusie) -> str:
    text = f"{label}: {STATUS_SHORT[c.status]}; indicatie {TOEZICHT_SHORT[c.grond]}"
    tekort = c.tekort_jaren
    niet_reeel = tuple(j.year for j in c.jaren if j.structureel and not j.reeel)
    parts = []
    if tekort:
        parts.append(f"structureel tekort in {_years_text(tekort)}")
    if niet_reeel:
        parts.append(f"{ZONDER_ONZEKER} tekort in {_years_text(niet_reeel)}")
    return text + (". " + "; ".join(parts).capitalize() + "." if parts else ".")


def headline_lines(outcome: Outcome) -> tuple[str, ...]:
    """The verdict in a few lines, for the headline (which must fit 25 lines at 80 columns): each side's status,
    the indicated toezicht (Gemeentewet art. 203) and the deficit years; the count of Let op points."""
    lines = [_short("Scenario", outcome.conclusie_scenario), _short("Basis", outcome.conclusie_baseline)]
    if outcome.signals:
        n = len(outcome.signals)
        lines.append(f"Let op: {n} {'punt' if n == 1 else 'punten'} (in de sectie evenwicht).")
    return tuple(lines)


def verdict_panel_lines(outcome: Outcome, with_signals: bool = True) -> tuple[str, ...]:
    """What the terminal's verdict panel says: the scenario per year, the basis in one line, the Let op lines."""
    basis, scenario = verdict_lines(outcome)
    return (
        scenario,
        *(f"  {line}" for line in year_lines(outcome.conclusie_scenario)),
        basis,
        *((f"Let op: {text}" for text in signal_lines(outcome)) if with_signals else ()),
    )


def _years_text(years: tuple[int, ...]) -> str:
    return ", ".join(str(y) for y in years)


def _amounts_text(years: tuple[int, ...], amounts: tuple[Decimal, ...]) -> str:
    shown = [(y, a) for y, a in zip(years, amounts, strict=True) if a != 0]
    if shown and len({a for _, a in shown}) == 1 and len(shown) == len(years):
        return f"{_euro(shown[0][1])} per jaar"
    return "; ".join(f"{y}: {_euro(a)}" for y, a in shown)


def signal_text(signal: Signal, years: tuple[int, ...]) -> str:
    """The Dutch sentence of one structured signal."""
    where = "basiswerkboek" if signal.in_baseline else "scenario"
    k = signal.kind
    if k is SignalKind.INCIDENTEEL_LANG:
        return (
            f"'{signal.subject}' ({where}) is incidenteel geraamd in {signal.detail} opeenvolgende jaren "
            f"({_years_text(signal.years)}), meer dan {signal.number}: controleer of dit structureel is (Commissie "
            "BBV: incidenteel is hooguit drie jaar, of tijdelijk met een vaste einddatum)."
        )
    if k is SignalKind.WEERSTAND_ONDER_NORM:
        assert signal.number is not None
        norm = numbers.dutch_number(signal.number, 1)
        return f"Weerstandsratio (afgerond) onder de norm {norm} in {_years_text(signal.years)}."
    if k is SignalKind.STRUCTUREEL_ALS_INCIDENTEEL:
        return (
            f"'{signal.subject}' ({where}) is een structurele mutatie van {signal.detail}, die geen structurele "
            "mutaties mag hebben: in het structureel saldo telt die als incidenteel. Reservemutaties zijn "
            "incidenteel, behalve bij een dekkingsreserve voor kapitaallasten of een bestemmingsreserve met een "
            "vastgelegde regelmatige onttrekking van minstens drie jaar (Commissie BBV, notitie structurele en "
            "incidentele baten en lasten)."
        )
    if k is SignalKind.ONZEKERE_POST:
        label = ONZEKERHEID_LABEL.get(signal.detail, signal.detail)
        return (
            f"{label} '{signal.subject}' ({_amounts_text(years, signal.amounts)}): telt niet mee in het structureel "
            f"saldo {ZONDER_ONZEKER}; de provincie kan het saldo ervoor corrigeren (reëel evenwicht, GTK 2020)."
        )
    if k is SignalKind.OPEN_TAAKSTELLING:
        return (
            f"Open taakstelling transformatieplan ('{signal.subject}', {_amounts_text(years, signal.amounts)}): nog "
            f"niet ingevuld, telt als taakstelling in het structureel saldo {ZONDER_ONZEKER}."
        )
    if k is SignalKind.RESERVE_NEGATIEF:
        assert signal.number is not None
        return (
            f"De {signal.subject} komt door het opvangen van de tekorten onder nul in {_years_text(signal.years)} "
            f"(laagste stand {_euro(signal.number)}): de buffer is op en de tekorten hebben andere dekking nodig."
        )
    return signal.subject


def signal_lines(outcome: Outcome) -> tuple[str, ...]:
    return tuple(signal_text(s, outcome.years) for s in outcome.signals)


# --- The BBV overviews ------------------------------------------------------------------------------------------

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


def run_tables(outcome: Outcome, compact: bool = False) -> tuple[Table, ...]:
    """Every table of the `run` output, in reading order; compact leaves out reserves the scenario leaves alone."""
    tables = [overzicht(outcome, with_verdict=not compact), maatregelen(outcome), programmas(outcome)]
    if outcome.jeugdhulp.segments:
        tables += [jeugdhulp(outcome), jeugdhulp_verschil(outcome)]
    tables += [reserves(outcome, compact), weerstandsvermogen(outcome)]
    if any(outcome.transformatieplan.taakstelling):
        tables.append(transformatieplan(outcome))
    tables += lever_detail_tables(outcome)
    tables += bbv_tables(outcome)
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
