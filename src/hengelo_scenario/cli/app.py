"""The `hengelo-scenario` command: parse arguments, call the core, format. Errors are caught once, here.

Heavy libraries (numpy, openpyxl, pydantic) are imported inside the commands, so `--help` starts fast.
"""

from __future__ import annotations

import contextlib
import signal
import sys
from collections.abc import Callable
from typing import Annotated

import typer
from typer.core import TyperGroup

from hengelo_scenario import __version__
from hengelo_scenario.cli import (
    baseline_cmd,
    check_cmd,
    compare_cmd,
    init_cmd,
    new_cmd,
    risks_cmd,
    run_cmd,
    schema_cmd,
    simulate_cmd,
    solve_cmd,
    sweep_cmd,
    tornado_cmd,
)

EXIT_OK, EXIT_CHECK_FAILED, EXIT_BAD_INPUT = 0, 1, 2
EXIT_INTERRUPTED, EXIT_TERMINATED = 130, 143  # 128 + SIGINT, 128 + SIGTERM, as a shell reports them

_debug = False


class Terminated(SystemExit):
    """Raised in the main thread by SIGTERM, so every `finally` and cleanup runs (temporary files are removed)."""

    def __init__(self) -> None:
        super().__init__(EXIT_TERMINATED)


def _terminate(signum: int, frame: object) -> None:
    raise Terminated()


class _CatchUserErrors(TyperGroup):
    """Catch a user error once, for every command: a short message on stderr and exit code 2, no traceback.

    Besides the tool's own errors (BudgetError): a file system that refuses (OSError, named by its file), a
    number too large or too precise for exact arithmetic, and input too large for memory or too deeply nested.
    """

    def invoke(self, ctx: typer.Context) -> object:  # type: ignore[override]
        import decimal

        from hengelo_scenario.cli.common import reset_inputs
        from hengelo_scenario.errors import BudgetError

        reset_inputs()
        try:
            return super().invoke(ctx)
        except BudgetError as error:
            if _debug:
                raise
            from hengelo_scenario.cli.output import print_error

            print_error(error)
            raise typer.Exit(EXIT_BAD_INPUT) from None
        except OSError as error:
            if _debug:
                raise
            _fail(_os_error_text(error))
        except decimal.DecimalException:
            if _debug:
                raise
            _fail(
                "a number in the input is too large or has too many decimals to compute exactly",
                "amounts are below 10^15 euros; check the scenario and the workbook for a mistyped number",
            )
        except MemoryError:
            if _debug:
                raise
            _fail("the input is too large to hold in memory", "check that the files are the ones you meant")
        except RecursionError:
            if _debug:
                raise
            _fail("the input is nested too deeply to read")
        return None


def _os_error_text(error: OSError) -> tuple[str, str]:
    from pathlib import Path

    from hengelo_scenario.atomic import describe_os_error

    if error.filename is not None:  # reading or writing: the cause in words, without "cannot write here"
        described = describe_os_error(error, Path(str(error.filename)))
        reason = described.reason.removeprefix("cannot write here: ")
        return f"{described.file}: {reason}", described.hint
    return f"a file could not be read or written ({error.strerror or error})", ""


def _fail(reason: str | tuple[str, str], hint: str = "") -> None:
    from hengelo_scenario.cli.output import print_failure

    if isinstance(reason, tuple):
        reason, hint = reason
    print_failure("", reason, hint)
    raise typer.Exit(EXIT_BAD_INPUT) from None


# The commands and command groups, in the order `--help` lists them, each with its line in that list (the first
# sentence of a command's help is longer than the list has room for at 80 columns, and would be cut off).
COMMANDS: dict[str, tuple[Callable[..., None] | typer.Typer, str]] = {
    "run": (run_cmd.run, "Run a scenario: 2025-2028 against the baseline."),
    "compare": (compare_cmd.compare, "Compare scenarios side by side, per year."),
    "list": (run_cmd.list_scenarios, "List the scenarios that can be run, with their names."),
    "baseline": (baseline_cmd.app, "Show the baseline workbook, or write an empty one."),
    "schema": (schema_cmd.schema, "Print the JSON Schema of scenario files."),
    "check": (check_cmd.check, "Check scenarios against their pinned figures (CI)."),
    "init": (init_cmd.init, "Create a workspace: settings, baseline, scenarios, CI."),
    "new": (new_cmd.new, "Write a new scenario file with every lever in it."),
    "sweep": (sweep_cmd.sweep, "A figure over a grid of one or two levers."),
    "tornado": (tornado_cmd.tornado, "Each uncertain input from low to high, sorted."),
    "solve": (solve_cmd.solve, "The value of a lever at which a figure hits a target."),
    "simulate": (simulate_cmd.simulate, "Monte Carlo of the uncertain inputs: percentiles."),
    "risks": (risks_cmd.risks, "Simulate the risk register: benodigde capaciteit."),
}


def build(only: str | None = None) -> typer.Typer:
    """The `hengelo-scenario` application: every command, or only the one named `only`.

    typer turns every registered command's signature into click parameters before it parses anything, so the
    console script registers just the command it is asked to run (parsing, help and errors of that command are
    the same either way); `--help` of the tool itself, shell completion and tests get them all. Help is click's
    plain text: typer's Rich help imports Rich's Markdown and syntax highlighting, a third of `--help`'s time.
    """
    application = typer.Typer(
        name="hengelo-scenario",
        cls=_CatchUserErrors,
        help="Scenarios on the Hengelo multi-year budget (Beleidsbegroting 2025-2028): baseline, scenario, outcome.",
        no_args_is_help=True,
        add_completion=True,
        rich_markup_mode=None,
        pretty_exceptions_enable=False,
    )
    for name, (command, short_help) in COMMANDS.items():
        if only is not None and name != only:
            continue
        if isinstance(command, typer.Typer):
            application.add_typer(command, name=name, short_help=short_help)
        else:
            application.command(name, short_help=short_help)(command)
    application.callback()(_options)
    return application


def _version(value: bool) -> None:
    if value:
        typer.echo(f"hengelo-scenario {__version__}")
        raise typer.Exit()


def _options(
    debug: Annotated[bool, typer.Option("--debug", help="Show the Python traceback of an error.")] = False,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and stop.")
    ] = False,
) -> None:
    global _debug
    _debug = debug


app = build()


def _text_streams_that_never_fail() -> None:
    """An ASCII-only locale or PYTHONIOENCODING=latin-1 must not end in UnicodeEncodeError: escape what cannot be
    encoded (€ becomes \\u20ac) instead."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with contextlib.suppress(ValueError, OSError):  # a closed or unusual stream: leave it as it is
                reconfigure(errors="backslashreplace")


def main() -> None:
    """Console entry point: exit 0 on success, 1 when a check failed, 2 for bad input or usage.

    Usage errors are printed plainly, one line, like the tool's own errors (not in a Rich panel). SIGTERM and
    SIGINT end the command cleanly (temporary files removed, no traceback) with 143 and 130.
    """
    _text_streams_that_never_fail()
    previous = None
    try:
        previous = signal.signal(signal.SIGTERM, _terminate)
    except ValueError:  # not the main thread (an embedding program): its own signal handling applies
        previous = None
    try:
        code = _main()
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)
    sys.exit(code)


def _main() -> int:
    argv = sys.argv[1:]
    application = build(argv[0]) if argv and argv[0] in COMMANDS else app
    try:
        code = application(standalone_mode=False)
    except (typer.Abort, KeyboardInterrupt):
        _interrupted("interrupted (Ctrl+C)")
        return EXIT_INTERRUPTED
    except Terminated:
        _interrupted("terminated (SIGTERM)")
        return EXIT_TERMINATED
    except Exception as error:
        # typer vendors its own click (typer._click); find its ClickException through typer's BadParameter.
        click_exception = next(c for c in typer.BadParameter.__mro__ if c.__name__ == "ClickException")
        if isinstance(error, click_exception):
            error.show()  # type: ignore[attr-defined]
            return EXIT_BAD_INPUT
        raise
    if code == EXIT_INTERRUPTED:  # typer turns Ctrl+C (KeyboardInterrupt) into exit code 130 itself
        _interrupted("interrupted (Ctrl+C)")
    return code if isinstance(code, int) else EXIT_OK


def _interrupted(how: str) -> None:
    with contextlib.suppress(OSError, ValueError):
        sys.stderr.write(f"Stopped: {how}; no temporary file is left.\n")
        sys.stderr.flush()


def entry() -> None:
    """The `hengelo-scenario` console script: `main`, then exit without the interpreter's teardown.

    Everything the tool writes is complete when `main` returns (files are written atomically and closed), so the
    teardown (freeing every module and object) only costs time: about a sixth of a short `run`. `main` itself
    keeps the ordinary `sys.exit`, so it can be called in-process.

    The tool uses no pydantic plugins; without PYDANTIC_DISABLE_PLUGINS pydantic would scan every installed
    package's entry points for them on the first model (unless the user set the variable otherwise).
    """
    import gc
    import os

    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    # Importing the libraries allocates a few hundred thousand objects, none of them garbage; at Python's default
    # (a collection every 700 allocations) the cycle collector ran 124 times in a `run`, 20-30 ms of it. A short
    # command makes no cyclic garbage to speak of; a long one (check, simulate) still collects, less often.
    gc.set_threshold(100_000, 50, 50)
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
