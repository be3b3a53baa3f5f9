"""Loon- en prijsindexatie: another index for a category and year, and the switch to lopende prijzen.

Each line of sheet 'Lasten en baten' has an index category (column `Index`, a name from sheet `Indexen`); the
youth-care tariffs have theirs on sheet `Jeugdhulp`. The budget's amounts hold the first year's index already and
count later years in constant prices (the first year's price level). For category c and year y the factor on a
line's amount is

    F(c, y) = (1 + i'(c, first)) / (1 + i(c, first))  ×  Π over t = first+1 .. y of (1 + i'(c, t))   [lopende prijzen]
    F(c, y) = (1 + i'(c, first)) / (1 + i(c, first))                                              [constant prijzen]

with i the workbook's index and i' the scenario's (the workbook's unless changed). The booking is amount × (F − 1):
lasten and baten alike, structural. The category `accres` is the growth of the algemene uitkering: its booking
is the compensation the budget expects through the gemeentefonds, shown as its own line, so the table shows the
gap between cost indexation and the accres. A changed first-year index divides, so those bookings are rounded to
the cent (half away from zero); everything else is exact.

Youth care follows the same index through its p × q: the tariffs are multiplied by F of their category, unless
the scenario's `jeugdhulp` section sets the price (generally, or for a segment), which then wins.

Variations (sweep, tornado, solve, uncertainty): `indexatie.indexen.<category>` adds x percentage points to the
category's index of the first year, the price level every year carries; `indexatie.indexen.<category>.YEAR` to that
year's index, which counts only with lopende prijzen (in constant prices it changes no number). Both are linear in
x: F holds each year's (1 + i) once. One path moves one year's index: x on every year's index at once would
compound, which the float path cannot follow.
"""

from __future__ import annotations

import decimal
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, ClassVar

from pydantic import ConfigDict, Field, model_validator

from hengelo_scenario.baseline.layout import INDEX, INDEXEN, JEUGDHULP, KEY_JEUGDHULP, LASTEN_BATEN
from hengelo_scenario.baseline.model import Aard, Amounts, Baseline, Line, Soort
from hengelo_scenario.errors import Origin
from hengelo_scenario.levers.base import Lever, Variation, YouthCareFactors
from hengelo_scenario.levers.common import Switch
from hengelo_scenario.money import CENT, ONE, ZERO, format_percentage, round_half_away
from hengelo_scenario.outcome.model import Booking, DetailRow, LeverDetail
from hengelo_scenario.records import replace
from hengelo_scenario.scenario.context import ResolveContext
from hengelo_scenario.scenario.model import Factors
from hengelo_scenario.scenario.paths import FieldPath
from hengelo_scenario.scenario.values import Percentage, Reference, StrictModel, YearKey, scenario_error

__all__ = ["ACCRES", "KEY", "LEVER", "Indexatie", "IndexatieChange"]

KEY = "indexatie"
ACCRES = "accres"
YOUTH_CARE = "Indexatie jeugdhulp (tarieven p x q)"


class Indexatie(StrictModel):
    """Loon- en prijsindexatie: indices per category and year, and constant or lopende prijzen."""

    model_config = ConfigDict(
        title="Indexatie",
        json_schema_extra={
            "anyOf": [{"required": ["lopende_prijzen"]}, {"required": ["indexen"]}],
            "examples": [{"lopende_prijzen": True}, {"indexen": {"lonen": {"2025": "6%"}}}],
        },
    )
    expected: ClassVar[str] = "the indexation levers: lopende_prijzen, indexen"
    hint: ClassVar[str] = "write for example `lopende_prijzen: true` under `indexatie:`"
    place: ClassVar[str] = "under `indexatie:`"

    lopende_prijzen: Switch | None = Field(
        None,
        description="true: count 2026-2028 in lopende (current) prices, applying each year's index to every "
        "indexed line, with the accres of the algemene uitkering beside it.",
    )
    indexen: dict[Reference, dict[YearKey, Percentage]] | None = Field(
        None,
        description="Another index per category (from sheet Indexen) and year; the first year changes every year's "
        "amounts, later years count only with lopende_prijzen.",
        examples=[{"lonen": {"2025": "6%"}, "accres": {"2026": "1.5%"}}],
    )

    @model_validator(mode="after")
    def _something(self) -> Indexatie:
        if self.lopende_prijzen is None and self.indexen is None:
            raise scenario_error(
                "at least one of: lopende_prijzen, indexen", "none of them", "write `lopende_prijzen: true`"
            )
        return self


@dataclass(frozen=True)
class IndexatieChange:
    factors: tuple[tuple[str, Factors], ...]  # per category: F(c, y)
    rounded: frozenset[str]  # categories whose factor divides (a changed first-year index): bookings to the cent
    lines: tuple[Line, ...]  # the indexed lines (the youth-care line is indexed through p × q)
    youth_care: tuple[Factors, ...] | None  # price factors per segment; None: youth care not indexed here
    youth_care_programma: str | None
    lopende_prijzen: bool
    origin: Origin
    rates: tuple[tuple[str, tuple[Decimal, ...]], ...] = ()  # the scenario's index per category and year
    follows: tuple[bool, ...] = ()  # per youth-care segment: its tariff follows its index (no price of its own)

    def factor(self, category: str) -> Factors:
        return dict(self.factors)[category]

    def indexation(self, line: Line) -> Amounts:
        assert line.index is not None
        values = tuple(a * (f - ONE) for a, f in zip(line.amounts, self.factor(line.index), strict=True))
        if line.index in self.rounded:
            return tuple(round_half_away(v, CENT) for v in values)
        return values


def _quotient(numerator: Decimal, denominator: Decimal) -> Decimal:
    with decimal.localcontext() as context:
        context.prec = 28
        context.traps[decimal.Inexact] = False
        context.traps[decimal.Rounded] = False
        return numerator / denominator


class IndexatieLever(Lever):
    key = KEY
    order = 15  # after jeugdhulp (10): the index works on the scenario's youth-care volumes
    model = Indexatie
    description = "Loon- en prijsindexatie: indices per category and year; constant or lopende prijzen."

    def resolve(self, section: Indexatie, ctx: ResolveContext) -> IndexatieChange | None:
        path: FieldPath = (KEY,)
        baseline = ctx.baseline
        count = ctx.count
        if not baseline.indexen:
            ctx.problem(
                path,
                f"the budget's indices in the baseline (sheet '{INDEXEN}')",
                "none in the baseline workbook",
                f"add sheet '{INDEXEN}' (hengelo-scenario baseline template shows its columns), or remove the section",
                "scenario.missing-line",
            )
            return None
        if not any(x.index for x in baseline.lines) and not any(s.index for s in baseline.jeugdhulp):
            ctx.problem(
                path,
                f"index categories on the lines (column '{INDEX}' of sheet '{LASTEN_BATEN}')",
                "no line with an index category",
                f"add the column '{INDEX}' to sheet '{LASTEN_BATEN}' and give each indexed line its category",
                "scenario.missing-line",
            )
            return None
        lopende = bool(section.lopende_prijzen)
        names = [r.naam for r in baseline.indexen]
        rates: dict[str, list[Decimal]] = {r.naam: list(r.rates) for r in baseline.indexen}
        changed_first: set[str] = set()
        seen: dict[int, str] = {}
        for name, per_year in (section.indexen or {}).items():
            where = (*path, "indexen", name)
            i = ctx.match(names, name, where, "index category", seen)
            if i is None:
                continue
            for year, rate in per_year.items():
                y = ctx.year_index(year, (*where, year))
                if y is None:
                    continue
                if rate <= -ONE:
                    ctx.problem((*where, year), "an index above -100%", format_percentage(rate))
                    continue
                if y > 0 and not lopende:
                    ctx.problem(
                        (*where, year),
                        f"an index for {ctx.years[0]} only, or `lopende_prijzen: true`",
                        f"an index for {year} in constant prices",
                        f"the budget counts {ctx.years[1]}-{ctx.years[-1]} in constant prices, so a later year's "
                        "index changes no number: add `lopende_prijzen: true`",
                    )
                    continue
                if y == 0 and rate != rates[names[i]][0]:
                    changed_first.add(names[i])
                rates[names[i]][y] = rate
        if ctx.count > count:
            return None
        factors = _factors(baseline, rates, changed_first, lopende)
        youth_line = baseline.line(KEY_JEUGDHULP)
        lines = tuple(
            x for x in baseline.lines if x.index is not None and not (x.key == KEY_JEUGDHULP and baseline.jeugdhulp)
        )
        follows = self._follows(ctx)
        youth_care = _youth_care(baseline, factors, follows)
        change = IndexatieChange(
            tuple(factors.items()),
            frozenset(changed_first),
            lines,
            youth_care,
            youth_line.programma if youth_line is not None else None,
            lopende,
            ctx.origin(path),
            tuple((naam, tuple(values)) for naam, values in rates.items()),
            follows,
        )
        moved = any(any(a != 0 for a in change.indexation(x)) for x in lines) or (
            youth_care is not None and any(f != ONE for seg in youth_care for f in seg)
        )
        if not moved:
            ctx.no_change(
                path,
                "every index factor is 1 (the indices equal the baseline's, or 0% in the later years)",
                "change an index, or give the later years an index in sheet Indexen",
            )
            return None
        return change

    def _follows(self, ctx: ResolveContext) -> tuple[bool, ...]:
        """Per youth-care segment: its tariff follows the index, unless the jeugdhulp section sets its price."""
        jeugdhulp = getattr(ctx.file.model, "jeugdhulp", None)
        general_price = jeugdhulp is not None and jeugdhulp.price is not None
        own_price: set[str] = set()
        if jeugdhulp is not None:
            for name, levers in (jeugdhulp.segments or {}).items():
                if levers.price is not None:
                    own_price.add(" ".join(name.split()).casefold())
        return tuple(
            not general_price and " ".join(segment.naam.split()).casefold() not in own_price
            for segment in ctx.baseline.jeugdhulp
        )

    def bookings(self, change: IndexatieChange, baseline: Baseline) -> list[Booking]:
        grouped: dict[tuple[str, str, Soort], list[Decimal]] = defaultdict(lambda: [ZERO] * len(baseline.years))
        for line in change.lines:
            assert line.index is not None
            amounts = grouped[(line.index, line.programma, line.soort)]
            for y, value in enumerate(change.indexation(line)):
                amounts[y] += value
        bookings = []
        for (category, programma, soort), amounts in grouped.items():
            if all(a == 0 for a in amounts):
                continue
            if category == ACCRES:
                name = "Accres algemene uitkering"
            else:
                name = f"Indexatie {category}" + (" (baten)" if soort is Soort.BAAT else "")
            text = f"Index {category}" + (" in lopende prijzen" if change.lopende_prijzen else "")
            bookings.append(
                Booking(name, text, programma, soort, Aard.STRUCTUREEL, tuple(amounts), None, change.origin, KEY)
            )
        return bookings

    def youth_care_factors(self, change: IndexatieChange, baseline: Baseline) -> YouthCareFactors | None:
        if change.youth_care is None:
            return None
        ones: Factors = (ONE,) * len(baseline.years)
        return change.youth_care, tuple(ones for _ in baseline.jeugdhulp)

    def youth_care_booking(self, change: IndexatieChange, baseline: Baseline, cost_change: Amounts) -> Booking:
        return Booking(
            YOUTH_CARE,
            f"Tarieven jeugdhulp volgen de index (blad {JEUGDHULP})",
            change.youth_care_programma or "",
            Soort.LAST,
            Aard.STRUCTUREEL,
            cost_change,
            None,
            change.origin,
            KEY,
        )

    def details(
        self, change: IndexatieChange, baseline: Baseline, bookings: Sequence[Booking] = ()
    ) -> list[LeverDetail]:
        rows = [
            DetailRow(
                (line.description, line.programma, line.index or ""),
                change.indexation(line),
                ACCRES if line.index == ACCRES else line.soort.value,
            )
            for line in change.lines
            if any(a != 0 for a in change.indexation(line))  # a line whose index did not move is left out
        ]
        youth = [b for b in bookings if b.lever == KEY and b.measure == YOUTH_CARE]
        if youth:  # the booked amount: on the scenario's volumes when the jeugdhulp lever changes them too
            categories = sorted({s.index or "" for s in baseline.jeugdhulp} - {""})
            label = "Jeugdhulp: tarieven (prijs x volume per segment)"
            rows.insert(0, DetailRow((label, youth[0].programma, ", ".join(categories)), youth[0].amounts, "last"))
        return [LeverDetail(KEY, "indexatie", tuple(rows))]

    # --- variations: one year's index of a category, in percentage points -------------------------------------

    def variations(self, change: IndexatieChange | None, baseline: Baseline) -> list[Variation]:
        if not baseline.indexen or not (
            any(x.index for x in baseline.lines) or any(seg.index for seg in baseline.jeugdhulp)
        ):
            return []
        return [Variation(f"indexen.{r.naam}", f"Index {r.naam}", percent=True, field=r.naam) for r in baseline.indexen]

    def _current(self, change: IndexatieChange | None, baseline: Baseline, scenario: Any) -> IndexatieChange:
        """The scenario's change, or (no `indexatie:` section) the workbook's indices in constant prices."""
        if change is not None:
            return change
        youth_line = baseline.line(KEY_JEUGDHULP)
        jeugdhulp = getattr(scenario, "jeugdhulp", None) if scenario is not None else None
        # Without the section the scenario file is not at hand: a segment whose price the jeugdhulp section moves
        # sets its own price (resolve reads the file; a price written as 0% everywhere is the one difference).
        follows = tuple(
            jeugdhulp is None or all(f == ONE for f in jeugdhulp.price_factors[s])
            for s in range(len(baseline.jeugdhulp))
        )
        rates = tuple((r.naam, tuple(r.rates)) for r in baseline.indexen)
        factors = _factors(baseline, {k: list(v) for k, v in rates}, set(), False)
        lines = tuple(
            x for x in baseline.lines if x.index is not None and not (x.key == KEY_JEUGDHULP and baseline.jeugdhulp)
        )
        return IndexatieChange(
            tuple(factors.items()),
            frozenset(),
            lines,
            _youth_care(baseline, factors, follows),
            youth_line.programma if youth_line is not None else None,
            False,
            Origin("", None, KEY),
            rates,
            follows,
        )

    def vary(
        self,
        change: IndexatieChange | None,
        baseline: Baseline,
        variation: Variation,
        x: Decimal,
        years: tuple[bool, ...],
        origin: Origin,
        scenario: Any = None,
    ) -> IndexatieChange:
        current = self._current(change, baseline, scenario)
        year = 0 if all(years) else years.index(True)  # a path without .YEAR: the first year's index
        rates = {naam: list(values) for naam, values in current.rates}
        rates[variation.field][year] += x
        changed_first = set(current.rounded)
        original = baseline.index_reeks(variation.field)
        assert original is not None
        if rates[variation.field][0] != original.rates[0]:
            changed_first.add(variation.field)
        else:
            changed_first.discard(variation.field)
        factors = _factors(baseline, rates, changed_first, current.lopende_prijzen)
        return replace(
            current,
            factors=tuple(factors.items()),
            rounded=frozenset(changed_first),
            youth_care=_youth_care(baseline, factors, current.follows),
            rates=tuple((naam, tuple(values)) for naam, values in rates.items()),
            origin=current.origin if change is not None else origin,
        )

    def variation_range(
        self,
        change: IndexatieChange | None,
        baseline: Baseline,
        variation: Variation,
        years: tuple[bool, ...],
        scenario: Any = None,
    ) -> tuple[Decimal | None, Decimal | None]:
        """An index above −100%, as the scenario file allows."""
        current = self._current(change, baseline, scenario)
        year = 0 if all(years) else years.index(True)
        return -ONE - dict(current.rates)[variation.field][year] + Decimal("0.0001"), None

    def youth_care_slopes(
        self,
        change: IndexatieChange | None,
        baseline: Baseline,
        variation: Variation,
        years: tuple[bool, ...],
        scenario: Any = None,
    ) -> tuple[tuple[Decimal, ...], ...] | None:
        """Per segment and year k with tariff factor × (1 + k·x) when the variation moves x: (1 + i + x) / (1 + i)."""
        current = self._current(change, baseline, scenario)
        year = 0 if all(years) else years.index(True)
        if year > 0 and not current.lopende_prijzen:
            return None
        rate = dict(current.rates)[variation.field][year]
        slope = _quotient(ONE, ONE + rate)
        youth_line = baseline.line(KEY_JEUGDHULP)
        found = []
        for s, segment in enumerate(baseline.jeugdhulp):
            category = segment.index or (youth_line.index if youth_line is not None else None)
            moves = current.follows[s] and category == variation.field and youth_line is not None
            found.append(tuple(slope if moves and y >= year else ZERO for y in range(len(baseline.years))))
        return tuple(found) if any(k != 0 for row in found for k in row) else None


def _factors(baseline: Baseline, rates: dict[str, list[Decimal]], changed_first: set[str], lopende: bool):
    """F(c, y) per category from the scenario's indices (see the module text)."""
    factors: dict[str, Factors] = {}
    for naam, values in rates.items():
        original = baseline.index_reeks(naam)
        assert original is not None
        first = ONE
        if naam in changed_first:
            first = _quotient(ONE + values[0], ONE + original.rates[0])
        row = [first]
        for rate in values[1:]:
            row.append(row[-1] * (ONE + rate) if lopende else first)
        factors[naam] = tuple(row)
    return factors


def _youth_care(baseline: Baseline, factors: dict[str, Factors], follows: tuple[bool, ...]):
    """Price factors per youth-care segment: its category's F where it follows the index; None when all are 1."""
    youth_line = baseline.line(KEY_JEUGDHULP)
    if not baseline.jeugdhulp or youth_line is None:  # youth care is booked on the programme of its `jeugdhulp` line
        return None
    ones: Factors = (ONE,) * len(baseline.years)
    result: list[Factors] = []
    for segment, follow in zip(baseline.jeugdhulp, follows, strict=True):
        category = segment.index or youth_line.index
        result.append(factors[category] if follow and category is not None else ones)
    if all(f == ones for f in result):
        return None
    return tuple(result)


LEVER = IndexatieLever()
