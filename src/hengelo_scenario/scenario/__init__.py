"""Scenario files: YAML with line numbers, a pydantic schema built from the levers, `extends`, and resolution.

The resolved `Scenario` (what the engine reads) is imported eagerly; the file machinery (ruamel.yaml, pydantic)
only when it is first used, so `import hengelo_scenario.scenario` stays light.

    from hengelo_scenario.scenario import find_scenario, load_scenario_file, resolve_scenario
    scenario = resolve_scenario(load_scenario_file(find_scenario("jeugd_hoog", Path.cwd())), baseline)

`resolve_scenario` is `scenario.resolve.resolve` under another name: `hengelo_scenario.scenario.resolve` is the
module itself once it is imported, so the function cannot be re-exported under that name. The resolved change of
each lever is defined in its own module in `hengelo_scenario.levers`.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from hengelo_scenario.scenario.model import Expectation, Factors, Origin, Scenario

if TYPE_CHECKING:
    from hengelo_scenario.scenario.loader import ScenarioFile, find_scenario, load_scenario_file
    from hengelo_scenario.scenario.resolve import resolve as resolve_scenario
    from hengelo_scenario.scenario.schema import ScenarioModel, json_schema
    from hengelo_scenario.scenario.source import read_yaml

_LAZY = {
    "ScenarioFile": "hengelo_scenario.scenario.loader",
    "find_scenario": "hengelo_scenario.scenario.loader",
    "load_scenario_file": "hengelo_scenario.scenario.loader",
    "resolve_scenario": "hengelo_scenario.scenario.resolve",
    "ScenarioModel": "hengelo_scenario.scenario.schema",
    "json_schema": "hengelo_scenario.scenario.schema",
    "read_yaml": "hengelo_scenario.scenario.source",
}

__all__ = [
    "Expectation",
    "Factors",
    "Origin",
    "Scenario",
    "ScenarioFile",
    "ScenarioModel",
    "find_scenario",
    "json_schema",
    "load_scenario_file",
    "read_yaml",
    "resolve_scenario",
]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(module), "resolve" if name == "resolve_scenario" else name)
