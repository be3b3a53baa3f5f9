"""Percentiles and shares of a million draws from one sort per row.

A row of draws is sorted once (numpy's vectorised sort: a few milliseconds for a million floats, faster than one
`np.partition` for the ten order statistics five percentiles need); every percentile is then two look-ups, and a
share of draws below a limit is a binary search. The percentile is numpy's default definition (linear
interpolation at virtual index (n − 1)·q, type 7 of Hyndman and Fan), with numpy's own interpolation formula, so
the values equal `np.percentile`'s.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np

__all__ = ["count_below", "percentiles", "sort_rows", "sorted_percentiles"]

THREADS = 2  # numpy sorts without the GIL: two rows at a time on two cores


def sorted_percentiles(ordered: np.ndarray, qs: Sequence[float]) -> np.ndarray:
    """(len(qs), rows) percentiles of each row of a (rows, n) array whose rows are sorted ascending."""
    ordered = np.atleast_2d(ordered)
    n = ordered.shape[1]
    out = np.empty((len(qs), ordered.shape[0]))
    for j, q in enumerate(qs):
        h = (n - 1) * (q / 100.0)  # as numpy computes the virtual index
        lo = min(n - 1, math.floor(h))
        hi = min(n - 1, lo + 1)
        a, b, t = ordered[:, lo], ordered[:, hi], h - lo
        out[j] = a + (b - a) * t if t < 0.5 else b - (b - a) * (1 - t)  # numpy's _lerp
    return out


def sort_rows(values: np.ndarray) -> None:
    """Sort each row of a (rows, n) array in place, two rows at a time when they are long."""
    if values.ndim != 2 or values.shape[0] < 2 or values.shape[1] < 100_000:
        values.sort(axis=-1)
        return
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(THREADS) as pool:
        list(pool.map(lambda i: values[i].sort(), range(values.shape[0])))


def percentiles(values: np.ndarray, qs: Sequence[float]) -> np.ndarray:
    """(len(qs), rows) percentiles of each row of a (rows, n) array, as np.percentile(values, qs, axis=1)."""
    ordered = np.array(np.atleast_2d(values), dtype=float)
    sort_rows(ordered)
    return sorted_percentiles(ordered, qs)


def count_below(ordered: np.ndarray, limit: float, constant: float = 0.0, sign: float = 1.0) -> int:
    """How many x of a sorted row have constant + sign·x < limit (sign ±1), counted exactly as that comparison.

    The comparison is monotone in x, so the draws that pass are a prefix (sign +1) or a suffix (sign −1) of the
    sorted row: a binary search finds its edge, and the comparison itself settles the draws around it.
    """
    n = ordered.shape[0]

    def passes(i: int) -> bool:
        return bool(constant + sign * ordered[i] < limit)

    if sign > 0:  # a prefix passes; equal values pass or fail together, so step over them as one
        k = int(np.searchsorted(ordered, limit - constant, side="left"))
        while k > 0 and not passes(k - 1):
            k = int(np.searchsorted(ordered, ordered[k - 1], side="left"))
        while k < n and passes(k):
            k = int(np.searchsorted(ordered, ordered[k], side="right"))
        return k
    k = int(np.searchsorted(ordered, constant - limit, side="right"))  # a suffix passes: its first index
    while k < n and not passes(k):
        k = int(np.searchsorted(ordered, ordered[k], side="right"))
    while k > 0 and passes(k - 1):
        k = int(np.searchsorted(ordered, ordered[k - 1], side="left"))
    return n - k
