"""The Monte Carlo of a scenario: draws of its uncertain inputs through the float path, statistics per year.

Percentiles are numpy's default (linear interpolation between order statistics, type 7 of Hyndman and Fan),
taken from each stored row sorted once (`stats`).
Probabilities are shares of draws:

    tekort        structureel saldo < 0 in the year (a structural deficit)
    reserve       algemene reserve on 31 December below the floor
    ratio         weerstandsratio (beschikbaar / benodigd) below the workbook's norm (sheet Instellingen,
                  weerstandsratio_norm; default 1,0, the lower bound of class C)

The floor is the option given, else the scenario's `reserve_floor`, else 50% of the benodigde
weerstandscapaciteit of the year (the baseline workbook states no council norm for the algemene reserve).
The work is done in chunks of whole blocks of the fixed seeding grid (`sampling`), so peak memory stays bounded
and the numbers do not depend on the chunk size.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import msgspec
import numpy as np

from hengelo_scenario.baseline.model import Baseline
from hengelo_scenario.engine import fast
from hengelo_scenario.records import Record
from hengelo_scenario.scenario.model import Scenario
from hengelo_scenario.uncertainty import sampling, variants
from hengelo_scenario.uncertainty.model import UncertaintySpec
from hengelo_scenario.uncertainty.stats import count_below, sort_rows, sorted_percentiles

__all__ = ["FIGURES", "PERCENTILES", "SimulationResult", "keep_freed_memory", "simulate"]

Source = tuple[str, Any, Any]  # ("amount", row, year) or ("figure", key, year): a row stored per draw

FIGURES = ("geraamd_resultaat", "structureel_saldo", "algemene_reserve", "jeugdhulp")
PERCENTILES = (5, 25, 50, 75, 95)
PROBABILITIES = ("tekort", "reserve", "ratio")
DEFAULT_CHUNK = 2 * sampling.BLOCK
FLOOR_SHARE_OF_BENODIGD = 0.5
RATIO_NORM = 1.0


def keep_freed_memory() -> bool:
    """Ask the C allocator to keep freed memory for reuse instead of handing it back to the system (glibc only).

    Every chunk allocates temporaries of a few hundred KiB. glibc serves blocks of 128 KiB and more with a fresh
    mmap and returns them on free, so each chunk page-faults all its temporaries in again: measured, that is
    two thirds of the float path's time for 1.000.000 draws. With a high mmap and trim threshold the freed blocks
    stay in the heap and the next chunk reuses them; peak memory does not grow (the heap holds at most what was
    in use at once). Called by the `simulate` command for its own process; elsewhere (macOS, musl) it does
    nothing. True when the allocator took the setting.
    """
    import os

    try:
        glibc = sys.platform.startswith("linux") and bool(os.confstr("CS_GNU_LIBC_VERSION"))
    except (ValueError, OSError):
        glibc = False
    if not glibc:
        return False
    import ctypes

    mallopt = ctypes.CDLL(None).mallopt  # the process's own C library
    m_trim_threshold, m_mmap_threshold = -1, -3
    return bool(mallopt(m_mmap_threshold, 32 * 1024 * 1024)) and bool(mallopt(m_trim_threshold, 1 << 30))


class SimulationResult(Record, frozen=True):
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
    values: dict[str, np.ndarray] = msgspec.field(default_factory=dict)  # figure -> (draws, Y), when kept
    ratio_norm: float = RATIO_NORM  # the weerstandsratio norm of the probability "ratio"
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
    jobs: int = 1,
) -> SimulationResult:
    """Draw `draws` variants, evaluate them, summarise; `keep` also returns every draw's inputs and figures.

    `jobs` chunks are evaluated at the same time (threads); the numbers are the same for any `jobs` and `chunk`.
    """
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

    instellingen = getattr(baseline, "instellingen", None)
    ratio_norm = float(getattr(instellingen, "weerstandsratio_norm", RATIO_NORM))
    has_ar = model.compiled.algemene_reserve is not None
    figures = [f for f in FIGURES if f != "algemene_reserve" or has_ar]
    # What to store per draw: a varying row that several figures are an affine image of, or the figure itself.
    plan: dict[tuple[str, int], tuple[str, Source | None, float, float]] = {}
    stored: dict[Source, int] = {}
    for key in figures:
        for y in range(n_y):
            found = None if keep else fast.affine_source(model.compiled, key, y)
            if found is not None and found[0] is None:
                plan[key, y] = ("constant", None, 0.0, found[3])
                continue
            source: Source = ("amount", found[0], found[1]) if found is not None else ("figure", key, y)
            stored.setdefault(source, len(stored))
            plan[key, y] = ("row", source, found[2] if found else 1.0, found[3] if found else 0.0)
    rows = np.empty((len(stored), draws))
    ratio_below = np.zeros(n_y, dtype=np.int64)
    kept_inputs = np.empty((draws, len(spec.variables))) if keep else None
    blocks_per_chunk = max(1, chunk // sampling.BLOCK)
    n_blocks = -(-draws // sampling.BLOCK)

    def work(first: int) -> tuple[int, np.ndarray]:
        """One chunk of whole blocks: its draws evaluated and written into its own slice of the rows."""
        start = first * sampling.BLOCK
        blocks = range(first, min(n_blocks, first + blocks_per_chunk))
        values = np.concatenate([sampling.draw_block(spec, seed, b) for b in blocks], axis=1)
        n = min(values.shape[1], draws - start)
        values = values[:, :n]
        price, volume, shifts = sampling.inputs(spec, values)
        totals = variants.evaluate(model, n, shifts, price, volume, benodigd=required)
        computed: dict[str, np.ndarray] = {}
        for source, i in stored.items():
            kind, a, b = source
            if kind == "amount":
                rows[i, start : start + n] = totals.amounts[a, b]
            else:
                if a not in computed:
                    computed[a] = totals.figure(a)
                rows[i, start : start + n] = computed[a][:, b]
        if kept_inputs is not None:
            kept_inputs[start : start + n] = values.T
        return n, (totals.weerstandsratio < ratio_norm).sum(axis=0)

    firsts = range(0, n_blocks, blocks_per_chunk)
    done = 0
    if jobs > 1 and len(firsts) > 1:  # numpy releases the GIL; each chunk writes only its own slice
        from concurrent.futures import ThreadPoolExecutor

        with ThreadPoolExecutor(jobs) as pool:
            for n, below_ratio in pool.map(work, firsts):
                ratio_below += below_ratio
                done += n
                if progress is not None:
                    progress(done, draws)
    else:
        for first in firsts:
            n, below_ratio = work(first)
            ratio_below += below_ratio
            done += n
            if progress is not None:
                progress(done, draws)

    values_kept = {}
    if keep:
        values_kept = {key: np.stack([rows[stored["figure", key, y]] for y in range(n_y)], axis=1) for key in figures}
    row_means = rows.mean(axis=1)
    sort_rows(rows)  # in place: percentiles and shares below a limit are then look-ups and binary searches
    row_percentiles = sorted_percentiles(rows, PERCENTILES) if len(stored) else np.empty((len(PERCENTILES), 0))
    percentiles: dict[str, np.ndarray] = {key: np.empty((len(PERCENTILES), n_y)) for key in figures}
    means: dict[str, np.ndarray] = {key: np.empty(n_y) for key in figures}

    def below(key: str, y: int, limit: float) -> int:
        kind, source, sign, constant = plan[key, y]
        if kind == "constant" or source is None:
            return draws if constant < limit else 0
        return count_below(rows[stored[source]], limit, constant, sign)

    for (key, y), (kind, origin, sign, constant) in plan.items():
        if kind == "constant" or origin is None:
            percentiles[key][:, y] = constant
            means[key][y] = constant
            continue
        i = stored[origin]
        p = row_percentiles[:, i] if sign > 0 else row_percentiles[::-1, i]
        percentiles[key][:, y] = constant + sign * p
        means[key][y] = constant + sign * row_means[i]
    counts = {
        "tekort": np.array([below("structureel_saldo", y, 0.0) for y in range(n_y)]),
        "ratio": ratio_below,
    }
    if has_ar:
        counts["reserve"] = np.array([below("algemene_reserve", y, float(floor_values[y])) for y in range(n_y)])
    return SimulationResult(
        years=baseline.years,
        draws=draws,
        seed=seed,
        percentiles=percentiles,
        means=means,
        probabilities={name: counts[name] / draws for name in PROBABILITIES if name in counts},
        floor=floor_values,
        floor_source=floor_source,
        benodigd=required,
        ratio_norm=ratio_norm,
        variables=tuple(v.name for v in spec.variables),
        values=values_kept,
        inputs=kept_inputs,
    )
