"""hengelo-scenario: scenarios on the Hengelo multi-year budget (Beleidsbegroting 2025-2028).

The package reads as the flow of the work: baseline -> scenario -> engine -> outcome -> report, with the
command line in cli/. From Python (a notebook), `import hengelo_scenario as hs` gives the API of `api.py`:

    basis = hs.load_baseline()
    result = hs.run(hs.load_scenario("jeugd_hoog", baseline=basis), basis)
    result.frame()            # a pandas DataFrame: figure, variant, programme, year, value

Importing the package is light: numpy, openpyxl and pandas load only when a function needs them.
"""

__version__ = "0.1.0"

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from hengelo_scenario.api import Comparison, Result, compare, load_baseline, load_scenario, run

__all__ = ["Comparison", "Result", "__version__", "compare", "load_baseline", "load_scenario", "run"]


def __getattr__(name: str) -> Any:
    """The API is imported on first use, so the command line (`--help`) does not pay for it."""
    if name in __all__ and name != "__version__":
        from hengelo_scenario import api

        return getattr(api, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
