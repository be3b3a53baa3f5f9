"""The exception family: every user-facing failure carries where, what was expected and what was found.

Messages are built from the fields, so the CLI can print them and tests can assert on the fields: a `Problem`
has a stable `code` (`scenario.unknown-key`, `baseline.missing-sheet`, ...; the README lists them) and its place
as data (`file`, `line`, `sheet`, `cell`, `field`), so the wording of a message can improve without breaking
what reads it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from hengelo_scenario.records import Record, replace


class Origin(Record, frozen=True):
    """Where in a scenario file something was written: the file, the line, the dotted field path."""

    file: str
    line: int | None
    field: str  # dotted path, e.g. "jeugdhulp.volume.growth"

    @property
    def where(self) -> str:
        return f"line {self.line}" if self.line is not None else "(no line)"


class BudgetError(Exception):
    """Base of every error the user can cause and fix (exit code 2)."""


_LINE = re.compile(r"\bline (\d+)\b")
_SHEET = re.compile(r"^sheet '(.*?)'(?:,|$)")
_CELL = re.compile(r"\bcell ([A-Z]{1,3}[0-9]+)\b")
_ROW = re.compile(r"\brow (\d+)\b")


class Problem(Record, frozen=True):
    """One problem in an input file, with enough context to find and fix it.

    `where` is the place as a reader sees it ("sheet 'Lasten en baten', cell E7", "line 12"); `line`, `sheet`,
    `cell` and `row` give the same place as data.
    """

    file: str
    where: str  # "sheet 'Lasten en baten', cell E7" or "line 12"
    field: str
    expected: str
    found: str
    hint: str = ""
    code: str = ""  # stable kind of problem, e.g. "scenario.unknown-key"; see the README's list

    @property
    def line(self) -> int | None:
        """The line in a scenario (or snapshot) file, counted from 1."""
        if self.where.startswith("sheet "):
            return None
        match = _LINE.search(self.where)
        return int(match.group(1)) if match else None

    @property
    def sheet(self) -> str | None:
        """The sheet of a workbook."""
        match = _SHEET.match(self.where)
        return match.group(1) if match else None

    @property
    def cell(self) -> str | None:
        """The cell of a workbook sheet, such as 'E7'."""
        match = _CELL.search(self.where)
        return match.group(1) if match else None

    @property
    def row(self) -> int | None:
        """The row of a workbook sheet: the cell's row, or the row named."""
        cell = self.cell
        if cell is not None:
            return int(cell.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ"))
        if self.sheet is None:
            return None
        match = _ROW.search(self.where)
        return int(match.group(1)) if match else None

    def __str__(self) -> str:
        text = f"{self.file}, {self.where}, {self.field}: expected {self.expected}, found {self.found}"
        if self.hint:
            text += f". {self.hint[0].upper()}{self.hint[1:]}"
        return text


class InputError(BudgetError):
    """One or more problems in an input file; all of them are reported at once.

    A problem raised without a code of its own gets the family's (`DEFAULT_CODE`), so every problem has one.
    """

    DEFAULT_CODE = "input.invalid"

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = tuple(p if p.code else replace(p, code=self.DEFAULT_CODE) for p in problems)
        super().__init__("\n".join(str(p) for p in self.problems))


class BaselineError(InputError):
    """Problems in the baseline workbook (sheet, cell, field)."""

    DEFAULT_CODE = "baseline.invalid"


class ScenarioError(InputError):
    """Problems in a scenario file (file, line, dotted field path)."""

    DEFAULT_CODE = "scenario.invalid"


class UnreadableFileError(BudgetError):
    """A file that cannot be opened at all (missing, not an xlsx, not YAML)."""

    def __init__(self, file: str, reason: str, hint: str = "") -> None:
        self.file = file
        self.reason = reason
        self.hint = hint
        message = f"{file}: {reason}"
        if hint:
            message += f". {hint[0].upper()}{hint[1:]}"
        super().__init__(message)
