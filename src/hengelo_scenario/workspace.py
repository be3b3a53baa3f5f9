"""The analyst's workspace and the one path from a scenario name to an outcome.

A workspace is a folder with a `hengelo-scenario.toml`, found upward from the working folder the way ruff and
pytest find their configuration. It names the baseline workbook, the scenario folder, the folders scenario files
may reference, and defaults for `--unit` and `--csv-dialect`. Without one, the tool behaves as before: scenarios in
`./scenarios/`, the shipped workbook.

`evaluate` is the single orchestration every entry point uses (`run`, `compare`, `check` and the Python API):
find each scenario, load it, choose its baseline (and say why), load each workbook once, resolve, evaluate. Bad
input is collected over all scenarios and raised once, as one `InputError`, so a check of a hundred files
reports every problem of every file at once.

The baseline is chosen in this order, and every header says which rule chose it:

1. `--baseline FILE` (or the API's `baseline=`): "(--baseline)";
2. the scenario file's `baseline:` field: "(baseline: in het scenario)";
3. the workspace's `baseline` key: "(uit hengelo-scenario.toml)";
4. the workbook shipped with the tool: "(meegeleverd, illustratief)".

Heavy libraries are imported inside the functions, so the command line's `--help` does not pay for them.
"""

from __future__ import annotations

import os
import textwrap
import time
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from hengelo_scenario.errors import BudgetError, InputError, Problem, UnreadableFileError
from hengelo_scenario.records import Record

if TYPE_CHECKING:
    from hengelo_scenario.baseline.model import Baseline
    from hengelo_scenario.outcome.model import Outcome
    from hengelo_scenario.scenario.loader import ScenarioFile
    from hengelo_scenario.scenario.model import Scenario

__all__ = [
    "CONFIG_NAME",
    "BaselineChoice",
    "BaselineReason",
    "Evaluated",
    "Workspace",
    "choose_baseline",
    "config_text",
    "evaluate",
    "find_workspace",
    "load_baseline_file",
]

CONFIG_NAME = "hengelo-scenario.toml"
UNITS = ("duizend", "euro")
CSV_DIALECTS = ("nl", "int")

# key -> (what it holds, its default): the documentation of the file, and the check that no key is misspelt.
CONFIG_KEYS: dict[str, tuple[str, str]] = {
    "baseline": ("the baseline workbook (.xlsx), relative to this file", "the workbook shipped with the tool"),
    "scenarios": ("the scenario folder, relative to this file", '"scenarios"'),
    "allowed_folders": (
        "further folders, relative to this file, that scenario files may reference with `extends:` and "
        "`baseline:` (the workspace itself is always allowed)",
        "[]",
    ),
    "unit": ('default of --unit: "duizend" (x € 1.000, as a budget prints) or "euro"', '"duizend"'),
    "csv_dialect": ('default of --csv-dialect: "nl" (semicolons, decimal comma) or "int"', '"nl"'),
}


def config_text(baseline: str = "", scenarios: str = "scenarios") -> str:
    """The text of a `hengelo-scenario.toml`, every key documented in a comment above it (from CONFIG_KEYS)."""
    values = {
        "baseline": f'"{baseline}"' if baseline else None,
        "scenarios": f'"{scenarios}"',
        "allowed_folders": "[]",
        "unit": '"duizend"',
        "csv_dialect": '"nl"',
    }
    lines = [
        f"# {CONFIG_NAME}: the workspace of hengelo-scenario. Every command run in this folder, or in a folder below",
        "# it, reads the nearest such file upward (as ruff and pytest find theirs). Paths are relative to this file.",
        "#",
        "# The baseline workbook a scenario runs on is, in order: --baseline on the command line, the scenario",
        "# file's own `baseline:` field, `baseline` below, and else the workbook shipped with the tool. Every",
        "# command's header says which one it used and why. An unknown key here is an error.",
    ]
    for key, (meaning, default) in CONFIG_KEYS.items():
        lines += [
            "",
            *textwrap.wrap(f"{key}: {meaning}. Default: {default}.", 114, initial_indent="# ", subsequent_indent="# "),
        ]
        value = values[key]
        lines.append(f"{key} = {value}" if value is not None else f'# {key} = "data/begroting.xlsx"')
    return "\n".join(lines) + "\n"


# --- the workspace ---------------------------------------------------------------------------------------------


class Workspace(Record, frozen=True):
    """What `hengelo-scenario.toml` says, with its paths made absolute; `config` is None without a file."""

    cwd: Path
    config: Path | None = None
    baseline: Path | None = None
    scenarios: Path | None = None
    allowed_folders: tuple[Path, ...] = ()
    unit: str = "duizend"
    csv_dialect: str = "nl"

    @property
    def root(self) -> Path | None:
        """The folder that holds the config file."""
        return self.config.parent if self.config is not None else None

    @property
    def scenario_folder(self) -> Path:
        """Where `check` and `list` look by default: the configured folder, else ./scenarios/."""
        return self.scenarios if self.scenarios is not None else self.cwd / "scenarios"

    @property
    def allowed_roots(self) -> tuple[Path, ...]:
        """Folders that `extends:` and `baseline:` in a scenario file may point into, besides its own folder and the
        working folder: the workspace and its configured `allowed_folders` (none without a workspace)."""
        if self.root is None:
            return ()
        return (self.root, *self.allowed_folders)

    @property
    def search_folders(self) -> list[Path]:
        """Where a bare scenario name is looked up, in order: the working folder, ./scenarios/, the workspace's
        scenario folder, the shipped scenarios."""
        from hengelo_scenario.resources import shipped_scenarios_dir

        folders = [self.cwd, self.cwd / "scenarios"]
        if self.scenarios is not None:
            folders.append(self.scenarios)
        folders.append(shipped_scenarios_dir())
        unique: list[Path] = []
        for folder in folders:
            if all(folder.resolve() != seen.resolve() for seen in unique):
                unique.append(folder)
        return unique

    def find(self, name: str) -> Path:
        """The scenario file for a name: an existing path, else a bare name in `search_folders`."""
        from hengelo_scenario.scenario.loader import find_scenario

        return find_scenario(name, self.cwd, self.search_folders)


def find_workspace(cwd: Path | None = None) -> Workspace:
    """The workspace of the nearest `hengelo-scenario.toml` in `cwd` or a folder above it; an empty one if none.

    Set HENGELO_SCENARIO_NO_CONFIG=1 to ignore every config file (for a clean run in a folder inside a workspace).
    """
    here = Path.cwd() if cwd is None else Path(cwd)
    if os.environ.get("HENGELO_SCENARIO_NO_CONFIG"):
        return Workspace(here)
    start = here.resolve()
    for folder in (start, *start.parents):
        candidate = folder / CONFIG_NAME
        if candidate.is_file():
            return read_config(candidate, here)
    return Workspace(here)


def read_config(path: Path, cwd: Path | None = None) -> Workspace:
    """Read and check a config file: every key known, every value of the right form, every path there."""
    import tomllib

    shown = _shown(path, cwd or Path.cwd())
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise UnreadableFileError(shown, f"cannot be read ({error.strerror or error})") from None
    except UnicodeDecodeError:
        raise UnreadableFileError(shown, "not a text file in UTF-8", "save it as UTF-8 text") from None
    except tomllib.TOMLDecodeError as error:
        raise UnreadableFileError(shown, f"not valid TOML: {error}", "see the comments in the file") from None
    root = path.parent
    problems: list[Problem] = []

    def problem(key: str, expected: str, found: Any, hint: str = "", code: str = "workspace.invalid-value") -> None:
        problems.append(Problem(shown, f"key {key}", key, expected, _describe(found), hint, code))

    for key in data:
        if key not in CONFIG_KEYS:
            from hengelo_scenario.scenario.values import suggest

            problem(
                key, "one of: " + ", ".join(CONFIG_KEYS), key, suggest(key, list(CONFIG_KEYS)), "workspace.unknown-key"
            )

    def folder_or_file(key: str, value: Any, want_dir: bool) -> Path | None:
        if not isinstance(value, str) or not value.strip():
            problem(key, "a path in quotes, relative to this file", value)
            return None
        target = Path(os.path.normpath(root / Path(value).expanduser()))
        exists = target.is_dir() if want_dir else target.is_file()
        if not exists:
            kind = "folder" if want_dir else "file"
            problem(
                key,
                f"an existing {kind}",
                f"{value} ({target} does not exist)",
                "check the path",
                "workspace.missing-path",
            )
            return None
        return target

    baseline = folder_or_file("baseline", data["baseline"], False) if "baseline" in data else None
    scenarios = folder_or_file("scenarios", data["scenarios"], True) if "scenarios" in data else None
    if scenarios is None and "scenarios" not in data and (root / "scenarios").is_dir():
        scenarios = root / "scenarios"
    allowed: list[Path] = []
    folders = data.get("allowed_folders", [])
    if not isinstance(folders, list):
        problem("allowed_folders", 'a list of folders in quotes, such as ["../gedeeld"]', folders)
    else:
        for item in folders:
            found = folder_or_file("allowed_folders", item, True)
            if found is not None:
                allowed.append(found)
    unit = data.get("unit", "duizend")
    if unit not in UNITS:
        problem("unit", "one of: " + ", ".join(UNITS), unit)
    dialect = data.get("csv_dialect", "nl")
    if dialect not in CSV_DIALECTS:
        problem("csv_dialect", "one of: " + ", ".join(CSV_DIALECTS), dialect)
    if problems:
        raise InputError(problems)
    return Workspace(
        cwd=cwd or Path.cwd(),
        config=path,
        baseline=baseline,
        scenarios=scenarios,
        allowed_folders=tuple(allowed),
        unit=str(unit),
        csv_dialect=str(dialect),
    )


def _describe(value: Any) -> str:
    if isinstance(value, str):
        return f"'{value}'" if value.strip() else "empty text"
    return repr(value)


def _shown(path: Path, cwd: Path) -> str:
    """A path as a header shows it: relative to the working folder when inside it or near it (`../data/x.xlsx`
    from a subfolder of the workspace), else absolute."""
    full, here = Path(path).resolve(), cwd.resolve()
    if full.is_relative_to(here):
        return full.relative_to(here).as_posix()
    relative = Path(os.path.relpath(full, here))
    if relative.parts.count("..") <= 2 and Path(os.path.commonpath([full, here])) != Path(full.anchor):
        return relative.as_posix()
    return str(full)


# --- choosing the baseline ------------------------------------------------------------------------------------


class BaselineReason(StrEnum):
    """Why a workbook was used, in the words the header prints after its name."""

    OPTION = "--baseline"
    SCENARIO = "baseline: in het scenario"
    WORKSPACE = "uit hengelo-scenario.toml"
    SHIPPED = "meegeleverd, illustratief"
    GIVEN = "opgegeven"  # named directly: `baseline show FILE`, `hs.load_baseline(path)`, a loaded Baseline


class BaselineChoice(Record, frozen=True):
    """The workbook a scenario runs on, and which rule of the precedence chose it."""

    path: Path
    reason: BaselineReason

    def label(self, cwd: Path | None = None) -> str:
        """'data/begroting.xlsx (uit hengelo-scenario.toml)': the header's Basis line."""
        from hengelo_scenario.resources import shipped_baseline_resolved

        shipped = self.reason is BaselineReason.SHIPPED and self.path.resolve() == shipped_baseline_resolved()
        name = self.path.name if shipped else _shown(self.path, cwd or Path.cwd())
        return f"{name} ({self.reason.value})"


def choose_baseline(
    option: Path | None, scenario_file: ScenarioFile | None, workspace: Workspace | None
) -> BaselineChoice:
    """--baseline, else the scenario's `baseline:`, else the workspace's, else the shipped workbook."""
    from hengelo_scenario.resources import shipped_baseline

    if option is not None:
        return BaselineChoice(Path(option), BaselineReason.OPTION)
    if scenario_file is not None and scenario_file.baseline is not None:
        return BaselineChoice(scenario_file.baseline, BaselineReason.SCENARIO)
    if workspace is not None and workspace.baseline is not None:
        return BaselineChoice(workspace.baseline, BaselineReason.WORKSPACE)
    return BaselineChoice(shipped_baseline(), BaselineReason.SHIPPED)


def load_baseline_file(choice: BaselineChoice | Path, cwd: Path | None = None, *, progress: Any = None) -> Baseline:
    """Load a workbook; its `source` is the header's Basis line (name and why), not where pip installed it."""
    from hengelo_scenario.baseline.cache import load_baseline_cached
    from hengelo_scenario.resources import shipped_baseline_resolved

    if not isinstance(choice, BaselineChoice):
        shipped = Path(choice).resolve() == shipped_baseline_resolved()
        choice = BaselineChoice(Path(choice), BaselineReason.SHIPPED if shipped else BaselineReason.GIVEN)
    baseline = load_baseline_cached(choice.path, progress=progress)  # warm: the validated baseline from the cache
    return replace(baseline, source=choice.label(cwd))


# --- the orchestration ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Evaluated:
    """One scenario, all the way through: the file, the baseline it ran on (and why), resolved, evaluated."""

    path: Path  # the scenario file as found (as the user would name it)
    file: ScenarioFile
    choice: BaselineChoice
    baseline: Baseline
    scenario: Scenario
    outcome: Outcome
    seconds: float = field(default=0.0, compare=False)  # resolving and evaluating, for check's report


def _problems(error: BudgetError, file: str) -> list[Problem]:
    if isinstance(error, InputError):
        return list(error.problems)
    if isinstance(error, UnreadableFileError):
        return [Problem(error.file, "(file)", "(file)", "a readable file", error.reason, error.hint, "file.unreadable")]
    return [Problem(file, "(file)", "(file)", "a scenario that runs", str(error), code="scenario.does-not-run")]


def evaluate(
    scenarios: Sequence[str | Path | ScenarioFile],
    *,
    baseline: Path | Baseline | None = None,
    workspace: Workspace | None = None,
    one_baseline: bool = False,
    progress: Any = None,
) -> list[Evaluated]:
    """Find, load, choose the baseline, resolve and evaluate every scenario; every problem raised at once.

    A `str` is a name or path as on the command line (looked up through the workspace); a `Path` is a file; a
    `ScenarioFile` is already loaded. `baseline` is --baseline: a workbook path, or an already loaded Baseline.
    Each workbook is loaded once. With `one_baseline` (compare) every scenario must run on the same workbook,
    else the error names the scenarios that chose another. `extends:` and `baseline:` may point into the working
    folder and the workspace's `allowed_roots`. `progress` is handed to the workbook loader (the CLI's bar).
    """
    from hengelo_scenario.baseline.model import Baseline as BaselineData
    from hengelo_scenario.engine import run as run_engine
    from hengelo_scenario.engine import run_many
    from hengelo_scenario.scenario.loader import ScenarioFile as LoadedFile
    from hengelo_scenario.scenario.loader import load_scenario_file
    from hengelo_scenario.scenario.resolve import resolve

    space = workspace if workspace is not None else find_workspace()
    problems: list[Problem] = []
    loaded: list[tuple[Path, ScenarioFile, BaselineChoice]] = []
    given = baseline if isinstance(baseline, BaselineData) else None
    option = None if given is not None or baseline is None else Path(baseline)  # type: ignore[arg-type]
    for item in scenarios:
        try:
            if isinstance(item, LoadedFile):
                path, scenario_file = Path(item.path), item
            else:
                path = space.find(item) if isinstance(item, str) else Path(item)
                scenario_file = load_scenario_file(path, allowed_roots=(space.cwd, *space.allowed_roots))
        except BudgetError as error:
            problems += _problems(error, str(item))
            continue
        if given is not None:
            choice = BaselineChoice(Path(given.source or "(baseline)"), BaselineReason.GIVEN)
        else:
            choice = choose_baseline(option, scenario_file, space)
        loaded.append((path, scenario_file, choice))
    if one_baseline and loaded and given is None:
        first = loaded[0][2]
        different = [(f, c) for _, f, c in loaded if c.path.resolve() != first.path.resolve()]
        problems += [
            Problem(
                f.path,
                "(baseline)",
                "baseline",
                f"the baseline workbook of the other scenarios ({first.path}): compare runs them all on one",
                str(c.path),
                "give --baseline FILE.xlsx to compare them on one workbook",
                "compare.different-baselines",
            )
            for f, c in different
        ]
        if different:
            raise InputError(problems)
    workbooks: dict[Path, Baseline | None] = {}  # None: could not be loaded (reported once, not per scenario)
    resolved_paths: dict[Path, Path] = {}  # a workbook as chosen -> with links followed, resolved once per name
    labels: dict[BaselineChoice, str] = {}  # the Basis line of each choice, worked out once

    def workbook_key(choice: BaselineChoice) -> Path:
        key = resolved_paths.get(choice.path)
        if key is None:
            key = resolved_paths[choice.path] = choice.path.resolve()
        return key

    def label(choice: BaselineChoice) -> str:
        text = labels.get(choice)
        if text is None:
            text = labels[choice] = choice.label(space.cwd)
        return text

    for _, _, choice in loaded:
        key = workbook_key(choice)
        if given is None and key not in workbooks:
            try:
                workbooks[key] = load_baseline_file(choice, space.cwd, progress=progress)
            except BudgetError as error:
                problems += _problems(error, str(choice.path))
                workbooks[key] = None
    # Resolve every scenario, then evaluate those on one workbook in one pass of the rules (engine.run_many);
    # only when that pass refuses one of them is each run alone, so every problem is still named.
    resolved: dict[tuple[Path, str], list[tuple[Path, ScenarioFile, BaselineChoice, Baseline, Scenario, float]]] = {}
    order: dict[int, int] = {}  # id of a resolved entry -> its place on the command line
    for place, (path, scenario_file, choice) in enumerate(loaded):
        baseline_data = given if given is not None else workbooks[workbook_key(choice)]
        if baseline_data is None:
            continue
        if given is None and baseline_data.source != label(choice):  # one workbook, chosen for two reasons
            baseline_data = replace(baseline_data, source=label(choice))
        start = time.perf_counter()
        try:
            scenario = resolve(scenario_file, baseline_data)
        except BudgetError as error:
            problems += _problems(error, str(path))
            continue
        group_key = (workbook_key(choice), baseline_data.source)
        entry = (path, scenario_file, choice, baseline_data, scenario, time.perf_counter() - start)
        order[id(entry)] = place
        resolved.setdefault(group_key, []).append(entry)
    placed: list[tuple[int, Evaluated]] = []
    for group in resolved.values():
        baseline_data = group[0][3]
        start = time.perf_counter()
        try:
            outcomes = list(run_many(baseline_data, [item[4] for item in group]))
        except BudgetError:
            outcomes = []
            for path, *_, scenario, _ in group:
                try:
                    outcomes.append(run_engine(baseline_data, scenario))
                except BudgetError as error:
                    problems += _problems(error, str(path))
            if len(outcomes) != len(group):
                continue
        share = (time.perf_counter() - start) / len(group)
        for entry, outcome in zip(group, outcomes, strict=True):
            path, scenario_file, choice, base, scenario, seconds = entry
            evaluated = Evaluated(path, scenario_file, choice, base, scenario, outcome, seconds + share)
            placed.append((order[id(entry)], evaluated))
    results = [evaluated for _, evaluated in sorted(placed, key=lambda item: item[0])]
    if problems:
        raise InputError(problems)
    return results
