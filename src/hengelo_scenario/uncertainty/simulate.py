"""The Monte Carlo of a scenario: draws of its uncertain inputs through the float path, statistics per year.

Percentiles are numpy's default (linear interpolation between order statistics, type 7 of Hyndman and Fan).
Probabilities are shares of draws:

    tekort        structureel saldo < 0 in the year (a structural deficit)
    reserve       algemene reserve on 31 December below the floor
    ratio         weerstandsratio (beschikbaar / benodigd) below 1,0 (below class C)

The floor is the option given, else the scenario's `reserve_floor`, else 50% of the benodigde
weerstandscapaciteit of the year (the baseline workbook states no council norm for the algemene reserve).
The work is done in chunks of whole blocks of the fixed seeding grid (`sampling`), so peak memory stays bounded
and the numbers do not depend on the chunk size.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

import numpy as np

from hengelo_scenario.baseline.model import Baseline
from hengelo_scenario.scenario.model import Scenario
from hengelo_scenario.uncertainty import sampling, variants
from hengelo_scenario.uncertainty.model import UncertaintySpec
from hengelo_scenario.uncertainty.stats import percentiles as percentiles_of

__all__ = ["FIGURES", "PERCENTILES", "SimulationResult", "simulate"]

FIGURES = ("geraamd_resultaat", "structureel_saldo", "algemene_reserve", "jeugdhulp")
PERCENTILES = (5, 25, 50, 75, 95)
PROBABILITIES = ("tekort", "reserve", "ratio")
DEFAULT_CHUNK = 2 * sampling.BLOCK
FLOOR_SHARE_OF_BENODIGD = 0.5
RATIO_NORM = 1.0


@dataclass(frozen=True)
class SimulationResult:
    years: tuple[int, ...]
    draws: int
    seed: int
    percentiles: dict[str, np.ndarray]  # figure -> (len(PERCENTILES), Y)
    means: dict[str, np.ndarray]  # figure -> (Y,)
    probabilities: dict[str, np.ndarray]  # name -> (Y,)
    floor: np.ndarray  # (Y,) the floor for the algemene reserve
    floor_source: str  # "optie", "scenario" or "50% benodigd"
    benodigd: np.ndarray  # (Y,) required weerstandscapaciteit used
    variables: tuple[str, ...]
    values: dict[str, np.ndarray] = field(default_factory=dict)  # figure -> (draws, Y), when kept
    inputs: np.ndarray | None = None  # (draws, variables), when kept


def simulate(
    baseline: Baseline,
    scenario: Scenario,
    spec: UncertaintySpec,
    draws: int,
    seed: int,
    *,
    chunk: int = DEFAULT_CHUNK,
    floor: Decimal | None = None,
    benodigd: np.ndarray | None = None,
    keep: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> SimulationResult:
    """Draw `draws` variants, evaluate them, summarise; `keep` also returns every draw's inputs and figures."""
    if draws < 1:
        raise ValueError("draws must be at least 1")
    model = variants.build(baseline, scenario, spec.levers)
    n_y = len(baseline.years)
    required = model.compiled.weerstand_benodigd if benodigd is None else np.asarray(benodigd, dtype=float)
    if floor is not None:
        floor_values, floor_source = np.full(n_y, float(floor)), "optie"
    elif spec.reserve_floor is not None:
        floor_values, floor_source = np.full(n_y, float(spec.reserve_floor)), "scenario"
    else:
        floor_values, floor_source = FLOOR_SHARE_OF_BENODIGD * required, "50% benodigd"

    has_ar = model.compiled.algemene_reserve is not None
    figures = [f for f in FIGURES if f != "algemene_reserve" or has_ar]
    results = np.empty((len(figures), n_y, draws))
    counts = {name: np.zeros(n_y, dtype=np.int64) for name in PROBABILITIES}
    kept_inputs = np.empty((draws, len(spec.variables))) if keep else None
    blocks_per_chunk = max(1, chunk // sampling.BLOCK)
    n_blocks = -(-draws // sampling.BLOCK)
    done = 0
    for first in range(0, n_blocks, blocks_per_chunk):
        blocks = range(first, min(n_blocks, first + blocks_per_chunk))
        values = np.concatenate([sampling.draw_block(spec, seed, b) for b in blocks], axis=1)
        n = min(values.shape[1], draws - done)
        values = values[:, :n]
        price, volume, shifts = sampling.inputs(spec, values)
        totals = variants.evaluate(model, n, shifts, price, volume, benodigd=required)
        for f, key in enumerate(figures):
            results[f, :, done : done + n] = totals.figure(key).T
        counts["ratio"] += (totals.weerstandsratio < RATIO_NORM).sum(axis=0)
        if kept_inputs is not None:
            kept_inputs[done : done + n] = values.T
        done += n
        if progress is not None:
            progress(done, draws)

    counts["tekort"] = (results[figures.index("structureel_saldo")] < 0).sum(axis=1)
    if has_ar:
        counts["reserve"] = (results[figures.index("algemene_reserve")] < floor_values[:, None]).sum(axis=1)
    flat = percentiles_of(results.reshape(len(figures) * n_y, draws), PERCENTILES)
    percentiles = {key: flat[:, f * n_y : (f + 1) * n_y] for f, key in enumerate(figures)}
    means = dict(zip(figures, results.mean(axis=2), strict=True))
    return SimulationResult(
        years=baseline.years,
        draws=draws,
        seed=seed,
        percentiles=percentiles,
        means=means,
        probabilities={name: counts[name] / draws for name in PROBABILITIES if name != "reserve" or has_ar},
        floor=floor_values,
        floor_source=floor_source,
        benodigd=required,
        variables=tuple(v.name for v in spec.variables),
        values={key: results[f].T for f, key in enumerate(figures)} if keep else {},
        inputs=kept_inputs,
    )
