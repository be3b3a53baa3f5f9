"""hengelo-scenario: scenarios on the Hengelo multi-year budget (Beleidsbegroting 2025-2028).

The package reads as the flow of the work: baseline -> scenario -> engine -> outcome -> report, with the
command line in cli/.
"""

__version__ = "0.1.0"
