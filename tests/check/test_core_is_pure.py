"""The check core (runner, snapshot, comparison, JSON and JUnit) knows nothing of the terminal."""

from __future__ import annotations

from tests.test_architecture import imported_modules


def test_the_check_core_imports_neither_typer_nor_rich():
    modules = imported_modules("import hengelo_scenario.check.runner, hengelo_scenario.check.report")
    for forbidden in ("typer", "rich", "click"):
        assert not any(m == forbidden or m.startswith(forbidden + ".") for m in modules), forbidden
