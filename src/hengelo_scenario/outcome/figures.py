"""The outcome figures a user can name (`compare --figure`, `expect:` keys, sweeps): key, Dutch label, kind, getter.

Defined once, here, below every layer that names figures (scenario `expect:`, check, report), so none of them
has to import the report layer for the list.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from hengelo_scenario.outcome.model import Figure, Outcome


class Kind(StrEnum):
    """How a figure's values are read: money, a difference by its effect (V/N), a ratio, a share, ..."""

    MONEY = "bedrag"  # an amount or saldo in euros; + is voordelig for a saldo
    EFFECT = "verschil"  # a difference by its effect on the budget: + = voordelig (V), − = nadelig (N)
    RATIO = "ratio"
    PERCENT = "percentage"  # a fraction, shown as a percentage
    PERCENTAGE_POINT = "procentpunt"  # a difference of two percentages (a fraction), shown in procentpunten
    PRICE = "prijs"  # euros per unit, not in thousands
    VOLUME = "volume"
    TEXT = "tekst"


@dataclass(frozen=True)
class FigureSpec:
    """An outcome figure that `compare` can show: its key on the command line, its Dutch label, how to get it."""

    key: str
    label: str
    get: Callable[[Outcome], Figure | None]
    kind: Kind = Kind.MONEY


def _algemene_reserve(outcome: Outcome) -> Figure | None:
    ar = outcome.algemene_reserve
    return ar.closing if ar is not None else None


FIGURES: dict[str, FigureSpec] = {
    spec.key: spec
    for spec in (
        FigureSpec("geraamd_resultaat", "Geraamd resultaat", lambda o: o.overview.geraamd_resultaat),
        FigureSpec("structureel_saldo", "Structureel saldo", lambda o: o.overview.structureel_saldo),
        FigureSpec("algemene_reserve", "Algemene reserve 31 december", _algemene_reserve),
        FigureSpec("jeugdhulp", "Kosten jeugdzorg", lambda o: o.jeugdhulp.cost),
        FigureSpec("saldo_baten_lasten", "Saldo van baten en lasten", lambda o: o.overview.saldo_baten_lasten),
        FigureSpec("lasten", "Lasten", lambda o: o.overview.lasten),
        FigureSpec("baten", "Baten", lambda o: o.overview.baten),
        FigureSpec("toevoegingen", "Toevoegingen aan reserves", lambda o: o.overview.toevoegingen),
        FigureSpec("onttrekkingen", "Onttrekkingen aan reserves", lambda o: o.overview.onttrekkingen),
        FigureSpec(
            "structurele_exploitatieruimte",
            "Structurele exploitatieruimte",
            lambda o: o.overview.structurele_exploitatieruimte,
            Kind.PERCENT,
        ),
        FigureSpec("weerstand_beschikbaar", "Beschikbare weerstandscapaciteit", lambda o: o.weerstand.beschikbaar),
        FigureSpec("weerstandsratio", "Weerstandsratio", lambda o: o.weerstand.ratio, Kind.RATIO),
    )
}

DEFAULT_FIGURES = ("geraamd_resultaat", "structureel_saldo", "algemene_reserve", "jeugdhulp")


def figure_spec(key: str) -> FigureSpec:
    """The figure named on the command line; a KeyError whose message lists the choices and a close match."""
    normalised = key.strip().lower().replace("-", "_").replace(" ", "_")
    if normalised in FIGURES:
        return FIGURES[normalised]
    close = difflib.get_close_matches(normalised, FIGURES, n=1)
    hint = f"did you mean '{close[0]}'? " if close else ""
    raise KeyError(f"unknown figure '{key}'; {hint}choose from {', '.join(FIGURES)}")
