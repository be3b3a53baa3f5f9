"""Where the shipped baseline workbook and scenarios live, installed or in a source checkout."""

from __future__ import annotations

from functools import cache
from pathlib import Path

BASELINE_FILE_NAME = "hengelo-begroting-2025-2028.xlsx"

_PACKAGE = Path(__file__).resolve().parent


@cache  # where the package is installed does not change while it runs; `check` asks for every scenario
def _shipped(folder: str, source: str | None = None) -> Path:
    installed = _PACKAGE / "shipped" / folder  # a wheel carries data/, scenarios/ and docs/ci/ here
    if installed.is_dir():
        return installed
    return _PACKAGE.parent.parent / (source or folder)  # an editable install runs from the source tree


def shipped_data_dir() -> Path:
    return _shipped("data")


def shipped_scenarios_dir() -> Path:
    return _shipped("scenarios")


def shipped_baseline() -> Path:
    return shipped_data_dir() / BASELINE_FILE_NAME


@cache
def shipped_baseline_resolved() -> Path:
    """The shipped workbook with symbolic links followed: what a chosen workbook is compared with."""
    return shipped_baseline().resolve()


@cache
def shipped_scenarios_resolved() -> Path:
    return shipped_scenarios_dir().resolve()


def shipped_ci_dir() -> Path:
    """The CI examples (docs/ci/ in the repository), which `hengelo-scenario init` copies into a workspace."""
    return _shipped("ci", "docs/ci")
