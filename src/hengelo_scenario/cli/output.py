"""Consoles and error printing shared by the commands."""

from __future__ import annotations

import os

from rich.console import Console
from rich.text import Text

from hengelo_scenario.errors import BudgetError, InputError

REPORT_WIDTH = 120  # budget tables with four years and labels need this much; pipes and files get it too


def stdout() -> Console:
    """Rich turns colour off by itself when stdout is not a terminal or NO_COLOR is set."""
    console = Console(highlight=False, soft_wrap=False)
    if not console.is_terminal and "COLUMNS" not in os.environ:
        console = Console(highlight=False, soft_wrap=False, width=REPORT_WIDTH)
    return console


def stderr() -> Console:
    return Console(stderr=True, highlight=False, soft_wrap=True)  # a message is one line, however long


def print_error(error: BudgetError) -> None:
    console = stderr()
    if isinstance(error, InputError):
        count = len(error.problems)
        console.print(Text(f"Error: {count} problem{'s' if count != 1 else ''} in the input", style="bold red"))
        for problem in error.problems:
            console.print(Text("  ✗ ", style="red") + Text(str(problem)))
    else:
        console.print(Text("Error: ", style="bold red") + Text(str(error)))
