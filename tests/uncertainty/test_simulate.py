"""The Monte Carlo: statistics where theory puts them, the exact engine for the same draws, determinism."""

from __future__ import annotations

import math
from decimal import Decimal
from statistics import NormalDist

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hengelo_scenario.engine import run
from hengelo_scenario.errors import ScenarioError
from hengelo_scenario.records import replace
from hengelo_scenario.scenario.resolve import resolve
from hengelo_scenario.uncertainty import levers, sampling
from hengelo_scenario.uncertainty.distributions import Distribution, Kind
from hengelo_scenario.uncertainty.resolve import resolve_uncertainty
from hengelo_scenario.uncertainty.simulate import simulate
from hengelo_scenario.uncertainty.stats import percentiles

Z = NormalDist()
N = 200_000
PS = (0.05, 0.25, 0.5, 0.75, 0.95)


def cdf_tolerance(p: float, n: int) -> float:
    """Four standard errors of an empirical CDF at a point where the true CDF is p."""
    return 4 * math.sqrt(p * (1 - p) / n)


@pytest.mark.parametrize(
    ("dist", "quantile"),
    [
        (Distribution(Kind.NORMAL, 3.0, 2.0), lambda p: 3.0 + 2.0 * Z.inv_cdf(p)),
        (Distribution(Kind.UNIFORM, -1.0, 4.0), lambda p: -1.0 + 5.0 * p),
        # triangular(0, 1, 4): F(x) = x²/4 on [0, 1], 1 − (4 − x)²/12 on [1, 4]
        (
            Distribution(Kind.TRIANGULAR, 0.0, 1.0, 4.0),
            lambda p: math.sqrt(4 * p) if p < 0.25 else 4 - math.sqrt(12 * (1 - p)),
        ),
        # lognormal of mean 1.03 and sd 0.05 (a rate of mean 3%, drawn as the factor 1 + r): σ² = ln(1 + (0.05/1.03)²)
        (
            Distribution(Kind.LOGNORMAL, 0.03, 0.05, shift=-1.0),
            lambda p: (
                math.exp(
                    math.log(1.03)
                    - math.log1p((0.05 / 1.03) ** 2) / 2
                    + math.sqrt(math.log1p((0.05 / 1.03) ** 2)) * Z.inv_cdf(p)
                )
                - 1
            ),
        ),
    ],
)
def test_draws_have_the_quantiles_of_theory(dist, quantile):
    x = dist.sample(np.random.default_rng(1), N)
    for p in PS:
        share_below = float(np.mean(x <= quantile(p)))
        assert abs(share_below - p) <= cdf_tolerance(p, N), (p, share_below)
        assert abs(float(dist.ppf(p)) - quantile(p)) < 1e-9  # the inverse CDF the tornado and the copula use


def test_pert_has_the_pert_mean_and_variance():
    # Beta-PERT(low 2, mode 3, high 10): mean (2 + 4·3 + 10)/6 = 4, variance (mean − low)(high − mean)/7 = 12/7
    x = Distribution(Kind.PERT, 2.0, 3.0, 10.0).sample(np.random.default_rng(2), N)
    assert abs(x.mean() - 4.0) < 4 * math.sqrt(12 / 7 / N)
    assert abs(x.var() - 12 / 7) < 0.03  # about 4 standard errors of the variance at this n
    assert x.min() >= 2.0
    assert x.max() <= 10.0


def test_exact_percentiles_match_numpy():
    rng = np.random.default_rng(5)
    data = np.stack(
        [rng.standard_normal(300_000), rng.lognormal(0, 2, 300_000), np.round(rng.standard_normal(300_000))]
    )
    np.testing.assert_allclose(
        percentiles(data, [5, 25, 50, 75, 95]), np.percentile(data, [5, 25, 50, 75, 95], axis=1), rtol=0, atol=1e-12
    )


SCENARIO = """
name: Onzeker
measures:
  - name: Extra
    programma: 1
    soort: last
    amounts: {2025: 1000}
uncertainty:
  levers:
    measures.Extra.amounts: {distribution: normal, mean: 0, sd: 100000}
"""


def test_percentiles_through_the_whole_simulation_land_where_theory_puts_them(baseline, scenario_file):
    # structureel saldo 2026 = −50.000 − x with x ~ normal(0, 100.000): Pq = −50.000 − 100.000·z(1 − q).
    # Tolerance: 4 standard errors of a sample quantile, 4·σ·sqrt(p(1 − p)/n)/φ(z_p).
    file = scenario_file(SCENARIO)
    scenario = resolve(file, baseline)
    spec = resolve_uncertainty(file, baseline, scenario)
    n = 100_000
    result = simulate(baseline, scenario, spec, n, seed=11)
    for i, p in enumerate(PS):
        z = Z.inv_cdf(p)
        theory = -50_000 - 100_000 * Z.inv_cdf(1 - p)
        tolerance = 4 * 100_000 * math.sqrt(p * (1 - p) / n) / Z.pdf(z)
        assert abs(result.percentiles["structureel_saldo"][i, 1] - theory) < tolerance, (p, theory)
    # P(structural deficit) = P(x > −50.000) = Φ(0,5) = 0,6915
    assert abs(result.probabilities["tekort"][1] - Z.cdf(0.5)) < cdf_tolerance(0.69, n)


def test_a_zero_width_distribution_reproduces_run(baseline, scenario_file):
    with_block = scenario_file(
        "name: a\njeugdhulp: {volume: {growth: 10%, from: 2026}}\n"
        "uncertainty:\n  jeugdhulp:\n    volume: {growth: {distribution: normal, mean: 3%, sd: 0%}, from: 2026}\n"
    )
    plain = scenario_file("name: b\njeugdhulp: {volume: {growth: 3%, from: 2026}}\n", "b.yaml")
    scenario = resolve(with_block, baseline)
    spec = resolve_uncertainty(with_block, baseline, scenario)
    result = simulate(baseline, scenario, spec, 1000, seed=1)
    outcome = run(baseline, resolve(plain, baseline))
    for key, figure in (
        ("structureel_saldo", outcome.overview.structureel_saldo),
        ("jeugdhulp", outcome.jeugdhulp.cost),
    ):
        for i in range(len(PS)):
            np.testing.assert_allclose(result.percentiles[key][i], [float(x) for x in figure.scenario], atol=0.01)


CORRELATED = """
name: c
uncertainty:
  jeugdhulp:
    volume: {growth: {distribution: %s}}
    correlation:
      volume: {matrix: [[1, 0.8], [0.8, 1]]}
"""


def test_correlation_shows_in_the_draws(baseline, scenario_file):
    file = scenario_file(CORRELATED % "normal, mean: 3%, sd: 2%")
    scenario = resolve(file, baseline)
    spec = resolve_uncertainty(file, baseline, scenario)
    result = simulate(baseline, scenario, spec, 100_000, seed=3, keep=True)
    assert result.inputs is not None
    r = np.corrcoef(result.inputs[:, 0], result.inputs[:, 1])[0, 1]
    assert abs(r - 0.8) < 0.01  # the standard error of r is (1 − 0,64)/√100.000 ≈ 0,0011


def test_correlation_of_triangular_marginals_goes_through_the_copula(baseline, scenario_file):
    file = scenario_file(CORRELATED % "triangular, low: -2%, mode: 3%, high: 9%")
    scenario = resolve(file, baseline)
    spec = resolve_uncertainty(file, baseline, scenario)
    result = simulate(baseline, scenario, spec, 100_000, seed=4, keep=True)
    x, y = result.inputs[:, 0], result.inputs[:, 1]
    ranks = [np.argsort(np.argsort(v)) for v in (x, y)]
    spearman = np.corrcoef(*ranks)[0, 1]
    assert abs(spearman - 6 / math.pi * math.asin(0.4)) < 0.01  # Gaussian copula: (6/π)·asin(ρ/2) = 0,786
    assert x.min() >= -0.02
    assert x.max() <= 0.09


def test_same_seed_same_numbers_whatever_the_chunk_size_or_number_of_threads(baseline, scenario_file):
    file = scenario_file(CORRELATED % "normal, mean: 3%, sd: 2%")
    scenario = resolve(file, baseline)
    spec = resolve_uncertainty(file, baseline, scenario)
    runs = [simulate(baseline, scenario, spec, 30_000, seed=9, chunk=c, keep=True) for c in (1, 20_000, 10**6)]
    runs.append(simulate(baseline, scenario, spec, 30_000, seed=9, chunk=8192, keep=True, jobs=3))
    for other in runs[1:]:
        for key in runs[0].percentiles:
            assert np.array_equal(runs[0].percentiles[key], other.percentiles[key])
        assert np.array_equal(runs[0].inputs, other.inputs)
    prefix = simulate(baseline, scenario, spec, 1000, seed=9, keep=True)
    assert np.array_equal(prefix.inputs, runs[0].inputs[:1000])
    assert not np.array_equal(simulate(baseline, scenario, spec, 1000, seed=10, keep=True).inputs, prefix.inputs)


EXACT = """
name: e
jeugdhulp:
  price: {growth: 2%, from: 2026}
measures:
  - name: M
    programma: 1
    soort: last
    amounts: {2026: 5000}
    dekking: algemene reserve
uncertainty:
  jeugdhulp:
    price: {growth: {distribution: PRICE}, from: 2026}
    segments:
      Verblijf: {volume: {per_year: {2027: {distribution: uniform, low: -20%, high: 30%}}}}
  levers:
    measures.M.amounts: {distribution: triangular, low: -10000, mode: 0, high: 40000}
    jeugdhulp.regie_op_toegang.2028: {distribution: uniform, low: 0%, high: 10%}
"""


@settings(max_examples=15)
@given(st.integers(0, 2**31), st.sampled_from(["normal, mean: 4%, sd: 3%", "pert, low: -1%, mode: 2%, high: 9%"]))
def test_the_simulation_path_equals_run_for_the_same_drawn_inputs(seed, price):
    import tempfile
    from pathlib import Path

    from hengelo_scenario.scenario.loader import load_scenario_file

    from .conftest import small_baseline

    baseline = small_baseline()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "e.yaml"
        path.write_text(EXACT.replace("PRICE", price), encoding="utf-8")
        file = load_scenario_file(path)
    scenario = resolve(file, baseline)
    spec = resolve_uncertainty(file, baseline, scenario)
    result = simulate(baseline, scenario, spec, 20, seed=seed, keep=True)
    values = result.inputs.T
    price_f, volume_f, shifts = sampling.inputs(spec, values)
    price_f, volume_f = price_f.dense(values.shape[1]), volume_f.dense(values.shape[1])
    for i in (0, 7, 19):
        jeugd = replace(
            scenario.jeugdhulp,
            price_factors=tuple(tuple(Decimal(repr(float(f))) for f in row[:, i]) for row in price_f),
            volume_factors=tuple(tuple(Decimal(repr(float(f))) for f in row[:, i]) for row in volume_f),
        )
        moved = levers.apply(
            baseline,
            replace(scenario, jeugdhulp=jeugd),
            {ref: Decimal(repr(float(shifts[i, k]))) for k, ref in enumerate(spec.levers)},
        )
        try:
            outcome = run(baseline, moved)
        except ScenarioError:
            continue
        exact = {
            "geraamd_resultaat": outcome.overview.geraamd_resultaat.scenario,
            "structureel_saldo": outcome.overview.structureel_saldo.scenario,
            "algemene_reserve": outcome.algemene_reserve.closing.scenario,
            "jeugdhulp": outcome.jeugdhulp.cost.scenario,
        }
        for key, figure in exact.items():
            np.testing.assert_allclose(result.values[key][i], [float(x) for x in figure], rtol=0, atol=0.01)


def problems_of(text, baseline, scenario_file):
    """The problems of a file, whether the schema (on loading) or the resolution against the baseline finds them."""
    try:
        file = scenario_file(text)
        resolve_uncertainty(file, baseline, resolve(file, baseline))
    except ScenarioError as error:
        return error.problems
    pytest.fail("no problem reported")


@pytest.mark.parametrize(
    ("block", "field", "found"),
    [
        (
            "  levers:\n    jeugdhulp.prijs: {distribution: normal, mean: 1%, sd: 1%}\n",
            "uncertainty.levers.jeugdhulp.prijs",
            "did you mean 'jeugdhulp.price'",
        ),
        (
            "  levers:\n    jeugdhulp.price: {distribution: normaal, mean: 1%, sd: 1%}\n",
            "uncertainty.levers.jeugdhulp.price.distribution",
            "did you mean 'normal'",
        ),
        (
            "  levers:\n    jeugdhulp.price: {distribution: normal, mean: 1, sd: 1}\n",
            "uncertainty.levers.jeugdhulp.price.mean",
            'a percentage such as "3%"',
        ),
        (
            "  jeugdhulp:\n    segments:\n      Verblijv:\n"
            "        volume: {growth: {distribution: uniform, low: 0%, high: 1%}}\n",
            "uncertainty.jeugdhulp.segments.Verblijv",
            "did you mean 'Verblijf'",
        ),
        (
            "  jeugdhulp:\n    volume: {growth: {distribution: normal, mean: 1%, sd: 1%}}\n    correlation:\n"
            "      volume: {matrix: [[1, 0.5, 0.5], [0.5, 1, 0.5], [0.5, 0.5, 1]]}\n",
            "uncertainty.jeugdhulp.correlation.volume.matrix",
            "a 2 x 2 matrix",
        ),
        (
            "  jeugdhulp:\n    volume: {growth: {distribution: normal, mean: 1%, sd: 1%}, from: 2031}\n",
            "uncertainty.jeugdhulp.volume.from",
            "the baseline years",
        ),
        ("  weerstand: {benodigd: risicoregister}\n", "uncertainty.weerstand.benodigd", "a risk register"),
    ],
)
def test_bad_uncertainty_blocks_are_located(baseline, scenario_file, block, field, found):
    text = "name: x\n\n" + "uncertainty:\n" + block
    (problem,) = problems_of(text, baseline, scenario_file)
    assert problem.field == field
    assert problem.where.startswith("line ")
    assert found.casefold() in str(problem).casefold()


def test_a_correlation_matrix_that_is_not_psd_is_refused_with_its_line(scenario_file):
    text = (
        "name: x\nuncertainty:\n  jeugdhulp:\n    correlation:\n"
        "      volume: {matrix: [[1, 0.9, -0.9], [0.9, 1, 0.9], [-0.9, 0.9, 1]]}\n"
    )
    with pytest.raises(ScenarioError) as caught:
        scenario_file(text)
    (problem,) = caught.value.problems
    assert problem.where == "line 5"
    assert "positive semi-definite" in problem.expected


def test_the_affine_shortcut_gives_what_the_figures_give(baseline, scenario_file):
    """Without `keep`, figures that are ±(one varying row) + a constant share that row's percentiles."""
    file = scenario_file(CORRELATED % "normal, mean: 3%, sd: 2%")
    scenario = resolve(file, baseline)
    spec = resolve_uncertainty(file, baseline, scenario)
    short = simulate(baseline, scenario, spec, 50_000, seed=5)
    full = simulate(baseline, scenario, spec, 50_000, seed=5, keep=True)
    for key in full.percentiles:
        np.testing.assert_allclose(short.percentiles[key], full.percentiles[key], rtol=0, atol=1e-6)
        np.testing.assert_allclose(short.means[key], full.means[key], rtol=0, atol=1e-6)
        np.testing.assert_allclose(
            full.percentiles[key], np.percentile(full.values[key], [5, 25, 50, 75, 95], axis=0), rtol=0, atol=1e-6
        )
    for name in full.probabilities:
        np.testing.assert_array_equal(short.probabilities[name], full.probabilities[name])
