"""The engine, the only home of the budget rules: `rules` (the formulas, over variant arrays), `exact` (Decimal
euros, what is reported), `fast` (float64, many variants of one scenario), `measures` (scenarios to bookings).

The exact engine's entry points are re-exported here: `from hengelo_scenario.engine import run`.
"""

from hengelo_scenario.engine.exact import Evaluation, build_ledger, evaluate_many, run, run_many

__all__ = ["Evaluation", "build_ledger", "evaluate_many", "run", "run_many"]
