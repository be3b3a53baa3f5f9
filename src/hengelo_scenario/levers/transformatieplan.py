"""The transformatieplan sociaal domein: how much of its savings target (taakstelling) is realised.

The savings are already inside the programmes' lasten; a share below 100% books the unrealised part of each
onderdeel as extra lasten of its programme (structural unless the file says otherwise: a savings target that is
not realised is structural).
"""

from __future__ import annotations

from typing import ClassVar

from pydantic import ConfigDict, Field, model_validator

from hengelo_scenario.baseline.model import Aard, Baseline, Soort
from hengelo_scenario.errors import Origin
from hengelo_scenario.levers.base import Lever
from hengelo_scenario.levers.keyed import no_effect
from hengelo_scenario.money import ONE
from hengelo_scenario.outcome.model import Booking
from hengelo_scenario.records import Record
from hengelo_scenario.scenario.context import ResolveContext
from hengelo_scenario.scenario.model import Factors
from hengelo_scenario.scenario.paths import FieldPath
from hengelo_scenario.scenario.values import AardValue, Reference, ShareOrPerYear, StrictModel, scenario_error

__all__ = ["KEY", "LEVER", "TransformatieChange", "Transformatieplan"]

KEY = "transformatieplan"


class Transformatieplan(StrictModel):
    """How much of the transformatieplan's savings target is realised."""

    model_config = ConfigDict(
        title="Transformatieplan",
        json_schema_extra={
            "anyOf": [{"required": ["realisatie"]}, {"required": ["onderdelen"]}],
            "examples": [{"realisatie": "80%"}, {"onderdelen": {"Jeugd": "50%"}}],
        },
    )
    expected: ClassVar[str] = "a mapping with realisatie and/or onderdelen"
    hint: ClassVar[str] = "write for example `realisatie: 80%` indented under `transformatieplan:`"
    place: ClassVar[str] = "under `transformatieplan:`"

    realisatie: ShareOrPerYear | None = Field(
        None,
        description="Share of the savings target realised, for all onderdelen: one share, or per year "
        "(years not named: 100%).",
        examples=["80%", {"2026": "80%", "2027": "90%"}],
    )
    onderdelen: dict[Reference, ShareOrPerYear] | None = Field(
        None,
        description="Share per onderdeel (names from the baseline); replaces `realisatie` for that onderdeel.",
        examples=[{"Jeugd": "50%"}],
    )
    aard: AardValue = Field(Aard.STRUCTUREEL, description="Default structureel.")

    @model_validator(mode="after")
    def _something(self) -> Transformatieplan:
        if self.realisatie is None and self.onderdelen is None:
            raise scenario_error(
                "at least one of: realisatie, onderdelen", "none of them", "write for example `realisatie: 80%`"
            )
        return self


class TransformatieChange(Record, frozen=True):
    """Realised share of the savings target per onderdeel (aligned with `Baseline.transformatieplan`) and year."""

    realisatie: tuple[Factors, ...]
    aard: Aard
    origin: Origin


class TransformatieplanLever(Lever):
    key = KEY
    order = 40
    model = Transformatieplan
    description = "Share of the transformatieplan savings target that is realised."

    def resolve(self, section: Transformatieplan, ctx: ResolveContext) -> TransformatieChange | None:
        path: FieldPath = (KEY,)
        onderdelen = ctx.baseline.transformatieplan
        if not onderdelen:
            ctx.problem(
                path,
                "onderdelen of the transformatieplan in the baseline",
                "none in the baseline workbook",
                "remove the transformatieplan section, or fill in the transformatieplan in the workbook",
            )
            return None
        count = ctx.count
        general: Factors | None = (ONE,) * len(ctx.years)
        if section.realisatie is not None:
            general = ctx.shares(section.realisatie, (*path, "realisatie"))
        realisatie: list[Factors | None] = [general] * len(onderdelen)
        seen: dict[int, str] = {}
        names = [onderdeel.naam for onderdeel in onderdelen]
        for name, value in (section.onderdelen or {}).items():
            index = ctx.match(names, name, (*path, "onderdelen", name), "onderdeel", seen)
            if index is not None:
                realisatie[index] = ctx.shares(value, (*path, "onderdelen", name))
        if ctx.count > count:
            return None
        complete = tuple(shares for shares in realisatie if shares is not None)
        if all(share == ONE for shares in complete for share in shares):
            ctx.no_change(
                path,
                "100% realised in every year for every onderdeel",
                "remove the section, or give a share other than 100%",
            )
            return None
        return TransformatieChange(complete, section.aard, ctx.origin(path))

    def bookings(self, change: TransformatieChange, baseline: Baseline) -> list[Booking]:
        bookings = []
        for onderdeel, shares in zip(baseline.transformatieplan, change.realisatie, strict=True):
            shortfall = tuple((1 - share) * target for share, target in zip(shares, onderdeel.amounts, strict=True))
            if any(a != 0 for a in shortfall):
                bookings.append(
                    Booking(
                        f"Transformatieplan: {onderdeel.naam}",
                        "Niet gerealiseerde besparing (taakstelling)",
                        onderdeel.programma,
                        Soort.LAST,
                        change.aard,
                        shortfall,
                        None,
                        change.origin,
                        KEY,
                    )
                )
        if not bookings:
            raise no_effect(
                change.origin,
                "a realisation that leaves every saving as budgeted",
                "a share below or above 100% of a non-zero target changes the lasten",
            )
        return bookings


LEVER = TransformatieplanLever()
