"""Consoles and error printing shared by the commands."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from hengelo_scenario.cli.lines import PlainConsole, plain_console
from hengelo_scenario.errors import BudgetError, InputError
from hengelo_scenario.text import visible

if TYPE_CHECKING:
    from rich.console import Console

PROGRESS_FROM = 100_000  # rows: a workbook this large takes seconds to read, so say how far it is
MAX_PROBLEMS_SHOWN = 50  # a broken workbook can have thousands of problems; the first ones say what is wrong

REPORT_WIDTH = 120  # budget tables with four years and labels need this much; pipes and files get it too


def stdout() -> Console:
    """Rich turns colour off by itself when stdout is not a terminal or NO_COLOR is set."""
    from rich.console import Console

    console = Console(highlight=False, soft_wrap=False)
    if not console.is_terminal and "COLUMNS" not in os.environ:
        console = Console(highlight=False, soft_wrap=False, width=REPORT_WIDTH)
    return console


def report_console() -> Console | PlainConsole:
    """Standard output for the printing functions of `rich_tables` (`run`, `check`): a PlainConsole when Rich
    would print no colour anyway (cli.lines), with the width `stdout()` has; else `stdout()`."""
    columns = os.environ.get("COLUMNS")
    if columns is None:
        width = REPORT_WIDTH
    elif columns.isdigit() and int(columns) > 0:
        width = int(columns)  # as Rich reads it
    else:
        return stdout()  # a COLUMNS Rich does not take: Rich works out the width
    console = plain_console(width)
    return console if console is not None else stdout()


def stderr() -> Console:
    from rich.console import Console

    return Console(stderr=True, highlight=False, soft_wrap=True)  # a message is one line, however long


def _shown(text: str) -> str:
    """A message line as text: control characters and invisible characters visible, and not endless."""
    shown = visible(text)
    return shown if len(shown) <= 1000 else shown[:400] + " … " + shown[-400:]


def print_error(error: BudgetError) -> None:
    """The error on stderr as plain text (Text objects: no markup is interpreted), every problem on its line."""
    from rich.text import Text

    console = stderr()
    if isinstance(error, InputError):
        count = len(error.problems)
        console.print(Text(f"Error: {count} problem{'s' if count != 1 else ''} in the input", style="bold red"))
        for problem in error.problems[:MAX_PROBLEMS_SHOWN]:
            console.print(Text("  ✗ ", style="red") + Text(_shown(str(problem))))
        if count > MAX_PROBLEMS_SHOWN:
            console.print(Text(f"  … and {count - MAX_PROBLEMS_SHOWN} more problems"))
    else:
        console.print(Text("Error: ", style="bold red") + Text(_shown(str(error))))


def print_failure(where: str, reason: str, hint: str = "") -> None:
    """A failure that is not a BudgetError (a file system that refuses, a signal), in the same form."""
    text = f"{where}: {reason}" if where else reason
    if hint:
        text += f". {hint[0].upper()}{hint[1:]}"
    from rich.text import Text

    stderr().print(Text("Error: ", style="bold red") + Text(_shown(text)))


class LoadProgress:
    """Progress of reading a large workbook, on stderr: a line per 100,000 rows, from the first 100,000 on."""

    def __init__(self) -> None:
        self.shown: dict[str, int] = {}

    def __call__(self, sheet: str, rows: int, total: int) -> None:
        if rows < PROGRESS_FROM or (rows - self.shown.get(sheet, 0) < PROGRESS_FROM and rows != total):
            return
        if self.shown.get(sheet) == rows:
            return
        self.shown[sheet] = rows
        of = f" van {total:,}".replace(",", ".") if total > rows else ""
        done = " (klaar)" if rows == total else ""
        line = f"Inlezen blad '{visible(sheet)}': {rows:,}".replace(",", ".") + f"{of} regels{done}"
        from rich.text import Text

        stderr().print(Text(line), highlight=False)
