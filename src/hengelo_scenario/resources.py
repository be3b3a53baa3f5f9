"""Where the shipped baseline workbook and scenarios live, installed or in a source checkout."""

from __future__ import annotations

from pathlib import Path

BASELINE_FILE_NAME = "hengelo-begroting-2025-2028.xlsx"

_PACKAGE = Path(__file__).resolve().parent


def _shipped(folder: str) -> Path:
    installed = _PACKAGE / "shipped" / folder  # a wheel carries data/ and scenarios/ here
    if installed.is_dir():
        return installed
    return _PACKAGE.parent.parent / folder  # an editable install runs from the source tree


def shipped_data_dir() -> Path:
    return _shipped("data")


def shipped_scenarios_dir() -> Path:
    return _shipped("scenarios")


def shipped_baseline() -> Path:
    return shipped_data_dir() / BASELINE_FILE_NAME
