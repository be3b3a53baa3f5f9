"""The Fonds voor leefbare wijken (motie M15), and what covers it: a reserve or the begrotingssaldo.

The fund is the baseline line with Sleutel `fonds_leefbare_wijken`; its cover is the baseline's reserve mutation
with the same Sleutel. The cover follows the fund: every year's amount (changed or not) is withdrawn from the
covering reserve, as an incidental onttrekking.
"""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal
from typing import Any, ClassVar

from pydantic import ConfigDict, Field

from hengelo_scenario.baseline.model import Aard, Baseline, Soort
from hengelo_scenario.levers.keyed import (
    AmountsChange,
    AmountsSection,
    KeyedLineLever,
    keyed_line,
    line_bookings,
    line_changes,
    no_effect,
)
from hengelo_scenario.money import ZERO
from hengelo_scenario.outcome.model import Booking
from hengelo_scenario.scenario.context import ResolveContext
from hengelo_scenario.scenario.values import Reference

__all__ = ["KEY", "LEVER", "SLEUTEL", "LeefbareWijken", "LeefbareWijkenChange"]

KEY = "leefbare_wijken"
SLEUTEL = "fonds_leefbare_wijken"
NAME = "Fonds leefbare wijken"


class LeefbareWijken(AmountsSection):
    """The fund for leefbare wijken (motie M15), and what covers it."""

    model_config = ConfigDict(
        title="Fonds leefbare wijken",
        json_schema_extra={
            "anyOf": [{"required": ["amounts"]}, {"required": ["aard"]}, {"required": ["dekking"]}],
            "examples": [{"amounts": {"2027": 100000}, "dekking": "algemene reserve"}],
        },
    )
    expected: ClassVar[str] = "a mapping with amounts, aard and/or dekking"
    place: ClassVar[str] = "under `leefbare_wijken:`"
    requires_one_of: ClassVar[tuple[str, ...]] = ("amounts", "aard", "dekking")

    dekking: Reference | None = Field(
        None,
        description="What covers the fund: `begrotingssaldo`, `algemene reserve`, or the name of a reserve. "
        "Default: as in the baseline.",
        examples=["algemene reserve", "begrotingssaldo"],
    )


class LeefbareWijkenChange(AmountsChange, frozen=True):
    """The fund's amounts and how they are covered: a reserve (by name) or the begrotingssaldo (None)."""

    dekking: str | None = None
    dekking_given: bool = False  # False: keep the baseline's cover


class LeefbareWijkenLever(KeyedLineLever):
    model: ClassVar[Any] = LeefbareWijken

    def resolve(self, section: AmountsSection, ctx: ResolveContext) -> LeefbareWijkenChange | None:
        assert isinstance(section, LeefbareWijken)  # this lever's model
        change = self.amounts_change(section, ctx)
        dekking: str | None = None
        found = True
        if section.dekking is not None:
            found, dekking = ctx.reserve(section.dekking, (KEY, "dekking"), saldo_allowed=True)
        if change is None or not found:
            return None
        return LeefbareWijkenChange(
            change.amounts, change.aard, change.origin, dekking=dekking, dekking_given=section.dekking is not None
        )

    def bookings(self, change: AmountsChange, baseline: Baseline) -> list[Booking]:
        assert isinstance(change, LeefbareWijkenChange)  # what `resolve` made
        line = keyed_line(baseline, SLEUTEL, change.origin)
        bookings = line_bookings(NAME, line, line_changes(line, change), change.origin, KEY)
        # The cover follows the fund: the new lasten come from the chosen reserve (or the begrotingssaldo).
        baseline_cover = baseline.mutations_with_key(SLEUTEL)
        if change.dekking_given:
            reserve = change.dekking
        else:
            reserve = baseline_cover[0].reserve if baseline_cover else None
        new_lasten = [old if new is None else new for old, new in zip(line.amounts, change.amounts, strict=True)]
        cover_change: dict[str, list[Decimal]] = defaultdict(lambda: [ZERO] * len(baseline.years))
        for mutation in baseline_cover:
            for i, amount in enumerate(mutation.amounts):
                cover_change[mutation.reserve][i] -= amount if mutation.soort is Soort.ONTTREKKING else -amount
        if reserve is not None:
            for i, amount in enumerate(new_lasten):
                cover_change[reserve][i] += amount
        for reserve_naam, amounts in cover_change.items():
            if any(a != 0 for a in amounts):
                bookings.append(
                    Booking(
                        f"{NAME}: dekking",
                        f"Onttrekking {reserve_naam}",
                        line.programma,
                        Soort.ONTTREKKING,
                        Aard.INCIDENTEEL,
                        tuple(amounts),
                        reserve_naam,
                        change.origin,
                        KEY,
                    )
                )
        if not bookings:
            raise no_effect(
                change.origin,
                "the baseline's own amounts, aard and dekking",
                "the fund in the scenario equals the baseline; remove the section or change something",
            )
        return bookings


LEVER = LeefbareWijkenLever(
    key=KEY,
    sleutel=SLEUTEL,
    label=NAME,
    order=30,
    description="The baseline line with Sleutel `fonds_leefbare_wijken`: amounts, aard, dekking.",
)
