"""Test-wide settings.

Hypothesis: no per-example deadline (the exact Decimal engine on a busy 2-core CI machine is slower than on a
laptop, and a deadline failure there says nothing about the budget math); in CI (CI=true) the examples are
derandomized, so a run can be repeated exactly and a failure is never a roll of the dice.
"""

from __future__ import annotations

import os

from hypothesis import settings

settings.register_profile("default", deadline=None)
settings.register_profile("ci", deadline=None, derandomize=True, print_blob=True)
settings.load_profile("ci" if os.environ.get("CI") else "default")

# The baseline cache of the command line goes to a folder of this test run, never the user's own cache; commands
# that tests start as subprocesses inherit it.
if "HENGELO_SCENARIO_CACHE" not in os.environ:
    import tempfile

    os.environ["HENGELO_SCENARIO_CACHE"] = tempfile.mkdtemp(prefix="hengelo-scenario-test-cache-")
