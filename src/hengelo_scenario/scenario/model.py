"""A scenario resolved against a baseline: every reference checked, every lever a vector per baseline year.

The scenario file's own language (percentages, growth rates, `extends`) is gone by this point; what is left is
what the engine needs, plus an `Origin` per measure so a problem the engine finds (a reserve below zero, a
measure that changes nothing) can still point at the file and line that caused it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from hengelo_scenario.baseline.model import Resultaatbestemming
from hengelo_scenario.errors import Origin

__all__ = ["Expectation", "Factors", "Origin", "Scenario"]

Factors = tuple[Decimal, ...]  # one multiplier per baseline year, 1 = unchanged


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


@dataclass(frozen=True, init=False)
class Scenario:
    """A scenario resolved against a baseline: its levers' changes, in the registry's order, and its pins.

    `changes` holds (lever key, resolved change) pairs; `scenario.jeugdhulp`, `scenario.measures` ... read them by
    the lever's key (the lever's `empty` value, such as None or (), when the file does not use the lever). The
    constructor takes changes by key as well: `Scenario(name, years, wijkaanpak=change)`.
    """

    name: str
    years: tuple[int, ...]
    description: str = ""
    author: str = ""
    source: str = ""  # the scenario file as the user named it
    sha256: str = ""
    resolved: str | Callable[[], str] = field(default="", repr=False, compare=False)
    changes: tuple[tuple[str, Any], ...] = ()
    expectations: tuple[Expectation, ...] = ()  # for `check` only; not a measure, so not part of `is_empty`
    resultaatbestemming: Resultaatbestemming | None = None  # None: the baseline workbook's setting

    def __init__(
        self,
        name: str,
        years: tuple[int, ...],
        description: str = "",
        author: str = "",
        source: str = "",
        sha256: str = "",
        resolved_text: str | Callable[[], str] = "",
        changes: tuple[tuple[str, Any], ...] = (),
        expectations: tuple[Expectation, ...] = (),
        resolved: str | Callable[[], str] | None = None,
        resultaatbestemming: Resultaatbestemming | None = None,
        **by_key: Any,
    ) -> None:
        from hengelo_scenario.levers import lever_keys

        known = lever_keys()
        merged = dict(changes)
        for key, change in by_key.items():
            if key not in known:
                raise TypeError(f"Scenario() got an unexpected keyword argument {key!r}")
            merged[key] = change
        ordered = tuple((key, merged[key]) for key in known if key in merged and _is_change(merged[key]))
        for attribute, value in (
            ("name", name),
            ("years", tuple(years)),
            ("description", description),
            ("author", author),
            ("source", source),
            ("sha256", sha256),
            ("resolved", resolved_text if resolved is None or resolved_text else resolved),
            ("changes", ordered),
            ("expectations", tuple(expectations)),
            ("resultaatbestemming", resultaatbestemming),
        ):
            object.__setattr__(self, attribute, value)

    @property
    def resolved_text(self) -> str:
        """The scenario after `extends`, as YAML, for provenance: made when first asked for (an export)."""
        value = self.resolved
        if callable(value):
            value = value()
            object.__setattr__(self, "resolved", value)
        return value

    def __getattr__(self, key: str) -> Any:
        if key.startswith("_") or key in ("changes", "resolved"):
            raise AttributeError(key)
        from hengelo_scenario.levers import lever

        try:
            empty = lever(key).empty
        except KeyError:
            raise AttributeError(f"'Scenario' object has no attribute {key!r}") from None
        return dict(self.changes).get(key, empty)

    def change(self, key: str) -> Any:
        """The resolved change of the lever `key`, or the lever's empty value."""
        return getattr(self, key)

    @property
    def is_empty(self) -> bool:
        return not self.changes and self.resultaatbestemming is None


def _is_change(value: Any) -> bool:
    return value is not None and value != ()
