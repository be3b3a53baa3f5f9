"""Run the `hengelo-scenario` entry point in-process, as a user would from a shell: exit code, stdout, stderr."""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from typing import Any

import pytest

from hengelo_scenario.cli.app import main


@dataclass(frozen=True)
class Result:
    code: int
    out: str
    err: str

    @property
    def json(self) -> Any:
        return json.loads(self.out)


def invoke(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], *args: str) -> Result:
    monkeypatch.setattr(sys, "argv", ["hengelo-scenario", *args])
    monkeypatch.setenv("NO_COLOR", "1")
    capsys.readouterr()
    try:
        main()
        code = 0
    except SystemExit as done:
        code = done.code if isinstance(done.code, int) else (0 if done.code is None else 1)
    captured = capsys.readouterr()
    return Result(code, captured.out, captured.err)
