"""The algemene uitkering (gemeentefonds): changes per year as an amount, a percentage, or named circulaire entries.

The baseline lines are the baten whose Sleutel is `algemene_uitkering` (or starts with it). A scenario writes the
signed change per year (`amounts`), a change as a percentage of the baseline's algemene uitkering (`percentage`),
and any number of circulaires by name, each with its own amounts (and aard), so an analyst types the effect of
each meicirculaire or septembercirculaire as the VNG/BZK publishes it and the measures table shows which
circulaire moved what. Every part is its own booking: a baat of the programme of the (first) algemene-uitkering
line, structural unless written otherwise.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Any, ClassVar, Union

from pydantic import ConfigDict, Discriminator, Field, Tag, model_validator

from hengelo_scenario.baseline.layout import KEY_ALGEMENE_UITKERING
from hengelo_scenario.baseline.model import Aard, Baseline, Soort
from hengelo_scenario.errors import Origin
from hengelo_scenario.levers.base import Lever
from hengelo_scenario.levers.common import is_zero, lines_or_problem
from hengelo_scenario.money import ZERO, format_percentage
from hengelo_scenario.outcome.model import Booking
from hengelo_scenario.records import Record
from hengelo_scenario.scenario.context import ResolveContext
from hengelo_scenario.scenario.paths import FieldPath
from hengelo_scenario.scenario.values import (
    TAG_PREFIX,
    AardValue,
    Name,
    Percentage,
    SignedAmount,
    StrictModel,
    YearKey,
    scenario_error,
)

__all__ = ["KEY", "LEVER", "AlgemeneUitkering", "AlgemeneUitkeringChange", "Circulaire"]

KEY = "algemene_uitkering"
LABEL = "Algemene uitkering"


class Circulaire(StrictModel):
    """One circulaire's effect: signed amounts per year, and its aard (an incidental one-off, say)."""

    model_config = ConfigDict(
        title="Circulaire",
        json_schema_extra={"examples": [{"amounts": {"2025": -1200000}, "aard": "incidenteel"}]},
    )
    expected: ClassVar[str] = "a circulaire: amounts and optionally aard"
    hint: ClassVar[str] = "write for example `{amounts: {2026: -2100000}, aard: incidenteel}`, or just the years"
    place: ClassVar[str] = "under a circulaire in `algemene_uitkering: circulaires:`"

    amounts: dict[YearKey, SignedAmount] = Field(description="Signed change in euros per year (+ = more income).")
    aard: AardValue = Field(Aard.STRUCTUREEL, description="Default structureel.")


def _circulaire_form(value: Any) -> str:
    if isinstance(value, dict) and any(str(k) in ("amounts", "aard") for k in value):
        return f"{TAG_PREFIX}entry"
    return f"{TAG_PREFIX}years"


CirculaireValue = Annotated[
    Union[  # noqa: UP007
        Annotated[Circulaire, Tag(f"{TAG_PREFIX}entry")],
        Annotated[dict[YearKey, SignedAmount], Tag(f"{TAG_PREFIX}years")],
    ],
    Discriminator(_circulaire_form),
]


class AlgemeneUitkering(StrictModel):
    """Changes of the algemene uitkering (gemeentefonds) per year."""

    model_config = ConfigDict(
        title="Algemene uitkering",
        json_schema_extra={
            "anyOf": [{"required": ["amounts"]}, {"required": ["percentage"]}, {"required": ["circulaires"]}],
            "examples": [
                {
                    "circulaires": {
                        "meicirculaire 2025": {"2026": -2100000, "2027": -800000},
                        "septembercirculaire 2025": {"2026": 400000},
                    }
                },
                {"percentage": {"2027": "-1%", "2028": "-1%"}},
            ],
        },
    )
    expected: ClassVar[str] = "the algemene-uitkering changes: amounts, percentage, circulaires, aard"
    hint: ClassVar[str] = "write for example `circulaires: {meicirculaire 2025: {2026: -2100000}}` under this key"
    place: ClassVar[str] = "under `algemene_uitkering:`"

    amounts: dict[YearKey, SignedAmount] | None = Field(
        None,
        description="Signed change in euros per year (+ = more income); years not named: 0.",
        examples=[{"2026": -1500000}],
    )
    percentage: dict[YearKey, Percentage] | None = Field(
        None,
        description="Change per year as a percentage of the baseline's algemene uitkering; years not named: 0%.",
        examples=[{"2027": "-1%"}],
    )
    circulaires: dict[Name, CirculaireValue] | None = Field(
        None,
        description="Named circulaire entries (meicirculaire 2025, ...): each a signed change per year, or "
        "`{amounts: ..., aard: incidenteel}`. Each is its own row in the measures table.",
        examples=[{"meicirculaire 2025": {"2026": -2100000, "2027": -800000}}],
    )
    aard: AardValue = Field(Aard.STRUCTUREEL, description="Aard of `amounts` and `percentage`; default structureel.")

    @model_validator(mode="after")
    def _something(self) -> AlgemeneUitkering:
        if self.amounts is None and self.percentage is None and self.circulaires is None:
            raise scenario_error(
                "at least one of: amounts, percentage, circulaires",
                "none of them",
                "write for example `circulaires: {meicirculaire 2025: {2026: -2100000}}`, or remove the section",
            )
        return self


class Part(Record, frozen=True):
    """One booked part of the change: its name in the tables, aard and signed amounts per year."""

    name: str
    aard: Aard
    amounts: tuple[Decimal, ...]
    origin: Origin


class AlgemeneUitkeringChange(Record, frozen=True):
    programma: str
    line_key: str | None
    parts: tuple[Part, ...]
    origin: Origin


class AlgemeneUitkeringLever(Lever):
    key = KEY
    order = 40
    model = AlgemeneUitkering
    description = "The algemene uitkering (gemeentefonds): amounts, percentage and named circulaires per year."
    whole: ClassVar[tuple[tuple[str, ...], ...]] = (("circulaires", "*"),)

    def resolve(self, section: AlgemeneUitkering, ctx: ResolveContext) -> AlgemeneUitkeringChange | None:
        path: FieldPath = (KEY,)
        lines = lines_or_problem(ctx, KEY_ALGEMENE_UITKERING, path, "the algemene uitkering", KEY_ALGEMENE_UITKERING)
        if not lines:
            return None
        count = ctx.count
        n = len(ctx.years)
        total = [sum((x.amounts[i] for x in lines), ZERO) for i in range(n)]
        parts: list[Part] = []

        def part(name: str, aard: Aard, values: tuple[Decimal, ...] | None, where: FieldPath, found: str) -> None:
            if values is None:
                return
            if is_zero(values):
                ctx.no_change(where, found, "give a non-zero change, or remove it")
                return
            parts.append(Part(name, aard, values, ctx.origin(where)))

        if section.amounts is not None:
            part(
                f"{LABEL}: mutatie",
                section.aard,
                ctx.per_year(section.amounts, (*path, "amounts"), ZERO),
                (*path, "amounts"),
                "0 in every year",
            )
        if section.percentage is not None:
            for year, rate in section.percentage.items():
                if rate < -1:
                    ctx.problem(
                        (*path, "percentage", year),
                        "a change of -100% or more (the algemene uitkering cannot fall below zero)",
                        format_percentage(rate),
                    )
            rates = ctx.per_year(section.percentage, (*path, "percentage"), ZERO)
            values = None if rates is None else tuple(t * r for t, r in zip(total, rates, strict=True))
            part(f"{LABEL}: procentuele mutatie", section.aard, values, (*path, "percentage"), "0% in every year")
        if section.circulaires is not None and not section.circulaires:
            ctx.problem((*path, "circulaires"), "at least one circulaire with its amounts", "an empty mapping")
        for name, entry in (section.circulaires or {}).items():
            where = (*path, "circulaires", name)
            amounts, aard = (entry.amounts, entry.aard) if isinstance(entry, Circulaire) else (entry, Aard.STRUCTUREEL)
            sub = (*where, "amounts") if isinstance(entry, Circulaire) else where
            part(f"{LABEL}: {name}", aard, ctx.per_year(amounts, sub, ZERO), where, "0 in every year")
        if ctx.count > count:
            return None
        for i, year in enumerate(ctx.years):
            new_total = total[i] + sum((p.amounts[i] for p in parts), ZERO)
            if new_total < 0:
                ctx.problem(
                    path,
                    f"an algemene uitkering of 0 or more in {year}",
                    f"{new_total:,.2f} after the changes (baseline {total[i]:,.2f})",
                    "the changes take more than the whole algemene uitkering",
                )
                return None
        return AlgemeneUitkeringChange(lines[0].programma, lines[0].key, tuple(parts), ctx.origin(path))

    def bookings(self, change: AlgemeneUitkeringChange, baseline: Baseline) -> list[Booking]:
        return [
            Booking(
                part.name,
                "Algemene uitkering gemeentefonds",
                change.programma,
                Soort.BAAT,
                part.aard,
                part.amounts,
                None,
                part.origin,
                KEY,
                line_key=change.line_key,
            )
            for part in change.parts
        ]


LEVER = AlgemeneUitkeringLever()
