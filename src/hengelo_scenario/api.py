"""The Python API for notebooks: `import hengelo_scenario as hs`.

    basis = hs.load_baseline()                          # the workspace's workbook, else the shipped one
    hoog = hs.load_scenario("jeugd_hoog", baseline=basis)
    result = hs.run(hoog, basis)
    result.frame()                                      # tidy: figure, variant, programme, year, value
    result.tables()["overzicht"]                        # wide: the run's tables, years as columns

Everything goes through the same orchestration as the command line (`workspace.evaluate`), so a scenario gives
the same figures here as in `hengelo-scenario run`. Values are exact Decimals unless a frame is asked for with
`as_float=True`. pandas is imported only when a frame is asked for.
"""

from __future__ import annotations

import weakref
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd

    from hengelo_scenario.baseline.model import Baseline
    from hengelo_scenario.outcome.model import Outcome
    from hengelo_scenario.scenario.loader import ScenarioFile
    from hengelo_scenario.scenario.model import Scenario

__all__ = ["Comparison", "Result", "compare", "load_baseline", "load_scenario", "run"]

ScenarioLike = Any  # Scenario | ScenarioFile | str (name, path or YAML text) | Path | Mapping
BaselineLike = Any  # Baseline | str | Path | None


@dataclass(frozen=True)
class Result:
    """One scenario run against its baseline: the exact outcome, and DataFrames of it on request."""

    scenario: Scenario
    baseline: Baseline
    outcome: Outcome

    def __repr__(self) -> str:
        """Short, for a notebook: the scenario, the workbook and the years, not every figure."""
        years = self.outcome.years
        return f"Result({self.scenario.name!r} on {self.baseline.source!r}, {years[0]}-{years[-1]})"

    def frame(self, *, as_float: bool = False) -> pd.DataFrame:
        """Every figure as a tidy long frame: figure, variant (basis/scenario/verschil), programme, year, value."""
        from hengelo_scenario.frames import long_frame

        return long_frame(self.outcome, as_float=as_float)

    def tables(self, *, as_float: bool = False) -> dict[str, pd.DataFrame]:
        """Every table of `hengelo-scenario run` (and the Financiële gevolgen) as a wide frame, by table key."""
        from hengelo_scenario.frames import table_frame
        from hengelo_scenario.report.tables import financiele_gevolgen, run_tables

        tables = (*run_tables(self.outcome), financiele_gevolgen(self.outcome))
        return {table.key: table_frame(table, as_float=as_float) for table in tables}

    def table(self, key: str, *, as_float: bool = False) -> pd.DataFrame:
        """One table by its key (`overzicht`, `maatregelen`, `programmas`, ...); KeyError lists the keys."""
        tables = self.tables(as_float=as_float)
        if key not in tables:
            raise KeyError(f"no table '{key}'; the tables are: {', '.join(tables)}")
        return tables[key]


@dataclass(frozen=True)
class Comparison:
    """Several scenarios on one baseline, as `hengelo-scenario compare` runs them."""

    results: tuple[Result, ...]

    def __repr__(self) -> str:
        """Short, for a notebook: the scenarios compared."""
        return f"Comparison({', '.join(repr(r.scenario.name) for r in self.results)})"

    def frame(self, *, as_float: bool = False) -> pd.DataFrame:
        """The long frames of every scenario, one under the other, with the scenario's name in column `scenario`."""
        import pandas as pd

        frames = []
        for result in self.results:
            frame = result.frame(as_float=as_float)
            frame.insert(0, "scenario", result.scenario.name)
            frames.append(frame)
        return pd.concat(frames, ignore_index=True)

    def table(self, figures: Sequence[str] | None = None, *, as_float: bool = False) -> pd.DataFrame:
        """The comparison table of `compare` (figures by key, default as `compare`), years as columns."""
        from hengelo_scenario.frames import table_frame
        from hengelo_scenario.report.comparison import DEFAULT_FIGURES, comparison_table, figure_spec

        specs = [figure_spec(key) for key in (figures or DEFAULT_FIGURES)]
        outcomes = [r.outcome for r in self.results]
        return table_frame(comparison_table(outcomes, specs), as_float=as_float)


def load_baseline(path: str | Path | None = None) -> Baseline:
    """A baseline workbook, validated: `path`, else the workspace's (hengelo-scenario.toml), else the shipped one.

    A bad workbook raises `BaselineError` listing every problem with its sheet and cell.
    """
    from hengelo_scenario.workspace import (
        BaselineChoice,
        BaselineReason,
        choose_baseline,
        find_workspace,
        load_baseline_file,
    )

    space = find_workspace()
    given = BaselineChoice(Path(path), BaselineReason.GIVEN) if path is not None else None
    choice = given or choose_baseline(None, None, space)
    return load_baseline_file(choice, space.cwd)


def _is_yaml_text(text: str) -> bool:
    return "\n" in text or ": " in text or text.rstrip().endswith(":")


def _scenario_file(source: ScenarioLike) -> ScenarioFile | str | Path:
    """A dict or YAML text loaded as a scenario file; a name or path left for the orchestration to find."""
    from hengelo_scenario.scenario.loader import ScenarioFile, load_scenario_text

    if isinstance(source, ScenarioFile | Path):
        return source
    if isinstance(source, Mapping):
        return load_scenario_text(_dump(source), "(scenario dict)")
    if isinstance(source, str):
        return load_scenario_text(source) if _is_yaml_text(source) else source
    raise TypeError(f"expected a scenario file, name, YAML text or dict, found {type(source).__name__}")


def _dump(data: Mapping[str, Any]) -> str:
    """A dict as YAML text, Decimals written exactly, so it is read as a file with the same content would be."""
    from decimal import Decimal
    from io import StringIO

    from ruamel.yaml import YAML

    def plain(value: Any) -> Any:
        if isinstance(value, Mapping):
            return {(str(k) if not isinstance(k, int) else k): plain(v) for k, v in value.items()}
        if isinstance(value, list | tuple):
            return [plain(v) for v in value]
        if isinstance(value, float):
            return Decimal(repr(value))
        return value

    yaml = YAML(typ="rt", pure=True)
    yaml.representer.add_representer(
        Decimal, lambda r, d: r.represent_scalar("tag:yaml.org,2002:float", format(d, "f"))
    )
    buffer = StringIO()
    yaml.dump(plain(data), buffer)
    return buffer.getvalue()


def _evaluated(sources: Sequence[ScenarioLike], baseline: BaselineLike, one_baseline: bool) -> list[Result]:
    from hengelo_scenario.workspace import evaluate

    given = baseline if baseline is None or not isinstance(baseline, str) else Path(baseline)
    results = evaluate([_scenario_file(s) for s in sources], baseline=given, one_baseline=one_baseline)
    return [Result(e.scenario, e.baseline, e.outcome) for e in results]


# Which baseline each scenario that `load_scenario` returned was resolved against, so `run(scenario)` without a
# baseline runs it on that one (its `baseline:` field may have chosen another than the default). By identity,
# forgotten when the scenario is.
_RESOLVED_ON: dict[int, tuple[weakref.ref[Any], Baseline]] = {}


def _remember(scenario: Scenario, baseline: Baseline) -> None:
    key = id(scenario)
    _RESOLVED_ON[key] = (weakref.ref(scenario, lambda _: _RESOLVED_ON.pop(key, None)), baseline)


def _resolved_on(scenario: Scenario) -> Baseline | None:
    entry = _RESOLVED_ON.get(id(scenario))
    return entry[1] if entry is not None and entry[0]() is scenario else None


def _baseline_for(scenario: Scenario, baseline: BaselineLike) -> Baseline:
    if _is_baseline(baseline):
        return baseline
    if baseline is None:
        remembered = _resolved_on(scenario)
        if remembered is not None:
            return remembered
    return load_baseline(baseline)


def load_scenario(source: ScenarioLike, baseline: BaselineLike = None) -> Scenario:
    """A scenario, resolved against its baseline: from a file path, a bare name, YAML text or a dict.

    A `str` with a line break or a `key: value` is YAML text; any other `str` is a name or path, found as the
    command line finds it. `baseline` is a loaded Baseline or a workbook path; without it the precedence of the
    command line applies (the scenario's `baseline:`, the workspace's, the shipped workbook). Bad input raises
    `ScenarioError` with every problem, each with its line and field.
    """
    result = _evaluated([source], baseline, False)[0]
    _remember(result.scenario, result.baseline)
    return result.scenario


def run(scenario: ScenarioLike, baseline: BaselineLike = None) -> Result:
    """Run one scenario against the baseline; a `Result` with the exact outcome and its DataFrames.

    `scenario` is what `load_scenario` returns, or anything `load_scenario` takes. A scenario from `load_scenario`
    runs, without `baseline`, on the workbook it was resolved against.
    """
    from hengelo_scenario.engine import run as run_engine
    from hengelo_scenario.scenario.model import Scenario as ResolvedScenario

    if isinstance(scenario, ResolvedScenario):
        baseline_data = _baseline_for(scenario, baseline)
        return Result(scenario, baseline_data, run_engine(baseline_data, scenario))
    return _evaluated([scenario], baseline, False)[0]


def compare(scenarios: Sequence[ScenarioLike], baseline: BaselineLike = None) -> Comparison:
    """Run several scenarios on one baseline (loaded once), as `hengelo-scenario compare` does.

    Scenarios that name different workbooks in `baseline:` are refused unless `baseline` is given.
    """
    from hengelo_scenario.engine import run as run_engine
    from hengelo_scenario.scenario.model import Scenario as ResolvedScenario

    resolved = [s for s in scenarios if isinstance(s, ResolvedScenario)]
    if resolved:
        baseline_data = _baseline_for(resolved[0], baseline)
        results = [
            Result(s, baseline_data, run_engine(baseline_data, s))
            if isinstance(s, ResolvedScenario)
            else _evaluated([s], baseline_data, False)[0]
            for s in scenarios
        ]
        return Comparison(tuple(results))
    return Comparison(tuple(_evaluated(list(scenarios), baseline, True)))


def _is_baseline(value: Any) -> bool:
    from hengelo_scenario.baseline.model import Baseline

    return isinstance(value, Baseline)
