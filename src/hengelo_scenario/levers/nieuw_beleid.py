"""Nieuw beleid: the proposals of sheet Voorstellen switched on (`aan`) or off (`uit`) by name.

The baseline holds the proposals marked `Opgenomen: ja` as lasten (and their cover, if a reserve pays); a
scenario switches any proposal on or off. Switching off an opgenomen proposal books its lasten away (and its
onttrekking, when a reserve covers it); switching on one that is not opgenomen books its lasten (and its
onttrekking). A proposal switched to the state it already has changes no number and is refused.

Variations (sweep, tornado, solve, uncertainty): `nieuw_beleid.<proposal>.amounts` adds x euros to the lasten of a
proposal that is in the budget (opgenomen and not switched off, or switched on), in every year or one (`.YEAR`);
its cover from a reserve follows. A proposal outside the budget has no amount that counts, so it is not offered.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any, ClassVar

from hengelo_scenario.baseline.layout import VOORSTELLEN
from hengelo_scenario.baseline.model import Aard, Baseline, Soort, Voorstel
from hengelo_scenario.errors import Origin
from hengelo_scenario.levers.base import Lever, Variation
from hengelo_scenario.levers.common import OnOff, is_zero
from hengelo_scenario.money import ZERO
from hengelo_scenario.outcome.model import Booking
from hengelo_scenario.records import replace
from hengelo_scenario.scenario.context import ResolveContext
from hengelo_scenario.scenario.paths import FieldPath
from hengelo_scenario.scenario.values import Reference

__all__ = ["KEY", "LEVER", "NieuwBeleidChange"]

KEY = "nieuw_beleid"


@dataclass(frozen=True)
class Switch:
    voorstel: Voorstel
    on: bool
    origin: Origin


@dataclass(frozen=True)
class NieuwBeleidChange:
    switches: tuple[Switch, ...]


class NieuwBeleidLever(Lever):
    key = KEY
    order = 70
    model: ClassVar[Any] = dict[Reference, OnOff]
    description = (
        "Proposals for new policy (sheet Voorstellen) by name: `aan` takes one into the budget, `uit` leaves it out."
    )
    examples: ClassVar[list[Any]] = [{"Jeugd: versnelling transformatieplan jeugdhulp": "uit"}]

    def resolve(self, section: dict[str, bool], ctx: ResolveContext) -> NieuwBeleidChange | None:
        path: FieldPath = (KEY,)
        voorstellen = ctx.baseline.voorstellen
        if not voorstellen:
            ctx.problem(
                path,
                f"proposals for new policy in the baseline (sheet '{VOORSTELLEN}')",
                "none in the baseline workbook",
                f"add sheet '{VOORSTELLEN}' (hengelo-scenario baseline template shows its columns), or remove "
                "the section",
                "scenario.missing-line",
            )
            return None
        if not section:
            ctx.problem(path, "at least one proposal with aan or uit", "an empty mapping", "name a proposal")
            return None
        names = [v.naam for v in voorstellen]
        seen: dict[int, str] = {}
        switches: list[Switch] = []
        for name, on in section.items():
            where = (*path, name)
            index = ctx.match(names, name, where, "proposal", seen)
            if index is None:
                continue
            voorstel = voorstellen[index]
            if on == voorstel.opgenomen:
                state = "opgenomen" if on else "niet opgenomen"
                ctx.no_change(
                    where,
                    f"'{voorstel.naam}' is already {state} in the baseline",
                    "write `uit` to leave it out" if on else "write `aan` to take it in",
                )
                continue
            if is_zero(voorstel.amounts):
                ctx.no_change(where, f"'{voorstel.naam}' has 0 in every year", "remove the line")
                continue
            switches.append(Switch(voorstel, on, ctx.origin(where)))
        return NieuwBeleidChange(tuple(switches)) if switches else None

    def bookings(self, change: NieuwBeleidChange, baseline: Baseline) -> list[Booking]:
        bookings: list[Booking] = []
        for switch in change.switches:
            v = switch.voorstel
            sign = 1 if switch.on else -1
            amounts = tuple(sign * a for a in v.amounts)
            name = f"Nieuw beleid: {v.naam} ({'aan' if switch.on else 'uit'})"
            key = None if switch.on else v.key
            bookings.append(
                Booking(name, v.naam, v.programma, Soort.LAST, v.aard, amounts, None, switch.origin, KEY, line_key=key)
            )
            if v.dekking is not None:
                bookings.append(
                    Booking(
                        f"{name}: dekking",
                        f"Onttrekking {v.dekking}",
                        v.programma,
                        Soort.ONTTREKKING,
                        Aard.INCIDENTEEL,
                        amounts,
                        v.dekking,
                        switch.origin,
                        KEY,
                    )
                )
        return bookings

    # --- variations: a proposal's amounts in euros ------------------------------------------------------------

    def _in_budget(self, change: NieuwBeleidChange | None, baseline: Baseline) -> list[tuple[int, Voorstel]]:
        """(index, proposal as it counts) of every proposal in the budget: opgenomen and not switched off, or on."""
        switched = {s.voorstel.naam: s for s in (change.switches if change is not None else ())}
        found = []
        for i, voorstel in enumerate(baseline.voorstellen):
            switch = switched.get(voorstel.naam)
            if (switch.on if switch is not None else voorstel.opgenomen) and not is_zero(voorstel.amounts):
                found.append((i, switch.voorstel if switch is not None else voorstel))
        return found

    def variations(self, change: NieuwBeleidChange | None, baseline: Baseline) -> list[Variation]:
        return [
            Variation(f"{v.naam}.amounts", f"Nieuw beleid: {v.naam}", percent=False, item=i)
            for i, v in self._in_budget(change, baseline)
        ]

    def vary(
        self,
        change: NieuwBeleidChange | None,
        baseline: Baseline,
        variation: Variation,
        x: Decimal,
        years: tuple[bool, ...],
        origin: Origin,
        scenario: Any = None,
    ) -> NieuwBeleidChange:
        assert variation.item is not None
        voorstel = baseline.voorstellen[variation.item]
        switches = list(change.switches if change is not None else ())
        for k, switch in enumerate(switches):
            if switch.voorstel.naam == voorstel.naam:  # switched on here: its own amounts move
                amounts = tuple(a + x if years[y] else a for y, a in enumerate(switch.voorstel.amounts))
                switches[k] = replace(switch, voorstel=replace(switch.voorstel, amounts=amounts))
                return NieuwBeleidChange(tuple(switches))
        # opgenomen in the baseline: the extra amount is booked as if switched on, with its cover
        extra = tuple(x if years[y] else ZERO for y in range(len(years)))
        switches.append(Switch(replace(voorstel, amounts=extra), True, origin))
        return NieuwBeleidChange(tuple(switches))

    def variation_range(
        self,
        change: NieuwBeleidChange | None,
        baseline: Baseline,
        variation: Variation,
        years: tuple[bool, ...],
        scenario: Any = None,
    ) -> tuple[Decimal | None, Decimal | None]:
        """The proposal's lasten not below zero in the years varied."""
        current = dict(self._in_budget(change, baseline))[variation.item]  # type: ignore[index]
        return -min(a for a, m in zip(current.amounts, years, strict=True) if m), None


LEVER = NieuwBeleidLever()
