"""Probability distributions for uncertain inputs: sampling, quantiles and the inverse CDF for a copula.

Five kinds, each with the parameters a financial analyst writes:

    normal(mean, sd)              sd ≥ 0
    lognormal(mean, sd)           of a positive quantity: for a rate r the factor 1 + r, for an amount the amount;
                                  mean and sd are those of the quantity itself (not of its logarithm)
    uniform(low, high)
    triangular(low, mode, high)
    pert(low, mode, high)         the Beta-PERT with λ = 4: low + (high − low)·Beta(α, β),
                                  α = 1 + 4(mode − low)/(high − low), β = 1 + 4(high − mode)/(high − low)

A zero width (sd 0, low = high) is allowed and gives the value itself in every draw.

Independent draws use numpy's Generator methods directly. Correlated draws (a Gaussian copula: correlated
standard normals z, then each marginal's inverse CDF of Φ(z)) need Φ and, for PERT, the inverse regularised
incomplete beta function; those come from scipy.special (`ndtr`, `betaincinv`), imported only then: a
hand-written inverse incomplete beta would be slower and less accurate than scipy's.
"""

from __future__ import annotations

import math
from enum import StrEnum

import numpy as np

from hengelo_scenario.records import Record

__all__ = ["PERT_LAMBDA", "Distribution", "Kind"]

PERT_LAMBDA = 4.0


class Kind(StrEnum):
    NORMAL = "normal"
    LOGNORMAL = "lognormal"
    UNIFORM = "uniform"
    TRIANGULAR = "triangular"
    PERT = "pert"


PARAMETERS: dict[Kind, tuple[str, ...]] = {
    Kind.NORMAL: ("mean", "sd"),
    Kind.LOGNORMAL: ("mean", "sd"),
    Kind.UNIFORM: ("low", "high"),
    Kind.TRIANGULAR: ("low", "mode", "high"),
    Kind.PERT: ("low", "mode", "high"),
}


class Distribution(Record, frozen=True):
    """One distribution; `shift` is added to a lognormal draw (−1 for a rate drawn as the factor 1 + r)."""

    kind: Kind
    a: float  # mean (normal, lognormal) or low
    b: float  # sd (normal, lognormal) or high (uniform) or mode
    c: float = 0.0  # high (triangular, PERT)
    shift: float = 0.0  # lognormal only: the draw is shift + a lognormal quantity of mean a − shift

    @classmethod
    def of(cls, kind: Kind, values: dict[str, float], *, rate: bool = False) -> Distribution:
        if kind in (Kind.NORMAL, Kind.LOGNORMAL):
            shift = -1.0 if (kind is Kind.LOGNORMAL and rate) else 0.0
            return cls(kind, values["mean"], values["sd"], 0.0, shift)
        if kind is Kind.UNIFORM:
            return cls(kind, values["low"], values["high"])
        return cls(kind, values["low"], values["mode"], values["high"])

    @property
    def width(self) -> float:
        if self.kind in (Kind.NORMAL, Kind.LOGNORMAL):
            return self.b
        return (self.b if self.kind is Kind.UNIFORM else self.c) - self.a

    @property
    def low(self) -> float:
        return self.a

    @property
    def high(self) -> float:
        return self.b if self.kind is Kind.UNIFORM else self.c

    @property
    def mean(self) -> float:
        """The expected value (for PERT the λ = 4 mean (low + 4·mode + high)/6)."""
        if self.kind in (Kind.NORMAL, Kind.LOGNORMAL):
            return self.a
        if self.kind is Kind.UNIFORM:
            return (self.a + self.b) / 2
        if self.kind is Kind.TRIANGULAR:
            return (self.a + self.b + self.c) / 3
        return (self.a + PERT_LAMBDA * self.b + self.c) / (PERT_LAMBDA + 2)

    def _lognormal(self) -> tuple[float, float]:
        """(μ, σ) of the logarithm of the positive quantity, from its mean and sd."""
        mean = self.a - self.shift
        sigma2 = math.log1p((self.b / mean) ** 2)
        return math.log(mean) - sigma2 / 2, math.sqrt(sigma2)

    def _pert(self) -> tuple[float, float]:
        span = self.c - self.a
        return 1 + PERT_LAMBDA * (self.b - self.a) / span, 1 + PERT_LAMBDA * (self.c - self.b) / span

    def sample(self, rng: np.random.Generator, n: int) -> np.ndarray:
        """n independent draws."""
        if self.width == 0:
            return np.full(n, self.a if self.kind is not Kind.TRIANGULAR else self.b)
        if self.kind is Kind.NORMAL:
            return rng.normal(self.a, self.b, n)
        if self.kind is Kind.LOGNORMAL:
            mu, sigma = self._lognormal()
            return rng.lognormal(mu, sigma, n) + self.shift
        if self.kind is Kind.UNIFORM:
            return rng.uniform(self.a, self.b, n)
        if self.kind is Kind.TRIANGULAR:
            return rng.triangular(self.a, self.b, self.c, n)
        alpha, beta = self._pert()
        return self.a + (self.c - self.a) * rng.beta(alpha, beta, n)

    def from_normal(self, z: np.ndarray) -> np.ndarray:
        """The marginal's value for standard-normal scores z (the Gaussian copula): F⁻¹(Φ(z))."""
        if self.width == 0:
            return np.full(z.shape, self.a if self.kind is not Kind.TRIANGULAR else self.b)
        if self.kind is Kind.NORMAL:
            return self.a + self.b * z
        if self.kind is Kind.LOGNORMAL:
            mu, sigma = self._lognormal()
            return np.exp(mu + sigma * z) + self.shift
        from scipy.special import ndtr

        return self.ppf(ndtr(z))

    def ppf(self, u: np.ndarray | float) -> np.ndarray:
        """The inverse CDF: the value below which a share u of the draws lies."""
        u = np.asarray(u, dtype=float)
        if self.width == 0:
            return np.full(u.shape, self.a if self.kind is not Kind.TRIANGULAR else self.b)
        if self.kind in (Kind.NORMAL, Kind.LOGNORMAL):
            from scipy.special import ndtri

            z = ndtri(u)
            if self.kind is Kind.NORMAL:
                return self.a + self.b * z
            mu, sigma = self._lognormal()
            return np.exp(mu + sigma * z) + self.shift
        if self.kind is Kind.UNIFORM:
            return self.a + (self.b - self.a) * u
        if self.kind is Kind.TRIANGULAR:
            low, mode, high = self.a, self.b, self.c
            split = (mode - low) / (high - low)
            left = low + np.sqrt(u * (high - low) * (mode - low))
            right = high - np.sqrt((1 - u) * (high - low) * (high - mode))
            return np.where(u < split, left, right)
        from scipy.special import betaincinv

        alpha, beta = self._pert()
        return self.a + (self.c - self.a) * betaincinv(alpha, beta, u)
