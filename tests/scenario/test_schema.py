"""The scenario schema: hand-written values in our own words, and the JSON Schema for editors."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from hengelo_scenario.money import parse_percentage
from hengelo_scenario.resources import shipped_scenarios_dir
from hengelo_scenario.scenario.schema import ScenarioModel, json_schema
from hengelo_scenario.scenario.source import read_yaml
from hengelo_scenario.scenario.values import PERCENT_PATTERN, YEAR_PATTERN, suggest

SHIPPED = sorted(shipped_scenarios_dir().glob("*.yaml"))


def errors_of(data: dict[str, Any]) -> list[dict[str, Any]]:
    with pytest.raises(ValidationError) as caught:
        ScenarioModel.model_validate(data)
    return caught.value.errors(include_url=False)


def growth(value: Any) -> dict[str, Any]:
    return {"name": "x", "jeugdhulp": {"price": {"growth": value}}}


@pytest.mark.parametrize(
    ("text", "fraction"),
    [
        ("6%", Decimal("0.06")),
        ("-2,5%", Decimal("-0.025")),
        ("-2.5%", Decimal("-0.025")),
        ("4,89%", Decimal("0.0489")),
        ("+3 %", Decimal("0.03")),
        ("0%", Decimal(0)),
    ],
)
def test_percentages_are_text_with_a_percent_sign(text, fraction):
    model = ScenarioModel.model_validate(growth(text))
    assert model.jeugdhulp.price.growth == fraction


@pytest.mark.parametrize(
    ("value", "found", "hint"),
    [
        (Decimal("0.06"), "0.06", "write 6% for six percent; 0.06 could mean 6% or 0.06%"),
        (6, "6", "write 6% for six percent; a bare 6 could mean 6% or 600%"),
    ],
)
def test_a_bare_number_is_refused_as_ambiguous(value, found, hint):
    (error,) = errors_of(growth(value))
    assert error["loc"] == ("jeugdhulp", "price", "growth")
    assert error["ctx"]["expected"] == 'a percentage such as "6%"'
    assert error["ctx"]["found"] == found
    assert error["ctx"]["hint"] == hint


@pytest.mark.parametrize("value", ["zes procent", "6", "1.000,5%", "%", True])
def test_text_that_is_no_percentage_is_refused(value):
    (error,) = errors_of(growth(value))
    assert error["ctx"]["expected"] == 'a percentage such as "6%"'


@pytest.mark.parametrize(
    ("amount", "expected", "hint"),
    [
        (Decimal("509.000"), "at most 2 decimals", "looks like a Dutch thousands separator: write 509000"),
        (Decimal("1.2345"), "at most 2 decimals", "at most 2 decimals"),
        ("509000", "a number of euros", "without quotes"),
        (True, "a number of euros", ""),
        (-5, "0 or more", "only measures take signed changes"),
    ],
)
def test_new_amounts_are_euros_of_zero_or_more(amount, expected, hint):
    (error,) = errors_of({"name": "x", "wijkaanpak": {"amounts": {2027: amount}}})
    assert error["loc"] == ("wijkaanpak", "amounts", 2027)
    assert expected in error["ctx"]["expected"]
    assert hint in error["ctx"]["hint"]


def test_amounts_keep_their_cents_and_measures_take_negative_amounts():
    model = ScenarioModel.model_validate(
        {
            "name": "x",
            "wijkaanpak": {"amounts": {"2027": Decimal("509000.50")}},
            "measures": [{"name": "m", "programma": 1, "soort": "last", "amounts": {2025: -250000}}],
        }
    )
    assert model.wijkaanpak.amounts == {2027: Decimal("509000.50")}
    assert model.measures[0].amounts == {2025: Decimal(-250000)}
    assert model.measures[0].programma == "1"


def test_an_unknown_key_is_reported_at_its_place():
    (error,) = errors_of({"name": "x", "jeugdhulp": {"volumen": {"growth": "3%"}}})
    assert error["type"] == "extra_forbidden"
    assert error["loc"] == ("jeugdhulp", "volumen")


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"growth": "2%", "per_year": {2026: "2%"}}, "either per_year or growth"),
        ({}, "per_year or growth"),
        ({"from": 2026}, "growth together with from"),
        ({"per_year": {2026: "2%"}, "from": 2026}, "from only together with growth"),
    ],
)
def test_a_change_is_per_year_or_growth(change, expected):
    (error,) = errors_of({"name": "x", "jeugdhulp": {"volume": change}})
    assert error["ctx"]["expected"] == expected


def test_a_measure_needs_a_reserve_exactly_when_it_is_a_reserve_mutation():
    base = {"name": "m", "programma": 6, "amounts": {2025: 1}}
    cases = [
        ({**base, "soort": "toevoeging"}, "reserve"),
        ({**base, "soort": "last", "reserve": "Algemene reserve"}, "reserve"),
        ({**base, "soort": "baat", "dekking": "algemene reserve"}, "dekking"),
        ({**base, "soort": "onttrekking", "reserve": "R", "dekking": "R"}, "dekking"),
    ]
    for measure, field in cases:
        (error,) = errors_of({"name": "x", "measures": [measure]})
        assert error["ctx"]["field"] == field, measure


def test_aard_and_soort_are_words_from_a_short_list():
    (error,) = errors_of({"name": "x", "wijkaanpak": {"amounts": {2027: 1}, "aard": "structureeel"}})
    assert error["ctx"]["expected"] == "one of: structureel, incidenteel"
    assert error["ctx"]["hint"] == "did you mean 'structureel'?"
    model = ScenarioModel.model_validate({"name": "x", "wijkaanpak": {"aard": {2027: "Incidenteel"}}})
    assert model.wijkaanpak.aard == {2027: "incidenteel"}


def test_suggest_finds_close_words_and_short_forms():
    assert suggest("volumen", ["price", "volume"]) == "did you mean 'volume'?"
    assert suggest("verblijff", ["Verblijf (excl. pleegzorg)", "Pleegzorg"]) == (
        "did you mean 'Verblijf (excl. pleegzorg)'?"
    )
    assert suggest("xyz", ["price", "volume"]) == ""


# --- the JSON Schema ------------------------------------------------------------------------------------------


def _resolve_ref(schema: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node:
        name = node["$ref"].split("/")[-1]
        node = {**schema["$defs"][name], **{k: v for k, v in node.items() if k != "$ref"}}
    return node


def _check(schema: dict[str, Any], node: dict[str, Any], value: Any, path: str) -> None:
    """A small structural check of a value against the schema: keys, patterns, enums, types."""
    node = _resolve_ref(schema, node)
    if "oneOf" in node and "type" not in node and "properties" not in node:
        errors = []
        for option in node["oneOf"]:
            try:
                _check(schema, option, value, path)
                return
            except AssertionError as error:
                errors.append(str(error))
        raise AssertionError(f"{path}: no option fits: {errors}")
    if isinstance(value, dict):
        assert node.get("type") == "object", path
        for key, item in value.items():
            key_text = str(key)
            if key_text in node.get("properties", {}):
                _check(schema, node["properties"][key_text], item, f"{path}.{key_text}")
            elif any(re.search(p, key_text) for p in node.get("patternProperties", {})):
                pattern = next(p for p in node["patternProperties"] if re.search(p, key_text))
                _check(schema, node["patternProperties"][pattern], item, f"{path}.{key_text}")
            else:
                additional = node.get("additionalProperties", True)
                assert additional is not False, f"{path}: key {key_text} not allowed"
                if isinstance(additional, dict):
                    _check(schema, additional, item, f"{path}.{key_text}")
        for required in node.get("required", []):
            assert required in value, f"{path}: {required} missing"
    elif isinstance(value, list):
        assert node.get("type") == "array", path
        for i, item in enumerate(value):
            _check(schema, node["items"], item, f"{path}[{i}]")
    elif isinstance(value, str):
        types = node.get("type")
        assert types == "string" or "string" in (types or []), path
        if "pattern" in node:
            assert re.search(node["pattern"], value), f"{path}: {value!r} does not match {node['pattern']}"
        if "enum" in node:
            assert value in node["enum"], path


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_the_json_schema_accepts_the_shipped_scenarios(path: Path):
    data, _ = read_yaml(path)
    schema = json_schema()
    try:
        import jsonschema
    except ImportError:
        _check(schema, schema, data, path.stem)
    else:  # pragma: no cover - only where jsonschema is installed
        import json

        jsonschema.validate(json.loads(json.dumps(data, default=str)), schema)


def test_the_json_schema_refuses_what_the_tool_refuses():
    schema = json_schema()
    for bad in (
        {"name": "x", "jeugdhulp": {"volumen": {"growth": "3%"}}},
        {"name": "x", "jeugdhulp": {"volume": {"growth": "0.03"}}},
        {"name": "x", "wijkaanpak": {"amounts": {"twenty": 1}}},
    ):
        with pytest.raises(AssertionError):
            _check(schema, schema, bad, "bad")


def test_the_json_schema_is_useful_to_an_editor():
    schema = json_schema()
    assert schema["$schema"].startswith("https://json-schema.org/")
    assert schema["required"] == ["name"]
    assert schema["additionalProperties"] is False
    top = schema["properties"]
    assert list(top)[:3] == ["name", "description", "author"]
    for name, node in top.items():
        assert node.get("description"), name
    change = schema["$defs"]["Change"]
    assert change["properties"]["growth"]["pattern"] == PERCENT_PATTERN
    assert "%" in change["properties"]["growth"]["examples"][0]
    per_year = change["properties"]["per_year"]
    assert list(per_year["patternProperties"]) == [YEAR_PATTERN]
    assert per_year["additionalProperties"] is False
    assert set(change["properties"]) == {"per_year", "growth", "from"}
    assert {"required": ["growth"]} in change["oneOf"]
    measure = schema["$defs"]["MeasureModel"]
    assert set(measure["required"]) == {"name", "programma", "soort", "amounts"}
    assert measure["properties"]["soort"]["enum"] == ["last", "baat", "toevoeging", "onttrekking"]


@given(
    sign=st.sampled_from(["", "+", "-"]),
    whole=st.integers(min_value=0, max_value=10**6),
    decimals=st.one_of(st.none(), st.integers(min_value=0, max_value=10**6)),
    separator=st.sampled_from([".", ","]),
    space=st.sampled_from(["", " "]),
)
def test_every_percentage_the_schema_pattern_allows_the_tool_reads(sign, whole, decimals, separator, space):
    text = f"{sign}{whole}{'' if decimals is None else separator + str(decimals)}{space}%"
    assert re.search(PERCENT_PATTERN, text)
    parse_percentage(text)


# -- validation with only the file's own sections built equals validation with every section --------------------


def _outcome_of(model: Any, data: Any) -> tuple[str, Any]:
    try:
        validated = model.model_validate(data)
    except ValidationError as error:
        return "errors", error.errors(include_url=False)
    return "model", validated.model_dump(warnings=False)


def _lever_keys() -> list[str]:
    from hengelo_scenario.scenario.schema import section_keys

    return list(section_keys())


SECTION_VALUE = st.one_of(
    st.none(),
    st.integers(-5, 5),
    st.sampled_from(["3%", "x", "", "2026"]),
    st.dictionaries(
        st.sampled_from(["amounts", "growth", "per_year", "price", "from", "bogus"]), st.integers(), max_size=3
    ),
    st.lists(st.dictionaries(st.sampled_from(["name", "amounts", "programma"]), st.integers(), max_size=2), max_size=2),
)


@given(
    sections=st.dictionaries(
        st.sampled_from([*_lever_keys(), "jeugdhulpp", "name", "expect"]), SECTION_VALUE, max_size=4
    ),
    named=st.booleans(),
)
def test_validating_with_the_files_own_sections_equals_validating_with_all(sections, named):
    from hengelo_scenario.scenario.schema import validate

    data = {**({"name": "x"} if named else {}), **sections}
    reference = _outcome_of(ScenarioModel, data)
    try:
        mine: tuple[str, Any] = ("model", validate(data).model_dump(warnings=False))
    except ValidationError as error:
        mine = ("errors", error.errors(include_url=False))
    assert mine == reference


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_every_shipped_scenario_validates_the_same_with_its_own_sections(path: Path):
    from hengelo_scenario.scenario.schema import model_for, validate

    data, _ = read_yaml(path)
    assert validate(data).model_dump(warnings=False) == ScenarioModel.model_validate(data).model_dump(warnings=False)
    used = [key for key in _lever_keys() if key in data]
    absent = [key for key in _lever_keys() if key not in data]
    fields = model_for(data).model_fields
    assert all(fields[key].annotation is type(None) for key in absent)  # nothing built for what the file lacks
    assert all(fields[key].annotation is not type(None) for key in used)
