"""The uncertainty block resolved against a baseline: random variables and where each one goes."""

from __future__ import annotations

from decimal import Decimal

import numpy as np

from hengelo_scenario.records import Record
from hengelo_scenario.uncertainty.distributions import Distribution
from hengelo_scenario.uncertainty.levers import LeverRef


class JeugdTarget(Record, frozen=True):
    """A drawn youth-care lever: replaces the scenario's lever for these segments.

    growth: the draw is an annual rate compounding from year index `start` on; otherwise the draw is the change
    in year index `year` only (the per_year form; the lever's other years are 0%).
    """

    lever: str  # price | volume | regie_op_toegang
    segments: tuple[int, ...]
    growth: bool
    start: int = 0
    year: int | None = None
    on_top: bool = False  # True: multiplies the scenario's factors instead of replacing them (the defaults)


class Variable(Record, frozen=True):
    """One random input: its name (a dotted path, as the file wrote it), distribution and target."""

    name: str
    label: str  # Dutch, for the tornado
    distribution: Distribution
    jeugd: JeugdTarget | None = None
    lever: LeverRef | None = None
    group: int | None = None  # correlation group


class Group(Record, frozen=True):
    """Correlated variables: x = loading · z for independent standard normals z (loading·loadingᵀ = matrix)."""

    members: tuple[int, ...]  # variable indices, in matrix order
    loading: np.ndarray  # (k, k)


class UncertaintySpec(Record, frozen=True):
    variables: tuple[Variable, ...] = ()
    groups: tuple[Group, ...] = ()
    scenario_price: np.ndarray | None = None  # (S, Y): the scenario's own factors per lever, before the draws
    scenario_volume: np.ndarray | None = None
    scenario_regie: np.ndarray | None = None  # as volume factors (1 − c)
    risk_register: bool = False  # benodigd from the simulated risk register instead of the workbook
    zekerheid: Decimal = Decimal("0.9")
    reserve_floor: Decimal | None = None
    draws: int | None = None
    seed: int | None = None

    @property
    def levers(self) -> tuple[LeverRef, ...]:
        """The distinct levers (shift semantics) the variables move, in order of first use."""
        seen: list[LeverRef] = []
        for v in self.variables:
            if v.lever is not None and v.lever not in seen:
                seen.append(v.lever)
        return tuple(seen)
