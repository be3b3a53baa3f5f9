"""The `hengelo-scenario` command: parse arguments, call the core, format. Errors are caught once, here.

Heavy libraries (numpy, openpyxl, pydantic) are imported inside the commands, so `--help` starts fast.
"""

from __future__ import annotations

import sys
from typing import Annotated

import typer
from typer.core import TyperGroup

from hengelo_scenario import __version__
from hengelo_scenario.cli import (
    baseline_cmd,
    check_cmd,
    compare_cmd,
    risks_cmd,
    run_cmd,
    schema_cmd,
    simulate_cmd,
    solve_cmd,
    sweep_cmd,
    tornado_cmd,
)

EXIT_OK, EXIT_CHECK_FAILED, EXIT_BAD_INPUT = 0, 1, 2

_debug = False


class _CatchUserErrors(TyperGroup):
    """Catch a user error once, for every command: a short message on stderr and exit code 2, no traceback."""

    def invoke(self, ctx: typer.Context) -> object:  # type: ignore[override]
        from hengelo_scenario.errors import BudgetError

        try:
            return super().invoke(ctx)
        except BudgetError as error:
            if _debug:
                raise
            from hengelo_scenario.cli.output import print_error

            print_error(error)
            raise typer.Exit(EXIT_BAD_INPUT) from None


app = typer.Typer(
    name="hengelo-scenario",
    cls=_CatchUserErrors,
    help="Scenarios on the Hengelo multi-year budget (Beleidsbegroting 2025-2028): baseline, scenario, outcome.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="rich",
    pretty_exceptions_enable=False,
)
app.command("run")(run_cmd.run)
app.command("compare")(compare_cmd.compare)
app.command("list")(run_cmd.list_scenarios)
app.add_typer(baseline_cmd.app, name="baseline")
app.command("schema")(schema_cmd.schema)
app.command("check")(check_cmd.check)
app.command("sweep")(sweep_cmd.sweep)
app.command("tornado")(tornado_cmd.tornado)
app.command("solve")(solve_cmd.solve)
app.command("simulate")(simulate_cmd.simulate)
app.command("risks")(risks_cmd.risks)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"hengelo-scenario {__version__}")
        raise typer.Exit()


@app.callback()
def _options(
    debug: Annotated[bool, typer.Option("--debug", help="Show the Python traceback of an error.")] = False,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and stop.")
    ] = False,
) -> None:
    global _debug
    _debug = debug


def main() -> None:
    """Console entry point: exit 0 on success, 1 when a check failed, 2 for bad input or usage.

    Usage errors are printed plainly, one line, like the tool's own errors (not in a Rich panel).
    """
    try:
        code = app(standalone_mode=False)
    except typer.Abort:
        sys.exit(130)
    except Exception as error:
        # typer vendors its own click (typer._click); find its ClickException through typer's BadParameter.
        click_exception = next(c for c in typer.BadParameter.__mro__ if c.__name__ == "ClickException")
        if isinstance(error, click_exception):
            error.show()  # type: ignore[attr-defined]
            sys.exit(EXIT_BAD_INPUT)
        raise
    sys.exit(code if isinstance(code, int) else EXIT_OK)


def entry() -> None:
    """The `hengelo-scenario` console script: `main`, then exit without the interpreter's teardown.

    Everything the tool writes is complete when `main` returns (files are written atomically and closed), so the
    teardown (freeing every module and object) only costs time: about a sixth of a short `run`. `main` itself
    keeps the ordinary `sys.exit`, so it can be called in-process.
    """
    import os

    try:
        main()
        code = EXIT_OK
    except SystemExit as done:
        code = done.code if isinstance(done.code, int) else (EXIT_OK if done.code is None else EXIT_BAD_INPUT)
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):  # a closed pipe: nothing more to say
        code = code or EXIT_BAD_INPUT
    os._exit(code)
