"""The budget baseline: the workbook layout, its loader and the empty template.

`load_baseline(path)` reads a workbook into a validated `Baseline`; `write_template(path)` writes an empty one.
openpyxl is imported only when a workbook is read or written, so importing this package stays light.
"""

from hengelo_scenario.baseline.cache import load_baseline_cached
from hengelo_scenario.baseline.model import Baseline
from hengelo_scenario.baseline.template import write_template
from hengelo_scenario.baseline.workbook import load_baseline

__all__ = ["Baseline", "load_baseline", "load_baseline_cached", "write_template"]
