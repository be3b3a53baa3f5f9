"""The budget baseline: the workbook layout, its loader and the empty template.

`load_baseline(path)` reads a workbook into a validated `Baseline`; `write_template(path)` writes an empty one.
The loader and the template are imported on first use (and openpyxl only when a workbook is read or written), so
a run served from the baseline cache (`load_baseline_cached`) never imports them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from hengelo_scenario.baseline.model import Baseline

if TYPE_CHECKING:
    from hengelo_scenario.baseline.cache import load_baseline_cached
    from hengelo_scenario.baseline.template import write_template
    from hengelo_scenario.baseline.workbook import load_baseline

__all__ = ["Baseline", "load_baseline", "load_baseline_cached", "write_template"]

_LAZY = {
    "load_baseline": "hengelo_scenario.baseline.workbook",
    "load_baseline_cached": "hengelo_scenario.baseline.cache",
    "write_template": "hengelo_scenario.baseline.template",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
