"""The float path (engine.fast) against the exact Decimal engine, for arbitrary baselines, scenarios and variants."""

from __future__ import annotations

from decimal import Decimal

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hengelo_scenario.baseline.model import Aard, Soort
from hengelo_scenario.engine import fast, run
from hengelo_scenario.errors import ScenarioError
from hengelo_scenario.levers.jeugdhulp import JeugdhulpChange
from hengelo_scenario.levers.measures import Measure
from hengelo_scenario.outcome.model import Booking
from hengelo_scenario.records import replace
from hengelo_scenario.scenario.model import Scenario

from .builders import ORIGIN, YEARS, baat, d, last, make_baseline, segment
from .test_properties import CODES, baselines, scenarios

CENT = 0.01
factor = st.integers(min_value=0, max_value=250).map(lambda p: Decimal(p) / 100)
unit = st.integers(min_value=-3, max_value=3).map(Decimal)


def exact_figures(outcome):
    ar = outcome.algemene_reserve
    return {
        "geraamd_resultaat": outcome.overview.geraamd_resultaat.scenario,
        "structureel_saldo": outcome.overview.structureel_saldo.scenario,
        "lasten": outcome.overview.lasten.scenario,
        "baten": outcome.overview.baten.scenario,
        "algemene_reserve": ar.closing.scenario if ar is not None else None,
        "jeugdhulp": outcome.jeugdhulp.cost.scenario,
        "weerstand_beschikbaar": outcome.weerstand.beschikbaar.scenario,
    }


def assert_cent(fast_values: np.ndarray, exact_values) -> None:
    np.testing.assert_allclose(fast_values, np.array([float(x) for x in exact_values]), rtol=0, atol=CENT)


@settings(max_examples=80)
@given(st.data())
def test_float_path_equals_exact_engine_for_arbitrary_variants(data):
    """Variant v: its own youth-care factors and a linear input (a measure scaled by x_v), evaluated both ways."""
    baseline = data.draw(baselines())
    scenario = data.draw(scenarios(baseline))
    soort = data.draw(st.sampled_from(list(Soort)))
    reserve = "Algemene reserve" if soort.is_reserve_mutation else None
    programma = data.draw(st.sampled_from(CODES))
    aard = data.draw(st.sampled_from([Aard.STRUCTUREEL, Aard.INCIDENTEEL]))
    amounts = tuple(data.draw(unit) for _ in YEARS)
    linear = fast.LinearInput("x", (Booking("x", "", programma, soort, aard, amounts, reserve),))
    try:
        compiled = fast.compile_scenario(baseline, scenario, [linear])
    except ScenarioError:
        return  # a scenario the exact engine refuses is refused here too
    n_s, n_y = len(baseline.jeugdhulp), len(YEARS)
    n = data.draw(st.integers(1, 3))
    prices = [[[data.draw(factor) for _ in YEARS] for _ in range(n_s)] for _ in range(n)]
    volumes = [[[data.draw(factor) for _ in YEARS] for _ in range(n_s)] for _ in range(n)]
    xs = [Decimal(data.draw(st.integers(-2_000_000, 2_000_000))) for _ in range(n)]
    as_float = np.array(prices, dtype=float).reshape(n, n_s, n_y), np.array(volumes, dtype=float).reshape(n, n_s, n_y)
    values = np.array([[[float(x)] * n_y] for x in xs])
    totals = fast.evaluate(compiled, n, as_float[0], as_float[1], values)
    for v in range(n):
        exact_scenario = replace(
            scenario,
            jeugdhulp=JeugdhulpChange(
                tuple(tuple(row) for row in prices[v]),
                tuple(tuple(row) for row in volumes[v]),
                "6",
                scenario.jeugdhulp.aard if scenario.jeugdhulp else Aard.STRUCTUREEL,
                ORIGIN,
            )
            if n_s
            else None,
            measures=scenario.measures
            + tuple(
                Measure("lineair", "", programma, soort, aard, tuple(xs[v] * a for a in amounts), reserve)
                for _ in [0]
                if any(xs[v] * a != 0 for a in amounts)
            ),
        )
        try:
            outcome = run(baseline, exact_scenario)
        except ScenarioError:
            continue  # a no-op or a reserve below zero: the exact engine refuses that variant
        for key, expected in exact_figures(outcome).items():
            if expected is None:
                continue
            assert_cent(totals.figure(key)[v], expected)


@settings(max_examples=25)
@given(baselines(), st.data())
def test_the_basis_of_unit_impulses_equals_the_rules_run_on_the_varying_ledger(baseline, data):
    scenario = data.draw(scenarios(baseline))
    linear = fast.LinearInput(
        "x", (Booking("x", "", "6", Soort.ONTTREKKING, Aard.STRUCTUREEL, d(1), "Algemene reserve"),)
    )
    try:
        compiled = fast.compile_scenario(baseline, scenario, [linear])
    except ScenarioError:
        return
    n = 5
    rng = np.random.default_rng(data.draw(st.integers(0, 1000)))
    price = rng.uniform(0, 2, (n, len(baseline.jeugdhulp), len(YEARS)))
    values = rng.uniform(-1e6, 1e6, (n, 1, len(YEARS)))
    by_basis = fast.evaluate(compiled, n, price=price, linear=values)
    fixed, varying, touched = fast.evaluate_ledger(compiled, n, price=price, linear=values)
    for name in ("geraamd_resultaat", "structureel_saldo", "lasten", "onttrekkingen"):
        np.testing.assert_allclose(by_basis.total(name), getattr(fixed, name) + getattr(varying, name), atol=1e-6)
    i = touched.index(compiled.algemene_reserve)
    np.testing.assert_allclose(
        by_basis.algemene_reserve,
        fixed.reserve_closing[:, compiled.algemene_reserve, :] + varying.reserve_closing[:, i, :],
        atol=1e-6,
    )


def test_each_variant_is_the_same_whether_evaluated_alone_or_with_others():
    baseline = make_baseline(
        lines=[last("6", d(30_000), key="jeugdhulp"), baat("AD", d(100_000)), last("1", d(60_000))],
        jeugdhulp=[segment("A", 100, 200), segment("B", 50, 200)],
    )
    compiled = fast.compile_scenario(baseline, Scenario(name="s", years=YEARS))
    rng = np.random.default_rng(3)
    price = rng.uniform(0.5, 1.5, (1000, 2, 4))
    together = fast.evaluate(compiled, 1000, price=price).structureel_saldo
    alone = np.concatenate([fast.evaluate(compiled, 1, price=price[i : i + 1]).structureel_saldo for i in range(50)])
    assert np.array_equal(together[:50], alone)  # bit for bit


def test_youth_care_by_hand():
    # Two segments, 100 x 200 and 50 x 200 = 30,000 a year; baten 100,000, other lasten 60,000: saldo 10,000.
    # Variant: price +10% on A in 2026 only, volume x 0.5 on B every year:
    #   2025: 20,000 + 50 x 100 = 25,000 -> saldo 100,000 - 60,000 - 25,000 = 15,000
    #   2026: 110 x 200 + 5,000 = 27,000 -> saldo 13,000
    baseline = make_baseline(
        lines=[last("6", d(30_000), key="jeugdhulp"), baat("AD", d(100_000)), last("1", d(60_000))],
        jeugdhulp=[segment("A", 100, 200), segment("B", 50, 200)],
    )
    compiled = fast.compile_scenario(baseline, Scenario(name="s", years=YEARS))
    price = np.ones((1, 2, 4))
    price[0, 0, 1] = 1.1
    volume = np.ones((1, 2, 4))
    volume[0, 1, :] = 0.5
    totals = fast.evaluate(compiled, 1, price=price, volume=volume)
    assert totals.jeugdhulp[0, :2] == pytest.approx([25_000, 27_000])
    assert totals.structureel_saldo[0, :2] == pytest.approx([15_000, 13_000])
