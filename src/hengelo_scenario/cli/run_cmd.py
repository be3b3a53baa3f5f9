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
    evaluate_one,
    parse_unit,
    workspace,
)
from hengelo_scenario.cli.export_options import (
    ChartOption,
    ChartYearOption,
    CsvDialectOption,
    ExportOption,
    command_line,
    export_options,
    planned_exports,
)


def run(
    scenario: Annotated[
        str,
        typer.Argument(
            help="Scenario file, or a bare name looked up in the working folder, ./scenarios/ (or the workspace's "
            "scenario folder) and the shipped scenarios.",
            metavar="SCENARIO",
        ),
    ],
    baseline: BaselineOption = None,
    unit: UnitOption = None,
    output_format: FormatOption = "table",  # type: ignore[assignment]
    export: ExportOption = None,
    csv_dialect: CsvDialectOption = None,
    chart: ChartOption = None,
    chart_year: ChartYearOption = None,
) -> None:
    """Run a scenario and print its 2025-2028 outcome against the baseline.

    Example: hengelo-scenario run jeugd_hoog.yaml --export memo.xlsx
    """
    space = workspace()
    chosen_unit = parse_unit(unit, space)
    check_format(output_format)
    targets = planned_exports(export, chart)
    options = export_options(chosen_unit, csv_dialect, chart_year, space) if targets else None
    evaluated = evaluate_one(scenario, baseline, space)
    baseline_data, scenario_data, outcome = evaluated.baseline, evaluated.scenario, evaluated.outcome
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
    """List the scenarios (*.yaml and *.yml) in the scenario folder and the shipped ones, with their names.

    Example: hengelo-scenario list
    """
    from rich.table import Table as RichTable

    from hengelo_scenario.cli.output import stdout
    from hengelo_scenario.errors import BudgetError
    from hengelo_scenario.resources import shipped_scenarios_dir
    from hengelo_scenario.scenario.loader import SCENARIO_SUFFIXES, load_scenario_file
    from hengelo_scenario.text import terminal

    space = workspace()
    console = stdout()
    here = space.scenario_folder
    local = "./scenarios" if space.scenarios is None else "werkmap"
    for title, folder in ((local, here), ("meegeleverd", shipped_scenarios_dir())):
        files = (
            sorted(p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in SCENARIO_SUFFIXES)
            if folder.is_dir()
            else []
        )
        console.print(f"[bold]{title}[/bold] ({terminal(str(folder))})", soft_wrap=True)
        table = RichTable(show_header=bool(files), box=None)
        table.add_column("bestand")
        table.add_column("naam")
        for path in files:
            try:
                name = terminal(load_scenario_file(path).model.name)
            except BudgetError as error:  # listed all the same, with why it will not run
                name = f"[red]kan niet laden: {terminal(str(error).splitlines()[0])}[/red]"
            table.add_row(terminal(path.name), name)
        if not files:
            table.add_row("(geen)", "")
        console.print(table)
        console.print()
