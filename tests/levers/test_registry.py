"""The lever registry: every lever module is found once, and each lever is complete where the file format needs it.

These are properties of the house, checked for every lever so a new module cannot forget one: a unique key, a
place in the scenario schema and the JSON Schema (with a description), and a section model that refuses unknown
keys.
"""

from __future__ import annotations

import importlib
import pkgutil

import pytest

from hengelo_scenario import levers
from hengelo_scenario.levers import all_levers, lever, lever_keys
from hengelo_scenario.levers.base import Lever
from hengelo_scenario.scenario.schema import ScenarioModel, json_schema, section_models
from hengelo_scenario.scenario.values import StrictModel

LEVERS = all_levers()


def test_every_module_that_defines_a_lever_is_registered_once():
    defined = []
    for info in pkgutil.iter_modules(levers.__path__):
        module = importlib.import_module(f"hengelo_scenario.levers.{info.name}")
        if isinstance(getattr(module, "LEVER", None), Lever):
            defined.append(module.LEVER.key)
    assert sorted(defined) == sorted(lever_keys())
    assert len(set(lever_keys())) == len(lever_keys())


def test_the_registry_is_in_reading_order_and_found_by_key():
    orders = [item.order for item in LEVERS]
    assert orders == sorted(orders)
    for item in LEVERS:
        assert lever(item.key) is item
    with pytest.raises(KeyError):
        lever("no such lever")


@pytest.mark.parametrize("item", LEVERS, ids=lambda item: item.key)
def test_each_lever_is_a_section_of_the_scenario_file_and_the_json_schema(item: Lever):
    assert item.key in ScenarioModel.model_fields
    properties = json_schema()["properties"]
    assert item.key in properties
    assert item.description
    assert properties[item.key].get("description") == item.description


@pytest.mark.parametrize("item", LEVERS, ids=lambda item: item.key)
def test_each_section_model_refuses_unknown_keys_and_says_where_it_stands(item: Lever):
    models = [m for m in section_models() if m is not ScenarioModel]
    own = [m for m in models if m.__module__ == type(item).__module__ or m is item.model]
    for model in own or models:
        assert issubclass(model, StrictModel)
        assert model.model_config.get("extra") == "forbid"
        assert section_models()[model], model


def test_the_scenario_default_for_a_lever_not_in_the_file_is_its_empty_value():
    from hengelo_scenario.scenario.model import Scenario

    scenario = Scenario(name="leeg", years=(2025, 2026))
    for item in LEVERS:
        assert getattr(scenario, item.key) == item.empty
    with pytest.raises(AttributeError):
        _ = scenario.no_such_lever
    with pytest.raises(TypeError):
        Scenario(name="x", years=(2025,), no_such_lever=1)
