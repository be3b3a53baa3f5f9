"""OZB (onroerendezaakbelasting): a tariff change in % per year on the OZB lines, and the tax room it uses up.

The OZB lines are the baten whose Sleutel starts with `ozb` (woningen, niet-woningen eigenaren, gebruikers in the
shipped workbook). A tariff change of t% in a year raises each line by t% of its baseline amount in that year,
booked as a structural baat. The onbenutte belastingcapaciteit (the Weerstandsvermogen row with Sleutel
`onbenutte_belastingcapaciteit`, part of the beschikbare weerstandscapaciteit, COELO standard) falls by the same
amount, so the weerstandsratio shows the price of using the room.

Variations (sweep, tornado, solve, uncertainty): `ozb.tarief` and `ozb.lines.<Sleutel>` move the tariff change by
x percentage points of the baseline tariff (every OZB line, or one), in every year or one (`.YEAR`); x stays within
what the tariff (not below zero) and the onbenutte belastingcapaciteit allow.
"""

from __future__ import annotations

import decimal
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, ClassVar

from pydantic import ConfigDict, Field, model_validator

from hengelo_scenario.baseline.layout import KEY_BELASTINGCAPACITEIT, KEY_OZB, SLEUTEL, WEERSTAND
from hengelo_scenario.baseline.model import Aard, Baseline, Line, Soort, Weerstandsoort
from hengelo_scenario.errors import Origin
from hengelo_scenario.levers.base import Lever, Variation
from hengelo_scenario.levers.common import baat_lines, lines_or_problem
from hengelo_scenario.money import ONE, ZERO, format_percentage
from hengelo_scenario.outcome.model import Booking, WeerstandChange
from hengelo_scenario.records import replace
from hengelo_scenario.scenario.context import ResolveContext
from hengelo_scenario.scenario.model import Factors
from hengelo_scenario.scenario.paths import FieldPath
from hengelo_scenario.scenario.values import AardValue, Change, Reference, StrictModel, scenario_error

__all__ = ["KEY", "LEVER", "Ozb", "OzbChange"]

KEY = "ozb"


class Ozb(StrictModel):
    """A change of the OZB tariffs against the baseline, in % per year."""

    model_config = ConfigDict(
        title="OZB",
        json_schema_extra={
            "anyOf": [{"required": ["tarief"]}, {"required": ["lines"]}],
            "examples": [{"tarief": {"growth": "5%", "from": 2026}}, {"tarief": {"per_year": {"2026": "3%"}}}],
        },
    )
    expected: ClassVar[str] = "the OZB tariff change: tarief and/or lines, aard"
    hint: ClassVar[str] = "write for example `tarief: {growth: 5%, from: 2026}` under `ozb:`"
    place: ClassVar[str] = "under `ozb:`"

    tarief: Change | None = Field(
        None,
        description="The tariff change on every OZB line: `per_year` against the baseline, or compounding `growth`.",
        examples=[{"growth": "5%", "from": 2026}],
    )
    lines: dict[Reference, Change] | None = Field(
        None,
        description="A tariff change for one OZB line (by its Sleutel, such as ozb_woningen), replacing `tarief`.",
        examples=[{"ozb_woningen": {"per_year": {"2026": "4%"}}}],
    )
    aard: AardValue = Field(Aard.STRUCTUREEL, description="Default structureel: a tariff rise is recurring.")

    @model_validator(mode="after")
    def _something(self) -> Ozb:
        if self.tarief is None and self.lines is None:
            raise scenario_error(
                "at least one of: tarief, lines", "none of them", "write for example `tarief: {growth: 5%}`"
            )
        return self


@dataclass(frozen=True)
class OzbChange:
    lines: tuple[tuple[Line, Factors], ...]  # each OZB line with its tariff factor per year
    aard: Aard
    post: str  # the weerstand post of the onbenutte belastingcapaciteit
    origin: Origin

    def raised(self, line: Line, factors: Factors) -> tuple[Decimal, ...]:
        return tuple(a * (f - ONE) for a, f in zip(line.amounts, factors, strict=True))


class OzbLever(Lever):
    key = KEY
    order = 50
    model = Ozb
    description = "OZB: a tariff change in % per year on the OZB lines; the onbenutte belastingcapaciteit follows."
    whole: ClassVar[tuple[tuple[str, ...], ...]] = (("tarief",), ("lines", "*"))

    def resolve(self, section: Ozb, ctx: ResolveContext) -> OzbChange | None:
        path: FieldPath = (KEY,)
        count = ctx.count
        lines = lines_or_problem(ctx, KEY_OZB, path, "OZB lines", "ozb_woningen")
        post = next(
            (
                w
                for w in ctx.baseline.weerstand
                if w.key == KEY_BELASTINGCAPACITEIT and w.soort is Weerstandsoort.BESCHIKBAAR
            ),
            None,
        )
        if post is None:
            ctx.problem(
                path,
                f"the onbenutte belastingcapaciteit in the baseline: a 'beschikbaar' row of sheet '{WEERSTAND}' with "
                f"{SLEUTEL} '{KEY_BELASTINGCAPACITEIT}' (a higher OZB uses up that room)",
                "none in the baseline workbook",
                f"add the column {SLEUTEL} to sheet '{WEERSTAND}' and write {KEY_BELASTINGCAPACITEIT} on the row of "
                "the onbenutte belastingcapaciteit",
                "scenario.missing-line",
            )
        if not lines or post is None:
            return None

        def rate_ok(rate: Decimal, where: FieldPath) -> bool:
            if rate >= -ONE:
                return True
            ctx.problem(
                where, "a tariff change of -100% or more", format_percentage(rate), "a tariff cannot be negative"
            )
            return False

        ones: Factors = (ONE,) * len(ctx.years)
        general = ones
        if section.tarief is not None:
            general = ctx.factors(section.tarief, (*path, "tarief"), rate_ok) or ones
        own: dict[int, Factors] = {}
        seen: dict[int, str] = {}
        keys = [x.key or "" for x in lines]
        for name, change in (section.lines or {}).items():
            index = ctx.match(keys, name, (*path, "lines", name), "OZB line (by Sleutel)", seen)
            if index is not None:
                own[index] = ctx.factors(change, (*path, "lines", name), rate_ok) or ones
        if ctx.count > count:
            return None
        chosen = tuple((line, own.get(i, general)) for i, line in enumerate(lines))
        result = OzbChange(chosen, section.aard, post.naam, ctx.origin(path))
        raised = [sum((result.raised(x, f)[y] for x, f in chosen), ZERO) for y in range(len(ctx.years))]
        if all(r == 0 for r in raised):
            ctx.no_change(path, "tariff factors of 1 in every year (0% everywhere)", "give a non-zero tariff change")
            return None
        for y, year in enumerate(ctx.years):
            if raised[y] > post.amounts[y]:
                ctx.problem(
                    path,
                    f"an OZB rise within the onbenutte belastingcapaciteit of {year} ({post.amounts[y]:,.2f})",
                    f"{raised[y]:,.2f} more OZB",
                    "the rise uses more tax room than the baseline has: lower the tariff change, or correct the "
                    f"onbenutte belastingcapaciteit in sheet '{WEERSTAND}'",
                )
                return None
        return result

    def bookings(self, change: OzbChange, baseline: Baseline) -> list[Booking]:
        return [
            Booking(
                f"OZB-tarief: {line.description}",
                line.description,
                line.programma,
                Soort.BAAT,
                change.aard,
                change.raised(line, factors),
                None,
                change.origin,
                KEY,
                line_key=line.key,
            )
            for line, factors in change.lines
            if any(f != ONE for f in factors) and any(a != 0 for a in change.raised(line, factors))
        ]

    def weerstand_changes(self, change: OzbChange, baseline: Baseline) -> list[WeerstandChange]:
        n = len(baseline.years)
        raised = [sum((change.raised(x, f)[y] for x, f in change.lines), ZERO) for y in range(n)]
        if all(r == 0 for r in raised):
            return []
        return [WeerstandChange(change.post, tuple(-r for r in raised), KEY, change.origin)]

    # --- variations: the tariff change in percentage points -----------------------------------------------------

    def _current(self, change: OzbChange | None, baseline: Baseline) -> OzbChange | None:
        """The scenario's change, or (no `ozb:` section) tariff factors of 1 on the baseline's OZB lines."""
        if change is not None:
            return change
        lines = baat_lines(baseline.lines_with_prefix(KEY_OZB))
        post = next(
            (
                w
                for w in baseline.weerstand
                if w.key == KEY_BELASTINGCAPACITEIT and w.soort is Weerstandsoort.BESCHIKBAAR
            ),
            None,
        )
        if not lines or post is None:
            return None
        ones: Factors = (ONE,) * len(baseline.years)
        return OzbChange(tuple((line, ones) for line in lines), Aard.STRUCTUREEL, post.naam, Origin("", None, KEY))

    def variations(self, change: OzbChange | None, baseline: Baseline) -> list[Variation]:
        current = self._current(change, baseline)
        if current is None:
            return []
        found = [Variation("tarief", "OZB-tarief", percent=True)]
        for i, (line, _) in enumerate(current.lines):
            found.append(Variation(f"lines.{line.key}", f"OZB-tarief {line.description}", percent=True, item=i))
        return found

    def vary(
        self,
        change: OzbChange | None,
        baseline: Baseline,
        variation: Variation,
        x: Decimal,
        years: tuple[bool, ...],
        origin: Origin,
        scenario: Any = None,
    ) -> OzbChange:
        current = self._current(change, baseline)
        assert current is not None
        moved = tuple(
            (line, tuple(f + x if years[y] else f for y, f in enumerate(factors)))
            if variation.item in (None, i)
            else (line, factors)
            for i, (line, factors) in enumerate(current.lines)
        )
        return replace(current, lines=moved, origin=current.origin if change is not None else origin)

    def variation_range(
        self,
        change: OzbChange | None,
        baseline: Baseline,
        variation: Variation,
        years: tuple[bool, ...],
        scenario: Any = None,
    ) -> tuple[Decimal | None, Decimal | None]:
        """A tariff not below zero (factor ≥ 0); the rise within the onbenutte belastingcapaciteit of each year."""
        current = self._current(change, baseline)
        assert current is not None
        chosen = [(line, f) for i, (line, f) in enumerate(current.lines) if variation.item in (None, i)]
        low = -min(f[y] for _, f in chosen for y in range(len(years)) if years[y])
        post = next(w for w in baseline.weerstand if w.naam == current.post)
        highs: list[Decimal] = []
        for y in range(len(years)):
            per_point = sum((line.amounts[y] for line, _ in chosen), ZERO)
            if years[y] and per_point > 0:
                raised = sum((current.raised(line, f)[y] for line, f in current.lines), ZERO)
                context = decimal.Context(prec=28, rounding=decimal.ROUND_FLOOR)
                room = context.divide(post.amounts[y] - raised, per_point)
                highs.append(room.quantize(Decimal("0.000001"), rounding=decimal.ROUND_FLOOR))  # 0,0001 point
        return low, (min(highs) if highs else None)


LEVER = OzbLever()
