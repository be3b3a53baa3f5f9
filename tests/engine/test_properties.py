"""Properties of the budget math that must hold for any baseline and any valid scenario."""

from __future__ import annotations

from decimal import Decimal

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from hengelo_scenario.baseline.model import (
    Aard,
    Onzekerheid,
    Reserve,
    ReserveSoort,
    Soort,
    WeerstandPost,
    Weerstandsoort,
)
from hengelo_scenario.engine import evaluate_many, run, run_many
from hengelo_scenario.errors import ScenarioError
from hengelo_scenario.levers.jeugdhulp import JeugdhulpChange
from hengelo_scenario.levers.measures import Measure
from hengelo_scenario.money import exact
from hengelo_scenario.records import field_names
from hengelo_scenario.scenario.model import Scenario

from .builders import ORIGIN, PROGRAMMAS, YEARS, JeugdhulpSegment, Line, ReserveMutation, make_baseline

CODES = [p.code for p in PROGRAMMAS]
RESERVES = ["Algemene reserve", "Reserve sociaal domein"]

cents = st.integers(min_value=0, max_value=50_000_000_00).map(lambda c: Decimal(c) / 100)
signed_cents = st.integers(min_value=-5_000_000_00, max_value=5_000_000_00).map(lambda c: Decimal(c) / 100)
aard = st.sampled_from([Aard.STRUCTUREEL, Aard.INCIDENTEEL])
year_amounts = st.tuples(*[cents] * len(YEARS))

lines = st.lists(
    st.builds(
        Line,
        programma=st.sampled_from(CODES),
        description=st.just("regel"),
        soort=st.sampled_from([Soort.LAST, Soort.BAAT]),
        aard=aard,
        amounts=year_amounts,
        onzekerheid=st.sampled_from([None, None, Onzekerheid.STELPOST, Onzekerheid.TAAKSTELLING]),
    ),
    max_size=12,
)
small = st.integers(min_value=0, max_value=100_000_00).map(lambda c: Decimal(c) / 100)
mutations = st.lists(
    st.builds(
        ReserveMutation,
        reserve=st.sampled_from(RESERVES),
        programma=st.sampled_from(CODES),
        description=st.just("mutatie"),
        soort=st.sampled_from([Soort.TOEVOEGING, Soort.ONTTREKKING]),
        aard=aard,
        amounts=st.tuples(*[small] * len(YEARS)),
    ),
    max_size=6,
)
segments = st.lists(
    st.builds(
        JeugdhulpSegment,
        naam=st.sampled_from(["Ambulant", "Daghulp", "Verblijf", "Pleegzorg"]),
        unit=st.just("cliënt"),
        prices=st.tuples(*[st.integers(0, 100_000_00).map(lambda c: Decimal(c) / 100)] * len(YEARS)),
        volumes=st.tuples(*[st.integers(0, 3_000)] * len(YEARS)).map(lambda t: tuple(Decimal(v) for v in t)),
    ),
    max_size=4,
    unique_by=lambda s: s.naam,
)


@st.composite
def baselines(draw):
    reserves = (
        Reserve("Algemene reserve", ReserveSoort.ALGEMEEN, Decimal(60_000_000), True),
        Reserve(
            "Reserve sociaal domein",
            ReserveSoort.BESTEMMING,
            Decimal(1_000_000),
            draw(st.booleans()),
            structurele_mutaties=draw(st.booleans()),
        ),
    )
    weerstand = (
        WeerstandPost("Onvoorzien", Weerstandsoort.BESCHIKBAAR, draw(year_amounts)),
        WeerstandPost("Risico's", Weerstandsoort.BENODIGD, draw(st.tuples(*[cents.filter(bool)] * len(YEARS)))),
    )
    return make_baseline(draw(lines), draw(mutations), reserves, draw(segments), weerstand=weerstand)


factor = st.integers(min_value=0, max_value=300).map(lambda p: Decimal(p) / 100)


@st.composite
def scenarios(draw, baseline):
    measures = []
    for i in range(draw(st.integers(0, 4))):
        soort = draw(st.sampled_from(list(Soort)))
        reserve = draw(st.sampled_from(RESERVES)) if soort.is_reserve_mutation else None
        dekking = draw(st.sampled_from([None, *RESERVES])) if soort is Soort.LAST else None
        amounts = draw(st.tuples(*[signed_cents] * len(YEARS)))
        measures.append(
            Measure(f"m{i}", "", draw(st.sampled_from(CODES)), soort, draw(aard), amounts, reserve, dekking, ORIGIN)
        )
    jeugdhulp = None
    if baseline.jeugdhulp and draw(st.booleans()):
        n = len(baseline.jeugdhulp)
        jeugdhulp = JeugdhulpChange(
            price_factors=tuple(draw(st.tuples(*[factor] * len(YEARS))) for _ in range(n)),
            volume_factors=tuple(draw(st.tuples(*[factor] * len(YEARS))) for _ in range(n)),
            programma="6",
            aard=draw(aard),
            origin=ORIGIN,
        )
    return Scenario(name="s", years=YEARS, jeugdhulp=jeugdhulp, measures=tuple(measures))


def run_or_reject(baseline, scenario):
    """Run, or return None for a scenario the engine rightly refuses (reserve below zero, a no-op)."""
    try:
        return run(baseline, scenario)
    except ScenarioError:
        return None


@given(baselines())
def test_empty_scenario_reproduces_the_baseline_exactly(baseline):
    outcome = run(baseline, Scenario(name="leeg", years=YEARS))
    assert outcome.bookings == ()
    figures = [getattr(outcome.overview, f) for f in field_names(outcome.overview)]
    figures += [p.lasten for p in outcome.programmas] + [r.closing for r in outcome.reserves]
    figures += [s.cost for s in outcome.jeugdhulp.segments]
    for figure in figures:
        assert [str(x) for x in figure.baseline] == [str(x) for x in figure.scenario]
    assert outcome.verdict_baseline is outcome.verdict_scenario


@settings(max_examples=60)
@given(st.data())
def test_totals_are_the_sums_of_their_parts(data):
    baseline = data.draw(baselines())
    outcome = run_or_reject(baseline, data.draw(scenarios(baseline)))
    if outcome is None:
        return
    o = outcome.overview
    for side in ("baseline", "scenario"):
        for y in range(len(YEARS)):

            def total(figures, side=side, y=y):
                return sum((getattr(f, side)[y] for f in figures), Decimal(0))

            assert getattr(o.lasten, side)[y] == total(p.lasten for p in outcome.programmas)
            assert getattr(o.baten, side)[y] == total(p.baten for p in outcome.programmas)
            assert getattr(o.toevoegingen, side)[y] == total(p.toevoegingen for p in outcome.programmas)
            assert getattr(o.onttrekkingen, side)[y] == total(r.onttrekkingen for r in outcome.reserves)
            assert getattr(o.saldo_baten_lasten, side)[y] == total(p.saldo for p in outcome.programmas)
            assert getattr(o.geraamd_resultaat, side)[y] == (
                getattr(o.saldo_baten_lasten, side)[y]
                - getattr(o.toevoegingen, side)[y]
                + getattr(o.onttrekkingen, side)[y]
            )
            assert getattr(outcome.jeugdhulp.cost, side)[y] == total(s.cost for s in outcome.jeugdhulp.segments)


@settings(max_examples=60)
@given(st.data())
def test_price_volume_and_interaction_add_up_to_the_cost_change(data):
    baseline = data.draw(baselines())
    outcome = run_or_reject(baseline, data.draw(scenarios(baseline)))
    if outcome is None:
        return
    for s in outcome.jeugdhulp.segments:
        for y in range(len(YEARS)):
            parts = s.price_effect[y] + s.volume_effect[y] + s.interaction[y]
            assert parts == s.cost.difference[y]


@settings(max_examples=60)
@given(st.data())
def test_reserve_balances_carry_from_year_to_year(data):
    baseline = data.draw(baselines())
    outcome = run_or_reject(baseline, data.draw(scenarios(baseline)))
    if outcome is None:
        return
    for r in outcome.reserves:
        for side in ("baseline", "scenario"):
            opening, closing = getattr(r.opening, side), getattr(r.closing, side)
            toev, ontt = getattr(r.toevoegingen, side), getattr(r.onttrekkingen, side)
            # the algemene reserve also takes up the geraamd resultaat (resultaatbestemming, default on)
            resultaat = getattr(r.resultaat, side) if r.resultaat is not None else (0,) * len(YEARS)
            if r.resultaat is not None:
                assert resultaat == getattr(outcome.overview.geraamd_resultaat, side)
            assert opening[0] == r.reserve.opening_balance
            for y in range(len(YEARS)):
                assert closing[y] == opening[y] + toev[y] - ontt[y] + resultaat[y]
                if r.resultaat is None:
                    assert closing[y] >= 0
            for y in range(1, len(YEARS)):
                assert opening[y] == closing[y - 1]


@given(baselines(), st.tuples(*[cents.filter(bool)] * len(YEARS)), st.sampled_from(CODES))
def test_incidental_cost_covered_by_equal_incidental_withdrawal_is_neutral(baseline, amounts, programma):
    measure = Measure("fonds", "", programma, Soort.LAST, Aard.INCIDENTEEL, amounts, None, "Algemene reserve", ORIGIN)
    outcome = run_or_reject(baseline, Scenario(name="s", years=YEARS, measures=(measure,)))
    if outcome is None:  # the withdrawal would empty the algemene reserve
        return
    o = outcome.overview
    assert o.structureel_saldo.difference == (0,) * len(YEARS)
    assert o.geraamd_resultaat.difference == (0,) * len(YEARS)
    assert o.saldo_baten_lasten.difference == tuple(-a for a in amounts)
    assert outcome.algemene_reserve.closing.difference[-1] == -sum(amounts)


@settings(max_examples=30)
@given(st.data())
def test_many_variants_at_once_equal_one_at_a_time(data):
    baseline = data.draw(baselines())
    many = data.draw(st.lists(scenarios(baseline), min_size=1, max_size=4))
    try:
        together = evaluate_many(baseline, many)
    except ScenarioError:
        return
    for i, scenario in enumerate(many):
        alone = evaluate_many(baseline, [scenario])
        for field in ("geraamd_resultaat", "structureel_saldo", "reserve_closing", "programma_lasten"):
            a, b = getattr(together.totals, field), getattr(alone.totals, field)
            assert np.array_equal(a[i + 1], b[1]), field


@settings(max_examples=30)
@given(st.data())
def test_outcomes_of_many_scenarios_in_one_pass_equal_each_run_alone(data):
    """`compare` and `check` run all their scenarios in one pass: every figure of every outcome must be the one
    `run` gives for that scenario alone (the whole Outcome compared, every figure, booking and signal)."""
    baseline = data.draw(baselines())
    many = data.draw(st.lists(scenarios(baseline), min_size=1, max_size=4))
    alone = [run_or_reject(baseline, scenario) for scenario in many]
    if any(outcome is None for outcome in alone):
        return
    assert run_many(baseline, many) == tuple(alone)


@settings(max_examples=60)
@given(st.data())
def test_arbitrary_valid_scenarios_never_crash_the_engine(data):
    baseline = data.draw(baselines())
    scenario = data.draw(scenarios(baseline))
    with exact():  # and whatever comes out is exact: the engine never needed to round
        run_or_reject(baseline, scenario)


@settings(max_examples=60)
@given(st.data())
def test_the_bridge_and_the_effects_add_up(data):
    """Structureel saldo = geraamd resultaat − incidental saldo − incidental mutations (both sides), and the
    engine's effects of all bookings are the overview's differences."""
    baseline = data.draw(baselines())
    outcome = run_or_reject(baseline, data.draw(scenarios(baseline)))
    if outcome is None:
        return
    o, bbv = outcome.overview, outcome.bbv
    with exact():
        for side in ("baseline", "scenario"):
            resultaat, structureel = getattr(o.geraamd_resultaat, side), getattr(o.structureel_saldo, side)
            inc, mut = getattr(bbv.saldo_incidenteel, side), getattr(bbv.saldo_incidentele_mutaties, side)
            for y in range(len(YEARS)):
                assert structureel[y] == resultaat[y] - inc[y] - mut[y]
                assert getattr(o.saldo_baten_lasten, side)[y] + getattr(o.mutaties_reserves, side)[y] == resultaat[y]
    assert outcome.effects.resultaat == o.geraamd_resultaat.effect
    assert outcome.effects.saldo == o.saldo_baten_lasten.effect
    assert outcome.effects.structureel == o.structureel_saldo.effect
    # the algemene reserve took up exactly the geraamd resultaat
    ar = outcome.algemene_reserve
    assert ar.resultaat.scenario == o.geraamd_resultaat.scenario
