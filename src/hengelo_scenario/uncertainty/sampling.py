"""Draws that do not depend on how the work is cut up: a fixed grid of blocks, each with its own seed.

Draw i always lies in block i // BLOCK, whose generator is `PCG64(SeedSequence(seed, spawn_key=(block,)))`; a
block is always drawn whole (BLOCK draws, the unused tail of the last block dropped). So draw i is the same
number whatever the number of draws asked for, the chunk size or the number of processes, and the first 1,000
draws of a 1,000,000-draw run are the 1,000 draws of a 1,000-draw run.
"""

from __future__ import annotations

import numpy as np

from hengelo_scenario.uncertainty.model import UncertaintySpec

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


def inputs(spec: UncertaintySpec, values: np.ndarray) -> tuple[np.ndarray | None, np.ndarray | None, np.ndarray]:
    """(price (S, Y, n) or None, volume (S, Y, n) or None, shifts (n, levers)) for drawn values (variables, n).

    A drawn youth-care lever replaces the scenario's lever for its segments: growth compounds from its first
    year by repeated multiplication; a per_year draw sets that year, the lever's other years are then 0%.
    """
    n = values.shape[1]
    arrays: dict[str, np.ndarray] = {}
    replaced: set[tuple[str, int]] = set()
    scenario = {"price": spec.scenario_price, "volume": spec.scenario_volume, "regie_op_toegang": spec.scenario_regie}
    for variable, drawn in zip(spec.variables, values, strict=True):
        target = variable.jeugd
        if target is None:
            continue
        lever = target.lever
        if lever not in arrays:
            base = scenario[lever]
            assert base is not None
            arrays[lever] = np.empty((*base.shape, n))
            arrays[lever][...] = base[:, :, None]
        array = arrays[lever]
        step = 1.0 - drawn if lever == "regie_op_toegang" else 1.0 + drawn
        if not target.on_top:
            for s in target.segments:
                if (lever, s) not in replaced:
                    replaced.add((lever, s))
                    array[s] = 1.0
        if target.growth:
            factor = np.ones(n)
            for y in range(target.start, array.shape[1]):
                factor = factor * step
                for s in target.segments:
                    if target.on_top:
                        array[s, y] *= factor
                    else:
                        array[s, y] = factor
        else:
            assert target.year is not None
            for s in target.segments:
                if target.on_top:
                    array[s, target.year] *= step
                else:
                    array[s, target.year] = step
    price = arrays.get("price")
    volume = None
    if "volume" in arrays or "regie_op_toegang" in arrays:
        assert spec.scenario_volume is not None
        assert spec.scenario_regie is not None
        if "regie_op_toegang" not in arrays:
            volume = arrays["volume"]
            volume *= spec.scenario_regie[:, :, None]
        elif "volume" not in arrays:
            volume = arrays["regie_op_toegang"]
            volume *= spec.scenario_volume[:, :, None]
        else:
            volume = arrays["volume"]
            volume *= arrays["regie_op_toegang"]
    levers = spec.levers
    shifts = np.zeros((n, len(levers)))
    for variable, drawn in zip(spec.variables, values, strict=True):
        if variable.lever is not None:
            shifts[:, levers.index(variable.lever)] += drawn
    return price, volume, shifts
