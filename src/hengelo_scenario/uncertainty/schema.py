"""The `uncertainty:` block's pydantic models.

They are defined in `scenario/uncertainty.py`, because the scenario schema (a lower layer than this package)
validates the block when any command loads the file, so a typo in it is an error for `run` and `check` too; this
module is where the uncertainty package and its readers find them.
"""

from hengelo_scenario.scenario.uncertainty import (
    BENODIGD_CHOICES,
    DISTRIBUTIONS,
    JEUGD_LEVERS,
    PARAMETERS,
    Correlation,
    DistributionModel,
    Quantity,
    UncertainChange,
    UncertainJeugdhulp,
    UncertainSegment,
    UncertaintyModel,
    WeerstandModel,
)

__all__ = [
    "BENODIGD_CHOICES",
    "DISTRIBUTIONS",
    "JEUGD_LEVERS",
    "PARAMETERS",
    "Correlation",
    "DistributionModel",
    "Quantity",
    "UncertainChange",
    "UncertainJeugdhulp",
    "UncertainSegment",
    "UncertaintyModel",
    "WeerstandModel",
]
