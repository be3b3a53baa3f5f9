"""Youth care (jeugdhulp) paid per effort: cost = price × volume per segment, changed by price, volume and regie.

The section's factors multiply the baseline's prices and volumes per segment and year (`youth_care_factors`); the
engine computes the cost as p × q and books the change against the baseline as lasten of the youth-care
programme, structural unless the file says otherwise (a lasting youth-care overrun is structural).
"""

from __future__ import annotations

from decimal import Decimal
from typing import ClassVar

from pydantic import ConfigDict, Field

from hengelo_scenario.baseline.layout import KEY_JEUGDHULP
from hengelo_scenario.baseline.model import Aard, Amounts, Baseline, Soort
from hengelo_scenario.errors import Origin, Problem, ScenarioError
from hengelo_scenario.levers.base import Lever, YouthCareFactors
from hengelo_scenario.money import ONE, ZERO, format_percentage
from hengelo_scenario.outcome.model import Booking
from hengelo_scenario.records import Record
from hengelo_scenario.scenario.context import ResolveContext
from hengelo_scenario.scenario.model import Factors
from hengelo_scenario.scenario.paths import FieldPath
from hengelo_scenario.scenario.values import AardValue, Change, ProgrammaRef, Reference, StrictModel

__all__ = ["KEY", "LEVER", "Jeugdhulp", "JeugdhulpChange", "SegmentLevers"]

KEY = "jeugdhulp"
RATES = ("price", "volume", "regie_op_toegang")


class SegmentLevers(StrictModel):
    """One youth-care segment's own levers; each replaces the general lever of the same name for it."""

    model_config = ConfigDict(title="Segment levers")
    place: ClassVar[str] = "under a segment in `jeugdhulp: segments:`"
    expected: ClassVar[str] = "the segment's levers: price, volume or regie_op_toegang"
    hint: ClassVar[str] = "write for example `volume: {growth: 5%}` indented under the segment name"

    price: Change | None = Field(None, description="Price change for this segment only.")
    volume: Change | None = Field(None, description="Volume change for this segment only.")
    regie_op_toegang: Change | None = Field(
        None, description="Reduction of this segment's volume by control of access (0% to 100%)."
    )


class Jeugdhulp(StrictModel):
    """Youth care paid per effort: cost = price x volume per segment."""

    model_config = ConfigDict(
        title="Jeugdhulp",
        json_schema_extra={"examples": [{"price": {"growth": "4.96%", "from": 2026}, "volume": {"growth": "3%"}}]},
    )
    expected: ClassVar[str] = "the jeugdhulp levers: price, volume, regie_op_toegang, segments, aard, programma"
    hint: ClassVar[str] = "write the levers indented under `jeugdhulp:`"
    place: ClassVar[str] = "under `jeugdhulp:`"

    price: Change | None = Field(
        None, description="Change of the price per unit, for all segments.", examples=[{"growth": "2%"}]
    )
    volume: Change | None = Field(
        None, description="Change of the volume, for all segments.", examples=[{"per_year": {"2026": "3%"}}]
    )
    regie_op_toegang: Change | None = Field(
        None,
        title="Regie op toegang",
        description="A REDUCTION of the volume by control of access, between 0% and 100%: factor 1 - c.",
        examples=[{"per_year": {"2026": "2%", "2027": "4%"}}],
    )
    segments: dict[Reference, SegmentLevers] | None = Field(
        None,
        description="Levers per segment (segment names from the baseline, any case).",
        examples=[{"Verblijf": {"volume": {"growth": "5%"}}}],
    )
    aard: AardValue = Field(Aard.STRUCTUREEL, description="Default structureel: a lasting overrun is structural.")
    programma: ProgrammaRef | None = Field(
        None, description="Programme to book on; default: the programme of the baseline line `jeugdhulp`."
    )


class JeugdhulpChange(Record, frozen=True):
    """Price and volume multipliers per youth-care segment (aligned with `Baseline.jeugdhulp`) and year."""

    price_factors: tuple[Factors, ...]
    volume_factors: tuple[Factors, ...]  # includes regie op toegang as (1 - reduction)
    programma: str | None  # None: the programme of the baseline's `jeugdhulp` line
    aard: Aard
    origin: Origin


class JeugdhulpLever(Lever):
    key = KEY
    order = 10
    model = Jeugdhulp
    description = "Youth care: price, volume and regie op toegang."
    whole = tuple((rate,) for rate in RATES) + tuple(("segments", "*", rate) for rate in RATES)

    def _rate_ok(self, ctx: ResolveContext, lever: str):
        def check(rate: Decimal, path: FieldPath) -> bool:
            if lever == "regie_op_toegang":
                if ZERO <= rate <= ONE:
                    return True
                hint = (
                    "regie op toegang is read as a reduction of volume; for more volume write `volume:`"
                    if rate < 0
                    else "a reduction above 100% would make the volume negative"
                )
                ctx.problem(path, "a reduction between 0% and 100%", format_percentage(rate), hint)
                return False
            if rate >= -ONE:
                return True
            what = "price" if lever == "price" else "volume"
            ctx.problem(
                path,
                f"a change of -100% or more (a {what} cannot fall below zero)",
                format_percentage(rate),
                f"-100% makes the {what} zero; {format_percentage(rate)} would make it negative",
            )
            return False

        return check

    def _factors(self, ctx: ResolveContext, change: Change, path: FieldPath, lever: str) -> Factors | None:
        return ctx.factors(change, path, self._rate_ok(ctx, lever), reduction=lever == "regie_op_toegang")

    def resolve(self, section: Jeugdhulp, ctx: ResolveContext) -> JeugdhulpChange | None:
        path: FieldPath = (KEY,)
        segments = ctx.baseline.jeugdhulp
        count = ctx.count
        if not segments:
            ctx.problem(
                path,
                "youth-care segments in the baseline (price and volume per segment)",
                "none in the baseline workbook",
                "remove the jeugdhulp section, or fill in the youth-care segments of the workbook",
            )
            return None
        ones: Factors = (ONE,) * len(ctx.years)
        general: dict[str, Factors] = {}
        for lever in RATES:
            change = getattr(section, lever)
            if change is not None:
                factors = self._factors(ctx, change, (*path, lever), lever)
                if factors is not None:
                    general[lever] = factors
        own: dict[int, dict[str, Factors]] = {}
        seen: dict[int, str] = {}
        names = [segment.naam for segment in segments]
        for name, segment_levers in (section.segments or {}).items():
            index = ctx.match(names, name, (*path, "segments", name), "youth-care segment", seen)
            if index is None:
                continue
            own[index] = {}
            for lever in RATES:
                change = getattr(segment_levers, lever)
                if change is not None:
                    factors = self._factors(ctx, change, (*path, "segments", name, lever), lever)
                    if factors is not None:
                        own[index][lever] = factors
        price_factors: list[Factors] = []
        volume_factors: list[Factors] = []
        for index in range(len(segments)):
            levers = {lever: own.get(index, {}).get(lever, general.get(lever, ones)) for lever in RATES}
            price_factors.append(levers["price"])
            volume_factors.append(
                tuple(v * r for v, r in zip(levers["volume"], levers["regie_op_toegang"], strict=True))
            )
        programma: str | None = None
        if section.programma is not None:
            programma = ctx.programma(section.programma, (*path, "programma"))
        elif ctx.baseline.line(KEY_JEUGDHULP) is None:
            ctx.problem(
                path,
                "a programme to book the youth-care change on",
                "no `programma:`, and the baseline has no line with Sleutel 'jeugdhulp'",
                "add `programma: 6` (for example) to the jeugdhulp section",
            )
        if ctx.count > count:
            return None
        if all(f == ONE for factors in (*price_factors, *volume_factors) for f in factors):
            ctx.no_change(
                path,
                "price and volume factors of 1 in every year (0% everywhere)",
                "remove the section, or give a non-zero change",
            )
            return None
        return JeugdhulpChange(
            price_factors=tuple(price_factors),
            volume_factors=tuple(volume_factors),
            programma=programma,
            aard=section.aard,
            origin=ctx.origin(path),
        )

    def bookings(self, change: JeugdhulpChange, baseline: Baseline) -> list[Booking]:
        return []  # youth care is booked from the p × q arrays: `youth_care_booking`

    def youth_care_factors(self, change: JeugdhulpChange, baseline: Baseline) -> YouthCareFactors:
        return change.price_factors, change.volume_factors

    def youth_care_booking(self, change: JeugdhulpChange, baseline: Baseline, cost_change: Amounts) -> Booking:
        """The youth-care cost change booked on the programme's lasten (structural unless the file says otherwise)."""
        line = baseline.line(KEY_JEUGDHULP)
        programma = change.programma or (line.programma if line else None)
        if programma is None:
            raise ScenarioError(
                [
                    Problem(
                        change.origin.file,
                        change.origin.where,
                        "jeugdhulp.programma",
                        "a programme to book the youth-care change on",
                        "no programme, and the baseline has no line with Sleutel 'jeugdhulp'",
                        "add `programma: 6` to the jeugdhulp section",
                    )
                ]
            )
        return Booking(
            measure="Jeugdhulp (prijs en volume)",
            description="Kosten jeugdhulp p x q per segment t.o.v. de basis",
            programma=programma,
            soort=Soort.LAST,
            aard=change.aard,
            amounts=cost_change,
            origin=change.origin,
            lever=KEY,
        )


LEVER = JeugdhulpLever()
