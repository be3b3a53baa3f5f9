"""Draws that do not depend on how the work is cut up: a fixed grid of blocks, each with its own seed.

Draw i always lies in block i // BLOCK, whose generator is `PCG64(SeedSequence(seed, spawn_key=(block,)))`; a
block is always drawn whole (BLOCK draws, the unused tail of the last block dropped). So draw i is the same
number whatever the number of draws asked for, the chunk size or the number of processes, and the first 1,000
draws of a 1,000,000-draw run are the 1,000 draws of a 1,000-draw run.
"""

from __future__ import annotations

import numpy as np

from hengelo_scenario.engine.fast import Factored
from hengelo_scenario.uncertainty.model import JeugdTarget, UncertaintySpec

__all__ = ["BLOCK", "block_generator", "draw_block", "inputs"]

BLOCK = 8192


def block_generator(seed: int, block: int) -> np.random.Generator:
    return np.random.Generator(np.random.PCG64(np.random.SeedSequence(seed, spawn_key=(block,))))


def draw_block(spec: UncertaintySpec, seed: int, block: int) -> np.ndarray:
    """(variables, BLOCK) values of every variable for one block, in a fixed order of calls to the generator."""
    rng = block_generator(seed, block)
    values = np.empty((len(spec.variables), BLOCK))
    drawn_groups: set[int] = set()
    for i, variable in enumerate(spec.variables):
        if variable.group is None:
            values[i] = variable.distribution.sample(rng, BLOCK)
            continue
        if variable.group in drawn_groups:
            continue
        drawn_groups.add(variable.group)
        group = spec.groups[variable.group]
        z = rng.standard_normal((len(group.members), BLOCK))
        for j, member in enumerate(group.members):
            x = np.zeros(BLOCK)
            for m in range(len(group.members)):
                x += group.loading[j, m] * z[m]
            values[member] = spec.variables[member].distribution.from_normal(x)
    return values


def _factor_array(target: JeugdTarget, drawn: np.ndarray, n_years: int) -> np.ndarray:
    """(Y, n) factors of one drawn youth-care lever: growth compounding from its first year, or one year's change."""
    array = np.empty((n_years, drawn.shape[0]))
    if target.growth:  # in place: each year's factor is the year before times the step
        array[: target.start] = 1.0
        first = array[target.start]
        if target.lever == "regie_op_toegang":
            np.subtract(1.0, drawn, out=first)
        else:
            np.add(1.0, drawn, out=first)
        for y in range(target.start + 1, n_years):
            np.multiply(array[y - 1], first, out=array[y])
    else:
        array[:] = 1.0
        assert target.year is not None
        array[target.year] = 1.0 - drawn if target.lever == "regie_op_toegang" else 1.0 + drawn
    return array


def inputs(spec: UncertaintySpec, values: np.ndarray) -> tuple[Factored | None, Factored | None, np.ndarray]:
    """(price, volume, shifts (n, levers)) for drawn values (variables, n); price and volume None when not drawn.

    A drawn youth-care lever replaces the scenario's lever for its segments (its constant factor becomes 1), or
    multiplies it (`on_top`, the defaults); one draw shared by several segments is one shared array.
    """
    n = values.shape[1]
    levels = {"price": spec.scenario_price, "volume": spec.scenario_volume, "regie_op_toegang": spec.scenario_regie}
    const = {lever: None if base is None else base.copy() for lever, base in levels.items()}
    arrays: dict[str, list[list[np.ndarray]]] = {}
    for variable, drawn in zip(spec.variables, values, strict=True):
        target = variable.jeugd
        if target is None:
            continue
        base = const[target.lever]
        assert base is not None
        per_segment = arrays.setdefault(target.lever, [[] for _ in range(base.shape[0])])
        array = _factor_array(target, drawn, base.shape[1])
        for s in target.segments:
            if not target.on_top and not per_segment[s]:
                base[s] = 1.0  # replaced: the scenario's own lever no longer applies to this segment
            per_segment[s].append(array)
    price = None
    if "price" in arrays:
        assert const["price"] is not None
        price = Factored(const["price"], tuple(tuple(a) for a in arrays["price"]))
    volume = None
    if "volume" in arrays or "regie_op_toegang" in arrays:
        q, r = const["volume"], const["regie_op_toegang"]
        assert q is not None
        assert r is not None
        n_s = q.shape[0]
        qa, ra = arrays.get("volume", [[]] * n_s), arrays.get("regie_op_toegang", [[]] * n_s)
        volume = Factored(q * r, tuple(tuple(qa[s]) + tuple(ra[s]) for s in range(n_s)))
    levers = spec.levers
    shifts = np.zeros((n, len(levers)))
    for variable, drawn in zip(spec.variables, values, strict=True):
        if variable.lever is not None:
            shifts[:, levers.index(variable.lever)] += drawn
    return price, volume, shifts
