"""`hengelo-scenario simulate`: the Monte Carlo of a scenario's uncertain inputs, percentiles and probabilities.

Also the loading and option helpers that `sweep`, `tornado`, `solve` and `risks` share.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from hengelo_scenario.cli.common import BaselineOption, FormatOption, check_format
from hengelo_scenario.cli.export_options import CsvDialectOption, command_line, parse_dialect

if TYPE_CHECKING:
    from hengelo_scenario.baseline.model import Baseline
    from hengelo_scenario.scenario.model import Scenario

ScenarioArgument = Annotated[
    str,
    typer.Argument(
        help="Scenario file, or a bare name looked up in ./scenarios/ and the shipped scenarios.", metavar="SCENARIO"
    ),
]
ExportsOption = Annotated[
    list[Path] | None,
    typer.Option(
        "--export",
        "-e",
        help="Also write the result to FILE: .csv (tidy table), .xlsx (one sheet per table and a sheet Bron) or "
        ".png (the chart). Repeatable.",
        dir_okay=False,
        show_default=False,
    ),
]
YearOption = Annotated[int | None, typer.Option("--year", help="Year of the figure. Default: the last year.")]
FigureKeyOption = Annotated[
    str,
    typer.Option(
        "--figure",
        help="The figure: structureel_saldo, geraamd_resultaat, algemene_reserve, jeugdhulp, saldo_baten_lasten, "
        "lasten, baten, toevoegingen, onttrekkingen, weerstand_beschikbaar, weerstandsratio.",
    ),
]


def load(name: str, baseline_option: Path | None) -> tuple[Any, Baseline, Scenario]:
    """(scenario file, baseline, resolved scenario): --baseline, else the file's `baseline:`, else the shipped one."""
    from hengelo_scenario.cli.common import load_baseline_file
    from hengelo_scenario.resources import shipped_baseline
    from hengelo_scenario.scenario.loader import find_scenario, load_scenario_file
    from hengelo_scenario.scenario.resolve import resolve

    scenario_file = load_scenario_file(find_scenario(name, Path.cwd()))
    baseline = load_baseline_file(baseline_option or scenario_file.baseline or shipped_baseline())
    return scenario_file, baseline, resolve(scenario_file, baseline)


def figure_key(text: str) -> str:
    from hengelo_scenario.outcome.figures import figure_spec

    try:
        return figure_spec(text).key
    except KeyError as error:
        raise typer.BadParameter(error.args[0], param_hint="--figure") from None


def year_of(baseline: Baseline, year: int | None, option: str = "--year") -> int:
    if year is None:
        return baseline.years[-1]
    if year not in baseline.years:
        raise typer.BadParameter(
            f"expected one of {', '.join(str(y) for y in baseline.years)} (the baseline years), found {year}",
            param_hint=option,
        )
    return year


def check_exports(paths: list[Path] | None, allowed: tuple[str, ...] = (".csv", ".xlsx", ".png")) -> list[Path]:
    from hengelo_scenario.report.uncertainty import check_export

    for path in paths or []:
        check_export(path, allowed)
    return list(paths or [])


def meta(scenario: Scenario, baseline: Baseline, *lines: tuple[str, str]):
    from hengelo_scenario.report.uncertainty import Meta

    return Meta(command_line(), scenario.name, scenario.source, baseline.source, tuple(lines))


def write(paths: list[Path], tables, info, csv_dialect: str, chart) -> None:
    from hengelo_scenario.cli.export_options import refuse_inputs
    from hengelo_scenario.cli.output import stderr
    from hengelo_scenario.report.uncertainty import write_exports

    refuse_inputs(paths, "uncertainty")  # an export never replaces the scenario or the workbook it read
    console = stderr()
    for path in write_exports(paths, tables, info, parse_dialect(csv_dialect), chart):
        console.print(f"Geschreven: {path}", markup=False, highlight=False, soft_wrap=True)


def print_header(title: str, scenario: Scenario, baseline: Baseline, *lines: tuple[str, str]) -> None:
    from hengelo_scenario.cli import rich_tables
    from hengelo_scenario.cli.output import stdout
    from hengelo_scenario.text import terminal

    rows = [
        ("Scenario", terminal(scenario.name)),
        ("Bestand", terminal(scenario.source)),
        ("Basis", terminal(baseline.source)),
    ]
    stdout().print(rich_tables.header(title, [*rows, *((k, terminal(v)) for k, v in lines)]))


def print_tables(tables, unit_name: str = "euro") -> None:
    from hengelo_scenario.cli import rich_tables
    from hengelo_scenario.cli.output import stdout
    from hengelo_scenario.report.numbers import Unit

    console = stdout()
    console.print()
    rich_tables.print_tables(console, tuple(tables), Unit(unit_name))


def simulate(
    scenario: ScenarioArgument,
    draws: Annotated[
        int | None,
        typer.Option(
            "--draws",
            "-n",
            help="Number of draws, at most 100000000. Default: the scenario's `draws`, else 100000.",
            min=1,
            max=100_000_000,
        ),
    ] = None,
    seed: Annotated[
        int | None, typer.Option("--seed", help="Seed. Default: the scenario's `seed`, else 42.", min=0)
    ] = None,
    floor: Annotated[
        float | None,
        typer.Option(
            "--floor",
            help="Floor for the algemene reserve in euros. Default: the scenario's `reserve_floor`, else 50% of "
            "the benodigde weerstandscapaciteit.",
            min=0,
        ),
    ] = None,
    chunk: Annotated[
        int,
        typer.Option(
            "--chunk",
            help="Draws evaluated at once (rounded to blocks of 8192); any value gives the same numbers.",
            min=1,
        ),
    ] = 16384,
    jobs: Annotated[
        int | None,
        typer.Option(
            "--jobs",
            "-j",
            help="Chunks evaluated at the same time (threads); the same numbers for any. Default: 2 on a machine "
            "with 2 or more cores, else 1.",
            min=1,
        ),
    ] = None,
    baseline: BaselineOption = None,
    output_format: FormatOption = "table",  # type: ignore[assignment]  # a FormatChoice member; typer converts
    export: ExportsOption = None,
    draws_out: Annotated[
        Path | None,
        typer.Option(
            "--draws-out", help="Write every draw (inputs and figures) to FILE.csv or FILE.parquet.", dir_okay=False
        ),
    ] = None,
    csv_dialect: CsvDialectOption = "nl",  # type: ignore[assignment]
    progress: Annotated[
        bool | None, typer.Option("--progress/--no-progress", help="Progress bar (default: on a terminal).")
    ] = None,
) -> None:
    """Simulate the scenario's uncertain inputs: percentiles and probabilities per year.

    Without an `uncertainty:` block the youth-care price and volume get an uncertain extra annual growth (see the
    README). Example: hengelo-scenario simulate jeugd_hoog.yaml --draws 100000 --seed 42 --export fan.png
    """
    check_format(output_format)
    targets = check_exports(export)
    if draws_out is not None:
        check_exports([draws_out], (".csv", ".parquet"))
    from decimal import Decimal

    import numpy as np

    from hengelo_scenario.report import uncertainty as report
    from hengelo_scenario.uncertainty.resolve import resolve_uncertainty
    from hengelo_scenario.uncertainty.simulate import keep_freed_memory
    from hengelo_scenario.uncertainty.simulate import simulate as run_simulation

    keep_freed_memory()  # this process is ours: reuse freed temporaries instead of page-faulting them in
    started = time.perf_counter()
    scenario_file, baseline_data, scenario_data = load(scenario, baseline)
    spec = resolve_uncertainty(scenario_file, baseline_data, scenario_data)
    n = draws or spec.draws or 100_000
    chosen_seed = seed if seed is not None else spec.seed if spec.seed is not None else 42
    benodigd = None
    lines: list[tuple[str, str]] = [("Trekkingen", f"{n:,}".replace(",", ".")), ("Zaad", str(chosen_seed))]
    if spec.risk_register:
        from hengelo_scenario.uncertainty.risks import simulate_register

        risk = simulate_register(baseline_data.risicos, spec.zekerheid)
        benodigd = np.full(len(baseline_data.years), risk.benodigd)
        lines.append(
            ("Benodigd", f"risicoregister bij {report.lever_value_text(spec.zekerheid, True).lstrip('+')} zekerheid")
        )
    show_progress = progress if progress is not None else sys.stdout.isatty() and n >= 200_000
    callback = None
    bar = None
    if show_progress and output_format == "table":
        from rich.progress import Progress

        bar = Progress(transient=True)
        task = bar.add_task("Trekkingen", total=n)
        bar.start()

        def callback(done: int, total: int) -> None:
            bar.update(task, completed=done)

    try:
        result = run_simulation(
            baseline_data,
            scenario_data,
            spec,
            n,
            chosen_seed,
            chunk=chunk,
            floor=Decimal(repr(floor)) if floor is not None else None,
            benodigd=benodigd,
            keep=draws_out is not None,
            progress=callback,
            jobs=jobs if jobs is not None else min(2, os.cpu_count() or 1),
        )
    finally:
        if bar is not None:
            bar.stop()
    info = meta(scenario_data, baseline_data, *lines)
    tables = report.simulation_tables(result)
    if output_format == "json":
        sys.stdout.write(report.simulation_json(result, info))
    else:
        print_header("hengelo-scenario simulate", scenario_data, baseline_data, *lines)
        print_tables(tables, "duizend")
        from hengelo_scenario.cli.output import stderr

        seconds = f"{time.perf_counter() - started:.2f}".replace(".", ",")
        stderr().print(f"Rekentijd: {seconds} s", markup=False, highlight=False)
    if targets:
        write(targets, tables, info, str(csv_dialect or "nl"), lambda path: report.fan_chart(path, result, info))
    if draws_out is not None:
        report.write_draws(draws_out, result, list(result.values))
        from hengelo_scenario.cli.output import stderr

        stderr().print(f"Geschreven: {draws_out}", markup=False, highlight=False, soft_wrap=True)
