"""The house rules that keep the core pure and the layers in their order, checked so they stay true.

The package reads as the flow of the work: baseline -> scenario (with its levers) -> engine -> outcome ->
report, with check and the command line on top. A module may import only from its own layer and the layers
below it, including imports inside functions (a lazy import is still a dependency). The static rules read the
source (ast), so they cover every module, not only the ones a test happens to import.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "hengelo_scenario"

# Lower numbers are lower layers. A module imports only from layers with a number <= its own.
LAYERS: dict[str, int] = {
    "errors": 0,
    "money": 0,
    "text": 0,
    "atomic": 0,
    "forked": 0,  # doing independent pieces of work in forked processes (check --jobs)
    "files": 0,  # reading an input safely (regular files only, a byte cap), for the scenario and workbook readers
    "resources": 0,
    "records": 0,  # small immutable records (msgspec), for every layer
    "baseline": 1,
    "outcome": 2,
    "scenario": 3,
    "levers": 3,  # the scenario schema is assembled from the levers, and the levers use its value types
    "engine": 4,
    "uncertainty": 5,
    "workspace": 5,
    "report": 6,
    "api": 7,
    "frames": 7,
    "check": 7,
    "cli": 8,
    "__init__": 9,  # the public API imports what it offers
    "__main__": 9,
}
TERMINAL = ("rich", "typer", "click")


def layer_of(path: Path) -> str:
    parts = path.relative_to(PACKAGE).with_suffix("").parts
    return parts[0]


def imports(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


MODULES = sorted(PACKAGE.rglob("*.py"))


def test_every_layer_is_known():
    unknown = sorted({layer_of(p) for p in MODULES} - set(LAYERS))
    assert not unknown, f"add these to LAYERS in their place in the flow: {unknown}"


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_a_module_imports_only_from_its_layer_and_below(path: Path):
    own = LAYERS[layer_of(path)]
    for name in imports(path):
        if not name.startswith("hengelo_scenario."):
            continue
        target = name.split(".")[1]
        if target not in LAYERS or target in ("__init__", "__version__"):
            continue
        assert LAYERS[target] <= own, f"{path.relative_to(PACKAGE)} imports {name} from a higher layer"


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_only_the_command_line_imports_the_terminal_libraries(path: Path):
    if layer_of(path) == "cli":
        return
    for name in imports(path):
        assert name.split(".")[0] not in TERMINAL, f"{path.relative_to(PACKAGE)} imports {name}"


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_nothing_below_the_command_line_imports_check(path: Path):
    if layer_of(path) in ("cli", "check", "__init__"):
        return
    assert not any(n.startswith("hengelo_scenario.check") for n in imports(path)), path


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
