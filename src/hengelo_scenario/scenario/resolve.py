"""A validated scenario file checked against a baseline and turned into vectors per baseline year.

Each lever's section is resolved by its module in `hengelo_scenario.levers` through a shared `ResolveContext`:
every name in the file (programme, segment, onderdeel, reserve) is looked up in the baseline, case-insensitively,
with a suggestion when it is not found; every year must be a baseline year; percentages become exact factors
(growth compounds exactly: 10% from 2026 gives 1, 1.1, 1.21, 1.331). All problems of the file are reported at
once, each with the file and line that wrote the field. The `expect:` pins are resolved here too.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from hengelo_scenario.baseline.model import Baseline
from hengelo_scenario.errors import ScenarioError
from hengelo_scenario.levers import all_levers
from hengelo_scenario.money import CENT, exact, parse_percentage, round_half_away
from hengelo_scenario.scenario.context import NO_CHANGE, ResolveContext
from hengelo_scenario.scenario.loader import ScenarioFile
from hengelo_scenario.scenario.model import Expectation, Scenario
from hengelo_scenario.scenario.paths import FieldPath
from hengelo_scenario.scenario.values import ExpectedValue, describe

if TYPE_CHECKING:
    from hengelo_scenario.outcome.figures import Kind

__all__ = ["NO_CHANGE", "resolve"]


def resolve(file: ScenarioFile, baseline: Baseline) -> Scenario:
    """The scenario as the engine needs it; ScenarioError lists every problem found against the baseline."""
    return _Resolver(file, baseline).scenario()


class _Resolver:
    def __init__(self, file: ScenarioFile, baseline: Baseline) -> None:
        self.file = file
        self.ctx = ResolveContext(file, baseline)

    def scenario(self) -> Scenario:
        model = self.file.model
        changes: list[tuple[str, Any]] = []
        with exact():
            for lever in all_levers():
                section = getattr(model, lever.key, None)
                if section is None:
                    continue
                change = lever.resolve(section, self.ctx)
                if change is not None:
                    changes.append((lever.key, change))
            expectations = self.expectations(model.expect) if model.expect is not None else ()
        problems = self.ctx.problems
        if problems:
            order = {file: i for i, file in enumerate(self.file.chain)}
            problems.sort(key=lambda p: (order.get(p.file, len(order)), _line(p.where)))
            raise ScenarioError(problems)
        return Scenario(
            name=model.name,
            years=self.ctx.years,
            description=model.description.strip(),
            author=model.author.strip(),
            source=self.file.path,
            sha256=self.file.sha256,
            resolved_text=lambda: self.file.resolved_text,
            changes=tuple(changes),
            resultaatbestemming=model.resultaatbestemming,
            expectations=expectations,
        )

    # --- expected figures, for `check` ---------------------------------------------------------------------------

    def expectations(self, expect: dict[str, dict[int, ExpectedValue]]) -> tuple[Expectation, ...]:
        """Each figure and year of `expect:`, its value in the form the figure takes (euros, ratio, percentage)."""
        from hengelo_scenario.outcome.figures import FIGURES

        path: FieldPath = ("expect",)
        if not expect:
            self.ctx.problem(
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
                self.ctx.problem(
                    (*path, key),
                    "at least one year with the figure expected",
                    "an empty mapping",
                    f"write for example `{key}: {{{self.ctx.years[0]}: ...}}`, or remove the line",
                )
                continue
            if key == "algemene_reserve" and self.ctx.baseline.algemene_reserve is None:
                self.ctx.problem(
                    (*path, key),
                    "a baseline with an algemene reserve (a reserve of soort 'algemene reserve')",
                    "none in the baseline workbook",
                    "remove the line, or mark the algemene reserve in the workbook's sheet Reserves",
                )
                continue
            for year, written in years.items():
                year_path = (*path, key, year)
                if self.ctx.year_index(year, year_path) is None:
                    continue
                found = self.expected_value(written, spec.kind, key, year_path)
                if found is not None:
                    value, places = found
                    result.append(Expectation(key, year, value, self.ctx.origin(year_path), places))
        return tuple(result)

    def expected_value(
        self, written: Decimal | str, kind: Kind, key: str, path: FieldPath
    ) -> tuple[Decimal, int | None] | None:
        """(value, places): euros with places None, or a ratio or fraction compared at the decimals written."""
        from hengelo_scenario.outcome.figures import Kind
        from hengelo_scenario.scenario.values import bare_number_hint

        if kind is Kind.PERCENT:
            if isinstance(written, str):
                fraction = parse_percentage(written)
                return fraction, max(0, -int(fraction.as_tuple().exponent))
            self.ctx.problem(
                path,
                f'a percentage such as "0,5%" ({key} is a share of the total baten)',
                describe(written),
                bare_number_hint(written),
            )
            return None
        if isinstance(written, str):
            what = "a ratio such as 2.38" if kind is Kind.RATIO else "an amount in euros such as 830772.60"
            self.ctx.problem(path, what, describe(written), f"{key} is not a percentage: write a plain number")
            return None
        if kind is Kind.RATIO:
            return written, max(0, -int(written.as_tuple().exponent))
        exponent = int(written.as_tuple().exponent)
        if exponent < -2:
            cents = round_half_away(written, CENT)
            self.ctx.problem(
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
