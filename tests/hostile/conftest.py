"""The hostile-input corpus: shared helpers.

Every case runs the real command (in this process where it can, in a subprocess where it needs real signals or
real limits on memory and time) and asserts what issue 12 promises: exit code 2 (or a clean 130/143 for a signal),
no traceback, a message that names the place (file and line, sheet and cell, or the file), no content of a file
that is not a scenario quoted, and no temporary file left behind.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.cli.invoke import Result, invoke

ROOT = Path(__file__).resolve().parents[2]
SECRET = "SECRET-7f3a-DO-NOT-PRINT"  # planted in files that must never be quoted
MEMORY_LIMIT = 500 * 1024 * 1024  # bytes of address space for a subprocess that faces a bomb
TIME_LIMIT = 20.0  # seconds; the bombs are refused in well under one (the rest is Python starting up)


@pytest.fixture
def cli(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]):
    """cli('run', ...): `hengelo-scenario` in this process, from an empty working folder (see `here`)."""

    def run(*args: str) -> Result:
        monkeypatch.setenv("COLUMNS", "200")
        return invoke(monkeypatch, capsys, *(str(a) for a in args))

    return run


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty working folder, the current folder of the command."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


def write(path: Path | str, text: str) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return path


def leftovers(folder: Path) -> list[str]:
    """Temporary files anywhere under folder (the atomic writer names them .NAME.XXXX.tmp)."""
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.name.endswith(".tmp"))


def refused(result: Result, *places: str, folder: Path | None = None, secrets: Iterable[str] = (SECRET,)) -> None:
    """Exit code 2, no traceback, every place named, no secret quoted, no temporary file left in folder."""
    both = result.out + result.err
    assert result.code == 2, f"exit {result.code}\nstdout: {result.out[-2000:]}\nstderr: {result.err[-2000:]}"
    assert "Traceback" not in both, result.err
    assert "Error: " in result.err, result.err
    for place in places:
        assert place in result.err, f"{place!r} not in:\n{result.err}"
    for secret in secrets:
        assert secret not in both
    if folder is not None:
        assert leftovers(folder) == []


@dataclass(frozen=True)
class Run:
    code: int
    out: str
    err: str
    seconds: float


ENTRY = "import sys; sys.argv[0] = 'hengelo-scenario'; from hengelo_scenario.cli.app import main; main()"


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def run_limited(args: list[str], cwd: Path, *, env: dict[str, str] | None = None, timeout: float = TIME_LIMIT) -> Run:
    """The installed command in a subprocess with at most 500 MiB of memory and a timeout (a hang fails the test)."""
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", ENTRY, *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=timeout,
        preexec_fn=_limit_memory,
        env={**os.environ, "NO_COLOR": "1", "COLUMNS": "200", "OPENBLAS_NUM_THREADS": "1", **(env or {})},
    )
    return Run(done.returncode, done.stdout, done.stderr, time.perf_counter() - start)


def shipped_scenario_text(name: str) -> str:
    return (ROOT / "scenarios" / f"{name}.yaml").read_text(encoding="utf-8")


# A valid scenario with one measure whose name (and description) the test chooses.
MEASURE = """\
name: {name}
measures:
  - name: {measure}
    programma: 1
    soort: last
    amounts: {{2026: 250000}}
    aard: incidenteel
"""
