"""Investeringen and their kapitaallasten by the BBV: afschrijving from the year after activation, plus rente.

Each investment (a list item, merged by name through `extends`) is activated in a year; its kapitaallasten start
on 1 January of the year after (BBV art. 64 requires yearly afschrijving; the start is the municipality's own rule
under the Commissie BBV notitie Materiële vaste activa, and the year after activation the common one) and are
structural lasten of its programme:

- lineair: afschrijving = amount / termijn every year; rente = rente% × boekwaarde on 1 January;
- annuïtair: a constant annuity A = amount × r / (1 − (1 + r)^−n); rente = r × boekwaarde on 1 January and
  afschrijving = A − rente (with r = 0 it is lineair).

An afschrijving or annuity that does not come out in whole cents is rounded to the cent, half away from zero (a
booking is money), and so is the annuïtair rente (its boekwaarde would otherwise gain digits every year); the
last year of the term takes what is left, so the afschrijvingen add up to the amount.
An optional `dekking` names a reserve whose onttrekking pays the kapitaallasten: structural for a
bestemmingsreserve (a dekkingsreserve for kapitaallasten is the one reserve whose regular withdrawal may count as
structural), incidental when it is the algemene reserve.

Variations (sweep, tornado, solve, uncertainty): `investeringen.<name>.amount` adds x euros to the activated
amount; `investeringen.<name>.rente` adds x percentage points to the rente of a lineair investment (an annuïtair
one's kapitaallasten are not linear in the rente, which the float path needs, so it is not offered). Each is one
number for the whole schedule, so neither takes a `.YEAR`.
"""

from __future__ import annotations

import decimal
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Annotated, Any, ClassVar

from pydantic import ConfigDict, Field, PlainValidator, WithJsonSchema, field_validator

from hengelo_scenario.baseline.model import Aard, Baseline, ReserveSoort, Soort
from hengelo_scenario.errors import Origin
from hengelo_scenario.levers.base import Lever, Variation
from hengelo_scenario.levers.common import PositiveAmount, WholeYears
from hengelo_scenario.money import CENT, ONE, ZERO, exact, format_percentage, round_half_away
from hengelo_scenario.outcome.model import Booking, DetailRow, LeverDetail
from hengelo_scenario.records import replace
from hengelo_scenario.scenario.context import ResolveContext, norm
from hengelo_scenario.scenario.paths import FieldPath
from hengelo_scenario.scenario.values import (
    Name,
    Percentage,
    ProgrammaRef,
    Reference,
    StrictModel,
    Text,
    YearValue,
    scenario_error,
)

__all__ = ["KEY", "LEVER", "Investering", "InvesteringModel", "schedule"]

KEY = "investeringen"
LINEAIR, ANNUITAIR = "lineair", "annuïtair"


def _methode(value: Any) -> str:
    if isinstance(value, str):
        text = " ".join(value.split()).casefold()
        if text == LINEAIR:
            return LINEAIR
        if text in (ANNUITAIR, "annuitair"):
            return ANNUITAIR
    raise scenario_error("lineair or annuïtair", repr(value) if isinstance(value, str) else str(value))


Methode = Annotated[
    str,
    PlainValidator(_methode),
    WithJsonSchema(
        {"type": "string", "enum": [LINEAIR, ANNUITAIR, "annuitair"], "description": "lineair or annuïtair"}
    ),
]


class InvesteringModel(StrictModel):
    """An investment: its kapitaallasten from the year after activation, and what covers them."""

    model_config = ConfigDict(
        title="Investering",
        json_schema_extra={
            "examples": [
                {
                    "name": "Nieuwbouw IKC",
                    "programma": 4,
                    "amount": 8000000,
                    "activation": 2025,
                    "afschrijvingstermijn": 40,
                    "methode": "lineair",
                    "rente": "2.5%",
                    "dekking": "Reserve dekking kapitaallasten",
                }
            ]
        },
    )
    expected: ClassVar[str] = "an investment: name, programma, amount, activation, afschrijvingstermijn, ..."
    hint: ClassVar[str] = "each investment is a list item starting with `- name:`"
    place: ClassVar[str] = "in an investment (a list item under `investeringen:`)"

    name: Name = Field(description="Unique within the scenario.", examples=["Nieuwbouw IKC"])
    description: Text = Field("", description="Free text.")
    programma: ProgrammaRef = Field(description="Programme code or name that bears the kapitaallasten.")
    amount: PositiveAmount = Field(description="The investment in euros (the amount activated).")
    activation: YearValue = Field(description="Year of activation; kapitaallasten start the year after.")
    afschrijvingstermijn: WholeYears = Field(description="Depreciation term in whole years.", examples=[40])
    methode: Methode = Field(LINEAIR, description="lineair (default) or annuïtair.")
    rente: Percentage = Field(description="Interest (omslagrente) per year over the boekwaarde on 1 January.")
    dekking: Reference | None = Field(
        None, description="A reserve whose onttrekking pays the kapitaallasten (a dekkingsreserve).", examples=[]
    )

    @field_validator("rente", mode="after")
    @classmethod
    def _check_rente(cls, value: Decimal) -> Decimal:
        if not ZERO <= value < ONE:
            raise scenario_error("an interest rate from 0% up to 100%", format_percentage(value))
        return value


@dataclass(frozen=True)
class Investering:
    name: str
    description: str
    programma: str
    amount: Decimal
    activation: int
    termijn: int
    methode: str
    rente: Decimal
    dekking: str | None
    dekking_aard: Aard
    origin: Origin


@dataclass(frozen=True)
class Schedule:
    """Per baseline year: afschrijving, rente and boekwaarde on 31 December (the activated amount before)."""

    afschrijving: tuple[Decimal, ...]
    rente: tuple[Decimal, ...]
    boekwaarde: tuple[Decimal, ...]

    @property
    def kapitaallasten(self) -> tuple[Decimal, ...]:
        return tuple(a + r for a, r in zip(self.afschrijving, self.rente, strict=True))


def _cents(value: Decimal) -> Decimal:
    return value if value == round_half_away(value, CENT) else round_half_away(value, CENT)


def _annuity(amount: Decimal, rate: Decimal, term: int) -> Decimal:
    """amount × r / (1 − (1 + r)^−n), to the cent (an annuity is rarely a whole number of cents)."""
    with decimal.localcontext() as context:
        context.prec = 40
        context.traps[decimal.Inexact] = False
        context.traps[decimal.Rounded] = False
        value = amount * rate / (1 - (1 + rate) ** -term)
    return round_half_away(value, CENT)


def _straight(amount: Decimal, term: int) -> Decimal:
    with decimal.localcontext() as context:
        context.prec = 40
        context.traps[decimal.Inexact] = False
        context.traps[decimal.Rounded] = False
        value = amount / term
    return _cents(value)


def schedule(investering: Investering, years: tuple[int, ...]) -> Schedule:
    """The kapitaallasten of one investment in each baseline year (BBV: from the year after activation)."""
    a, r, n = investering.amount, investering.rente, investering.termijn
    annuity = _annuity(a, r, n) if investering.methode == ANNUITAIR and r != 0 else None
    straight = _straight(a, n)
    book = a
    by_year: dict[int, tuple[Decimal, Decimal, Decimal]] = {}
    with exact():
        for k in range(1, n + 1):
            year = investering.activation + k
            if year > years[-1]:
                break
            rente = r * book  # over the boekwaarde on 1 January
            if annuity is not None:  # an annuity schedule is in cents, or its digits would grow every year
                rente = round_half_away(rente, CENT)
            if k == n:
                afschrijving = book  # the last year takes what is left
            elif annuity is not None:
                afschrijving = min(book, max(ZERO, annuity - rente))  # a cent-rounded annuity of a tiny amount
            else:
                afschrijving = min(book, straight)
            book = book - afschrijving
            by_year[year] = (afschrijving, rente, book)
    afschrijvingen: list[Decimal] = []
    renten: list[Decimal] = []
    boekwaarden: list[Decimal] = []
    for year in years:
        # before activation, or after the term: nothing; in the year of activation the whole amount
        x, y, z = by_year.get(year, (ZERO, ZERO, a if year == investering.activation else ZERO))
        afschrijvingen.append(x)
        renten.append(y)
        boekwaarden.append(z)
    return Schedule(tuple(afschrijvingen), tuple(renten), tuple(boekwaarden))


class InvesteringenLever(Lever):
    key = KEY
    order = 60
    model: ClassVar[Any] = list[InvesteringModel]
    description = "Investments: kapitaallasten (afschrijving + rente) from the year after activation, optional dekking."
    empty: ClassVar[Any] = ()
    merge_by_name = True

    def resolve(self, items: list[InvesteringModel], ctx: ResolveContext) -> tuple[Investering, ...] | None:
        resolved: list[Investering] = []
        seen: dict[str, int] = {}
        if not items:
            ctx.problem((KEY,), "at least one investment, a list item starting with `- name:`", "an empty list")
            return None
        for position, item in enumerate(items):
            path: FieldPath = (KEY, position)
            count = ctx.count
            key = norm(item.name)
            if key in seen:
                ctx.problem(
                    (*path, "name"),
                    "a name used once in the scenario",
                    f"'{item.name}' again (also investeringen[{seen[key]}])",
                    "rename one of them",
                )
            else:
                seen[key] = position
            programma = ctx.programma(item.programma, (*path, "programma"))
            dekking: str | None = None
            dekking_aard = Aard.STRUCTUREEL
            if item.dekking is not None:
                found, dekking = ctx.reserve(item.dekking, (*path, "dekking"), saldo_allowed=True)
                if found and dekking is not None and ctx.baseline.reserve(dekking).soort is ReserveSoort.ALGEMEEN:
                    dekking_aard = Aard.INCIDENTEEL
            if ctx.count > count or programma is None:
                continue
            investering = Investering(
                item.name,
                item.description.strip(),
                programma,
                item.amount,
                item.activation,
                item.afschrijvingstermijn,
                item.methode,
                item.rente,
                dekking,
                dekking_aard,
                ctx.origin(path),
            )
            if all(k == 0 for k in schedule(investering, ctx.years).kapitaallasten):
                ctx.no_change(
                    (*path, "activation"),
                    f"no kapitaallasten in {ctx.years[0]}-{ctx.years[-1]} (activation {item.activation})",
                    f"kapitaallasten start the year after activation (BBV): activate in {ctx.years[-1] - 1} or "
                    "earlier to see them in this budget",
                )
                continue
            resolved.append(investering)
        return tuple(resolved) if resolved else None

    def bookings(self, change: tuple[Investering, ...], baseline: Baseline) -> list[Booking]:
        bookings: list[Booking] = []
        for inv in change:
            lasten = schedule(inv, baseline.years).kapitaallasten
            name = f"Kapitaallasten {inv.name}"
            text = f"Afschrijving ({inv.methode}, {inv.termijn} jaar) en rente {format_percentage(inv.rente)}"
            bookings.append(
                Booking(name, text, inv.programma, Soort.LAST, Aard.STRUCTUREEL, lasten, None, inv.origin, KEY)
            )
            if inv.dekking is not None:
                bookings.append(
                    Booking(
                        f"{name}: dekking",
                        f"Onttrekking {inv.dekking}",
                        inv.programma,
                        Soort.ONTTREKKING,
                        inv.dekking_aard,
                        lasten,
                        inv.dekking,
                        inv.origin,
                        KEY,
                    )
                )
        return bookings

    def details(
        self, change: tuple[Investering, ...], baseline: Baseline, bookings: Sequence[Booking] = ()
    ) -> list[LeverDetail]:
        rows: list[DetailRow] = []
        for inv in change:
            plan = schedule(inv, baseline.years)
            rente = format_percentage(inv.rente).replace(".", ",")
            label = f"{inv.name} ({inv.methode}, {inv.termijn} jaar, rente {rente})"
            rows += [
                DetailRow((label, inv.programma), plan.afschrijving, "afschrijving"),
                DetailRow((label, inv.programma), plan.rente, "rente"),
                DetailRow((label, inv.programma), plan.kapitaallasten, "kapitaallasten", total=True),
            ]
            if inv.dekking is not None:
                rows.append(DetailRow((label, inv.programma), plan.kapitaallasten, f"dekking {inv.dekking}"))
            rows.append(DetailRow((label, inv.programma), plan.boekwaarde, "boekwaarde 31 december"))
        return [LeverDetail(KEY, "kapitaallasten", tuple(rows))]

    # --- variations: an investment's amount (euros) and a lineair one's rente (percentage points) ----------------

    def variations(self, change: tuple[Investering, ...], baseline: Baseline) -> list[Variation]:
        found: list[Variation] = []
        for i, inv in enumerate(change or ()):
            found.append(Variation(f"{inv.name}.amount", f"Investering {inv.name}", False, False, i, "amount"))
            if inv.methode == LINEAIR:
                found.append(Variation(f"{inv.name}.rente", f"Rente {inv.name}", True, False, i, "rente"))
        return found

    def vary(
        self,
        change: tuple[Investering, ...],
        baseline: Baseline,
        variation: Variation,
        x: Decimal,
        years: tuple[bool, ...],
        origin: Origin,
        scenario: Any = None,
    ) -> tuple[Investering, ...]:
        assert variation.item is not None
        items = list(change)
        inv = items[variation.item]
        with exact():
            if variation.field == "amount":
                items[variation.item] = replace(inv, amount=inv.amount + x)
            else:
                items[variation.item] = replace(inv, rente=inv.rente + x)
        return tuple(items)

    def variation_range(
        self,
        change: tuple[Investering, ...],
        baseline: Baseline,
        variation: Variation,
        years: tuple[bool, ...],
        scenario: Any = None,
    ) -> tuple[Decimal | None, Decimal | None]:
        """An amount of 0 or more; a rente from 0% up to (not including) 100%, as the scenario file allows."""
        assert variation.item is not None
        inv = change[variation.item]
        if variation.field == "amount":
            return -inv.amount, None
        return -inv.rente, ONE - inv.rente - Decimal("0.0001")


LEVER = InvesteringenLever()
