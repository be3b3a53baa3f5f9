"""`hengelo-scenario check`: every scenario against its `expect:` figures and its snapshot; exit 1 on a difference."""

from __future__ import annotations

import sys
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from hengelo_scenario.cli.common import BaselineOption, FormatChoice, check_format, workspace

if TYPE_CHECKING:
    from hengelo_scenario.check.runner import CheckReport

EXIT_CHECK_FAILED = 1
FIGURE_ROOM = 24  # characters the Figure column needs in the grid of differences; narrower: a line each
MAX_DEFAULT_JOBS = 4  # more processes than this gain little on a hundred scenarios and cost memory


def _tolerance(text: str) -> Decimal:
    try:
        value = Decimal(text.strip().replace(",", "."))
    except InvalidOperation:
        value = Decimal("NaN")
    if not value.is_finite() or value < 0:
        raise typer.BadParameter(
            f"expected an amount of 0 or more euros, such as 0.50 or 1000, found '{text}'", param_hint="--tolerance"
        )
    return value


def check(
    paths: Annotated[
        list[str] | None,
        typer.Argument(
            help="Scenario files, bare names or folders (their *.yaml and *.yml). Default: every scenario in "
            "the workspace's scenario folder, else ./scenarios/.",
            show_default=False,
        ),
    ] = None,
    update: Annotated[
        bool,
        typer.Option(
            "--update",
            help="Write the snapshot of each scenario named (or all) and print what it changed; `expect:` figures "
            "are still checked.",
        ),
    ] = False,
    tolerance: Annotated[
        str,
        typer.Option(
            "--tolerance",
            metavar="EUROS",
            help="Allowed difference in euros, after rounding both sides to the cent. Default 0: exact to the cent.",
        ),
    ] = "0",
    baseline: BaselineOption = None,
    output_format: Annotated[
        FormatChoice,
        typer.Option("--format", "-f", help="'table' (Rich tables) or 'json' (every scenario and mismatch)."),
    ] = FormatChoice.table,
    junit_xml: Annotated[
        Path | None,
        typer.Option(
            "--junit-xml",
            metavar="FILE",
            help="Also write a JUnit XML report (one testcase per scenario), for GitLab, Azure DevOps, Jenkins.",
            dir_okay=False,
        ),
    ] = None,
    jobs: Annotated[
        int | None,
        typer.Option(
            "--jobs",
            "-j",
            help="Processes that run the scenarios at the same time, at least 10 scenarios each; the same report "
            "for any. Default: the cores this process may use, at most 4.",
            min=1,
        ),
    ] = None,
) -> None:
    """Check scenarios against their pinned figures (`expect:` and snapshots); exit 1 when any differs.

    Example: hengelo-scenario check --junit-xml report.xml
    """
    check_format(output_format)
    allowed = _tolerance(tolerance)
    from hengelo_scenario.check.runner import run_check
    from hengelo_scenario.forked import usable_cores

    space = workspace()
    jobs = jobs if jobs is not None else min(MAX_DEFAULT_JOBS, usable_cores())
    report = run_check(
        paths or [], Path.cwd(), baseline=baseline, tolerance=allowed, update=update, workspace=space, jobs=jobs
    )
    if junit_xml is not None:
        from hengelo_scenario.atomic import write_bytes_atomic
        from hengelo_scenario.check.report import junit_xml as junit
        from hengelo_scenario.cli.export_options import refuse_inputs

        inputs = [Path(r.file) for r in report.results] + [Path(r.snapshot_file) for r in report.results]
        refuse_inputs([junit_xml], "run", (*inputs, *([baseline] if baseline else [])))
        write_bytes_atomic(junit_xml, junit(report))
    if output_format == "json":
        from hengelo_scenario.check.report import report_json

        sys.stdout.write(report_json(report))
    else:
        _print(report)
    if not report.passed:
        raise typer.Exit(EXIT_CHECK_FAILED)


def _print(report: CheckReport) -> None:
    from hengelo_scenario.check.report import difference_shown, shown, status_text
    from hengelo_scenario.cli import rich_tables
    from hengelo_scenario.cli.output import report_console
    from hengelo_scenario.text import visible

    console = report_console()
    as_text = rich_tables.plain(console)

    def line(*pieces: tuple[str, str]) -> None:
        """One line a scenario, of (text, style) pieces; without colour written as text (no Rich object)."""
        if as_text:
            rich_tables.say(console, "".join(text for text, _ in pieces))
        else:
            from rich.text import Text

            console.print(Text.assemble(*pieces))

    for source in report.sources:
        line((f"Basis: {visible(source)}", ""))
    for result in report.results:
        mark = ("✓ ", "green") if result.passed else ("✗ ", "bold red")
        line(mark, (visible(result.file), "bold"), (visible(f"  {result.name}: {status_text(result)}"), ""))
        for note in result.notes:
            line(("    ! ", "yellow"), (visible(note.text), ""))

    def table(title: str, rows, old_new: bool) -> None:

        cells: list[tuple[str, ...]] = []
        previous = None
        for result, m in rows:
            pin = f"expect {m.line}" if m.pin == "expect" and m.line else str(m.pin)
            cells.append(
                (
                    visible(Path(result.file).stem) if result.file != previous else "",
                    visible(pin),
                    visible(m.figure.removeprefix("overzicht › ")),
                    str(m.year) if m.year is not None else "",
                    shown(m.expected, m.kind, m.places),
                    shown(m.found, m.kind, m.places),
                    difference_shown(m),
                )
            )
            previous = result.file
        headers: tuple[str, ...] = (
            "Scenario",
            "Pin",
            "Figure",
            "Year",
            *(("Was", "Now") if old_new else ("Expected", "Found")),
            "Difference",
        )
        others = sum(max(len(headers[i]), *(len(row[i]) for row in cells)) for i in range(7) if i != 2)
        room = console.width - others - 6 * 3 - 2  # between columns two spaces and the box's blank; the edges
        if room < FIGURE_ROOM:  # too narrow for a grid with readable figure names: one line a difference
            console.print()
            rich_tables.print_line(console, title, "bold")
            words = ("was", "now") if old_new else ("expected", "found")
            for (result, _), row in zip(rows, cells, strict=True):
                year = f" {row[3]}" if row[3] else ""
                difference = f", difference {row[6]}" if row[6] else ""
                rich_tables.say(
                    console,
                    f"  {visible(Path(result.file).stem)}, {row[1]}: {row[2]}{year}: {words[0]} {row[4]}, "
                    f"{words[1]} {row[5]}{difference}",
                )
        else:
            _grid(title, headers, cells)
        console.print(
            "Pin: where the figure was pinned, `expect LINE` in the scenario file or its snapshot (snapshots/"
            "<name>.txt beside it); figures without a section are the overzicht. Difference = "
            + ("now - was." if old_new else "found - expected.")
        )

    def _grid(title: str, headers: tuple[str, ...], cells: list[tuple[str, ...]]) -> None:
        from rich import box
        from rich.table import Table
        from rich.text import Text

        grid = Table(title=title, box=box.SIMPLE_HEAD, title_justify="left", title_style="bold", pad_edge=False)
        grid.add_column(headers[0], no_wrap=True)
        grid.add_column(headers[1], no_wrap=True)
        grid.add_column(headers[2], ratio=1, overflow="fold")
        for name in headers[3:]:
            grid.add_column(name, justify="right", no_wrap=True)
        for row in cells:
            difference = row[6]
            grid.add_row(
                *(Text(cell) for cell in row[:6]),  # names from files are data, not markup
                Text(difference, style="red" if difference.startswith("-") else ""),
            )
        console.print()
        console.print(grid)

    changes = [(r, m) for r in report.results for m in r.changes]
    if changes:
        table("Snapshot changes (written)", changes, old_new=True)
    mismatches = [(r, m) for r in report.results for m in r.mismatches]
    if mismatches:
        table("Differences from the pinned figures", mismatches, old_new=False)

    total = len(report.results)
    failed = len(report.failed)
    seconds = f"{report.seconds:.1f}".replace(".", ",")
    summary = f"{total} scenario{'s' if total != 1 else ''} checked in {seconds} s"
    if report.tolerance:
        summary += f" (tolerance € {shown(report.tolerance, _money())})"
    console.print()
    if failed:
        rich_tables.print_line(console, f"{summary}: {total - failed} passed, {failed} failed.", "bold red")
        if any(m.pin == "snapshot" for r in report.failed for m in r.mismatches):
            console.print(
                "If the new figures are right, accept them with `hengelo-scenario check --update` (for the "
                "scenarios named, or all) and commit the snapshots."
            )
    else:
        rich_tables.print_line(console, f"{summary}: all passed.", "bold green")
    if report.update:
        from hengelo_scenario.check.runner import SnapshotState

        states = [r.snapshot for r in report.results]
        written = sum(1 for s in states if s in (SnapshotState.WRITTEN, SnapshotState.UPDATED))
        rich_tables.print_line(
            console,
            f"Snapshots: {written} geschreven ({states.count(SnapshotState.WRITTEN)} nieuw), "
            f"{states.count(SnapshotState.UNCHANGED)} ongewijzigd. Commit ze met de scenario's.",
        )


def _money():
    from hengelo_scenario.check.snapshot import RowKind

    return RowKind.MONEY
