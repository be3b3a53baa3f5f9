"""All five levers at their baseline values reproduce the baseline exactly, and say so instead of passing silently.

For any baseline (amounts and index rates drawn by hypothesis): written in a file, each section equal to the
baseline is refused as "changes no number" (a silent no-op misleads the reader of a memo); handed to the engine
as resolved changes at their baseline values (factors of 1, no parts, no switches), every figure of the outcome
equals the baseline's to the last digit.
"""

from __future__ import annotations

import tempfile
import textwrap
from decimal import Decimal
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from hengelo_scenario.baseline.model import Baseline, IndexReeks
from hengelo_scenario.engine import run
from hengelo_scenario.errors import Origin, ScenarioError
from hengelo_scenario.levers.algemene_uitkering import AlgemeneUitkeringChange
from hengelo_scenario.levers.indexatie import IndexatieChange
from hengelo_scenario.levers.nieuw_beleid import NieuwBeleidChange
from hengelo_scenario.levers.ozb import OzbChange
from hengelo_scenario.records import field_names, replace
from hengelo_scenario.scenario.context import NO_CHANGE
from hengelo_scenario.scenario.loader import load_scenario_file
from hengelo_scenario.scenario.model import Scenario
from hengelo_scenario.scenario.resolve import resolve

from .conftest import YEARS, lever_baseline

ORIGIN = Origin("s.yaml", 1, "x")
ONES = (Decimal(1),) * len(YEARS)

rates = st.integers(-200, 900).map(lambda bp: Decimal(bp) / 10_000)  # -2,00% .. 9,00%
amounts = st.integers(0, 50_000_000_00).map(lambda c: Decimal(c) / 100)


@st.composite
def baselines(draw) -> Baseline:
    baseline = lever_baseline()
    lines = tuple(
        replace(x, amounts=tuple(draw(amounts) for _ in YEARS)) for x in baseline.lines if x.key != "jeugdhulp"
    )
    lines += tuple(x for x in baseline.lines if x.key == "jeugdhulp")  # youth care must stay Σ p x q
    series = tuple(IndexReeks(r.naam, tuple(draw(rates) for _ in YEARS)) for r in baseline.indexen)
    return replace(baseline, lines=lines, indexen=series)


def percent(rate: Decimal) -> str:
    return f"{(rate * 100).normalize():f}%"


@settings(max_examples=40)
@given(baselines())
def test_sections_at_baseline_values_are_refused_as_changing_nothing(baseline):
    first = {r.naam: r.rates[0] for r in baseline.indexen}
    text = textwrap.dedent(f"""
        name: Basis
        algemene_uitkering:
          circulaires:
            meicirculaire 2025: {{2026: 0}}
        indexatie:
          indexen:
            lonen: {{2025: {percent(first["lonen"])}}}
        ozb:
          tarief: {{growth: 0%}}
        nieuw_beleid:
          "A: preventie": aan
          "B: toegangsteam": uit
    """)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "s.yaml"
        path.write_text(text, encoding="utf-8")
        try:
            resolve(load_scenario_file(path), baseline)
        except ScenarioError as error:
            problems = error.problems
        else:
            raise AssertionError("a scenario at baseline values passed silently")
    assert all(NO_CHANGE in p.found for p in problems), [str(p) for p in problems]
    assert {p.field.split(".")[0] for p in problems} == {"algemene_uitkering", "indexatie", "ozb", "nieuw_beleid"}


@settings(max_examples=40)
@given(baselines())
def test_changes_at_baseline_values_reproduce_the_baseline_exactly(baseline):
    ozb_lines = tuple((x, ONES) for x in baseline.lines_with_prefix("ozb"))
    indexed = tuple(x for x in baseline.lines if x.index is not None and x.key != "jeugdhulp")
    scenario = Scenario(
        name="basis",
        years=YEARS,
        algemene_uitkering=AlgemeneUitkeringChange("AD", "algemene_uitkering", (), ORIGIN),
        indexatie=IndexatieChange(
            tuple((r.naam, ONES) for r in baseline.indexen), frozenset(), indexed, None, "6", False, ORIGIN
        ),
        ozb=OzbChange(ozb_lines, baseline.lines[0].aard, "Onbenutte belastingcapaciteit", ORIGIN),
        nieuw_beleid=NieuwBeleidChange(()),
        investeringen=(),
    )
    outcome = run(baseline, scenario)
    assert all(a == 0 for b in outcome.bookings for a in b.amounts)
    figures = [getattr(outcome.overview, f) for f in field_names(outcome.overview)]
    figures += [p.lasten for p in outcome.programmas] + [p.baten for p in outcome.programmas]
    figures += [r.closing for r in outcome.reserves] + [outcome.weerstand.beschikbaar, outcome.jeugdhulp.cost]
    for figure in figures:
        assert [str(x) for x in figure.baseline] == [str(x) for x in figure.scenario]
    assert outcome.verdict_baseline is outcome.verdict_scenario
