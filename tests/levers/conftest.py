"""A small baseline with every line the five budget levers address, and helpers to run a scenario written inline.

Figures are round so every expected value in the tests can be worked out by hand:
- lasten: programme 1 lonen 1000000 (index lonen 4%), programme 1 prijzen 500000 (prijzen 2%), youth care on
  programme 6 (2 segments: 100 clients x 10000 at zorg 5%, 10 x 20000 at jeugdbescherming 5%) and one line
  without index (AD rentelasten 300000);
- baten: algemene uitkering 10000000 (index accres 3%), OZB woningen 2000000 and OZB niet-woningen 1000000
  (index prijzen);
- reserves: algemene reserve 5000000 (weerstand), Reserve dekking kapitaallasten 3000000;
- weerstand: onbenutte belastingcapaciteit 1000000 (Sleutel onbenutte_belastingcapaciteit), benodigd 2000000;
- voorstellen: A 100000 a year opgenomen; B 50000 a year not opgenomen, covered by the algemene reserve.
"""

from __future__ import annotations

import textwrap
from decimal import Decimal
from pathlib import Path

import pytest

from hengelo_scenario.baseline.model import (
    Baseline,
    IndexReeks,
    Instellingen,
    JeugdhulpSegment,
    Line,
    Programma,
    Reserve,
    ReserveSoort,
    Resultaatbestemming,
    Soort,
    Voorstel,
    WeerstandPost,
    Weerstandsoort,
)
from hengelo_scenario.engine import run
from hengelo_scenario.errors import Problem, ScenarioError
from hengelo_scenario.outcome.model import Outcome
from hengelo_scenario.scenario.loader import load_scenario_file
from hengelo_scenario.scenario.model import Scenario
from hengelo_scenario.scenario.resolve import resolve
from tests.engine.builders import YEARS, I, S, d

__all__ = ["YEARS", "d", "lever_baseline"]

PROGRAMMAS = (
    Programma("1", "Veiligheid"),
    Programma("4", "Onderwijs"),
    Programma("6", "Sociaal domein"),
    Programma("AD", "Algemene dekkingsmiddelen"),
)


def lever_baseline(
    *,
    indexen: bool = True,
    voorstellen: bool = True,
    belastingcapaciteit: bool = True,
    algemene_uitkering: bool = True,
    ozb: bool = True,
) -> Baseline:
    segments = (
        JeugdhulpSegment("Ambulant", "cliënt", d(10_000), d(100), index="zorg"),
        JeugdhulpSegment("Jeugdbescherming", "maatregel", d(20_000), d(10), index="jeugdbescherming"),
    )
    lines = [
        Line("1", "Handhaving (personeel)", Soort.LAST, S, d(1_000_000), index="lonen" if indexen else None),
        Line("1", "Materieel", Soort.LAST, S, d(500_000), index="prijzen" if indexen else None),
        Line("6", "Jeugdhulp", Soort.LAST, S, d(1_200_000), key="jeugdhulp", index="zorg" if indexen else None),
        Line("AD", "Rentelasten", Soort.LAST, S, d(300_000)),
    ]
    if algemene_uitkering:
        lines.append(
            Line("AD", "Algemene uitkering", Soort.BAAT, S, d(10_000_000), key="algemene_uitkering", index="accres")
        )
    if ozb:
        lines += [
            Line("AD", "OZB woningen", Soort.BAAT, S, d(2_000_000), key="ozb_woningen", index="prijzen"),
            Line("AD", "OZB niet-woningen", Soort.BAAT, S, d(1_000_000), key="ozb_niet_woningen", index="prijzen"),
        ]
    if not indexen:
        lines = [Line(x.programma, x.description, x.soort, x.aard, x.amounts, x.key) for x in lines]
        segments = tuple(JeugdhulpSegment(s.naam, s.unit, s.prices, s.volumes) for s in segments)
    proposals = (
        (
            Voorstel("A: preventie", "6", S, d(100_000), opgenomen=True),
            Voorstel("B: toegangsteam", "6", I, d(50_000), opgenomen=False, dekking="Algemene reserve"),
        )
        if voorstellen
        else ()
    )
    if voorstellen:  # as the loader does: an opgenomen proposal is a line of the baseline
        lines.append(Line("6", "A: preventie", Soort.LAST, S, d(100_000), key=proposals[0].key))
    weerstand = [WeerstandPost("Risico's", Weerstandsoort.BENODIGD, d(2_000_000))]
    weerstand.append(
        WeerstandPost(
            "Onbenutte belastingcapaciteit",
            Weerstandsoort.BESCHIKBAAR,
            d(1_000_000),
            key="onbenutte_belastingcapaciteit" if belastingcapaciteit else None,
        )
    )
    series = (
        (
            IndexReeks("lonen", d("0.04")),
            IndexReeks("prijzen", d("0.02")),
            IndexReeks("zorg", d("0.05")),
            IndexReeks("jeugdbescherming", d("0.05")),
            IndexReeks("accres", d("0.03")),
        )
        if indexen
        else ()
    )
    return Baseline(
        source="test.xlsx",
        years=YEARS,
        programmas=PROGRAMMAS,
        lines=tuple(lines),
        reserves=(
            Reserve("Algemene reserve", ReserveSoort.ALGEMEEN, Decimal(5_000_000), True),
            # a dekkingsreserve for kapitaallasten: its structural onttrekkingen count as structural (Commissie BBV)
            Reserve(
                "Reserve dekking kapitaallasten",
                ReserveSoort.BESTEMMING,
                Decimal(3_000_000),
                False,
                structurele_mutaties=True,
            ),
        ),
        mutations=(),
        jeugdhulp=segments,
        weerstand=tuple(weerstand),
        indexen=series,
        voorstellen=proposals,
        # the lever tests follow the reserves through the bookings alone; resultaatbestemming has its own tests
        instellingen=Instellingen(resultaatbestemming=Resultaatbestemming.GEEN),
    )


@pytest.fixture
def write(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """write(text): the dedented text as s.yaml in tmp_path (also the working folder)."""
    monkeypatch.chdir(tmp_path)

    def _write(text: str, name: str = "s.yaml") -> Path:
        path = Path(name)
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
        return path

    return _write


def scenario_of(path: Path, baseline: Baseline | None = None) -> Scenario:
    return resolve(load_scenario_file(path), baseline or lever_baseline())


def outcome_of(path: Path, baseline: Baseline | None = None) -> Outcome:
    baseline = baseline or lever_baseline()
    return run(baseline, scenario_of(path, baseline))


def problems_of(path: Path, baseline: Baseline | None = None) -> tuple[Problem, ...]:
    with pytest.raises(ScenarioError) as caught:
        outcome_of(path, baseline)
    return caught.value.problems


def one_problem(path: Path, baseline: Baseline | None = None) -> Problem:
    problems = problems_of(path, baseline)
    assert len(problems) == 1, "\n".join(str(p) for p in problems)
    return problems[0]


def effects(outcome: Outcome) -> dict[str, tuple[Decimal, ...]]:
    """The three differences a council memo names: saldo van baten en lasten, geraamd resultaat, structureel saldo."""
    o = outcome.overview
    return {
        "saldo": o.saldo_baten_lasten.effect,
        "resultaat": o.geraamd_resultaat.effect,
        "structureel": o.structureel_saldo.effect,
    }
