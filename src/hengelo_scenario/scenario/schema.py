"""The scenario file as a pydantic model: the top-level keys, and one section per lever from the registry.

`ScenarioModel` is assembled from `ScenarioFields` (name, description, author, extends, baseline, expect) and
the section model of every lever in `hengelo_scenario.levers`, so a new lever module appears in the file format,
the JSON Schema and the "did you mean" of unknown keys without further edits. Values are checked by the
validators of `scenario.values`.

A file is validated by `validate(data)`, with the model `model_for` assembles for the sections the file has: the
levers it does not use are fields that can only be None, so pydantic builds the validators of the sections in the
file and no others (building all of them was a sixth of a `run`). The result has every lever as an attribute,
None when absent, and validation gives the same model and the same errors as `ScenarioModel` (a test compares
them); the uncertainty block's models are imported only for a file that has one. `ScenarioModel`, the model of
every section, is built on first use: for the JSON Schema and the hints of an error.

`json_schema()` is the JSON Schema that `hengelo-scenario schema` publishes, for editors that check and complete
YAML (for example the YAML extension of VS Code).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from typing import TYPE_CHECKING, Annotated, Any, ClassVar

from pydantic import ConfigDict, Field, PlainValidator, WithJsonSchema, create_model
from pydantic.json_schema import GenerateJsonSchema, JsonSchemaValue
from pydantic_core import core_schema

from hengelo_scenario.baseline.model import Resultaatbestemming
from hengelo_scenario.levers import all_levers
from hengelo_scenario.scenario.values import (
    PERCENT_JSON,
    TAG_PREFIX,
    YEAR_PATTERN,
    ExpectedValue,
    FigureKey,
    Name,
    StrictModel,
    Text,
    YearKey,
    _choice,
    bare_number_hint,
    describe,
    suggest,
)

__all__ = [
    "TAG_PREFIX",
    "ScenarioFields",
    "ScenarioModel",
    "bare_number_hint",
    "describe",
    "json_schema",
    "model_for",
    "section_models",
    "suggest",
    "validate",
]

if TYPE_CHECKING:
    ScenarioModel: type[ScenarioFields]


def _resultaatbestemming(value: Any) -> Resultaatbestemming:
    return Resultaatbestemming(_choice(value, tuple(r.value for r in Resultaatbestemming)))


ResultaatbestemmingValue = Annotated[
    Resultaatbestemming,
    PlainValidator(_resultaatbestemming),
    WithJsonSchema({"type": "string", "enum": [r.value for r in Resultaatbestemming]}),
]


class ScenarioFields(StrictModel):
    """The top level of a scenario file apart from its levers: the name, the links, the pinned figures."""

    model_config = ConfigDict(
        title="Hengelo budget scenario",
        json_schema_extra={
            "description": "A scenario for the multi-year budget 2025-2028 of the municipality of Hengelo: "
            "changes against the baseline workbook. Percentages are text with a % sign; amounts are euros.",
        },
    )
    expected: ClassVar[str] = "a scenario: a mapping with at least `name:`"
    hint: ClassVar[str] = "start the file with a line such as `name: Jeugdhulp hoog`"

    name: Name = Field(description="The scenario's name, as tables and memos show it.", examples=["Jeugdhulp hoog"])
    description: Text = Field("", description="What the scenario models, and why.")
    author: Text = Field("", description="Who wrote it.", examples=["Team Financiën"])
    extends: Name | None = Field(
        None,
        description="Another scenario this one builds on: a bare name (looked up next to this file, in "
        "./scenarios/, then among the shipped scenarios) or a path relative to this file.",
        examples=["basis", "jeugd_hoog"],
    )
    baseline: Name | None = Field(
        None,
        description="Baseline workbook, relative to this file. The command line's --baseline wins.",
        examples=["../data/hengelo-begroting-2025-2028.xlsx"],
    )
    # The uncertainty block (scenario.uncertainty.UncertaintyModel); `model_for` gives it its type.
    uncertainty: Any = Field(
        None, description="What is uncertain, for `simulate` and `tornado` (distributions); `run` ignores it."
    )
    resultaatbestemming: ResultaatbestemmingValue | None = Field(
        None,
        description="Where each year's geraamd resultaat goes: `algemene reserve` (a deficit is withdrawn from it, "
        "a surplus added) or `geen`. Default: the baseline workbook's setting (sheet Instellingen; itself "
        "`algemene reserve` by default).",
        examples=["algemene reserve", "geen"],
    )
    expect: dict[FigureKey, dict[YearKey, ExpectedValue]] | None = Field(
        None,
        description="Figures this scenario must produce, per year, for `hengelo-scenario check`: the scenario's "
        "own figure (not the difference against the baseline). Euros with at most 2 decimals; weerstandsratio a "
        'number such as 2.38 and structurele_exploitatieruimte a percentage such as "0,5%", both compared at '
        "the decimals written. Not inherited through `extends`.",
        examples=[
            {"geraamd_resultaat": {"2025": 830772.60, "2026": 290772.60}, "algemene_reserve": {"2028": 57600000}}
        ],
    )


UNCERTAINTY = "uncertainty"


@functools.cache
def section_keys() -> tuple[str, ...]:
    """The top-level keys whose sections `model_for` builds only when a file has them: the levers, uncertainty."""
    return (*(lever.key for lever in all_levers()), UNCERTAINTY)


@functools.cache
def _model_for(present: frozenset[str]) -> type[ScenarioFields]:
    fields: dict[str, Any] = {}
    for lever in all_levers():
        if lever.key in present:
            _build(lever.model)
            fields[lever.key] = (
                lever.model | None,
                Field(None, description=lever.description, examples=lever.examples or None),
            )
        else:
            fields[lever.key] = (None, None)  # not in the file: always None, nothing to build
    if UNCERTAINTY in present:
        from hengelo_scenario.scenario.uncertainty import UncertaintyModel

        info = ScenarioFields.model_fields[UNCERTAINTY]
        fields[UNCERTAINTY] = (UncertaintyModel | None, Field(None, description=info.description))
    else:
        fields[UNCERTAINTY] = (None, None)
    model = create_model("ScenarioModel", __base__=ScenarioFields, **fields)
    model.__doc__ = "A scenario file, after `extends` is merged in: the top-level keys and every lever's section."
    return model


def _build(annotation: Any) -> None:
    """Build the validators of a section's own models now, so every file model that has the section reuses them
    (`check` meets a dozen combinations of sections; pydantic would otherwise build the section in each)."""
    for model in _inner_models(annotation):
        _built(model)


@functools.cache
def _built(model: type[StrictModel]) -> None:
    model.model_rebuild()


def model_for(keys: Iterable[Any]) -> type[ScenarioFields]:
    """The scenario model for a file with these top-level keys: real sections for those it has, None for others."""
    wanted = _section_key_set()
    return _model_for(frozenset(key for key in keys if isinstance(key, str) and key in wanted))


@functools.cache
def _section_key_set() -> frozenset[str]:
    return frozenset(section_keys())


def validate(data: Any) -> ScenarioFields:
    """The scenario file's data as its model (pydantic's ValidationError when it is not valid)."""
    return model_for(data if isinstance(data, dict) else ()).model_validate(data)


def __getattr__(name: str) -> Any:
    if name == "ScenarioModel":  # every section: the JSON Schema, the hints of errors, the tests
        return model_for(section_keys())
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def section_models() -> dict[type[StrictModel], str]:
    """Every section model a file can hold, with where in a file it stands (for "'x' belongs under ..." hints)."""
    found: dict[type[StrictModel], str] = {model_for(section_keys()): "at the top level of the file (not indented)"}

    def walk(model: Any) -> None:
        if not (isinstance(model, type) and issubclass(model, StrictModel)) or model in found:
            return
        found[model] = model.place or "in a section of its own"
        for info in model.model_fields.values():
            for inner in _inner_models(info.annotation):
                walk(inner)

    for lever in all_levers():
        for inner in _inner_models(lever.model):
            walk(inner)
    return found


def _inner_models(annotation: Any) -> list[Any]:
    import typing

    if isinstance(annotation, type) and issubclass(annotation, StrictModel):
        return [annotation]
    result: list[Any] = []
    for argument in typing.get_args(annotation):
        result += _inner_models(argument)
    return result


# --- the JSON Schema ------------------------------------------------------------------------------------------


class _WithoutNull(GenerateJsonSchema):
    """Optional fields are simply left out of a file; the schema does not advertise `null` for them."""

    def nullable_schema(self, schema: core_schema.NullableSchema) -> JsonSchemaValue:
        return self.generate_inner(schema["schema"])


def json_schema() -> dict[str, Any]:
    """The JSON Schema of a scenario file (draft 2020-12), with titles, descriptions and examples."""
    schema = model_for(section_keys()).model_json_schema(
        by_alias=True, mode="validation", schema_generator=_WithoutNull
    )
    _expect_schema(schema["properties"]["expect"])
    _close_year_maps(schema)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        **schema,
    }


def _expect_schema(node: dict[str, Any]) -> None:
    """`expect:` lists every figure key, each with the form of value it takes (euros, a ratio, a percentage)."""
    from hengelo_scenario.outcome.figures import FIGURES, Kind

    value_schemas: dict[Kind, dict[str, Any]] = {
        Kind.MONEY: {
            "type": "number",
            "description": "The scenario's figure in euros, at most 2 decimals (830772.60; no separators).",
        },
        Kind.RATIO: {"type": "number", "description": "A ratio such as 2.38, compared at the decimals written."},
        Kind.PERCENT: {
            **PERCENT_JSON,
            "description": 'A percentage such as "0,5%", compared at the decimals written.',
        },
    }
    node.pop("additionalProperties", None)
    node.pop("propertyNames", None)
    node["properties"] = {
        key: {
            "type": "object",
            "title": spec.label,
            "description": f"{spec.label}: the scenario's figure per year.",
            "patternProperties": {YEAR_PATTERN: value_schemas[spec.kind]},
        }
        for key, spec in FIGURES.items()
    }
    node["additionalProperties"] = False


def _close_year_maps(node: Any) -> None:
    """Year-keyed mappings accept only four-digit year keys."""
    if isinstance(node, dict):
        if YEAR_PATTERN in node.get("patternProperties", {}):
            node.setdefault("additionalProperties", False)
            node.pop("propertyNames", None)
        for value in node.values():
            _close_year_maps(value)
    elif isinstance(node, list):
        for value in node:
            _close_year_maps(value)
