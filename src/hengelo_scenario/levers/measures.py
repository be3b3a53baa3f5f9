"""Any other measure: a signed change per year on a programme's lasten or baten, or on a reserve.

A measure names its programma, its soort (last, baat, toevoeging, onttrekking) and its signed amounts (+ is more
of the soort, so a saving is a negative last). A last may name a `dekking`: a reserve whose incidental onttrekking
covers it. Measures are a list; `extends` merges them by name (a child's measure replaces the parent's measure of
the same name in place).
"""

from __future__ import annotations

from typing import Any, ClassVar

import msgspec
from pydantic import ConfigDict, Field, model_validator

from hengelo_scenario.baseline.model import Aard, Amounts, Baseline, Soort
from hengelo_scenario.errors import Origin, Problem, ScenarioError
from hengelo_scenario.levers.base import Lever
from hengelo_scenario.levers.keyed import no_effect
from hengelo_scenario.money import ZERO
from hengelo_scenario.outcome.model import Booking
from hengelo_scenario.records import Record
from hengelo_scenario.scenario.context import ResolveContext, norm
from hengelo_scenario.scenario.paths import FieldPath
from hengelo_scenario.scenario.values import (
    AardValue,
    Name,
    ProgrammaRef,
    Reference,
    SignedAmount,
    SoortValue,
    StrictModel,
    Text,
    YearKey,
    describe,
    scenario_error,
)

__all__ = ["KEY", "LEVER", "Measure", "MeasureModel"]

KEY = "measures"


class MeasureModel(StrictModel):
    """Any other measure: a signed change in euros per year on a programme's lasten or baten, or a reserve."""

    model_config = ConfigDict(
        title="Measure",
        json_schema_extra={
            "allOf": [
                {
                    "if": {"properties": {"soort": {"enum": ["toevoeging", "onttrekking"]}}, "required": ["soort"]},
                    "then": {"required": ["reserve"], "not": {"required": ["dekking"]}},
                    "else": {"not": {"required": ["reserve"]}},
                },
                {
                    "if": {"properties": {"soort": {"const": "baat"}}, "required": ["soort"]},
                    "then": {"not": {"required": ["dekking"]}},
                },
            ],
            "examples": [
                {
                    "name": "Extra handhavers",
                    "programma": 1,
                    "soort": "last",
                    "amounts": {"2025": 250000, "2026": 250000},
                    "aard": "structureel",
                }
            ],
        },
    )
    expected: ClassVar[str] = "a measure: name, programma, soort, amounts, ..."
    hint: ClassVar[str] = "each measure is a list item starting with `- name:`"
    place: ClassVar[str] = "in a measure (a list item under `measures:`)"

    name: Name = Field(description="Unique within the scenario.", examples=["Extra handhavers"])
    description: Text = Field("", description="Free text.")
    programma: ProgrammaRef = Field(description="Programme code or name.")
    soort: SoortValue = Field(description="last | baat | toevoeging | onttrekking.")
    amounts: dict[YearKey, SignedAmount] = Field(
        description="SIGNED change in euros per year: + is more of the soort (a saving is a negative last). "
        "Years not named: 0.",
        examples=[{"2025": 250000, "2026": 250000}],
    )
    aard: AardValue | None = Field(
        None, description="Default: structureel for last/baat, incidenteel for toevoeging/onttrekking."
    )
    reserve: Reference | None = Field(
        None, description="Required for toevoeging/onttrekking; not allowed for last/baat."
    )
    dekking: Reference | None = Field(
        None,
        description="Only for soort last: a reserve whose onttrekking covers it (default: the begrotingssaldo).",
        examples=["algemene reserve"],
    )

    @model_validator(mode="after")
    def _reserve_fits_soort(self) -> MeasureModel:
        if self.soort.is_reserve_mutation:
            if self.reserve is None:
                raise scenario_error(
                    f"the reserve for a {self.soort.value}",
                    "nothing",
                    "add `reserve:` with the name of a reserve in the baseline",
                    field="reserve",
                )
            if self.dekking is not None:
                raise scenario_error(
                    "dekking only on a measure with soort last",
                    f"dekking on a {self.soort.value}",
                    "remove `dekking`; a toevoeging or onttrekking names its reserve with `reserve:`",
                    field="dekking",
                )
        else:
            if self.reserve is not None:
                raise scenario_error(
                    f"no reserve on a {self.soort.value} (only a toevoeging or onttrekking has one)",
                    describe(self.reserve),
                    "to pay a last from a reserve, write `dekking:` instead",
                    field="reserve",
                )
            if self.dekking is not None and self.soort is not Soort.LAST:
                raise scenario_error(
                    "dekking only on a measure with soort last",
                    f"dekking on a {self.soort.value}",
                    "remove `dekking`: a baat needs no cover",
                    field="dekking",
                )
        return self


class Measure(Record, frozen=True):
    """Any other measure: a signed change per year on a programme's lasten or baten, or on a reserve."""

    name: str
    description: str
    programma: str
    soort: Soort
    aard: Aard
    amounts: Amounts  # + = more of the soort (more lasten, more baten, a larger toevoeging ...)
    reserve: str | None = None  # for toevoeging / onttrekking
    dekking: str | None = None  # for lasten: a reserve that covers them (None: the begrotingssaldo)
    origin: Origin = msgspec.field(default_factory=lambda: Origin("", None, ""))


class MeasuresLever(Lever):
    key = KEY
    order = 100
    model: ClassVar[Any] = list[MeasureModel]
    description = "Any other measures, each a list item starting with `- name:`."
    empty: ClassVar[Any] = ()
    merge_by_name = True

    def resolve(self, measures: list[MeasureModel], ctx: ResolveContext) -> tuple[Measure, ...] | None:
        resolved: list[Measure] = []
        seen: dict[str, int] = {}
        for position, measure in enumerate(measures):
            path: FieldPath = ("measures", position)
            count = ctx.count
            key = norm(measure.name)
            if key in seen:
                ctx.problem(
                    (*path, "name"),
                    "a name used once in the scenario",
                    f"'{measure.name}' again (also measures[{seen[key]}])",
                    "rename one of them; a measure in a scenario that extends another replaces the measure "
                    "of the same name there",
                )
            else:
                seen[key] = position
            programma = ctx.programma(measure.programma, (*path, "programma"))
            amounts = [ZERO] * len(ctx.years)
            for year, amount in measure.amounts.items():
                index = ctx.year_index(year, (*path, "amounts", year))
                if index is not None:
                    amounts[index] = amount
            reserve: str | None = None
            if measure.reserve is not None:
                _, reserve = ctx.reserve(measure.reserve, (*path, "reserve"), saldo_allowed=False)
            dekking: str | None = None
            if measure.dekking is not None:
                if measure.soort is not Soort.LAST:
                    ctx.problem(
                        (*path, "dekking"),
                        "dekking only on a measure with soort last",
                        f"dekking on a {measure.soort.value}",
                        "remove `dekking`",
                    )
                else:
                    _, dekking = ctx.reserve(measure.dekking, (*path, "dekking"), saldo_allowed=True)
            if ctx.count > count or programma is None:
                continue
            if all(amount == ZERO for amount in amounts):
                ctx.no_change(path, "0 in every year", "give a non-zero amount, or remove the measure")
                continue
            aard = measure.aard
            if aard is None:
                aard = Aard.INCIDENTEEL if measure.soort.is_reserve_mutation else Aard.STRUCTUREEL
            resolved.append(
                Measure(
                    name=measure.name,
                    description=measure.description.strip(),
                    programma=programma,
                    soort=measure.soort,
                    aard=aard,
                    amounts=tuple(amounts),
                    reserve=reserve,
                    dekking=dekking,
                    origin=ctx.origin(path),
                )
            )
        return tuple(resolved)

    def bookings(self, change: tuple[Measure, ...], baseline: Baseline) -> list[Booking]:
        bookings: list[Booking] = []
        for measure in change:
            if all(a == 0 for a in measure.amounts):
                raise no_effect(measure.origin, "0 in every year", "give a non-zero amount or remove the measure")
            if measure.soort.is_reserve_mutation and any(a < 0 for a in measure.amounts):
                negative = [str(y) for y, a in zip(baseline.years, measure.amounts, strict=True) if a < 0]
                raise negative_mutation(measure.origin, measure.soort, ", ".join(negative))
            bookings.append(
                Booking(
                    measure.name,
                    measure.description,
                    measure.programma,
                    measure.soort,
                    measure.aard,
                    measure.amounts,
                    measure.reserve,
                    measure.origin,
                    KEY,
                )
            )
            if measure.dekking is not None:
                bookings.append(
                    Booking(
                        f"{measure.name}: dekking",
                        f"Onttrekking {measure.dekking}",
                        measure.programma,
                        Soort.ONTTREKKING,
                        Aard.INCIDENTEEL,
                        measure.amounts,
                        measure.dekking,
                        measure.origin,
                        KEY,
                    )
                )
        return bookings


def negative_mutation(origin: Origin, soort: Soort, years: str) -> ScenarioError:
    """A negative toevoeging or onttrekking would silently run the reserve the other way: refused (issue 8)."""
    other = "toevoeging" if soort is Soort.ONTTREKKING else "onttrekking"
    return ScenarioError(
        [
            Problem(
                origin.file,
                origin.where,
                origin.field or "amounts",
                f"amounts of 0 or more for {'an' if soort is Soort.ONTTREKKING else 'a'} {soort.value}",
                f"a negative amount in {years}",
                f"money going the other way is a {other}: write `soort: {other}` with positive amounts",
                code="scenario.negative-mutation",
            )
        ]
    )


LEVER = MeasuresLever()
