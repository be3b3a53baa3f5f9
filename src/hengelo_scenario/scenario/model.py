"""A scenario resolved against a baseline: every reference checked, every lever a vector per baseline year.

The scenario file's own language (percentages, growth rates, `extends`) is gone by this point; what is left is
what the engine needs, plus an `Origin` per measure so a problem the engine finds (a reserve below zero, a
measure that changes nothing) can still point at the file and line that caused it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from hengelo_scenario.baseline.model import Aard, Amounts, Resultaatbestemming, Soort
from hengelo_scenario.errors import Origin

__all__ = [
    "AmountsChange",
    "Expectation",
    "Factors",
    "JeugdhulpChange",
    "LeefbareWijkenChange",
    "Measure",
    "Origin",
    "Scenario",
    "TransformatieChange",
]

Factors = tuple[Decimal, ...]  # one multiplier per baseline year, 1 = unchanged


@dataclass(frozen=True)
class JeugdhulpChange:
    """Price and volume multipliers per youth-care segment (aligned with `Baseline.jeugdhulp`) and year."""

    price_factors: tuple[Factors, ...]
    volume_factors: tuple[Factors, ...]  # includes regie op toegang as (1 - reduction)
    programma: str | None  # None: the programme of the baseline's `jeugdhulp` line
    aard: Aard
    origin: Origin


@dataclass(frozen=True)
class AmountsChange:
    """New amounts for a baseline line that scenarios address by key; None keeps the baseline for that year."""

    amounts: tuple[Decimal | None, ...]
    aard: tuple[Aard | None, ...]  # None keeps the baseline line's aard
    origin: Origin


@dataclass(frozen=True)
class LeefbareWijkenChange(AmountsChange):
    """The fund's amounts and how they are covered: a reserve (by name) or the begrotingssaldo (None)."""

    dekking: str | None = None
    dekking_given: bool = False  # False: keep the baseline's cover


@dataclass(frozen=True)
class TransformatieChange:
    """Realised share of the savings target per onderdeel (aligned with `Baseline.transformatieplan`) and year."""

    realisatie: tuple[Factors, ...]
    aard: Aard
    origin: Origin


@dataclass(frozen=True)
class Measure:
    """Any other measure: a signed change per year on a programme's lasten or baten, or on a reserve."""

    name: str
    description: str
    programma: str
    soort: Soort
    aard: Aard
    amounts: Amounts  # + = more of the soort (more lasten, more baten, a larger toevoeging ...)
    reserve: str | None = None  # for toevoeging / onttrekking
    dekking: str | None = None  # for lasten: a reserve that covers them (None: the begrotingssaldo)
    origin: Origin = field(default_factory=lambda: Origin("", None, ""))


@dataclass(frozen=True)
class Expectation:
    """A figure the scenario must produce in a year, written by hand in its `expect:` block.

    `value` is the scenario's own figure (not the difference against the baseline): euros for money figures, a
    plain ratio for the weerstandsratio, a fraction for a percentage figure (0.005 for "0,5%"). `places` is None for
    money (compared to the cent, within a tolerance in euros) and, for a ratio or percentage, the number of decimals
    written, at which the figure is compared.
    """

    figure: str  # a key of report.comparison.FIGURES
    year: int
    value: Decimal
    origin: Origin
    places: int | None = None


@dataclass(frozen=True)
class Scenario:
    name: str
    years: tuple[int, ...]
    description: str = ""
    author: str = ""
    source: str = ""  # the scenario file as the user named it
    sha256: str = ""
    resolved_text: str = ""  # the scenario after `extends`, as YAML, for provenance
    jeugdhulp: JeugdhulpChange | None = None
    wijkaanpak: AmountsChange | None = None
    leefbare_wijken: LeefbareWijkenChange | None = None
    transformatieplan: TransformatieChange | None = None
    measures: tuple[Measure, ...] = ()
    resultaatbestemming: Resultaatbestemming | None = None  # None: the baseline workbook's setting
    expectations: tuple[Expectation, ...] = ()  # for `check` only; not a measure, so not part of `is_empty`

    @property
    def is_empty(self) -> bool:
        return not (
            self.jeugdhulp
            or self.wijkaanpak
            or self.leefbare_wijken
            or self.transformatieplan
            or self.measures
            or self.resultaatbestemming is not None
        )
