"""Options shared by the commands, defined once, and the loading every command starts with."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from hengelo_scenario.baseline.model import Baseline
    from hengelo_scenario.scenario.model import Scenario

BaselineOption = Annotated[
    Path | None,
    typer.Option(
        "--baseline",
        "-b",
        help="Baseline workbook (.xlsx). Default: the scenario's `baseline:` field, else the shipped Hengelo workbook.",
        dir_okay=False,
    ),
]
UnitOption = Annotated[
    str,
    typer.Option(
        "--unit",
        "-u",
        help="Amounts in thousands of euros ('duizend', as a budget prints them) or whole euros ('euro').",
        case_sensitive=False,
    ),
]
FormatOption = Annotated[
    str,
    typer.Option("--format", "-f", help="'table' (Rich tables) or 'json' (the full, unrounded outcome)."),
]


def parse_unit(text: str):
    from hengelo_scenario.report.numbers import Unit

    for unit in Unit:
        if text.lower() in (unit.value, unit.name.lower()):
            return unit
    raise typer.BadParameter(f"expected 'duizend' or 'euro', found '{text}'", param_hint="--unit")


def check_format(text: str, allowed: tuple[str, ...] = ("table", "json")) -> str:
    if text not in allowed:
        raise typer.BadParameter(f"expected one of {', '.join(allowed)}, found '{text}'", param_hint="--format")
    return text


def load_baseline_file(path: Path) -> Baseline:
    """Load a workbook; the shipped one is named as such, not by where pip happened to install it."""
    from dataclasses import replace

    from hengelo_scenario.baseline.cache import load_baseline_cached
    from hengelo_scenario.resources import shipped_baseline

    baseline = load_baseline_cached(path)
    if Path(path).resolve() == shipped_baseline().resolve():
        baseline = replace(baseline, source=f"{shipped_baseline().name} (meegeleverd, illustratief)")
    return baseline


def load_scenario(name: str, baseline_option: Path | None) -> tuple[Baseline, Scenario]:
    """The scenario, resolved against its baseline: --baseline, else the file's `baseline:`, else shipped."""
    from hengelo_scenario.resources import shipped_baseline
    from hengelo_scenario.scenario.loader import find_scenario, load_scenario_file
    from hengelo_scenario.scenario.resolve import resolve

    scenario_file = load_scenario_file(find_scenario(name, Path.cwd()))
    baseline_path = baseline_option or scenario_file.baseline or shipped_baseline()
    baseline = load_baseline_file(baseline_path)
    return baseline, resolve(scenario_file, baseline)
