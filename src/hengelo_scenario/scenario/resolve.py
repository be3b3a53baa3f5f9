"""A validated scenario file checked against a baseline and turned into vectors per baseline year.

Every name in the file (programme, segment, onderdeel, reserve) is looked up in the baseline, case-insensitively,
with a suggestion when it is not found; every year must be a baseline year; percentages become exact factors
(growth compounds exactly: 10% from 2026 gives 1, 1.1, 1.21, 1.331). All problems of the file are reported at
once, each with the file and line that wrote the field.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING

from hengelo_scenario.baseline.model import Aard, Baseline, Soort
from hengelo_scenario.errors import Problem, ScenarioError
from hengelo_scenario.money import CENT, ONE, ZERO, exact, format_percentage, parse_percentage, round_half_away
from hengelo_scenario.scenario.loader import ScenarioFile
from hengelo_scenario.scenario.model import (
    AmountsChange,
    Expectation,
    Factors,
    JeugdhulpChange,
    LeefbareWijkenChange,
    Measure,
    Origin,
    Scenario,
    TransformatieChange,
)
from hengelo_scenario.scenario.schema import (
    AmountsSection,
    Change,
    ExpectedValue,
    Jeugdhulp,
    LeefbareWijken,
    MeasureModel,
    Transformatieplan,
    describe,
    suggest,
)
from hengelo_scenario.scenario.source import FieldPath, dotted

if TYPE_CHECKING:
    from hengelo_scenario.outcome.figures import Kind

__all__ = ["JEUGDHULP_KEY", "LEEFBARE_WIJKEN_KEY", "NO_CHANGE", "WIJKAANPAK_KEY", "resolve"]

JEUGDHULP_KEY = "jeugdhulp"
WIJKAANPAK_KEY = "wijkaanpak"
LEEFBARE_WIJKEN_KEY = "fonds_leefbare_wijken"
BEGROTINGSSALDO = "begrotingssaldo"
ALGEMENE_RESERVE = "algemene reserve"
LEVERS = ("price", "volume", "regie_op_toegang")
NO_CHANGE = "this measure changes no number"


def resolve(file: ScenarioFile, baseline: Baseline) -> Scenario:
    """The scenario as the engine needs it; ScenarioError lists every problem found against the baseline."""
    return _Resolver(file, baseline).scenario()


def _norm(name: str) -> str:
    return " ".join(str(name).split()).casefold()


class _Resolver:
    def __init__(self, file: ScenarioFile, baseline: Baseline) -> None:
        self.file = file
        self.baseline = baseline
        self.years = baseline.years
        self.problems: list[Problem] = []

    # --- reporting -------------------------------------------------------------------------------------------

    def _location(self, path: FieldPath) -> tuple[str, int | None]:
        found = self.file.location(path)
        return found if found is not None else (self.file.path, None)

    def origin(self, path: FieldPath) -> Origin:
        file, line = self._location(path)
        return Origin(file, line, dotted(path))

    def problem(self, path: FieldPath, expected: str, found: str, hint: str = "") -> None:
        file, line = self._location(path)
        where = f"line {line}" if line is not None else "(no line)"
        self.problems.append(Problem(file, where, dotted(path), expected, found, hint))

    def no_change(self, path: FieldPath, found: str, hint: str) -> None:
        self.problem(path, "a change against the baseline", f"{NO_CHANGE}: {found}", hint)

    # --- the whole scenario ----------------------------------------------------------------------------------

    def scenario(self) -> Scenario:
        model = self.file.model
        with exact():
            jeugdhulp = self.jeugdhulp(model.jeugdhulp) if model.jeugdhulp is not None else None
            wijkaanpak = (
                self.amounts_change(model.wijkaanpak, WIJKAANPAK_KEY, ("wijkaanpak",))
                if model.wijkaanpak is not None
                else None
            )
            leefbare = self.leefbare_wijken(model.leefbare_wijken) if model.leefbare_wijken is not None else None
            transformatie = (
                self.transformatieplan(model.transformatieplan) if model.transformatieplan is not None else None
            )
            measures = self.measures(model.measures or [])
            expectations = self.expectations(model.expect) if model.expect is not None else ()
        if self.problems:
            order = {file: i for i, file in enumerate(self.file.chain)}
            self.problems.sort(key=lambda p: (order.get(p.file, len(order)), _line(p.where)))
            raise ScenarioError(self.problems)
        return Scenario(
            name=model.name,
            years=self.years,
            description=model.description.strip(),
            author=model.author.strip(),
            source=self.file.path,
            sha256=self.file.sha256,
            resolved_text=self.file.resolved_text,
            jeugdhulp=jeugdhulp,
            wijkaanpak=wijkaanpak,
            leefbare_wijken=leefbare,
            transformatieplan=transformatie,
            measures=measures,
            resultaatbestemming=model.resultaatbestemming,
            expectations=expectations,
        )

    # --- lookups in the baseline -----------------------------------------------------------------------------

    def year_index(self, year: int, path: FieldPath) -> int | None:
        if year in self.years:
            return self.years.index(year)
        self.problem(
            path,
            "one of " + ", ".join(str(y) for y in self.years) + " (the baseline years)",
            str(year),
            "the baseline workbook covers only these years",
        )
        return None

    def programma(self, reference: str, path: FieldPath) -> str | None:
        key = _norm(reference)
        for programma in self.baseline.programmas:
            if _norm(programma.code) == key:
                return programma.code
        for programma in self.baseline.programmas:
            if _norm(programma.naam) == key or _norm(f"{programma.code} {programma.naam}") == key:
                return programma.code
        names = [p.naam for p in self.baseline.programmas] + [p.code for p in self.baseline.programmas]
        listing = "; ".join(f"{p.code} {p.naam}" for p in self.baseline.programmas)
        self.problem(
            path,
            f"a programme of the baseline, by code or name ({listing})",
            describe(reference),
            suggest(reference, names),
        )
        return None

    def reserve(self, reference: str, path: FieldPath, *, saldo_allowed: bool) -> tuple[bool, str | None]:
        """(found, reserve naam); naam None means the begrotingssaldo (only where `saldo_allowed`)."""
        key = _norm(reference)
        if saldo_allowed and key == BEGROTINGSSALDO:
            return True, None
        for reserve in self.baseline.reserves:
            if _norm(reserve.naam) == key:
                return True, reserve.naam
        algemene = self.baseline.algemene_reserve
        if key == ALGEMENE_RESERVE and algemene is not None:
            return True, algemene.naam
        names = [r.naam for r in self.baseline.reserves] + ([BEGROTINGSSALDO] if saldo_allowed else [])
        expected = "a reserve of the baseline (" + ", ".join(r.naam for r in self.baseline.reserves) + ")"
        if saldo_allowed:
            expected += " or begrotingssaldo"
        self.problem(path, expected, describe(reference), suggest(reference, names))
        return False, None

    def _match(self, names: Sequence[str], given: str, path: FieldPath, what: str, seen: dict[int, str]) -> int | None:
        """The index of a baseline name (segment, onderdeel), case-insensitively; each may be named once."""
        key = _norm(given)
        for index, name in enumerate(names):
            if _norm(name) == key:
                if index in seen:
                    self.problem(
                        path,
                        f"each {what} once",
                        f"'{given}' a second time (also as '{seen[index]}')",
                        "names match regardless of upper and lower case; keep one",
                    )
                    return None
                seen[index] = given
                return index
        article = "an" if what[0] in "aeiou" else "a"
        self.problem(
            path,
            f"{article} {what} of the baseline (" + ", ".join(names) + ")",
            describe(given),
            suggest(given, list(names)),
        )
        return None

    # --- youth care ------------------------------------------------------------------------------------------

    def rate_ok(self, rate: Decimal, path: FieldPath, lever: str) -> bool:
        if lever == "regie_op_toegang":
            if ZERO <= rate <= ONE:
                return True
            hint = (
                "regie op toegang is read as a reduction of volume; for more volume write `volume:`"
                if rate < 0
                else "a reduction above 100% would make the volume negative"
            )
            self.problem(path, "a reduction between 0% and 100%", format_percentage(rate), hint)
            return False
        if rate >= -ONE:
            return True
        what = "price" if lever == "price" else "volume"
        self.problem(
            path,
            f"a change of -100% or more (a {what} cannot fall below zero)",
            format_percentage(rate),
            f"-100% makes the {what} zero; {format_percentage(rate)} would make it negative",
        )
        return False

    def factors(self, change: Change, path: FieldPath, lever: str) -> Factors | None:
        """One factor per baseline year: 1 + c (for regie op toegang: 1 - c), growth compounding."""
        sign = -1 if lever == "regie_op_toegang" else 1
        ok = True
        if change.per_year is not None:
            rates = [ZERO] * len(self.years)
            for year, rate in change.per_year.items():
                year_path = (*path, "per_year", year)
                index = self.year_index(year, year_path)
                if index is None or not self.rate_ok(rate, year_path, lever):
                    ok = False
                    continue
                rates[index] = rate
            return tuple(ONE + sign * rate for rate in rates) if ok else None
        growth = change.growth if change.growth is not None else ZERO
        start = change.from_ if change.from_ is not None else self.years[0]
        if change.from_ is not None and self.year_index(change.from_, (*path, "from")) is None:
            ok = False
        if not self.rate_ok(growth, (*path, "growth"), lever):
            ok = False
        if not ok:
            return None
        try:
            step = ONE + sign * growth
            return tuple(step ** (year - start + 1) if year >= start else ONE for year in self.years)
        except ArithmeticError:
            self.problem(
                (*path, "growth"),
                "a percentage with a few decimals",
                format_percentage(growth),
                "the compounded factors have too many digits to compute exactly",
            )
            return None

    def jeugdhulp(self, section: Jeugdhulp) -> JeugdhulpChange | None:
        path: FieldPath = ("jeugdhulp",)
        segments = self.baseline.jeugdhulp
        count = len(self.problems)
        if not segments:
            self.problem(
                path,
                "youth-care segments in the baseline (price and volume per segment)",
                "none in the baseline workbook",
                "remove the jeugdhulp section, or fill in the youth-care segments of the workbook",
            )
            return None
        ones: Factors = (ONE,) * len(self.years)
        general: dict[str, Factors] = {}
        for lever in LEVERS:
            change = getattr(section, lever)
            if change is not None:
                factors = self.factors(change, (*path, lever), lever)
                if factors is not None:
                    general[lever] = factors
        own: dict[int, dict[str, Factors]] = {}
        seen: dict[int, str] = {}
        names = [segment.naam for segment in segments]
        for name, levers in (section.segments or {}).items():
            index = self._match(names, name, (*path, "segments", name), "youth-care segment", seen)
            if index is None:
                continue
            own[index] = {}
            for lever in LEVERS:
                change = getattr(levers, lever)
                if change is not None:
                    factors = self.factors(change, (*path, "segments", name, lever), lever)
                    if factors is not None:
                        own[index][lever] = factors
        price_factors: list[Factors] = []
        volume_factors: list[Factors] = []
        for index in range(len(segments)):
            levers = {lever: own.get(index, {}).get(lever, general.get(lever, ones)) for lever in LEVERS}
            price_factors.append(levers["price"])
            volume_factors.append(
                tuple(v * r for v, r in zip(levers["volume"], levers["regie_op_toegang"], strict=True))
            )
        programma: str | None = None
        if section.programma is not None:
            programma = self.programma(section.programma, (*path, "programma"))
        elif self.baseline.line(JEUGDHULP_KEY) is None:
            self.problem(
                path,
                "a programme to book the youth-care change on",
                "no `programma:`, and the baseline has no line with Sleutel 'jeugdhulp'",
                "add `programma: 6` (for example) to the jeugdhulp section",
            )
        if len(self.problems) > count:
            return None
        if all(f == ONE for factors in (*price_factors, *volume_factors) for f in factors):
            self.no_change(
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
            origin=self.origin(path),
        )

    # --- lines addressed by their Sleutel ----------------------------------------------------------------------

    def amounts_change(self, section: AmountsSection, key: str, path: FieldPath) -> AmountsChange | None:
        count = len(self.problems)
        if self.baseline.line(key) is None:
            self.problem(
                path,
                f"a baseline line with Sleutel '{key}'",
                "none in the baseline workbook",
                f"remove the `{path[0]}` section, or mark the line in the workbook with Sleutel {key}",
            )
            return None
        n = len(self.years)
        amounts: list[Decimal | None] = [None] * n
        named: list[int] = []
        for year, amount in (section.amounts or {}).items():
            index = self.year_index(year, (*path, "amounts", year))
            if index is not None:
                amounts[index] = amount
                named.append(index)
        aard: list[Aard | None] = [None] * n
        if isinstance(section.aard, Aard):
            for index in named if section.amounts is not None else range(n):
                aard[index] = section.aard
        elif isinstance(section.aard, dict):
            for year, value in section.aard.items():
                index = self.year_index(year, (*path, "aard", year))
                if index is not None:
                    aard[index] = value
        if len(self.problems) > count:
            return None
        return AmountsChange(tuple(amounts), tuple(aard), self.origin(path))

    def leefbare_wijken(self, section: LeefbareWijken) -> LeefbareWijkenChange | None:
        path: FieldPath = ("leefbare_wijken",)
        change = self.amounts_change(section, LEEFBARE_WIJKEN_KEY, path)
        dekking: str | None = None
        found = True
        if section.dekking is not None:
            found, dekking = self.reserve(section.dekking, (*path, "dekking"), saldo_allowed=True)
        if change is None or not found:
            return None
        return LeefbareWijkenChange(
            change.amounts,
            change.aard,
            change.origin,
            dekking=dekking,
            dekking_given=section.dekking is not None,
        )

    # --- the transformatieplan ---------------------------------------------------------------------------------

    def shares(self, value: Decimal | dict[int, Decimal], path: FieldPath) -> Factors | None:
        """Realised shares per year: one share for every year, or per year (years not named: 100%)."""
        if isinstance(value, Decimal):
            return (value,) * len(self.years)
        shares = [ONE] * len(self.years)
        ok = True
        for year, share in value.items():
            index = self.year_index(year, (*path, year))
            if index is None:
                ok = False
            else:
                shares[index] = share
        return tuple(shares) if ok else None

    def transformatieplan(self, section: Transformatieplan) -> TransformatieChange | None:
        path: FieldPath = ("transformatieplan",)
        onderdelen = self.baseline.transformatieplan
        if not onderdelen:
            self.problem(
                path,
                "onderdelen of the transformatieplan in the baseline",
                "none in the baseline workbook",
                "remove the transformatieplan section, or fill in the transformatieplan in the workbook",
            )
            return None
        count = len(self.problems)
        general: Factors | None = (ONE,) * len(self.years)
        if section.realisatie is not None:
            general = self.shares(section.realisatie, (*path, "realisatie"))
        realisatie: list[Factors | None] = [general] * len(onderdelen)
        seen: dict[int, str] = {}
        names = [onderdeel.naam for onderdeel in onderdelen]
        for name, value in (section.onderdelen or {}).items():
            index = self._match(names, name, (*path, "onderdelen", name), "onderdeel", seen)
            if index is not None:
                realisatie[index] = self.shares(value, (*path, "onderdelen", name))
        if len(self.problems) > count:
            return None
        complete = tuple(shares for shares in realisatie if shares is not None)
        if all(share == ONE for shares in complete for share in shares):
            self.no_change(
                path,
                "100% realised in every year for every onderdeel",
                "remove the section, or give a share other than 100%",
            )
            return None
        return TransformatieChange(complete, section.aard, self.origin(path))

    # --- other measures ----------------------------------------------------------------------------------------

    def measures(self, measures: list[MeasureModel]) -> tuple[Measure, ...]:
        resolved: list[Measure] = []
        seen: dict[str, int] = {}
        for position, measure in enumerate(measures):
            path: FieldPath = ("measures", position)
            count = len(self.problems)
            key = _norm(measure.name)
            if key in seen:
                self.problem(
                    (*path, "name"),
                    "a name used once in the scenario",
                    f"'{measure.name}' again (also measures[{seen[key]}])",
                    "rename one of them; a measure in a scenario that extends another replaces the measure "
                    "of the same name there",
                )
            else:
                seen[key] = position
            programma = self.programma(measure.programma, (*path, "programma"))
            amounts = [ZERO] * len(self.years)
            for year, amount in measure.amounts.items():
                index = self.year_index(year, (*path, "amounts", year))
                if index is not None:
                    amounts[index] = amount
            reserve: str | None = None
            if measure.reserve is not None:
                _, reserve = self.reserve(measure.reserve, (*path, "reserve"), saldo_allowed=False)
            dekking: str | None = None
            if measure.dekking is not None:
                if measure.soort is not Soort.LAST:
                    self.problem(
                        (*path, "dekking"),
                        "dekking only on a measure with soort last",
                        f"dekking on a {measure.soort.value}",
                        "remove `dekking`",
                    )
                else:
                    _, dekking = self.reserve(measure.dekking, (*path, "dekking"), saldo_allowed=True)
            if len(self.problems) > count or programma is None:
                continue
            if all(amount == ZERO for amount in amounts):
                self.no_change(path, "0 in every year", "give a non-zero amount, or remove the measure")
                continue
            aard = measure.aard
            if aard is None:
                aard = Aard.INCIDENTEEL if measure.soort.is_reserve_mutation else Aard.STRUCTUREEL
            resolved.append(
                Measure(
                    name=measure.name,
                    description=measure.description.strip(),
                    programma=programma,
                    soort=measure.soort,
                    aard=aard,
                    amounts=tuple(amounts),
                    reserve=reserve,
                    dekking=dekking,
                    origin=self.origin(path),
                )
            )
        return tuple(resolved)

    # --- expected figures, for `check` ---------------------------------------------------------------------------

    def expectations(self, expect: dict[str, dict[int, ExpectedValue]]) -> tuple[Expectation, ...]:
        """Each figure and year of `expect:`, its value in the form the figure takes (euros, ratio, percentage)."""
        from hengelo_scenario.outcome.figures import FIGURES

        path: FieldPath = ("expect",)
        if not expect:
            self.problem(
                path,
                "at least one figure with its years",
                "an empty mapping",
                "write for example `geraamd_resultaat: {2026: 290772.60}` under `expect:`, or remove it",
            )
            return ()
        result: list[Expectation] = []
        for key, years in expect.items():
            spec = FIGURES[key]
            if not years:
                self.problem(
                    (*path, key),
                    "at least one year with the figure expected",
                    "an empty mapping",
                    f"write for example `{key}: {{{self.years[0]}: ...}}`, or remove the line",
                )
                continue
            if key == "algemene_reserve" and self.baseline.algemene_reserve is None:
                self.problem(
                    (*path, key),
                    "a baseline with an algemene reserve (a reserve of soort 'algemene reserve')",
                    "none in the baseline workbook",
                    "remove the line, or mark the algemene reserve in the workbook's sheet Reserves",
                )
                continue
            for year, written in years.items():
                year_path = (*path, key, year)
                if self.year_index(year, year_path) is None:
                    continue
                found = self.expected_value(written, spec.kind, key, year_path)
                if found is not None:
                    value, places = found
                    result.append(Expectation(key, year, value, self.origin(year_path), places))
        return tuple(result)

    def expected_value(
        self, written: Decimal | str, kind: Kind, key: str, path: FieldPath
    ) -> tuple[Decimal, int | None] | None:
        """(value, places): euros with places None, or a ratio or fraction compared at the decimals written."""
        from hengelo_scenario.outcome.figures import Kind
        from hengelo_scenario.scenario.schema import bare_number_hint

        if kind is Kind.PERCENT:
            if isinstance(written, str):
                fraction = parse_percentage(written)
                return fraction, max(0, -int(fraction.as_tuple().exponent))
            self.problem(
                path,
                f'a percentage such as "0,5%" ({key} is a share of the total baten)',
                describe(written),
                bare_number_hint(written),
            )
            return None
        if isinstance(written, str):
            what = "a ratio such as 2.38" if kind is Kind.RATIO else "an amount in euros such as 830772.60"
            self.problem(path, what, describe(written), f"{key} is not a percentage: write a plain number")
            return None
        if kind is Kind.RATIO:
            return written, max(0, -int(written.as_tuple().exponent))
        exponent = int(written.as_tuple().exponent)
        if exponent < -2:
            cents = round_half_away(written, CENT)
            self.problem(
                path,
                "an amount in euros with at most 2 decimals (check compares to the cent)",
                format(written, "f"),
                f"round it to the cent, half away from zero: {format(cents, 'f')} (and no thousands separators)",
            )
            return None
        return written, None


def _line(where: str) -> int:
    digits = "".join(ch for ch in where if ch.isdigit())
    return int(digits) if digits else 0
