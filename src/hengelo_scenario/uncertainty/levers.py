"""Every numeric lever of a scenario by its dotted path, moved ON TOP of the scenario.

A lever value x is a change against the scenario as it stands, so x = 0 is the scenario itself (a valid point of
a sweep, not a "changes no number" error):

    jeugdhulp.price | .volume                     prices or volumes × (1 + x), every segment      (x ≥ −100%)
    jeugdhulp.regie_op_toegang                    volumes × (1 − x): a further reduction          (0% ≤ x ≤ 100%)
    jeugdhulp.segments.<segment>.price|volume|regie_op_toegang    the same for one segment
    transformatieplan.realisatie                  the realised share + x percentage points, every onderdeel
    transformatieplan.onderdelen.<onderdeel>      the same for one onderdeel               (share stays ≥ 0%)
    wijkaanpak.amounts | leefbare_wijken.amounts  + x euros on the line (the fund's cover follows it)
    algemene_uitkering.amounts                    + x euros of algemene uitkering (a structural baat)
    measures.<name>.amounts                       + x euros on the measure (its dekking follows it)
    <lever>.<path>                                what a lever module declares (`Lever.variations`), e.g.
                                                  ozb.tarief, nieuw_beleid.<proposal>.amounts,
                                                  investeringen.<name>.amount | .rente: see each lever module

Any path may end in a year (`jeugdhulp.volume.2028`): the change then applies in that year only; otherwise in
every year. Every lever here is linear in x for every money figure (cost = p·q·(1 + x); the other levers add
x times fixed amounts; a declared variation moves its lever's bookings linearly), which `solve` uses.

`apply` gives the exact `Scenario` for given values (what `run` would evaluate); `linear_input` and
`factor_multiplier` give the same change for the float path. For a declared variation `linear_input` needs nothing
from the lever but `vary`: the bookings per unit of x are the difference of the lever's own exact bookings (and
weerstand changes) with and without the variation, so a new lever that declares variations is variable here without
a line of this module.
"""

from __future__ import annotations

import decimal
from collections.abc import Mapping
from decimal import Decimal
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from hengelo_scenario import records
from hengelo_scenario.baseline.model import Aard, Baseline, Soort
from hengelo_scenario.engine.fast import LinearInput
from hengelo_scenario.errors import Origin
from hengelo_scenario.levers import all_levers, lever
from hengelo_scenario.levers.base import Variation
from hengelo_scenario.money import ONE, ZERO, exact
from hengelo_scenario.outcome.model import Booking
from hengelo_scenario.records import Record
from hengelo_scenario.scenario.model import Scenario

if TYPE_CHECKING:
    from hengelo_scenario.levers.keyed import AmountsChange

__all__ = ["LeverError", "LeverKind", "LeverRef", "apply", "available", "parse", "valid_range", "youth_care_slopes"]

JEUGD = ("price", "volume", "regie_op_toegang")
WIJKAANPAK_KEY = "wijkaanpak"
ALGEMENE_UITKERING_KEY = "algemene_uitkering"
LEEFBARE_WIJKEN_KEY = "fonds_leefbare_wijken"


class LeverKind(StrEnum):
    FACTOR = "factor"  # a percentage: × (1 + x)
    REDUCTION = "reduction"  # a percentage: × (1 − x)
    SHARE = "share"  # percentage points on a realised share
    POINTS = "points"  # percentage points on a rate a lever declares (an OZB tariff change, a rente)
    AMOUNT = "amount"  # euros

    @property
    def percent(self) -> bool:
        return self is not LeverKind.AMOUNT


class LeverError(ValueError):
    """A lever path that does not name a lever of this scenario and baseline; the message says what does."""


class LeverRef(Record, frozen=True):
    path: str  # canonical: jeugdhulp.segments.Verblijf (excl. pleegzorg).volume.2028
    kind: LeverKind
    target: str  # price | volume | regie_op_toegang | transformatieplan | wijkaanpak | leefbare_wijken | measure
    index: int | None  # segment, onderdeel or measure index; None: every segment / onderdeel
    year: int | None  # index into the baseline years; None: every year
    label: str  # Dutch, for tables and charts
    variation: Variation | None = None  # a variation the lever `target` declares

    def years(self, n_years: int) -> tuple[bool, ...]:
        return tuple(self.year is None or y == self.year for y in range(n_years))


def _norm(text: str) -> str:
    return " ".join(str(text).split()).casefold()


_JEUGD_LABEL = {"price": "Prijs jeugdhulp", "volume": "Volume jeugdhulp", "regie_op_toegang": "Regie op toegang"}


def available(baseline: Baseline, scenario: Scenario) -> list[str]:
    """Every lever path of this scenario and baseline (without the optional year), for help and suggestions."""
    paths: list[str] = []
    if baseline.jeugdhulp:
        paths += [f"jeugdhulp.{lever}" for lever in JEUGD]
        for segment in baseline.jeugdhulp:
            paths += [f"jeugdhulp.segments.{segment.naam}.{lever}" for lever in JEUGD]
    if baseline.transformatieplan:
        paths.append("transformatieplan.realisatie")
        paths += [f"transformatieplan.onderdelen.{o.naam}" for o in baseline.transformatieplan]
    if baseline.line(WIJKAANPAK_KEY) is not None:
        paths.append("wijkaanpak.amounts")
    if baseline.line(LEEFBARE_WIJKEN_KEY) is not None:
        paths.append("leefbare_wijken.amounts")
    if _algemene_uitkering_line(baseline) is not None:
        paths.append("algemene_uitkering.amounts")
    paths += [f"measures.{m.name}.amounts" for m in scenario.measures]
    paths += [f"{item.key}.{v.path}" for item, v in _declared(baseline, scenario)]
    return paths


def _declared(baseline: Baseline, scenario: Scenario) -> list[tuple[Any, Variation]]:
    """Every (lever, variation) the registered levers declare for this baseline and scenario."""
    return [(item, v) for item in all_levers() for v in item.variations(scenario.change(item.key), baseline)]


def _algemene_uitkering_line(baseline: Baseline):
    """The (first) baat line of the algemene uitkering (Sleutel algemene_uitkering...), or None."""
    for line in baseline.lines:
        if line.key and line.key.startswith(ALGEMENE_UITKERING_KEY) and line.soort is Soort.BAAT:
            return line
    return None


def _split_year(text: str, years: tuple[int, ...]) -> tuple[str, int | None]:
    head, _, tail = text.rpartition(".")
    if head and tail.strip().isdigit() and len(tail.strip()) == 4:
        year = int(tail)
        if year not in years:
            raise LeverError(f"'{text}': {year} is not a baseline year (" + ", ".join(str(y) for y in years) + ")")
        return head, years.index(year)
    return text, None


def _named(rest: str, names: list[str], suffixes: tuple[str, ...]) -> tuple[int, str] | None:
    """(index, suffix) when `rest` is '<name>' + suffix for a name (full, or the part before '(')."""
    key = _norm(rest)
    for i, name in enumerate(names):
        for form in {_norm(name), _norm(name.split("(")[0])}:
            for suffix in suffixes:
                if form and key == (form + suffix if suffix else form):
                    return i, suffix.lstrip(".")
    return None


def parse(text: str, baseline: Baseline, scenario: Scenario) -> LeverRef:
    """The lever a dotted path names; LeverError with the close matches and the list of levers if none."""
    from hengelo_scenario.scenario.schema import suggest

    path, year = _split_year(text.strip(), baseline.years)
    key = _norm(path)
    suffix = "" if year is None else f".{baseline.years[year]}"
    year_label = "" if year is None else f" {baseline.years[year]}"
    segments = [s.naam for s in baseline.jeugdhulp]
    if baseline.jeugdhulp:
        for lever in JEUGD:
            if key == f"jeugdhulp.{lever}":
                kind = LeverKind.REDUCTION if lever == "regie_op_toegang" else LeverKind.FACTOR
                return LeverRef(f"jeugdhulp.{lever}{suffix}", kind, lever, None, year, _JEUGD_LABEL[lever] + year_label)
        if key.startswith("jeugdhulp.segments."):
            found = _named(path.strip()[len("jeugdhulp.segments.") :], segments, tuple(f".{x}" for x in JEUGD))
            if found is not None:
                i, lever = found
                kind = LeverKind.REDUCTION if lever == "regie_op_toegang" else LeverKind.FACTOR
                label = f"{_JEUGD_LABEL[lever].replace(' jeugdhulp', '')} {segments[i]}{year_label}"
                return LeverRef(f"jeugdhulp.segments.{segments[i]}.{lever}{suffix}", kind, lever, i, year, label)
    onderdelen = [o.naam for o in baseline.transformatieplan]
    if onderdelen:
        if key == "transformatieplan.realisatie":
            label = f"Realisatie transformatieplan{year_label}"
            return LeverRef(
                f"transformatieplan.realisatie{suffix}", LeverKind.SHARE, "transformatieplan", None, year, label
            )
        if key.startswith("transformatieplan.onderdelen."):
            found = _named(path.strip()[len("transformatieplan.onderdelen.") :], onderdelen, ("",))
            if found is not None:
                i = found[0]
                label = f"Realisatie {onderdelen[i]}{year_label}"
                return LeverRef(
                    f"transformatieplan.onderdelen.{onderdelen[i]}{suffix}",
                    LeverKind.SHARE,
                    "transformatieplan",
                    i,
                    year,
                    label,
                )
    if key == "wijkaanpak.amounts" and baseline.line(WIJKAANPAK_KEY) is not None:
        return LeverRef(
            f"wijkaanpak.amounts{suffix}", LeverKind.AMOUNT, "wijkaanpak", None, year, f"Wijkaanpak{year_label}"
        )
    if key == "leefbare_wijken.amounts" and baseline.line(LEEFBARE_WIJKEN_KEY) is not None:
        return LeverRef(
            f"leefbare_wijken.amounts{suffix}",
            LeverKind.AMOUNT,
            "leefbare_wijken",
            None,
            year,
            f"Fonds leefbare wijken{year_label}",
        )
    if key == "algemene_uitkering.amounts" and _algemene_uitkering_line(baseline) is not None:
        return LeverRef(
            f"algemene_uitkering.amounts{suffix}",
            LeverKind.AMOUNT,
            "algemene_uitkering",
            None,
            year,
            f"Algemene uitkering{year_label}",
        )
    if key.startswith("measures."):
        names = [m.name for m in scenario.measures]
        found = _named(path.strip()[len("measures.") :], names, (".amounts",))
        if found is not None:
            i = found[0]
            return LeverRef(
                f"measures.{names[i]}.amounts{suffix}", LeverKind.AMOUNT, "measure", i, year, f"{names[i]}{year_label}"
            )
    for item, variation in _declared(baseline, scenario):
        if key == _norm(f"{item.key}.{variation.path}"):
            if year is not None and not variation.per_year:
                raise LeverError(
                    f"'{text}': {item.key}.{variation.path} is one number for the whole schedule, not one per year; "
                    f"leave out .{baseline.years[year]}"
                )
            kind = LeverKind.POINTS if variation.percent else LeverKind.AMOUNT
            canonical = f"{item.key}.{variation.path}{suffix}"
            return LeverRef(canonical, kind, item.key, variation.item, year, variation.label + year_label, variation)
    choices = available(baseline, scenario)
    near = suggest(path, choices)
    listing = (
        "; ".join(choices) if choices else "none: the baseline has no youth care, transformatieplan or keyed lines"
    )
    raise LeverError(
        f"'{text}' is not a lever of this scenario. {near + ' ' if near else ''}Levers: {listing} "
        "(each optionally followed by .YEAR)"
    )


def valid_range(ref: LeverRef, baseline: Baseline, scenario: Scenario) -> tuple[Decimal | None, Decimal | None]:
    """The values x the lever may take, (low, high), None for no bound."""
    n = len(baseline.years)
    mask = ref.years(n)
    if ref.variation is not None:
        return lever(ref.target).variation_range(
            scenario.change(ref.target), baseline, ref.variation, mask, scenario=scenario
        )
    if ref.kind is LeverKind.FACTOR:
        return Decimal(-1), None
    if ref.kind is LeverKind.REDUCTION:
        return ZERO, ONE
    if ref.kind is LeverKind.SHARE:
        shares = _shares(baseline, scenario)
        picked = [shares[i][y] for i in range(len(shares)) if ref.index in (None, i) for y in range(n) if mask[y]]
        return (-min(picked) if picked else None), None
    if ref.target in ("measure", "algemene_uitkering"):
        return None, None
    amounts = _keyed_amounts(baseline, scenario, ref.target)
    return -min(a for a, m in zip(amounts, mask, strict=True) if m), None


def _shares(baseline: Baseline, scenario: Scenario) -> list[tuple[Decimal, ...]]:
    if scenario.transformatieplan is not None:
        return [tuple(s) for s in scenario.transformatieplan.realisatie]
    return [(ONE,) * len(baseline.years) for _ in baseline.transformatieplan]


def _keyed_change(scenario: Scenario, target: str) -> AmountsChange | None:
    return scenario.wijkaanpak if target == "wijkaanpak" else scenario.leefbare_wijken


def _keyed_amounts(baseline: Baseline, scenario: Scenario, target: str) -> tuple[Decimal, ...]:
    line = baseline.line(WIJKAANPAK_KEY if target == "wijkaanpak" else LEEFBARE_WIJKEN_KEY)
    assert line is not None
    change = _keyed_change(scenario, target)
    if change is None:
        return line.amounts
    return tuple(old if new is None else new for old, new in zip(line.amounts, change.amounts, strict=True))


def _with(scenario: Scenario, **changes: Any) -> Scenario:
    """The scenario with some levers' changes replaced (a Scenario takes its changes by lever key)."""
    replace: Any = records.replace
    return replace(scenario, **changes)


def apply(baseline: Baseline, scenario: Scenario, values: Mapping[LeverRef, Decimal]) -> Scenario:
    """The scenario with each lever moved by its value: exactly what `run` evaluates for that point."""
    for ref, x in values.items():
        if x != 0:
            scenario = _apply_one(baseline, scenario, ref, Decimal(x))
    return scenario


def _apply_one(baseline: Baseline, scenario: Scenario, ref: LeverRef, x: Decimal) -> Scenario:
    n = len(baseline.years)
    mask = ref.years(n)
    from hengelo_scenario.levers.jeugdhulp import JeugdhulpChange  # the levers' own records, when a value is applied
    from hengelo_scenario.levers.keyed import AmountsChange
    from hengelo_scenario.levers.leefbare_wijken import LeefbareWijkenChange
    from hengelo_scenario.levers.measures import Measure
    from hengelo_scenario.levers.transformatieplan import TransformatieChange

    origin = Origin(scenario.source, None, ref.path)
    if ref.variation is not None:
        item = lever(ref.target)
        moved = item.vary(scenario.change(ref.target), baseline, ref.variation, x, mask, origin, scenario=scenario)
        return _with(scenario, **{ref.target: moved})
    with exact():
        if ref.target in JEUGD:
            change = scenario.jeugdhulp or JeugdhulpChange(
                price_factors=tuple((ONE,) * n for _ in baseline.jeugdhulp),
                volume_factors=tuple((ONE,) * n for _ in baseline.jeugdhulp),
                programma=None,
                aard=Aard.STRUCTUREEL,
                origin=origin,
            )
            step = ONE - x if ref.kind is LeverKind.REDUCTION else ONE + x

            def moved(factors: tuple[tuple[Decimal, ...], ...]) -> tuple[tuple[Decimal, ...], ...]:
                return tuple(
                    tuple(f * step if mask[y] and ref.index in (None, s) else f for y, f in enumerate(row))
                    for s, row in enumerate(factors)
                )

            if ref.target == "price":
                change = records.replace(change, price_factors=moved(change.price_factors))
            else:
                change = records.replace(change, volume_factors=moved(change.volume_factors))
            return _with(scenario, jeugdhulp=change)
        if ref.target == "transformatieplan":
            shares = _shares(baseline, scenario)
            realisatie = tuple(
                tuple(s + x if mask[y] and ref.index in (None, i) else s for y, s in enumerate(row))
                for i, row in enumerate(shares)
            )
            current = scenario.transformatieplan
            plan = (
                records.replace(current, realisatie=realisatie)
                if current is not None
                else TransformatieChange(realisatie, Aard.STRUCTUREEL, origin)
            )
            return _with(scenario, transformatieplan=plan)
        if ref.target in ("wijkaanpak", "leefbare_wijken"):
            amounts = _keyed_amounts(baseline, scenario, ref.target)
            new = tuple(a + x if mask[y] else a for y, a in enumerate(amounts))
            current = _keyed_change(scenario, ref.target)
            if ref.target == "wijkaanpak":
                keyed = (
                    records.replace(current, amounts=new)
                    if current is not None
                    else AmountsChange(new, (None,) * n, origin)
                )
                return _with(scenario, wijkaanpak=keyed)
            fund = (
                records.replace(current, amounts=new)
                if current is not None
                else LeefbareWijkenChange(new, (None,) * n, origin)
            )
            return _with(scenario, leefbare_wijken=fund)
        if ref.target == "algemene_uitkering":  # the same booking as the section's own amounts: a structural baat
            line = _algemene_uitkering_line(baseline)
            assert line is not None
            extra = Measure(
                f"{ref.path} (gevoeligheid)",
                "",
                line.programma,
                Soort.BAAT,
                Aard.STRUCTUREEL,
                tuple(x if mask[y] else ZERO for y in range(n)),
                origin=origin,
            )
            return _with(scenario, measures=(*scenario.measures, extra))
        assert ref.index is not None
        measures = list(scenario.measures)
        m = measures[ref.index]
        measures[ref.index] = records.replace(
            m, amounts=tuple(a + x if mask[y] else a for y, a in enumerate(m.amounts))
        )
        return _with(scenario, measures=tuple(measures))


def factor_multiplier(ref: LeverRef, n_segments: int, n_years: int) -> tuple[list[int], list[int], bool]:
    """(segments, years, reduction) that a factor lever multiplies: × (1 + x), or × (1 − x) for a reduction."""
    segments = list(range(n_segments)) if ref.index is None else [ref.index]
    years = [y for y, m in enumerate(ref.years(n_years)) if m]
    return segments, years, ref.kind is LeverKind.REDUCTION


def linear_input(ref: LeverRef, baseline: Baseline, scenario: Scenario) -> LinearInput:
    """The bookings of one unit of a share or amount lever (x = 1: 100 percentage points, or 1 euro)."""
    n = len(baseline.years)
    mask = ref.years(n)
    unit = tuple(ONE if m else ZERO for m in mask)
    bookings: list[Booking] = []
    if ref.variation is not None:
        return _declared_input(ref, baseline, scenario)
    if ref.target == "transformatieplan":
        aard = scenario.transformatieplan.aard if scenario.transformatieplan is not None else Aard.STRUCTUREEL
        for i, onderdeel in enumerate(baseline.transformatieplan):
            if ref.index in (None, i):
                amounts = tuple(-a if m else ZERO for a, m in zip(onderdeel.amounts, mask, strict=True))
                bookings.append(
                    Booking(ref.path, "", onderdeel.programma, Soort.LAST, aard, amounts, lever="transformatieplan")
                )
    elif ref.target in ("wijkaanpak", "leefbare_wijken"):
        key = WIJKAANPAK_KEY if ref.target == "wijkaanpak" else LEEFBARE_WIJKEN_KEY
        line = baseline.line(key)
        assert line is not None
        change = _keyed_change(scenario, ref.target)
        aarden = [line.aard if change is None or change.aard[y] is None else change.aard[y] for y in range(n)]
        for aard in (Aard.STRUCTUREEL, Aard.INCIDENTEEL):
            amounts = tuple(ONE if mask[y] and aarden[y] is aard else ZERO for y in range(n))
            if any(amounts):
                bookings.append(Booking(ref.path, "", line.programma, Soort.LAST, aard, amounts))
        if ref.target == "leefbare_wijken":
            fund = scenario.leefbare_wijken
            if fund is not None and fund.dekking_given:
                reserve = fund.dekking
            else:
                cover = baseline.mutations_with_key(LEEFBARE_WIJKEN_KEY)
                reserve = cover[0].reserve if cover else None
            if reserve is not None:
                bookings.append(
                    Booking(ref.path, "", line.programma, Soort.ONTTREKKING, Aard.INCIDENTEEL, unit, reserve)
                )
    elif ref.target == "algemene_uitkering":
        line = _algemene_uitkering_line(baseline)
        assert line is not None
        bookings.append(Booking(ref.path, "", line.programma, Soort.BAAT, Aard.STRUCTUREEL, unit))
    else:
        assert ref.index is not None
        m = scenario.measures[ref.index]
        bookings.append(Booking(ref.path, "", m.programma, m.soort, m.aard, unit, m.reserve))
        if m.dekking is not None:
            bookings.append(Booking(ref.path, "", m.programma, Soort.ONTTREKKING, Aard.INCIDENTEEL, unit, m.dekking))
    return LinearInput(ref.path, tuple(bookings))


STEP_AMOUNT = Decimal(1_000_000)  # the x at which a declared amount variation's unit bookings are taken


def _declared_input(ref: LeverRef, baseline: Baseline, scenario: Scenario) -> LinearInput:
    """The bookings (and weerstand changes) of one unit of a declared variation, from the lever's exact bookings.

    unit = (bookings at x = h − bookings of the scenario) / h, per (programma, soort, aard, reserve) and year, with
    h = 100 percentage points or 1.000.000 euros: large, so a lever's cent rounding weighs nothing per unit.
    """
    assert ref.variation is not None
    item = lever(ref.target)
    change = scenario.change(ref.target)
    n = len(baseline.years)
    h = STEP_AMOUNT if ref.kind is LeverKind.AMOUNT else ONE
    origin = Origin(scenario.source, None, ref.path)
    moved = item.vary(change, baseline, ref.variation, h, ref.years(n), origin, scenario=scenario)
    own = change is not None and change != item.empty
    sums: dict[tuple[str, Soort, Aard, str | None], list[Decimal]] = {}
    with exact():
        for sign, bookings in (
            (ONE, item.bookings(moved, baseline)),
            (-ONE, item.bookings(change, baseline) if own else []),
        ):
            for b in bookings:
                row = sums.setdefault((b.programma, b.soort, b.aard, b.reserve), [ZERO] * n)
                for y, a in enumerate(b.amounts):
                    row[y] += sign * a
        weerstand = [ZERO] * n
        for sign, changes in (
            (ONE, item.weerstand_changes(moved, baseline)),
            (-ONE, item.weerstand_changes(change, baseline) if own else []),
        ):
            for w in changes:
                for y, a in enumerate(w.amounts):
                    weerstand[y] += sign * a
    quotient = decimal.Context(prec=28)
    per_unit = [
        Booking(ref.path, "", programma, soort, aard, tuple(quotient.divide(a, h) for a in amounts), reserve)
        for (programma, soort, aard, reserve), amounts in sums.items()
        if any(a != 0 for a in amounts)
    ]
    return LinearInput(ref.path, tuple(per_unit), tuple(quotient.divide(a, h) for a in weerstand))


def youth_care_slopes(ref: LeverRef, baseline: Baseline, scenario: Scenario) -> list[tuple[int, list[float]]]:
    """(segment, k per year) where a declared variation makes the segment's p × q × (1 + k·x); [] for none."""
    if ref.variation is None:
        return []
    slopes = lever(ref.target).youth_care_slopes(
        scenario.change(ref.target), baseline, ref.variation, ref.years(len(baseline.years)), scenario=scenario
    )
    if slopes is None:
        return []
    return [(s, [float(k) for k in row]) for s, row in enumerate(slopes) if any(k != 0 for k in row)]
