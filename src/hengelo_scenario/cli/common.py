"""Options shared by the commands, defined once, and the workspace every command starts from.

The choices of --unit, --format and --csv-dialect are Enums, so `--help` lists them (`[duizend|euro]`) and a
typo is refused by the parser with the choices. --unit and --csv-dialect default to the workspace's
`hengelo-scenario.toml`, else `duizend` and `nl`.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from hengelo_scenario.baseline.model import Baseline
    from hengelo_scenario.report.numbers import Unit
    from hengelo_scenario.scenario.loader import ScenarioFile
    from hengelo_scenario.scenario.model import Scenario
    from hengelo_scenario.workspace import Evaluated, Workspace


class UnitChoice(StrEnum):
    """--unit: thousands of euros, as a budget prints them, or whole euros."""

    duizend = "duizend"
    euro = "euro"


class FormatChoice(StrEnum):
    """--format: Rich tables for the terminal, or JSON with every figure unrounded."""

    table = "table"
    json = "json"


class DialectChoice(StrEnum):
    """--csv-dialect: Dutch (semicolons, decimal comma, BOM) or international (commas, decimal point)."""

    nl = "nl"
    int = "int"


BaselineOption = Annotated[
    Path | None,
    typer.Option(
        "--baseline",
        "-b",
        help="Baseline workbook (.xlsx). Default: the scenario's `baseline:` field, else the workspace's "
        "hengelo-scenario.toml, else the shipped Hengelo workbook.",
        dir_okay=False,
    ),
]
UnitOption = Annotated[
    UnitChoice | None,
    typer.Option(
        "--unit",
        "-u",
        help="Amounts in thousands of euros ('duizend', as a budget prints them) or whole euros ('euro'). "
        "Default: the workspace's `unit`, else duizend.",
        case_sensitive=False,
        show_default=False,
    ),
]
FormatOption = Annotated[
    FormatChoice,
    typer.Option("--format", "-f", help="'table' (Rich tables) or 'json' (the full, unrounded outcome)."),
]


def workspace() -> Workspace:
    """The workspace of the nearest hengelo-scenario.toml upward from the working folder (or none)."""
    from hengelo_scenario.workspace import find_workspace

    return find_workspace(Path.cwd())


def parse_unit(choice: UnitChoice | str | None, space: Workspace | None = None) -> Unit:
    """The report's Unit for --unit, or for the workspace's default when --unit is not given."""
    from hengelo_scenario.report.numbers import Unit

    if choice is None:
        choice = space.unit if space is not None else UnitChoice.duizend
    for unit in Unit:
        if str(choice).lower() in (unit.value, unit.name.lower()):
            return unit
    raise typer.BadParameter(f"expected 'duizend' or 'euro', found '{choice}'", param_hint="--unit")


def check_format(choice: FormatChoice | str, allowed: tuple[str, ...] = ("table", "json")) -> str:
    """The format as text; the parser already refused anything but the choices."""
    if str(choice) not in allowed:
        raise typer.BadParameter(f"expected one of {', '.join(allowed)}, found '{choice}'", param_hint="--format")
    return str(choice)


_inputs: list[Path] = []  # the files this command has read, so no export can replace one of them


def reset_inputs() -> None:
    """Forget the inputs of an earlier command (the CLI calls this before every command)."""
    _inputs.clear()


def record_input(path: Path) -> None:
    _inputs.append(Path(path))


def record_inputs(scenario_file: ScenarioFile) -> None:
    """A scenario file and every file of its `extends` chain are inputs of this run."""
    for name in scenario_file.chain or (scenario_file.path,):
        record_input(Path(name))


def run_inputs() -> tuple[Path, ...]:
    """The files read by this command so far: the scenario chain(s) and the baseline workbook."""
    return tuple(_inputs)


def load_baseline_file(path: Path) -> Baseline:
    """Load a workbook; the shipped one is named as such, not by where pip happened to install it."""
    from hengelo_scenario.cli.output import LoadProgress
    from hengelo_scenario.workspace import load_baseline_file as load

    record_input(Path(path))
    return load(path, progress=LoadProgress())


def evaluate_one(name: str, baseline_option: Path | None, space: Workspace) -> Evaluated:
    """One scenario through the orchestration: found, loaded, its baseline chosen, resolved, evaluated."""
    from hengelo_scenario.cli.output import LoadProgress
    from hengelo_scenario.workspace import evaluate

    [evaluated] = evaluate([name], baseline=baseline_option, workspace=space, progress=LoadProgress())
    record_inputs(evaluated.file)
    record_input(evaluated.choice.path)
    return evaluated


def load_scenario(name: str, baseline_option: Path | None) -> tuple[Baseline, Scenario]:
    """The scenario, resolved against its baseline (for the commands that run one scenario their own way)."""
    evaluated = evaluate_one(name, baseline_option, workspace())
    return evaluated.baseline, evaluated.scenario
