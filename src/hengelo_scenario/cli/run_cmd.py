"""`hengelo-scenario run`: one scenario against the baseline, as Rich tables or JSON."""

from __future__ import annotations

import sys
from pathlib import Path
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
    refuse_inputs,
)

SECTION_NAMES = (
    "headline",
    "overzicht",
    "maatregelen",
    "programmas",
    "jeugdhulp",
    "jeugdhulp_verschil",
    "reserves",
    "weerstandsvermogen",
    "transformatieplan",
    "indexatie",
    "kapitaallasten",
    "bbv_incidenteel",
    "bbv_structurele_reserves",
    "bbv_brug",
    "evenwicht",
)  # the same as cli.render.SECTIONS (a test checks), spelled out here so --help needs no import
SectionsOption = Annotated[
    list[str] | None,
    typer.Option(
        "--sections",
        "-s",
        help="Print only these parts, comma-separated or repeated, in the usual order. Choices: "
        + ", ".join(SECTION_NAMES)
        + ". Default: all.",
        metavar="NAME[,NAME...]",
        show_default=False,
    ),
]
SummaryOption = Annotated[
    bool,
    typer.Option("--summary", help="Print only the headline (the same as --sections headline).", show_default=False),
]


def parse_sections(values: list[str] | None, summary: bool, output_format: str) -> tuple[str, ...]:
    """The parts of the output to print; an unknown name, or a choice with --format json, is a usage error."""
    if output_format == "json" and (values or summary):
        option = "--summary" if summary else "--sections"
        raise typer.BadParameter("applies to the table output, not to --format json", param_hint=option)
    if summary:
        if values:
            raise typer.BadParameter("give --summary or --sections, not both", param_hint="--summary")
        return ("headline",)
    if not values:
        return SECTION_NAMES
    import difflib

    chosen = []
    for value in values:
        for name in (part.strip().lower() for part in value.split(",")):
            if name not in SECTION_NAMES:
                close = difflib.get_close_matches(name, SECTION_NAMES, n=1)
                hint = f"did you mean '{close[0]}'? " if close else ""
                raise typer.BadParameter(
                    f"unknown section '{name}'; {hint}choose from {', '.join(SECTION_NAMES)}", param_hint="--sections"
                )
            chosen.append(name)
    return tuple(name for name in SECTION_NAMES if name in chosen)


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
    sections: SectionsOption = None,
    summary: SummaryOption = False,
) -> None:
    """Run a scenario and print its 2025-2028 outcome against the baseline.

    Opens with a headline: per year the structureel saldo and geraamd resultaat, basis -> scenario, the verdict.

    Then the tables. --summary prints only the headline; --sections chooses the parts.

    Example: hengelo-scenario run jeugd_hoog.yaml --export memo.xlsx
    """
    space = workspace()
    chosen_unit = parse_unit(unit, space)
    check_format(output_format)
    chosen_sections = parse_sections(sections, summary, output_format)
    targets = planned_exports(export, chart)
    options = export_options(chosen_unit, csv_dialect, chart_year, space) if targets else None
    evaluated = evaluate_one(scenario, baseline, space)
    baseline_data, scenario_data, outcome = evaluated.baseline, evaluated.scenario, evaluated.outcome
    refuse_inputs(targets, "run")
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

        print_run(outcome, scenario_data, chosen_unit, chosen_sections)
    if targets:
        from hengelo_scenario.cli.export_options import write_exports

        assert options is not None  # built with the targets
        write_exports(targets, document, options)


def list_scenarios() -> None:
    """List the scenarios (*.yaml and *.yml) here, in the scenario folder and the shipped ones, with their names.

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

    def scenario_files(folder: Path) -> list[Path]:
        if not folder.is_dir():
            return []
        return sorted(
            p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in SCENARIO_SUFFIXES and p.name[0] != "."
        )

    local = "./scenarios" if space.scenarios is None else "werkmap"
    folders = [(local, space.scenario_folder), ("meegeleverd", shipped_scenarios_dir())]
    if scenario_files(space.cwd) and space.cwd.resolve() != space.scenario_folder.resolve():
        folders.insert(0, ("hier", space.cwd))  # a bare name is found here first, so say what is here
    for title, folder in folders:
        files = scenario_files(folder)
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
