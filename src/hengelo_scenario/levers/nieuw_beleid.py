"""Nieuw beleid: the proposals of sheet Voorstellen switched on (`aan`) or off (`uit`) by name.

The baseline holds the proposals marked `Opgenomen: ja` as lasten (and their cover, if a reserve pays); a
scenario switches any proposal on or off. Switching off an opgenomen proposal books its lasten away (and its
onttrekking, when a reserve covers it); switching on one that is not opgenomen books its lasten (and its
onttrekking). A proposal switched to the state it already has changes no number and is refused.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

from hengelo_scenario.baseline.layout import VOORSTELLEN
from hengelo_scenario.baseline.model import Aard, Baseline, Soort, Voorstel
from hengelo_scenario.errors import Origin
from hengelo_scenario.levers.base import Lever
from hengelo_scenario.levers.common import OnOff, is_zero
from hengelo_scenario.outcome.model import Booking
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


LEVER = NieuwBeleidLever()
