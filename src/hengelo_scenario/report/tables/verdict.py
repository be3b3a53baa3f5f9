"""The structural verdict and the "Let op" points in words: the engine returns them as data, this says them."""

from __future__ import annotations

from hengelo_scenario.outcome.figures import Kind
from hengelo_scenario.outcome.model import (
    Conclusie,
    Grond,
    JaarEvenwicht,
    Outcome,
    Signal,
    SignalKind,
    Verdict,
)
from hengelo_scenario.report import numbers
from hengelo_scenario.report.tables.base import (
    BASIS,
    ONZEKERHEID_LABEL,
    SCENARIO,
    STATUS_TEXT,
    TOEZICHT_TEXT,
    ZONDER_ONZEKER,
    Row,
    Table,
    _amounts_text,
    _euro,
    _years,
    _years_text,
)


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
        # `run --summary` leaves that section out: the line says how to get it
        lines.append(f"Let op: {n} {'punt' if n == 1 else 'punten'}; zie de sectie evenwicht (--sections evenwicht).")
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
