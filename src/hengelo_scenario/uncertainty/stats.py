"""Exact percentiles of a million draws without partitioning the whole array for each of them.

np.percentile partitions the full row for the order statistics it needs, which dominates a simulation's time.
Here a sorted subsample brackets each needed order statistic; one comparison pass counts what lies below the
bracket and picks out what lies inside it, and only that small set is partitioned. The order statistics are
exact (the same elements np.percentile finds); when a bracket misses (it cannot on a well-shuffled subsample,
but nothing is assumed), the row is partitioned as np.percentile would. The percentile is numpy's default
definition: linear interpolation at virtual index (n − 1)·q, type 7 of Hyndman and Fan.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np

__all__ = ["percentiles"]

SUBSAMPLE = 20_000
MARGIN = 6.0
THREADS = 2  # bracket half-width in standard errors of a subsample quantile's rank


def _order_statistics(row: np.ndarray, ranks: Sequence[int]) -> dict[int, float]:
    n = row.shape[0]
    found: dict[int, float] = {}
    if n <= 4 * SUBSAMPLE:
        part = np.partition(row, sorted(set(ranks)))
        return {r: float(part[r]) for r in ranks}
    step = n // SUBSAMPLE
    sample = np.sort(row[::step])
    m = len(sample)
    for r in sorted(set(ranks)):
        if r in found:
            continue
        p = r / (n - 1)
        centre = p * (m - 1)
        spread = MARGIN * math.sqrt(max(p * (1 - p), 1.0 / m) * m) + 2
        i_lo, i_hi = math.floor(centre - spread), math.ceil(centre + spread)
        low = sample[i_lo] if i_lo >= 0 else -np.inf
        high = sample[i_hi] if i_hi < m else np.inf
        below = int(np.count_nonzero(row < low))
        inside = row[(row >= low) & (row <= high)]
        wanted = [x for x in ranks if below <= x < below + inside.shape[0] and x not in found]
        if r not in wanted:
            part = np.partition(row, r)
            found[r] = float(part[r])
            continue
        part = np.partition(inside, [x - below for x in wanted])
        for x in wanted:
            found[x] = float(part[x - below])
    return found


def percentiles(values: np.ndarray, qs: Sequence[float]) -> np.ndarray:
    """(len(qs), rows) percentiles of each row of a (rows, n) array, as np.percentile(values, qs, axis=1)."""
    values = np.atleast_2d(values)
    rows, n = values.shape
    out = np.empty((len(qs), rows))

    def one(i: int) -> None:
        row = values[i]
        first = row[0]
        if np.all(row == first):  # a figure the draws do not move (a year before the uncertainty starts)
            out[:, i] = first
            return
        virtual = [(n - 1) * q / 100.0 for q in qs]
        ranks = sorted({min(n - 1, math.floor(h)) for h in virtual} | {min(n - 1, math.floor(h) + 1) for h in virtual})
        stats = _order_statistics(row, ranks)
        for j, h in enumerate(virtual):
            lo = min(n - 1, math.floor(h))
            hi = min(n - 1, lo + 1)
            a, b, t = stats[lo], stats[hi], h - lo
            out[j, i] = a + (b - a) * t if t < 0.5 else b - (b - a) * (1 - t)

    if rows > 1 and n > 100_000:  # numpy releases the GIL in comparisons and partitions: use both cores
        from concurrent.futures import ThreadPoolExecutor

        with ThreadPoolExecutor(THREADS) as pool:
            list(pool.map(one, range(rows)))
    else:
        for i in range(rows):
            one(i)
    return out
