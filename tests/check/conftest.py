"""Helpers for the check tests: the command run in-process as from a shell, and files written inline."""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

import pytest

from hengelo_scenario.resources import shipped_baseline
from tests.cli.invoke import Result, invoke


@pytest.fixture
def cli(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]):
    """cli('check', ...): run `hengelo-scenario` in this process; exit code, stdout and stderr."""

    def run(*args: str) -> Result:
        monkeypatch.setenv("COLUMNS", "200")
        return invoke(monkeypatch, capsys, *args)

    return run


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty working folder."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


def write(path: Path | str, text: str) -> Path:
    """The dedented text as a file (folders made as needed)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return path


def copy_of_the_shipped_workbook(folder: Path, name: str = "begroting.xlsx") -> Path:
    target = folder / name
    shutil.copyfile(shipped_baseline(), target)
    return target


def moved(result: Result) -> set[tuple[str, str, int | None]]:
    """(scenario file, figure, year) of every mismatch in a `--format json` result."""
    return {(Path(s["file"]).name, m["figure"], m["year"]) for s in result.json["scenarios"] for m in s["mismatches"]}


def notes(result: Result) -> list[str]:
    return [n["kind"] for s in result.json["scenarios"] for n in s["notes"]]
