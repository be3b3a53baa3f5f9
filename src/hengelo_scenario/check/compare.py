"""Pinned figures against a fresh outcome: what differs, per figure and year, and why it might have moved.

Euros are compared to the cent: each side is rounded half away from zero to whole cents, and the two may differ by
at most the tolerance in euros (default 0). Numbers that are not euros are compared at fixed decimals, whatever
the tolerance: an `expect:` ratio or percentage at the decimals written; in a snapshot, ratios at 4 decimals,
fractions (structurele exploitatieruimte) at 6 and youth-care volumes at 6. Text (weerstand klasse, the
structural verdict) must be equal.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from hengelo_scenario.check.snapshot import Row, RowKind, Snapshot
from hengelo_scenario.money import CENT, round_half_away
from hengelo_scenario.outcome.model import Outcome
from hengelo_scenario.scenario.model import Expectation

__all__ = [
    "PLACES",
    "Mismatch",
    "Pin",
    "compare_expectations",
    "compare_snapshots",
    "within",
]

PLACES: dict[RowKind, int] = {RowKind.RATIO: 4, RowKind.PERCENT: 6, RowKind.NUMBER: 6}
MISSING = "(none)"


class Pin(StrEnum):
    """Where a pinned figure was written."""

    EXPECT = "expect"
    SNAPSHOT = "snapshot"


@dataclass(frozen=True)
class Mismatch:
    """One figure in one year that is not what was pinned."""

    pin: Pin
    figure: str  # 'geraamd_resultaat' (expect) or 'overzicht › geraamd_resultaat' (snapshot)
    year: int | None  # None for a figure without years (the structural verdict)
    expected: Decimal | str  # a Decimal, or text; MISSING when the figure was not pinned before
    found: Decimal | str  # MISSING when the outcome no longer has the figure
    kind: RowKind
    file: str  # the scenario file (expect) or the snapshot file
    line: int | None = None
    places: int | None = None  # decimals of a ratio or percentage as compared

    @property
    def difference(self) -> Decimal | None:
        """found - expected, for two numbers."""
        if isinstance(self.expected, Decimal) and isinstance(self.found, Decimal):
            if self.expected.is_nan() or self.found.is_nan():
                return None
            return self.found - self.expected
        return None


def within(found: Decimal, expected: Decimal, kind: RowKind, tolerance: Decimal, places: int | None = None) -> bool:
    """Does `found` match `expected` for a row of this kind (see the module docstring)?"""
    if found.is_nan() or expected.is_nan():
        return found.is_nan() and expected.is_nan()
    if kind is RowKind.MONEY:
        return abs(round_half_away(found, CENT) - round_half_away(expected, CENT)) <= tolerance
    digits = places if places is not None else PLACES.get(kind, 6)
    quantum = Decimal(1).scaleb(-digits)
    return round_half_away(found, quantum) == round_half_away(expected, quantum)


# --- expect: --------------------------------------------------------------------------------------------------


def _expect_kind(key: str) -> RowKind:
    from hengelo_scenario.outcome.figures import FIGURES, Kind

    kind = FIGURES[key].kind
    return {Kind.RATIO: RowKind.RATIO, Kind.PERCENT: RowKind.PERCENT}.get(kind, RowKind.MONEY)


def compare_expectations(
    outcome: Outcome, expectations: Sequence[Expectation], tolerance: Decimal
) -> tuple[Mismatch, ...]:
    """Each expected figure against the outcome's scenario figure of that year."""
    from hengelo_scenario.outcome.figures import FIGURES

    mismatches: list[Mismatch] = []
    for e in expectations:
        figure = FIGURES[e.figure].get(outcome)
        kind = _expect_kind(e.figure)
        found: Decimal | str = MISSING
        if figure is not None and e.year in outcome.years:
            found = figure.scenario[outcome.years.index(e.year)]
        if isinstance(found, str) or not within(found, e.value, kind, tolerance, e.places):
            mismatches.append(
                Mismatch(Pin.EXPECT, e.figure, e.year, e.value, found, kind, e.origin.file, e.origin.line, e.places)
            )
    return tuple(mismatches)


# --- snapshots ------------------------------------------------------------------------------------------------


def _value(text: str, kind: RowKind) -> Decimal | str:
    if kind is RowKind.TEXT:
        return text
    if text == "-":
        return Decimal("NaN")
    try:
        return Decimal(text)
    except ArithmeticError:
        return text


def _row_label(row: Row) -> str:
    return f"{row.section} › {row.label}"


def compare_snapshots(stored: Snapshot, current: Snapshot, tolerance: Decimal, file: str) -> tuple[Mismatch, ...]:
    """Every figure and year where the current outcome differs from the stored snapshot.

    A figure only in one of them (a programme or booking added or gone) is a mismatch in each year, against
    '(none)'. Baselines with other years cannot be compared figure by figure: that is one mismatch.
    """
    if stored is current and tolerance >= 0:  # check's stand-in for a stored file equal to the rendered text
        return ()
    if stored.years != current.years:
        years = " ".join(str(y) for y in stored.years), " ".join(str(y) for y in current.years)
        return (Mismatch(Pin.SNAPSHOT, "years", None, years[0], years[1], RowKind.TEXT, file),)
    mismatches: list[Mismatch] = []
    old = stored.by_key()
    new = current.by_key()

    def year_of(i: int, row: Row) -> int | None:
        return current.years[i] if len(row.values) == len(current.years) and row.section != "oordeel" else None

    same_text_matches = tolerance >= 0  # a value written the same is within any tolerance of itself
    for key, row in new.items():
        before = old.get(key)
        line = before.line if before is not None else None
        for i, text in enumerate(row.values):
            if same_text_matches and before is not None and i < len(before.values) and before.values[i] == text:
                continue  # the common case: nothing moved (saves parsing and rounding some 600 values a scenario)
            found = _value(text, row.kind)
            if before is None or i >= len(before.values):
                mismatches.append(
                    Mismatch(Pin.SNAPSHOT, _row_label(row), year_of(i, row), MISSING, found, row.kind, file, line)
                )
                continue
            expected = _value(before.values[i], row.kind)
            if isinstance(found, Decimal) and isinstance(expected, Decimal):
                same = within(found, expected, row.kind, tolerance)
            else:
                same = found == expected
            if not same:
                places = PLACES.get(row.kind)
                mismatches.append(
                    Mismatch(
                        Pin.SNAPSHOT, _row_label(row), year_of(i, row), expected, found, row.kind, file, line, places
                    )
                )
    for key, row in old.items():
        if key not in new:
            for i, text in enumerate(row.values):
                kind = RowKind.TEXT if row.section == "oordeel" else RowKind.MONEY
                mismatches.append(
                    Mismatch(
                        Pin.SNAPSHOT,
                        _row_label(row),
                        year_of(i, row),
                        _value(text, kind),
                        MISSING,
                        kind,
                        file,
                        row.line,
                    )
                )
    return tuple(mismatches)
