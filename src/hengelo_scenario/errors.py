"""The exception family: every user-facing failure carries where, what was expected and what was found.

Messages are built from the fields, so the CLI can print them and tests can assert on the fields.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Origin:
    """Where in a scenario file something was written: the file, the line, the dotted field path."""

    file: str
    line: int | None
    field: str  # dotted path, e.g. "jeugdhulp.volume.growth"

    @property
    def where(self) -> str:
        return f"line {self.line}" if self.line is not None else "(no line)"


class BudgetError(Exception):
    """Base of every error the user can cause and fix (exit code 2)."""


@dataclass(frozen=True)
class Problem:
    """One problem in an input file, with enough context to find and fix it."""

    file: str
    where: str  # "sheet 'Lasten en baten', cell E7" or "line 12"
    field: str
    expected: str
    found: str
    hint: str = ""

    def __str__(self) -> str:
        text = f"{self.file}, {self.where}, {self.field}: expected {self.expected}, found {self.found}"
        if self.hint:
            text += f". {self.hint[0].upper()}{self.hint[1:]}"
        return text


class InputError(BudgetError):
    """One or more problems in an input file; all of them are reported at once."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


class BaselineError(InputError):
    """Problems in the baseline workbook (sheet, cell, field)."""


class ScenarioError(InputError):
    """Problems in a scenario file (file, line, dotted field path)."""


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
