"""What a lever needs to check its section against a baseline: lookups, year vectors, and where to report.

A `ResolveContext` is handed to every lever's `resolve`. It collects problems instead of raising, so a file with
five mistakes gets five messages at once, each at the file and line (in whichever file of the `extends` chain)
that wrote the field. Names are matched case-insensitively, with a suggestion when one is close.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING

from hengelo_scenario.baseline.model import Baseline
from hengelo_scenario.errors import Origin, Problem
from hengelo_scenario.money import ONE, ZERO, format_percentage
from hengelo_scenario.scenario.model import Factors
from hengelo_scenario.scenario.paths import FieldPath, dotted
from hengelo_scenario.scenario.values import Change, describe, suggest

if TYPE_CHECKING:
    from hengelo_scenario.scenario.loader import ScenarioFile

__all__ = ["ALGEMENE_RESERVE", "BEGROTINGSSALDO", "NO_CHANGE", "ResolveContext", "norm"]

BEGROTINGSSALDO = "begrotingssaldo"
ALGEMENE_RESERVE = "algemene reserve"
NO_CHANGE = "this measure changes no number"


def norm(name: str) -> str:
    """How names from a file are compared with names in the baseline: spaces collapsed, case ignored."""
    return " ".join(str(name).split()).casefold()


class ResolveContext:
    """One scenario file against one baseline: the lookups levers share, and the problems found so far."""

    def __init__(self, file: ScenarioFile, baseline: Baseline) -> None:
        self.file = file
        self.baseline = baseline
        self.years = baseline.years
        self.problems: list[Problem] = []

    # --- reporting -------------------------------------------------------------------------------------------

    def _location(self, path: FieldPath) -> tuple[str, int | None]:
        found = self.file.location(path)
        return found if found is not None else (self.file.path, None)

    def origin(self, path: FieldPath) -> Origin:
        file, line = self._location(path)
        return Origin(file, line, dotted(path))

    def problem(
        self, path: FieldPath, expected: str, found: str, hint: str = "", code: str = "scenario.invalid-value"
    ) -> None:
        file, line = self._location(path)
        where = f"line {line}" if line is not None else "(no line)"
        self.problems.append(Problem(file, where, dotted(path), expected, found, hint, code))

    def no_change(self, path: FieldPath, found: str, hint: str) -> None:
        """A section that changes no number: an error, because a silent no-op misleads the reader of a memo."""
        self.problem(path, "a change against the baseline", f"{NO_CHANGE}: {found}", hint, "scenario.no-change")

    @property
    def count(self) -> int:
        """The number of problems so far: a lever compares it before and after to know whether it failed."""
        return len(self.problems)

    # --- lookups in the baseline -----------------------------------------------------------------------------

    def year_index(self, year: int, path: FieldPath) -> int | None:
        if year in self.years:
            return self.years.index(year)
        self.problem(
            path,
            "one of " + ", ".join(str(y) for y in self.years) + " (the baseline years)",
            str(year),
            "the baseline workbook covers only these years",
            "scenario.unknown-year",
        )
        return None

    def per_year(self, values: dict[int, Decimal], path: FieldPath, default: Decimal) -> tuple[Decimal, ...] | None:
        """A {year: value} mapping as one value per baseline year (`default` where not named); None on a bad year."""
        result = [default] * len(self.years)
        ok = True
        for year, value in values.items():
            index = self.year_index(year, (*path, year))
            if index is None:
                ok = False
            else:
                result[index] = value
        return tuple(result) if ok else None

    def programma(self, reference: str, path: FieldPath) -> str | None:
        key = norm(reference)
        for programma in self.baseline.programmas:
            if norm(programma.code) == key:
                return programma.code
        for programma in self.baseline.programmas:
            if norm(programma.naam) == key or norm(f"{programma.code} {programma.naam}") == key:
                return programma.code
        names = [p.naam for p in self.baseline.programmas] + [p.code for p in self.baseline.programmas]
        listing = "; ".join(f"{p.code} {p.naam}" for p in self.baseline.programmas)
        self.problem(
            path,
            f"a programme of the baseline, by code or name ({listing})",
            describe(reference),
            suggest(reference, names),
            "scenario.unknown-programma",
        )
        return None

    def reserve(self, reference: str, path: FieldPath, *, saldo_allowed: bool) -> tuple[bool, str | None]:
        """(found, reserve naam); naam None means the begrotingssaldo (only where `saldo_allowed`)."""
        key = norm(reference)
        if saldo_allowed and key == BEGROTINGSSALDO:
            return True, None
        for reserve in self.baseline.reserves:
            if norm(reserve.naam) == key:
                return True, reserve.naam
        algemene = self.baseline.algemene_reserve
        if key == ALGEMENE_RESERVE and algemene is not None:
            return True, algemene.naam
        names = [r.naam for r in self.baseline.reserves] + ([BEGROTINGSSALDO] if saldo_allowed else [])
        expected = "a reserve of the baseline (" + ", ".join(r.naam for r in self.baseline.reserves) + ")"
        if saldo_allowed:
            expected += " or begrotingssaldo"
        self.problem(path, expected, describe(reference), suggest(reference, names), "scenario.unknown-reserve")
        return False, None

    def match(self, names: Sequence[str], given: str, path: FieldPath, what: str, seen: dict[int, str]) -> int | None:
        """The index of a baseline name (segment, onderdeel), case-insensitively; each may be named once."""
        key = norm(given)
        for index, name in enumerate(names):
            if norm(name) == key:
                if index in seen:
                    self.problem(
                        path,
                        f"each {what} once",
                        f"'{given}' a second time (also as '{seen[index]}')",
                        "names match regardless of upper and lower case; keep one",
                        "scenario.duplicate-name",
                    )
                    return None
                seen[index] = given
                return index
        article = "an" if what[0] in "aeiou" else "a"
        self.problem(
            path,
            f"{article} {what} of the baseline (" + ", ".join(names) + ")",
            describe(given),
            suggest(given, list(names)),
            "scenario.unknown-name",
        )
        return None

    # --- changes per year ------------------------------------------------------------------------------------

    def factors(
        self,
        change: Change,
        path: FieldPath,
        rate_ok: Callable[[Decimal, FieldPath], bool],
        *,
        reduction: bool = False,
    ) -> Factors | None:
        """One factor per baseline year: 1 + c (1 - c for a reduction), `growth` compounding exactly.

        `rate_ok(rate, path)` checks each rate (and reports the problem itself).
        """
        sign = -1 if reduction else 1
        if change.per_year is not None:
            rates = [ZERO] * len(self.years)
            ok = True
            for year, rate in change.per_year.items():
                year_path = (*path, "per_year", year)
                index = self.year_index(year, year_path)
                if index is None or not rate_ok(rate, year_path):
                    ok = False
                    continue
                rates[index] = rate
            return tuple(ONE + sign * rate for rate in rates) if ok else None
        growth = change.growth if change.growth is not None else ZERO
        start = change.from_ if change.from_ is not None else self.years[0]
        ok = True
        if change.from_ is not None and self.year_index(change.from_, (*path, "from")) is None:
            ok = False
        if not rate_ok(growth, (*path, "growth")):
            ok = False
        if not ok:
            return None
        try:
            step = ONE + sign * growth
            return tuple(step ** (year - start + 1) if year >= start else ONE for year in self.years)
        except ArithmeticError:
            self.problem(
                (*path, "growth"),
                "a percentage with a few decimals",
                format_percentage(growth),
                "the compounded factors have too many digits to compute exactly",
            )
            return None

    def shares(self, value: Decimal | dict[int, Decimal], path: FieldPath) -> Factors | None:
        """Shares per year: one share for every year, or per year (years not named: 100%)."""
        if isinstance(value, Decimal):
            return (value,) * len(self.years)
        return self.per_year(value, path, ONE)
