"""Many variants of one scenario, each with its own lever values, through the engine's float path.

A `VariantModel` compiles the scenario once (`engine.fast.compile_scenario`) with a linear input for every share
or amount lever; factor levers (price, volume, regie op toegang) multiply the youth-care factors per variant.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from hengelo_scenario.baseline.model import Baseline
from hengelo_scenario.engine import fast
from hengelo_scenario.records import Record
from hengelo_scenario.scenario.model import Scenario
from hengelo_scenario.uncertainty.levers import LeverKind, LeverRef, factor_multiplier, linear_input, youth_care_slopes

__all__ = ["VariantModel", "build", "evaluate"]


class VariantModel(Record, frozen=True):
    baseline: Baseline
    scenario: Scenario
    compiled: fast.FastLedger
    levers: tuple[LeverRef, ...]
    slots: tuple[int | None, ...]  # per lever: its index among the linear inputs, None for a factor lever
    slopes: tuple[tuple[tuple[int, list[float]], ...], ...] = ()  # per lever: (segment, k per year) on p × q


def build(baseline: Baseline, scenario: Scenario, levers: Sequence[LeverRef] = ()) -> VariantModel:
    slots: list[int | None] = []
    inputs: list[fast.LinearInput] = []
    for ref in levers:
        if ref.kind in (LeverKind.FACTOR, LeverKind.REDUCTION):
            slots.append(None)
        else:
            slots.append(len(inputs))
            inputs.append(linear_input(ref, baseline, scenario))
    compiled = fast.compile_scenario(baseline, scenario, inputs)
    slopes = tuple(tuple(youth_care_slopes(ref, baseline, scenario)) for ref in levers)
    return VariantModel(baseline, scenario, compiled, tuple(levers), tuple(slots), slopes)


def evaluate(
    model: VariantModel,
    n: int,
    shifts: np.ndarray | None = None,
    price: fast.Factored | None = None,
    volume: fast.Factored | None = None,
    benodigd: np.ndarray | None = None,
) -> fast.FastTotals:
    """n variants: shifts (n, levers) on top; price, volume factors replacing the scenario's, if given."""
    c = model.compiled
    n_s, n_y = c.n_segments, len(c.years)
    linear = np.zeros((n, len(c.linear), n_y)) if c.linear else None
    extra: dict[str, list[list[np.ndarray]]] = {"price": [[] for _ in range(n_s)], "volume": [[] for _ in range(n_s)]}
    more: list[list[np.ndarray]] = [[] for _ in range(n_s)]
    for l_index, (ref, slot) in enumerate(zip(model.levers, model.slots, strict=True)):
        x = shifts[:, l_index] if shifts is not None else np.zeros(n)
        if slot is not None:
            assert linear is not None
            linear[:, slot, :] = x[:, None]
            for s, k in model.slopes[l_index] if model.slopes else ():  # an index the tariffs follow
                more[s].append(1.0 + np.array(k)[:, None] * x[None, :])
            continue
        segments, years, reduction = factor_multiplier(ref, n_s, n_y)
        array = np.ones((n_y, n))
        array[years] = (1.0 - x) if reduction else (1.0 + x)
        for s in segments:
            extra["price" if ref.target == "price" else "volume"][s].append(array)

    def combined(given: fast.Factored | None, own: np.ndarray, more: list[list[np.ndarray]]) -> fast.Factored | None:
        if given is None and not any(more):
            return None
        base = given or fast.Factored(own, ((),) * n_s)
        return fast.Factored(base.const, tuple(tuple(base.arrays[s]) + tuple(more[s]) for s in range(n_s)))

    return fast.evaluate(
        c,
        n,
        price=combined(price, c.youth_price, extra["price"]),
        volume=combined(volume, c.youth_volume, extra["volume"]),
        linear=linear,
        benodigd=benodigd,
        varying_more=tuple(tuple(m) for m in more) if any(more) else None,
    )
