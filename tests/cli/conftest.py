"""Fixtures shared by the CLI tests."""

from __future__ import annotations

import pytest


@pytest.fixture
def in_tmp(tmp_path, monkeypatch):
    """Run the command from an empty folder, as a user elsewhere on the machine would."""
    monkeypatch.chdir(tmp_path)
    return tmp_path
