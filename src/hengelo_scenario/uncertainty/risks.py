"""The risk register simulated: the benodigde weerstandscapaciteit at a certainty, as NARIS-style tools do.

Each draw, each risk occurs with its chance (a Bernoulli draw) and then costs an amount drawn uniformly between
its impact_min and impact_max (a point estimate: that amount). The total of a draw is the sum over the risks
(independent). The benodigde weerstandscapaciteit at certainty c is the c-quantile of the totals: with that
capacity, the risks that occur are covered in a share c of the draws. 90% is common practice (80% and 99% also
occur); it is the default.

Each risk is counted once, structural or incidental alike (one year's impact: a structural risk that occurs is
absorbed once by the buffer and then put into the next budget); the split is reported.

Contribution of a risk: its mean loss in the draws whose total lies in a narrow band (±0,5% of the draws) around
the quantile, scaled so the contributions add up to the quantile (the Euler allocation of a quantile). It says
which risks make up the capacity needed, not which are most likely.
"""

from __future__ import annotations

from decimal import Decimal

import numpy as np

from hengelo_scenario.baseline.model import Aard, Risico
from hengelo_scenario.records import Record
from hengelo_scenario.uncertainty.sampling import BLOCK, block_generator
from hengelo_scenario.uncertainty.stats import percentiles

__all__ = ["DEFAULT_CERTAINTY", "DEFAULT_DRAWS", "DEFAULT_SEED", "RiskResult", "simulate_register"]

DEFAULT_CERTAINTY = Decimal("0.9")
DEFAULT_DRAWS = 100_000
DEFAULT_SEED = 2025
BAND = 0.005


class RiskContribution(Record, frozen=True):
    risico: Risico
    expected: float  # kans × mean impact
    contribution: float  # share of the quantile, in euros


class RiskResult(Record, frozen=True):
    certainty: Decimal
    draws: int
    seed: int
    benodigd: float  # the quantile
    expected: float  # the mean total
    contributions: tuple[RiskContribution, ...]  # largest contribution first
    structureel: float  # the contributions of the structural risks
    incidenteel: float


def _draw(risks: tuple[Risico, ...], seed: int, draws: int) -> np.ndarray:
    """(risks, draws) losses, block by block on the fixed seeding grid (as `sampling` does)."""
    losses = np.empty((len(risks), draws))
    n_blocks = -(-draws // BLOCK)
    for b in range(n_blocks):
        rng = block_generator(seed, b)
        start = b * BLOCK
        n = min(BLOCK, draws - start)
        for i, risk in enumerate(risks):
            occurs = rng.random(BLOCK) < float(risk.kans)
            low, high = float(risk.impact_min), float(risk.impact_max)
            impact = np.full(BLOCK, low) if low == high else rng.uniform(low, high, BLOCK)
            losses[i, start : start + n] = (occurs * impact)[:n]
    return losses


def simulate_register(
    risks: tuple[Risico, ...],
    certainty: Decimal = DEFAULT_CERTAINTY,
    draws: int = DEFAULT_DRAWS,
    seed: int = DEFAULT_SEED,
) -> RiskResult:
    if not risks:
        raise ValueError("the risk register is empty")
    losses = _draw(risks, seed, draws)
    total = losses.sum(axis=0)
    q = float(percentiles(total[None, :], [float(certainty) * 100])[0, 0])
    order = np.argsort(total, kind="stable")
    rank = round(float(certainty) * (draws - 1))
    half = max(1, int(BAND * draws))
    band = order[max(0, rank - half) : min(draws, rank + half + 1)]
    near = losses[:, band].mean(axis=1)
    scale = q / near.sum() if near.sum() > 0 else 0.0
    contributions = [
        RiskContribution(r, float(r.kans) * float(r.impact_min + r.impact_max) / 2, float(c * scale))
        for r, c in zip(risks, near, strict=True)
    ]
    contributions.sort(key=lambda c: -c.contribution)
    return RiskResult(
        certainty=certainty,
        draws=draws,
        seed=seed,
        benodigd=q,
        expected=float(total.mean()),
        contributions=tuple(contributions),
        structureel=sum(c.contribution for c in contributions if c.risico.aard is Aard.STRUCTUREEL),
        incidenteel=sum(c.contribution for c in contributions if c.risico.aard is Aard.INCIDENTEEL),
    )
