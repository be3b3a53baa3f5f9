"""What `baseline show` prints: the workbook as loaded, with totals per year computed by the engine."""

from __future__ import annotations

from hengelo_scenario.baseline.model import Baseline
from hengelo_scenario.engine import run
from hengelo_scenario.report.tables import Kind, Row, Table
from hengelo_scenario.scenario.model import Scenario


def baseline_tables(baseline: Baseline) -> tuple[Table, ...]:
    outcome = run(baseline, Scenario(name="basis", years=baseline.years))
    years = tuple(str(y) for y in baseline.years)

    rows: list[Row] = []
    for p in outcome.programmas:
        rows += [
            Row((p.programma.code, p.programma.naam, "lasten"), p.lasten.baseline),
            Row(("", "", "baten"), p.baten.baseline),
            Row(("", "", "saldo"), p.saldo.baseline, section_end=True),
        ]
    o = outcome.overview
    n = len(outcome.programmas)
    lasten_rows = tuple(3 * i for i in range(n))
    baten_rows = tuple(3 * i + 1 for i in range(n))
    rows += [
        Row(("", "Totaal", "lasten"), o.lasten.baseline, total_of=lasten_rows, emphasis=True),
        Row(("", "Totaal", "baten"), o.baten.baseline, total_of=baten_rows, emphasis=True),
        Row(("", "Saldo van baten en lasten", ""), o.saldo_baten_lasten.baseline, emphasis=True),
        Row(("", "Toevoegingen aan reserves", ""), o.toevoegingen.baseline),
        Row(("", "Onttrekkingen aan reserves", ""), o.onttrekkingen.baseline),
        Row(("", "Geraamd resultaat", ""), o.geraamd_resultaat.baseline, emphasis=True),
        Row(("", "Structureel saldo", ""), o.structureel_saldo.baseline, emphasis=True),
        Row(("", "Structureel saldo zonder stelposten en taakstellingen", ""), o.reeel_structureel_saldo.baseline),
    ]
    programmas = Table(
        "basis_programmas",
        "Lasten en baten per programma (basis)",
        ("Code", "Programma", "Soort"),
        years,
        tuple(rows),
        (f"{len(baseline.lines)} regels in 'Lasten en baten', {len(baseline.mutations)} in 'Reservemutaties'.",),
    )

    reserve_rows: list[Row] = []
    for r in outcome.reserves:
        start = len(reserve_rows)
        reserve_rows += [
            Row((r.reserve.naam, "1 januari"), r.opening.baseline),
            Row(("", "toevoegingen"), r.toevoegingen.baseline),
            Row(("", "onttrekkingen"), tuple(-v for v in r.onttrekkingen.baseline)),
        ]
        parts: tuple[int, ...] = (start, start + 1, start + 2)
        if r.resultaat is not None:
            reserve_rows.append(Row(("", "resultaatbestemming"), r.resultaat.baseline))
            parts = (*parts, start + 3)
        reserve_rows.append(Row(("", "31 december"), r.closing.baseline, total_of=parts, section_end=True))
    reserves = Table("basis_reserves", "Reserves (basis)", ("Reserve", "Regel"), years, tuple(reserve_rows))

    segment_rows: list[Row] = []
    for s in outcome.jeugdhulp.segments:
        segment_rows += [
            Row((s.naam, f"prijs per {s.unit}"), s.price.baseline, Kind.PRICE),
            Row(("", "volume"), s.volume.baseline, Kind.VOLUME),
            Row(("", "kosten"), s.cost.baseline, section_end=True),
        ]
    segment_rows.append(
        Row(
            ("Totaal jeugdzorg", "kosten"),
            outcome.jeugdhulp.cost.baseline,
            total_of=tuple(3 * i + 2 for i in range(len(outcome.jeugdhulp.segments))),
            emphasis=True,
        )
    )
    jeugdhulp = Table(
        "basis_jeugdhulp", "Jeugdzorg per segment (basis)", ("Segment", "Regel"), years, tuple(segment_rows)
    )

    w = outcome.weerstand
    weerstand = Table(
        "basis_weerstand",
        "Weerstandsvermogen (basis)",
        ("Onderdeel",),
        years,
        (
            Row(("Beschikbare weerstandscapaciteit",), w.beschikbaar.baseline),
            Row(("Benodigde weerstandscapaciteit",), w.benodigd.baseline),
            Row(("Weerstandsratio",), w.ratio.baseline, Kind.RATIO),
            Row(("Waardering",), w.klasse_baseline, Kind.TEXT),
        ),
    )
    tables = [programmas, reserves]
    if baseline.jeugdhulp:
        tables.append(jeugdhulp)
    tables.append(weerstand)
    tables += lever_sheets(baseline, years)
    return tuple(tables)


def lever_sheets(baseline: Baseline, years: tuple[str, ...]) -> list[Table]:
    """The sheets the budget levers use, when the workbook has them: the indices and the proposals."""
    tables: list[Table] = []
    if baseline.indexen:
        indexed = [item.index for item in baseline.lines] + [segment.index for segment in baseline.jeugdhulp]
        counted = {r.naam: indexed.count(r.naam) for r in baseline.indexen}  # lines and tariffs per category
        tables.append(
            Table(
                "basis_indexen",
                "Indexcijfers (basis, blad 'Indexen')",
                ("Index", "Regels en tarieven"),
                years,
                tuple(Row((r.naam, str(counted[r.naam])), r.rates, Kind.PERCENT) for r in baseline.indexen),
                ("Het eerste jaar zit in de bedragen; de latere jaren tellen alleen in lopende prijzen.",),
            )
        )
    if baseline.voorstellen:
        rows = tuple(
            Row(
                (v.naam, v.programma, "opgenomen" if v.opgenomen else "niet opgenomen", v.aard.letter),
                v.amounts,
            )
            for v in baseline.voorstellen
        )
        tables.append(
            Table(
                "basis_voorstellen",
                "Voorstellen nieuw beleid (basis, blad 'Voorstellen')",
                ("Voorstel", "Programma", "In de basis", "I/S"),
                years,
                rows,
                ("Opgenomen voorstellen zitten in de lasten van de basis; een scenario zet ze aan of uit.",),
            )
        )
    return tables
