"""Levers that give a baseline line, found by its Sleutel, new amounts and/or a new aard: the reusable part.

A keyed lever is one small module: `LEVER = KeyedLineLever(key=..., sleutel=..., label=...)` (see
`levers/wijkaanpak.py`). The scenario writes the NEW amounts per year (years not named keep the baseline) and
optionally the aard; the bookings are the differences against the baseline line, in the line's own soort (a last
or a baat), per aard: a line moved from incidenteel to structureel leaves one aard and enters the other.
"""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal
from typing import Any, ClassVar

from pydantic import ConfigDict, Field, model_validator

from hengelo_scenario.baseline.model import Aard, Baseline, Line
from hengelo_scenario.errors import Origin, Problem, ScenarioError
from hengelo_scenario.levers.base import Lever
from hengelo_scenario.money import ZERO
from hengelo_scenario.outcome.model import Booking
from hengelo_scenario.records import Record
from hengelo_scenario.scenario.context import ResolveContext
from hengelo_scenario.scenario.paths import FieldPath
from hengelo_scenario.scenario.values import AardOrPerYear, NewAmount, StrictModel, YearKey, scenario_error

__all__ = ["AmountsChange", "AmountsSection", "KeyedLineLever", "keyed_line", "line_bookings", "line_changes"]


class AmountsSection(StrictModel):
    """New amounts for a baseline line addressed by its Sleutel; years not named keep the baseline."""

    model_config = ConfigDict(
        title="Amounts",
        json_schema_extra={
            "anyOf": [{"required": ["amounts"]}, {"required": ["aard"]}],
            "examples": [{"amounts": {"2027": 509000, "2028": 509000}, "aard": "structureel"}],
        },
    )
    expected: ClassVar[str] = "a mapping with amounts and/or aard"
    place: ClassVar[str] = "under a section that gives a line new amounts, such as `wijkaanpak:`"
    hint: ClassVar[str] = "write for example `amounts: {2027: 509000}` indented under this key"
    requires_one_of: ClassVar[tuple[str, ...]] = ("amounts", "aard")

    amounts: dict[YearKey, NewAmount] | None = Field(
        None,
        description="New amount in euros for each year named (0 stops it); other years keep the baseline.",
        examples=[{"2027": 509000, "2028": 509000}],
    )
    aard: AardOrPerYear | None = Field(
        None,
        description="structureel or incidenteel: one value for the years named in amounts, or per year.",
        examples=["structureel", {"2027": "structureel"}],
    )

    @model_validator(mode="after")
    def _something(self) -> AmountsSection:
        if all(getattr(self, name) is None for name in self.requires_one_of):
            raise scenario_error(
                "at least one of: " + ", ".join(self.requires_one_of),
                "none of them",
                "give new amounts, or remove the section",
            )
        return self


class AmountsChange(Record, frozen=True):
    """New amounts for a baseline line that scenarios address by key; None keeps the baseline for that year."""

    amounts: tuple[Decimal | None, ...]
    aard: tuple[Aard | None, ...]  # None keeps the baseline line's aard
    origin: Origin


def no_effect(origin: Origin, found: str, hint: str) -> ScenarioError:
    return ScenarioError(
        [
            Problem(
                origin.file,
                origin.where,
                origin.field,
                "a change against the baseline",
                found,
                hint,
                "scenario.no-change",
            )
        ]
    )


def keyed_line(baseline: Baseline, sleutel: str, origin: Origin) -> Line:
    line = baseline.line(sleutel)
    if line is None:
        raise ScenarioError(
            [
                Problem(
                    origin.file,
                    origin.where,
                    origin.field,
                    f"a baseline line with Sleutel '{sleutel}'",
                    "none in the baseline workbook",
                    f"mark the line in sheet 'Lasten en baten' with Sleutel {sleutel}",
                    "scenario.missing-line",
                )
            ]
        )
    return line


def line_changes(line: Line, change: AmountsChange) -> dict[Aard, list[Decimal]]:
    """Signed changes of the line's soort per aard when a keyed line gets new amounts and/or a new aard."""
    changes: dict[Aard, list[Decimal]] = defaultdict(lambda: [ZERO] * len(line.amounts))
    for i, (old, new, new_aard) in enumerate(zip(line.amounts, change.amounts, change.aard, strict=True)):
        if new is None and new_aard is None:
            continue
        target = old if new is None else new
        aard = line.aard if new_aard is None else new_aard
        if aard is line.aard:
            changes[aard][i] += target - old
        else:  # reclassification: the old amount leaves its aard, the new one enters the other
            changes[line.aard][i] -= old
            changes[aard][i] += target
    return changes


def line_bookings(
    name: str, line: Line, changes: dict[Aard, list[Decimal]], origin: Origin, lever: str
) -> list[Booking]:
    return [
        Booking(
            name,
            line.description,
            line.programma,
            line.soort,
            aard,
            tuple(amounts),
            None,
            origin,
            lever,
            line_key=line.key,
        )
        for aard, amounts in sorted(changes.items())
        if any(a != 0 for a in amounts)
    ]


class KeyedLineLever(Lever):
    """New amounts and/or aard for the baseline line with Sleutel `sleutel`, written under `key:`."""

    model: ClassVar[Any] = AmountsSection

    def __init__(self, *, key: str, sleutel: str, label: str, order: int, description: str = "") -> None:
        self.key = key  # type: ignore[misc]
        self.sleutel = sleutel
        self.label = label  # the measure's name in tables and charts (Dutch)
        self.order = order  # type: ignore[misc]
        self.description = description or f"The baseline line with Sleutel `{sleutel}`: new amounts and/or aard."  # type: ignore[misc]

    def amounts_change(self, section: AmountsSection, ctx: ResolveContext) -> AmountsChange | None:
        path: FieldPath = (self.key,)
        count = ctx.count
        if ctx.baseline.line(self.sleutel) is None:
            ctx.problem(
                path,
                f"a baseline line with Sleutel '{self.sleutel}'",
                "none in the baseline workbook",
                f"remove the `{self.key}` section, or mark the line in the workbook with Sleutel {self.sleutel}",
            )
            return None
        n = len(ctx.years)
        amounts: list[Decimal | None] = [None] * n
        named: list[int] = []
        for year, amount in (section.amounts or {}).items():
            index = ctx.year_index(year, (*path, "amounts", year))
            if index is not None:
                amounts[index] = amount
                named.append(index)
        aard: list[Aard | None] = [None] * n
        if isinstance(section.aard, Aard):
            for index in named if section.amounts is not None else range(n):
                aard[index] = section.aard
        elif isinstance(section.aard, dict):
            for year, value in section.aard.items():
                index = ctx.year_index(year, (*path, "aard", year))
                if index is not None:
                    aard[index] = value
        if ctx.count > count:
            return None
        return AmountsChange(tuple(amounts), tuple(aard), ctx.origin(path))

    def resolve(self, section: AmountsSection, ctx: ResolveContext) -> AmountsChange | None:
        return self.amounts_change(section, ctx)

    def bookings(self, change: AmountsChange, baseline: Baseline) -> list[Booking]:
        line = keyed_line(baseline, self.sleutel, change.origin)
        bookings = line_bookings(self.label, line, line_changes(line, change), change.origin, self.key)
        if not bookings:
            raise no_effect(
                change.origin,
                "the baseline's own amounts and aard",
                f"the {self.key} in the scenario equals the baseline; remove the section or change an amount",
            )
        return bookings
