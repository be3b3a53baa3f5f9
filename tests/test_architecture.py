"""The house rules that keep the core pure, checked so they stay true."""

from __future__ import annotations

import subprocess
import sys


def imported_modules(statement: str) -> set[str]:
    code = f"{statement}; import sys; print('\\n'.join(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout
    return set(out.split())


def test_the_engine_knows_nothing_of_the_terminal_or_files():
    modules = imported_modules("import hengelo_scenario.engine")
    for forbidden in ("typer", "rich", "openpyxl", "ruamel", "pandas", "click"):
        assert not any(m == forbidden or m.startswith(forbidden + ".") for m in modules), forbidden


def test_help_does_not_import_the_heavy_libraries():
    modules = imported_modules("import hengelo_scenario.cli.app")
    for heavy in ("numpy", "openpyxl", "pandas", "pydantic", "matplotlib", "xlsxwriter"):
        assert heavy not in modules, heavy
