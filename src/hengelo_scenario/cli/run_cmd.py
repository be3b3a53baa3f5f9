"""`hengelo-scenario run`: one scenario against the baseline, as Rich tables or JSON."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from hengelo_scenario.cli.common import (
    BaselineOption,
    FormatOption,
    UnitOption,
    check_format,
    load_scenario,
    parse_unit,
)
from hengelo_scenario.cli.export_options import (
    ChartOption,
    ChartYearOption,
    CsvDialectOption,
    ExportOption,
    command_line,
    export_options,
    planned_exports,
    refuse_inputs,
)


def run(
    scenario: Annotated[
        str,
        typer.Argument(
            help="Scenario file, or a bare name looked up in ./scenarios/ and the shipped scenarios.",
            metavar="SCENARIO",
        ),
    ],
    baseline: BaselineOption = None,
    unit: UnitOption = "duizend",
    output_format: FormatOption = "table",
    export: ExportOption = None,
    csv_dialect: CsvDialectOption = "nl",
    chart: ChartOption = None,
    chart_year: ChartYearOption = None,
) -> None:
    """Run a scenario and print its 2025-2028 outcome against the baseline.

    Example: hengelo-scenario run jeugd_hoog.yaml --export memo.xlsx
    """
    chosen_unit = parse_unit(unit)
    check_format(output_format)
    options = export_options(chosen_unit, csv_dialect, chart_year)
    targets = planned_exports(export, chart)
    from hengelo_scenario.engine import run as run_engine

    baseline_data, scenario_data = load_scenario(scenario, baseline)
    refuse_inputs(targets, "run")
    outcome = run_engine(baseline_data, scenario_data)
    if targets:
        from hengelo_scenario.report.export import chart_year as check_chart_year
        from hengelo_scenario.report.export import run_document

        check_chart_year(outcome, chart_year)
        document = run_document(outcome, scenario_data, baseline_data, command=command_line())
    if output_format == "json":
        from hengelo_scenario.report.json_output import outcome_json

        sys.stdout.write(outcome_json(outcome))
    else:
        from hengelo_scenario.cli.render import print_run

        print_run(outcome, scenario_data, chosen_unit)
    if targets:
        from hengelo_scenario.cli.export_options import write_exports

        write_exports(targets, document, options)


def list_scenarios() -> None:
    """List the scenarios in ./scenarios/ and the shipped ones, with their names.

    Example: hengelo-scenario list
    """
    from pathlib import Path

    from rich.table import Table as RichTable
    from rich.text import Text

    from hengelo_scenario.cli.output import stdout
    from hengelo_scenario.errors import BudgetError
    from hengelo_scenario.resources import shipped_scenarios_dir
    from hengelo_scenario.scenario.loader import load_scenario_file
    from hengelo_scenario.text import visible

    console = stdout()
    for title, folder in (("./scenarios", Path.cwd() / "scenarios"), ("shipped", shipped_scenarios_dir())):
        files = sorted(folder.glob("*.yaml")) if folder.is_dir() else []
        table = RichTable(
            title=Text(visible(f"{title} ({folder})")), title_justify="left", show_header=bool(files), box=None
        )
        table.add_column("bestand")
        table.add_column("naam")
        for path in files:
            try:
                name = Text(visible(load_scenario_file(path).model.name))
            except BudgetError as error:  # listed all the same, with why it will not run
                name = Text(f"kan niet laden: {visible(str(error).splitlines()[0])[:300]}", style="red")
            table.add_row(Text(visible(path.stem)), name)
        if not files:
            table.add_row("(geen)", "")
        console.print(table)
        console.print()
