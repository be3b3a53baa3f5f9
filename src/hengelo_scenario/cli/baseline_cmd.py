"""`hengelo-scenario baseline show|template`: what a workbook holds, and an empty one to fill in."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from hengelo_scenario.cli.common import UnitOption, parse_unit, workspace

app = typer.Typer(
    help="Inspect the baseline workbook, or write an empty one to fill in.",
    no_args_is_help=True,
    rich_markup_mode=None,  # plain help, as the tool's own (cli.app)
)


@app.command("show", short_help="Print what a baseline workbook holds, with totals per year.")
def show(
    workbook: Annotated[
        Path | None,
        typer.Argument(
            help="Workbook to load. Default: the workspace's (hengelo-scenario.toml), else the shipped Hengelo "
            "baseline.",
            dir_okay=False,
        ),
    ] = None,
    unit: UnitOption = None,
) -> None:
    """Print what a baseline workbook holds, with totals per year.

    Example: hengelo-scenario baseline show data/hengelo-begroting-2025-2028.xlsx
    """
    space = workspace()
    chosen_unit = parse_unit(unit, space)
    from hengelo_scenario.cli import rich_tables as rich_report
    from hengelo_scenario.cli.output import report_console
    from hengelo_scenario.report.baseline_tables import baseline_tables
    from hengelo_scenario.workspace import BaselineChoice, BaselineReason, choose_baseline, load_baseline_file

    given = BaselineChoice(workbook, BaselineReason.GIVEN) if workbook is not None else None
    choice = given or choose_baseline(None, None, space)
    from hengelo_scenario.cli.output import LoadProgress

    baseline = load_baseline_file(choice, space.cwd, progress=LoadProgress())
    console = report_console()
    rich_report.print_header(
        console,
        "hengelo-scenario baseline show",
        [
            ("Basis", baseline.source),
            ("Jaren", f"{baseline.years[0]}-{baseline.years[-1]}"),
            ("SHA-256", baseline.sha256),
        ],
    )
    rich_report.print_tables(console, baseline_tables(baseline), chosen_unit)


@app.command("template", short_help="Write an empty baseline workbook to fill in.")
def template(
    workbook: Annotated[Path, typer.Argument(help="Where to write the empty workbook (.xlsx).", dir_okay=False)],
    force: Annotated[bool, typer.Option("--force", help="Replace the file if it exists.")] = False,
) -> None:
    """Write an empty baseline workbook with the headers and an instruction sheet.

    Example: hengelo-scenario baseline template mijn-begroting.xlsx
    """
    from hengelo_scenario.baseline.template import write_template
    from hengelo_scenario.errors import UnreadableFileError

    if workbook.suffix.lower() != ".xlsx":
        raise UnreadableFileError(str(workbook), "expected a file name ending in .xlsx", "for example begroting.xlsx")
    if workbook.exists() and not force:
        raise UnreadableFileError(str(workbook), "the file exists already", "use --force to replace it")
    write_template(workbook)
    from hengelo_scenario.text import visible

    typer.echo(f"Geschreven: {visible(str(workbook))}")
