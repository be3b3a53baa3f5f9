"""The `uncertainty:` block checked against the baseline: names, years, units and lever paths, with file and line.

Every problem of the block is reported at once, as `scenario.resolve` does for the rest of the file.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import numpy as np

from hengelo_scenario.baseline.model import Baseline
from hengelo_scenario.errors import Problem, ScenarioError
from hengelo_scenario.scenario.model import Scenario
from hengelo_scenario.uncertainty import levers as lever_paths
from hengelo_scenario.uncertainty.distributions import Distribution, Kind
from hengelo_scenario.uncertainty.model import Group, JeugdTarget, UncertaintySpec, Variable

if TYPE_CHECKING:  # the block's pydantic models: built only when a scenario file has the block (scenario/schema.py)
    from hengelo_scenario.uncertainty.schema import DistributionModel, UncertainChange, UncertaintyModel

JEUGD_LEVERS = lever_paths.JEUGD  # price, volume, regie_op_toegang

__all__ = ["resolve_uncertainty", "scenario_factors"]

_LABELS = {"price": "Prijs", "volume": "Volume", "regie_op_toegang": "Regie op toegang"}


def _norm(text: str) -> str:
    return " ".join(str(text).split()).casefold()


def change_factors(change: Any, years: Sequence[int], reduction: bool) -> np.ndarray:
    """Factors per year of a scenario `Change` (per_year or growth from a year), as `scenario.resolve` makes them."""
    sign = -1.0 if reduction else 1.0
    factors = np.ones(len(years))
    if change.per_year is not None:
        for year, rate in change.per_year.items():
            if year in years:
                factors[years.index(year)] = 1.0 + sign * float(rate)
        return factors
    start = change.from_ if change.from_ is not None else years[0]
    step = 1.0 + sign * float(change.growth)
    f = 1.0
    for y, year in enumerate(years):
        if year >= start:
            f *= step
            factors[y] = f
    return factors


def scenario_factors(model: Any, baseline: Baseline) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The scenario's own price, volume and regie-op-toegang factors (S, Y), lever by lever."""
    n_s, n_y = len(baseline.jeugdhulp), len(baseline.years)
    result = {lever: np.ones((n_s, n_y)) for lever in JEUGD_LEVERS}
    section = model.jeugdhulp if model is not None else None
    if section is None:
        return result["price"], result["volume"], result["regie_op_toegang"]
    names = [_norm(s.naam) for s in baseline.jeugdhulp]
    own = {names.index(_norm(k)): v for k, v in (section.segments or {}).items() if _norm(k) in names}
    for lever in JEUGD_LEVERS:
        for s in range(n_s):
            change = getattr(own[s], lever) if s in own and getattr(own[s], lever) is not None else None
            change = change or getattr(section, lever)
            if change is not None:
                result[lever][s] = change_factors(change, baseline.years, lever == "regie_op_toegang")
    return result["price"], result["volume"], result["regie_op_toegang"]


class _Resolver:
    def __init__(self, file: Any, baseline: Baseline, scenario: Scenario) -> None:
        self.file = file
        self.baseline = baseline
        self.scenario = scenario
        self.problems: list[Problem] = []
        self.variables: list[Variable] = []
        self.groups: list[Group] = []

    def problem(self, path: tuple[Any, ...], expected: str, found: str, hint: str = "") -> None:
        from hengelo_scenario.scenario.source import dotted

        found_at = self.file.location(path) if self.file is not None else None
        file, line = found_at if found_at is not None else (self.scenario.source, None)
        where = f"line {line}" if line is not None else "(no line)"
        self.problems.append(Problem(file, where, dotted(path), expected, found, hint))

    def distribution(
        self,
        model: DistributionModel,
        path: tuple[Any, ...],
        *,
        percent: bool,
        rate: bool,
        lower: float | None = None,
        upper: float | None = None,
    ) -> Distribution | None:
        values = model.values()
        for name, quantity in values.items():
            if quantity.percent != percent:
                expected = 'a percentage such as "3%"' if percent else "an amount in euros such as 250000"
                self.problem(
                    (*path, name),
                    expected,
                    str(quantity),
                    "this lever is a rate or share: write it with a % sign"
                    if percent
                    else "this lever is an amount: write plain euros, without %",
                )
                return None
        floats = {k: float(q.value) for k, q in values.items()}
        kind = Kind(model.distribution)
        if kind is Kind.LOGNORMAL and floats["mean"] + (1.0 if rate else 0.0) <= 0:
            self.problem(
                (*path, "mean"),
                "a positive quantity for a lognormal: the factor 1 + mean above 0"
                if rate
                else "a mean above 0 for a lognormal",
                str(values["mean"]),
            )
            return None
        bounded = kind not in (Kind.NORMAL, Kind.LOGNORMAL)
        if bounded and lower is not None and floats["low"] < lower:
            self.problem((*path, "low"), f"a low of at least {lower:.0%}".replace(".", ","), str(values["low"]))
            return None
        if bounded and upper is not None and floats["high"] > upper:
            self.problem((*path, "high"), f"a high of at most {upper:.0%}", str(values["high"]))
            return None
        return Distribution.of(kind, floats, rate=rate)

    def year_index(self, year: int, path: tuple[Any, ...]) -> int | None:
        if year in self.baseline.years:
            return self.baseline.years.index(year)
        self.problem(
            path, "one of " + ", ".join(str(y) for y in self.baseline.years) + " (the baseline years)", str(year)
        )
        return None

    def jeugd_change(
        self,
        change: UncertainChange,
        lever: str,
        segments: tuple[int, ...],
        path: tuple[Any, ...],
        correlated: tuple[int, ...] = (),
        group_of: dict[Any, list[int]] | None = None,
    ) -> None:
        """Variables for one uncertain lever; segments in `correlated` get their own draw each (grouped)."""
        reduction = lever == "regie_op_toegang"
        lower, upper = (0.0, 1.0) if reduction else (-1.0, None)
        if change.growth is not None:
            start = 0
            if change.from_ is not None:
                index = self.year_index(change.from_, (*path, "from"))
                if index is None:
                    return
                start = index
            dist = self.distribution(
                change.growth, (*path, "growth"), percent=True, rate=True, lower=lower, upper=upper
            )
            if dist is None:
                return
            self._add(
                f"{'.'.join(map(str, path))}.growth",
                "(groei)",
                dist,
                lever,
                segments,
                True,
                start,
                None,
                correlated,
                group_of,
                ("growth",),
            )
            return
        for year, model in (change.per_year or {}).items():
            index = self.year_index(year, (*path, "per_year", year))
            dist = self.distribution(
                model, (*path, "per_year", year), percent=True, rate=True, lower=lower, upper=upper
            )
            if index is None or dist is None:
                continue
            self._add(
                f"{'.'.join(map(str, path))}.per_year.{year}",
                str(year),
                dist,
                lever,
                segments,
                False,
                0,
                index,
                correlated,
                group_of,
                ("year", index),
            )

    def _add(
        self,
        name: str,
        label: str,
        dist: Distribution,
        lever: str,
        segments: tuple[int, ...],
        growth: bool,
        start: int,
        year: int | None,
        correlated: tuple[int, ...],
        group_of: dict[Any, list[int]] | None,
        key: tuple[Any, ...],
    ) -> None:
        names = [seg.naam for seg in self.baseline.jeugdhulp]
        shared = tuple(s for s in segments if s not in correlated)
        if shared:
            who = "jeugdhulp" if len(shared) == len(names) else ", ".join(names[s] for s in shared)
            self.variables.append(
                Variable(name, f"{_LABELS[lever]} {who} {label}", dist, JeugdTarget(lever, shared, growth, start, year))
            )
        for s in segments:
            if s in correlated:
                assert group_of is not None
                group_of.setdefault(key, []).append(len(self.variables))
                variable_name = name if len(segments) == 1 else f"{name} ({names[s]})"
                self.variables.append(
                    Variable(
                        variable_name,
                        f"{_LABELS[lever]} {names[s]} {label}",
                        dist,
                        JeugdTarget(lever, (s,), growth, start, year),
                    )
                )

    def jeugdhulp(self, section: Any) -> None:
        path: tuple[Any, ...] = ("uncertainty", "jeugdhulp")
        segments = self.baseline.jeugdhulp
        if not segments:
            self.problem(
                path,
                "youth-care segments in the baseline",
                "none in the baseline workbook",
                "remove uncertainty.jeugdhulp",
            )
            return
        names = [s.naam for s in segments]
        own: dict[int, Any] = {}
        for name, levers in (section.segments or {}).items():
            index = self.segment(name, (*path, "segments", name))
            if index is not None:
                own[index] = levers
        correlations: dict[str, tuple[int, ...]] = {}
        for lever, corr in (section.correlation or {}).items():
            cpath = (*path, "correlation", lever)
            members = tuple(range(len(segments)))
            if corr.segments is not None:
                found = [self.segment(n, (*cpath, "segments")) for n in corr.segments]
                if any(f is None for f in found):
                    continue
                members = tuple(f for f in found if f is not None)
                if len(set(members)) != len(members):
                    self.problem((*cpath, "segments"), "each segment once", ", ".join(corr.segments))
                    continue
            if len(corr.matrix) != len(members):
                self.problem(
                    (*cpath, "matrix"),
                    f"a {len(members)} x {len(members)} matrix, one row per segment "
                    f"({', '.join(names[m] for m in members)})",
                    f"{len(corr.matrix)} rows",
                    "name the segments with `segments:`, or give a row for every segment",
                )
                continue
            drawn = [
                m
                for m in members
                if getattr(section, lever) is not None or (m in own and getattr(own[m], lever) is not None)
            ]
            if len(drawn) != len(members):
                missing = ", ".join(names[m] for m in members if m not in drawn)
                self.problem(
                    cpath,
                    f"an uncertain {lever} for every segment of the matrix",
                    f"none for {missing}",
                    f"add uncertainty.jeugdhulp.{lever}, or leave those segments out",
                )
                continue
            correlations[lever] = members
            self._matrix = getattr(self, "_matrix", {})
            self._matrix[lever] = np.array(corr.matrix, dtype=float)
        for lever in JEUGD_LEVERS:
            group_of: dict[Any, list[int]] = {}
            members = correlations.get(lever, ())
            general = getattr(section, lever)
            mine = tuple(s for s in range(len(segments)) if not (s in own and getattr(own[s], lever) is not None))
            if general is not None and mine:
                self.jeugd_change(general, lever, mine, (*path, lever), members, group_of)
            for s, levers in own.items():
                change = getattr(levers, lever)
                if change is not None:
                    self.jeugd_change(
                        change,
                        lever,
                        (s,),
                        (*path, "segments", names[s], lever),
                        members,
                        group_of,
                    )
            for key, indices in group_of.items():
                if members and len(indices) != len(members):
                    self.problem(
                        (*path, "correlation", lever),
                        "the same form (growth, or the same years) for every correlated segment",
                        f"{len(indices)} of {len(members)} segments for {key}",
                    )
                    continue
                if members:
                    ordered = sorted(indices, key=lambda i: members.index(self._segment_of(i)))
                    loading = _loading(self._matrix[lever])
                    group = len(self.groups)
                    self.groups.append(Group(tuple(ordered), loading))
                    for i in ordered:
                        v = self.variables[i]
                        self.variables[i] = Variable(v.name, v.label, v.distribution, v.jeugd, v.lever, group)

    def _segment_of(self, i: int) -> int:
        target = self.variables[i].jeugd
        assert target is not None  # a correlated variable is a youth-care variable
        return target.segments[0]

    def segment(self, name: str, path: tuple[Any, ...]) -> int | None:
        from hengelo_scenario.scenario.schema import describe, suggest

        names = [s.naam for s in self.baseline.jeugdhulp]
        for i, n in enumerate(names):
            if _norm(n) == _norm(name) or _norm(n.split("(")[0]) == _norm(name):
                return i
        self.problem(
            path,
            "a youth-care segment of the baseline (" + ", ".join(names) + ")",
            describe(name),
            suggest(name, names),
        )
        return None

    def levers(self, section: dict[str, DistributionModel]) -> None:
        for text, model in section.items():
            path = ("uncertainty", "levers", text)
            try:
                ref = lever_paths.parse(text, self.baseline, self.scenario)
            except lever_paths.LeverError as error:
                self.problem(path, "a numeric lever of the scenario", str(error))
                continue
            low, high = lever_paths.valid_range(ref, self.baseline, self.scenario)
            dist = self.distribution(
                model,
                path,
                percent=ref.kind.percent,
                rate=ref.kind.percent,
                lower=None if low is None else float(low),
                upper=None if high is None else float(high),
            )
            if dist is not None:
                self.variables.append(Variable(text, ref.label, dist, lever=ref))


def _loading(matrix: np.ndarray) -> np.ndarray:
    """A square root of a PSD correlation matrix (eigen-decomposition, so a singular matrix works too)."""
    values, vectors = np.linalg.eigh(matrix)
    return vectors * np.sqrt(np.clip(values, 0.0, None))


# Without an uncertainty block: an extra annual growth on top of the scenario from the second baseline year.
# Price: one draw for all segments (the regional contract fixes one tariff index, which is uncertain: the 2025
# index was 4,96%, the budget counts 0%), sd 1,5 percentage point. Volume: demand is not known in advance (the
# budget's own words) and differs per segment: one independent draw per segment, sd 2,5 percentage point.
DEFAULT_PRICE_SD = 0.015
DEFAULT_VOLUME_SD = 0.025


def default_spec(
    baseline: Baseline, scenario_price: np.ndarray, volume: np.ndarray, regie: np.ndarray
) -> UncertaintySpec:
    variables: list[Variable] = []
    if baseline.jeugdhulp:
        segments = tuple(range(len(baseline.jeugdhulp)))
        start = 1 if len(baseline.years) > 1 else 0
        price_draw = Distribution(Kind.NORMAL, 0.0, DEFAULT_PRICE_SD)
        target = JeugdTarget("price", segments, True, start, None, on_top=True)
        variables.append(Variable("jeugdhulp.price (standaard)", "Prijs jeugdhulp (extra groei)", price_draw, target))
        volume_draw = Distribution(Kind.NORMAL, 0.0, DEFAULT_VOLUME_SD)
        for s, segment in enumerate(baseline.jeugdhulp):
            target = JeugdTarget("volume", (s,), True, start, None, on_top=True)
            name = f"jeugdhulp.segments.{segment.naam}.volume (standaard)"
            variables.append(Variable(name, f"Volume {segment.naam} (extra groei)", volume_draw, target))
    return UncertaintySpec(
        variables=tuple(variables), scenario_price=scenario_price, scenario_volume=volume, scenario_regie=regie
    )


def resolve_uncertainty(file: Any, baseline: Baseline, scenario: Scenario) -> UncertaintySpec:
    """The scenario file's uncertainty block as variables; the documented defaults when the file has none."""
    model: UncertaintyModel | None = getattr(file.model, "uncertainty", None) if file is not None else None
    price, volume, regie = scenario_factors(file.model if file is not None else None, baseline)
    if model is None:
        return default_spec(baseline, price, volume, regie)
    resolver = _Resolver(file, baseline, scenario)
    if model.jeugdhulp is not None:
        resolver.jeugdhulp(model.jeugdhulp)
    if model.levers:
        resolver.levers(model.levers)
    risk = model.weerstand is not None and model.weerstand.benodigd == "risicoregister"
    if risk and not getattr(baseline, "risicos", ()):
        resolver.problem(
            ("uncertainty", "weerstand", "benodigd"),
            "a baseline with a risk register (sheet 'Risico's')",
            "none in the baseline workbook",
            "write `benodigd: werkboek`, or add the risk register to the workbook",
        )
    if resolver.problems:
        raise ScenarioError(resolver.problems)
    return UncertaintySpec(
        variables=tuple(resolver.variables),
        groups=tuple(resolver.groups),
        scenario_price=price,
        scenario_volume=volume,
        scenario_regie=regie,
        risk_register=risk,
        zekerheid=model.weerstand.zekerheid if model.weerstand is not None else Decimal("0.9"),
        reserve_floor=model.reserve_floor,
        draws=model.draws,
        seed=model.seed,
    )
