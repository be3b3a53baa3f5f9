"""Sweep, tornado and solve on the small baseline of conftest.py, against values worked out by hand.

In every year: structureel saldo S = 1.000.000 − 900.000 − youth care; youth care = 100 x 1.000 (Ambulant)
+ 500 x 100 (Verblijf) = 150.000, so S = −50.000. A price or volume change x on every segment makes the youth
care 150.000 x (1 + x), so S(x) = −50.000 − 150.000·x.
"""

from __future__ import annotations

from decimal import Decimal

import numpy as np
import pytest

from hengelo_scenario.baseline.model import Aard, Soort
from hengelo_scenario.engine import run
from hengelo_scenario.levers.measures import Measure
from hengelo_scenario.scenario.model import Scenario
from hengelo_scenario.uncertainty import levers
from hengelo_scenario.uncertainty.sensitivity import SensitivityError, parse_vary, solve, sweep, tornado

from .conftest import YEARS

D = Decimal
EMPTY = Scenario(name="leeg", years=YEARS)


def test_solve_the_volume_reduction_that_restores_structural_balance(baseline):
    # −50.000 − 150.000·x = 0  =>  x = −1/3: a third less volume on every segment.
    result = solve(baseline, EMPTY, levers.parse("jeugdhulp.volume", baseline, EMPTY), "structureel_saldo", D(0), 2028)
    assert result.linear
    assert abs(result.value - D(-1) / 3) < D("1e-25")
    assert abs(result.at_value) < D("1e-15")  # run on the scenario with that volume: 0 to far below a cent
    assert result.at_zero == D(-50_000)


def test_solve_regie_op_toegang_is_the_same_third(baseline):
    ref = levers.parse("jeugdhulp.regie_op_toegang", baseline, EMPTY)
    result = solve(baseline, EMPTY, ref, "structureel_saldo", D(0), 2028)
    assert abs(result.value - D(1) / 3) < D("1e-25")


def test_solve_on_one_segment_reaches_the_end_of_its_range_exactly(baseline):
    # Verblijf costs 50.000: only by removing all of it (−100%) is −50.000 closed.
    ref = levers.parse("jeugdhulp.segments.verblijf.volume", baseline, EMPTY)
    result = solve(baseline, EMPTY, ref, "structureel_saldo", D(0), 2027)
    assert result.value == D(-1)
    assert result.at_value == 0


def test_solve_says_when_no_value_in_the_range_reaches_the_target(baseline):
    ref = levers.parse("jeugdhulp.segments.Verblijf.volume", baseline, EMPTY)
    with pytest.raises(SensitivityError, match=r"no value of .* in its valid range \(-100% \.\. \+∞\)"):
        solve(baseline, EMPTY, ref, "structureel_saldo", D(100_000), 2028)  # would need −300%


def test_solve_says_when_the_figure_does_not_depend_on_the_lever(baseline):
    ref = levers.parse("jeugdhulp.price.2025", baseline, EMPTY)
    with pytest.raises(SensitivityError, match="does not depend on"):
        solve(baseline, EMPTY, ref, "structureel_saldo", D(0), 2028)


def test_sweep_by_hand_with_the_break_even_marked(baseline):
    # price −50%, −25%, 0%: S = −50.000 + 75.000, + 37.500, + 0 = 25.000, −12.500, −50.000
    axis = parse_vary("jeugdhulp.price=-50%..0%:25%", baseline, EMPTY)
    assert axis.values == (D("-0.5"), D("-0.25"), D(0))  # 0% is a valid point
    result = sweep(baseline, EMPTY, [axis], "structureel_saldo", 2028)
    np.testing.assert_allclose(result.values, [25_000, -12_500, -50_000], atol=0.005)
    assert result.balanced.tolist() == [True, False, False]
    assert result.base == pytest.approx(-50_000)


def test_a_two_lever_sweep_equals_run_at_every_point():
    from .conftest import small_baseline

    baseline = small_baseline()
    measure = Measure("Extra", "", "1", Soort.LAST, Aard.STRUCTUREEL, (D(0), D(10_000), D(20_000), D(30_000)))
    scenario = Scenario(name="s", years=YEARS, measures=(measure,))
    a = parse_vary("measures.extra.amounts=-30000..30000:15000", baseline, scenario)
    b = parse_vary("jeugdhulp.volume=-10%..+10%:5%", baseline, scenario)
    result = sweep(baseline, scenario, [a, b], "geraamd_resultaat", 2028)
    for i, x in enumerate(a.values):
        for j, y in enumerate(b.values):
            exact = run(baseline, levers.apply(baseline, scenario, {a.ref: x, b.ref: y}))
            assert result.values[i, j] == pytest.approx(float(exact.overview.geraamd_resultaat.scenario[3]), abs=0.01)
    # by hand, one corner: 1.000.000 − 900.000 − (30.000 + 30.000) − 150.000 x 1,1 = −125.000
    assert result.values[-1, -1] == pytest.approx(-125_000, abs=0.01)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("jeugdhulp.prise=-5%..5%:1%", "did you mean 'jeugdhulp.price'"),
        ("jeugdhulp.price=-5%..5%:0%", "the step must be above 0"),
        ("jeugdhulp.price=5%..-5%:1%", "is above the high end"),
        ("jeugdhulp.regie_op_toegang=-10%..10%:5%", "outside the valid range"),
        ("jeugdhulp.price=-5..5:1", "must be a percentage"),
        ("jeugdhulp.price=-100%..+900%:1%", "at most 201"),
        ("jeugdhulp.price.2031=-5%..5%:1%", "not a baseline year"),
        ("transformatieplan.realisatie=-5%..5%:1%", "not a lever of this scenario"),
        ("jeugdhulp.price", "expected PATH=LOW..HIGH:STEP"),
    ],
)
def test_bad_vary_options_say_what_is_wrong(baseline, text, message):
    with pytest.raises(SensitivityError, match=message):
        parse_vary(text, baseline, EMPTY)


def test_tornado_defaults_by_hand(baseline):
    # S(x) = −50.000 − 150.000·x for price and volume; Ambulant volume moves 100.000·x, Verblijf 50.000·x;
    # regie op toegang +5% is volume −5%. No transformatieplan in this baseline, so no bar for it.
    result = tornado(baseline, EMPTY, None, "structureel_saldo", 2028)
    bars = {b.label: (b.at_low, b.at_high) for b in result.bars}
    assert bars["Volume Ambulant"] == pytest.approx((-40_000, -60_000))  # ±10%
    assert bars["Volume jeugdhulp"] == pytest.approx((-42_500, -57_500))  # ±5%
    assert bars["Prijs jeugdhulp"] == pytest.approx((-47_000, -57_500))  # −2% / +5%
    assert bars["Volume Verblijf"] == pytest.approx((-45_000, -55_000))  # ±10%
    assert bars["Regie op toegang"] == pytest.approx((-50_000, -42_500))  # 0% / +5%
    assert [b.label for b in result.bars] == [
        "Volume Ambulant",  # swing 20.000
        "Volume jeugdhulp",  # 15.000
        "Prijs jeugdhulp",  # 10.500
        "Volume Verblijf",  # 10.000
        "Regie op toegang",  # 7.500
    ]
    assert result.base == pytest.approx(-50_000)


def test_apply_at_zero_is_the_scenario_itself(baseline):
    ref = levers.parse("jeugdhulp.volume", baseline, EMPTY)
    assert levers.apply(baseline, EMPTY, {ref: D(0)}) is EMPTY
