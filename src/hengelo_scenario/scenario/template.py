"""A new scenario file with every lever in it, commented out, each key with its unit: `hengelo-scenario new`.

The text is generated from the scenario's JSON Schema (`schema.json_schema()`), so a lever added to the schema
appears here without a change to this module. Each lever is written from the schema's own example for it, one
`# ` deep, so removing that prefix from the lever's lines gives a valid section; the lever's other keys follow
two deep (`# # `), each with its example. Every line says its unit (euros, percentage with %, year, ...).

With a source scenario (`--from`), the levers that scenario sets are written as it sets them, uncommented (after
`extends`, so the new file stands on its own), and the others commented as above.
"""

from __future__ import annotations

import json
import re
import textwrap
from decimal import Decimal
from typing import Any

from hengelo_scenario.scenario.schema import json_schema
from hengelo_scenario.scenario.values import PERCENT_PATTERN, SHARE_PATTERN, YEAR_PATTERN

__all__ = ["TOP_TEXT_KEYS", "lever_keys", "scenario_template"]

TOP_TEXT_KEYS = ("description", "author", "extends", "baseline")  # written as one commented line each
NOT_A_LEVER = ("name", *TOP_TEXT_KEYS, "expect")
COMMENT_COLUMN = 44

HEADER = """\
# A scenario for hengelo-scenario, written by `hengelo-scenario new`.
# Every lever is below, commented out with "# ": remove that from a lever's lines to use it. A lever's further
# keys are commented twice ("# # "): remove both to use one. Each line says its unit: percentages are text with a %
# sign (3%), amounts are euros without separators (509000), years are keys (2026). Everything not written stays as
# in the baseline. `hengelo-scenario schema` describes every key; `hengelo-scenario run FILE` runs this file.
"""


def lever_keys() -> list[str]:
    """The scenario's levers: the top-level keys of the schema that change the budget."""
    return [key for key in json_schema()["properties"] if key not in NOT_A_LEVER]


def scenario_template(name: str, source: dict[str, Any] | None = None, source_name: str = "") -> str:
    """The text of a new scenario file named `name`; `source` is the merged data of a scenario to start from."""
    schema = json_schema()
    defs = schema.get("$defs", {})
    properties = schema["properties"]
    lines = HEADER.splitlines()
    if source is not None:
        note = (
            f"Started from {source_name}: its levers are copied below, uncommented. Its expect: figures are not "
            "copied (they pin that scenario's outcome), nor its baseline: (a path relative to that file)."
        )
        lines += textwrap.wrap(note, 114, initial_indent="# ", subsequent_indent="# ", break_on_hyphens=False)
    lines.append(f"name: {_scalar(name)}")
    for key in TOP_TEXT_KEYS:
        node = properties[key]
        example = (node.get("examples") or [""])[0]
        shown = _scalar(example or "...")
        lines.append(_with_comment(f"# {key}: {shown}", node.get("description", "")))
    for key in lever_keys():
        node = properties[key]
        lines.append("")
        if source is not None and key in source:
            lines.append(f"# {key}: {node.get('description', '')} (from {source_name})".rstrip())
            lines += _block(key, source[key], node, defs, "", "")
            continue
        lines.append(f"# {key}: {node.get('description', '')}")
        lines += _lever(key, node, defs)
    return "\n".join(lines) + "\n"


# --- the schema -----------------------------------------------------------------------------------------------


def _deref(node: dict[str, Any], defs: dict[str, Any]) -> dict[str, Any]:
    ref = node.get("$ref")
    if isinstance(ref, str) and ref.startswith("#/$defs/"):
        target = defs[ref.removeprefix("#/$defs/")]
        return {**target, **{k: v for k, v in node.items() if k != "$ref"}}
    return node


def _example(node: dict[str, Any], defs: dict[str, Any]) -> Any:
    """The schema's example for a node: its own, its definition's, its default, or one built from its parts."""
    if node.get("examples"):
        return node["examples"][0]
    full = _deref(node, defs)
    if full.get("examples"):
        return full["examples"][0]
    if full.get("type") == "array" and "items" in full:
        return [_example(full["items"], defs)]
    if full.get("default") not in (None, ""):
        return full["default"]
    if full.get("enum"):
        return full["enum"][0]
    return _built(full, defs)


PLACEHOLDER_NAME = "NAAM"  # a key the schema cannot know (a name from the baseline): the analyst fills it in


def _built(full: dict[str, Any], defs: dict[str, Any]) -> Any:
    """An example for a node the schema gives none for, from its type: a valid form, with placeholder names."""
    kind = full.get("type")
    if YEAR_PATTERN in full.get("patternProperties", {}):
        return {"2026": _example(full["patternProperties"][YEAR_PATTERN], defs)}
    if kind == "object" and isinstance(full.get("additionalProperties"), dict):
        return {PLACEHOLDER_NAME: _example(full["additionalProperties"], defs)}
    if kind == "object" and "properties" in full:
        required = full.get("required") or list(full["properties"])[:1]
        return {key: _example(full["properties"][key], defs) for key in required}
    for union in ("oneOf", "anyOf"):
        if full.get(union):
            return _example(full[union][0], defs)
    if kind == "integer":
        return 2026 if full.get("minimum") == 1000 else 1
    if kind == "number":
        return 100000
    if full.get("pattern") in (PERCENT_PATTERN, SHARE_PATTERN):
        return "100%" if full.get("pattern") == SHARE_PATTERN else "1%"
    return None


def _unit(node: dict[str, Any] | None, defs: dict[str, Any]) -> str:
    """What a value is, in a few words: 'euros', 'percentage with % sign', 'per year: ...', 'a | b'."""
    if not node:
        return ""
    full = _deref(node, defs)
    if "enum" in full:
        return " | ".join(str(v) for v in full["enum"])
    if full.get("type") == "boolean":
        return "true | false"
    if full.get("pattern") == PERCENT_PATTERN:
        return "percentage with % sign"
    if full.get("pattern") == SHARE_PATTERN:
        return "share with % sign, 0% or more"
    kind = full.get("type")
    if kind == "number":
        return "euros, 0 or more" if full.get("minimum") == 0 else "euros, + or -"
    if kind == "integer" and full.get("minimum") == 1000:
        return "year"
    if kind == "integer":
        return "whole number"
    if kind == ["integer", "string"]:
        return "programme code or name"
    if YEAR_PATTERN in full.get("patternProperties", {}):
        return "per year: " + _unit(full["patternProperties"][YEAR_PATTERN], defs)
    for union in ("oneOf", "anyOf"):
        if union in full and all(isinstance(n, dict) and ("type" in n or "$ref" in n) for n in full[union]):
            return ", or ".join(_unit(n, defs) for n in full[union])
    if kind == "array":
        return "a list"
    if kind == "object" and isinstance(full.get("additionalProperties"), dict):
        return "per name from the baseline"
    if kind == "object" and "properties" in full:
        return str(full.get("description", ""))
    if kind == "string":
        return "text"
    return ""


def _child(node: dict[str, Any], key: Any, defs: dict[str, Any]) -> dict[str, Any] | None:
    full = _deref(node, defs)
    if "properties" in full and key in full["properties"]:
        return full["properties"][key]
    if YEAR_PATTERN in full.get("patternProperties", {}) and re.fullmatch(YEAR_PATTERN, str(key)):
        return full["patternProperties"][YEAR_PATTERN]
    if isinstance(full.get("additionalProperties"), dict):
        return full["additionalProperties"]
    for union in ("oneOf", "anyOf"):
        for option in full.get(union, []):
            found = _child(option, key, defs) if isinstance(option, dict) else None
            if found is not None:
                return found
    return None


def _ordered(value: dict[Any, Any], node: dict[str, Any] | None, defs: dict[str, Any]) -> list[Any]:
    """Keys in the schema's order (examples come with sorted keys), years in year order."""
    order = list(_deref(node, defs).get("properties", {})) if node else []
    return sorted(value, key=lambda k: (order.index(k) if k in order else len(order), str(k)))


# --- writing YAML ---------------------------------------------------------------------------------------------

_PLAIN = re.compile(r"[A-Za-z0-9À-ɏ][A-Za-z0-9À-ɏ .%()'_/\-]*")


def _scalar(value: Any, flow: bool = False) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, int | float):
        return str(value)
    text = str(value)
    reserved = text.lower() in ("true", "false", "null", "yes", "no", "~") or text.endswith(" ")
    looks_numeric = re.fullmatch(r"[+-]?[0-9.]+", text) is not None
    if _PLAIN.fullmatch(text) and not reserved and not looks_numeric:
        return text
    if re.fullmatch(r"[+-]?[0-9]+([.,][0-9]+)?%", text) and not (flow and "," in text):
        return text
    return json.dumps(text, ensure_ascii=False)


def _key(key: Any) -> str:
    if isinstance(key, int) or (isinstance(key, str) and re.fullmatch(YEAR_PATTERN, key)):
        return str(key)
    return _scalar(key)


def _flow(value: Any) -> str:
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_key(k)}: {_flow(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_flow(v) for v in value) + "]"
    return _scalar(value, flow=True)


def _is_year_map(value: Any) -> bool:
    """{2026: 3%, 2027: 4%}: written on one line; every other mapping as a block, a key and its unit per line."""
    return (
        isinstance(value, dict)
        and all(re.fullmatch(YEAR_PATTERN, str(k)) for k in value)
        and all(not isinstance(v, dict | list) for v in value.values())
    )


def _with_comment(text: str, comment: str) -> str:
    if not comment:
        return text
    return f"{text.ljust(COMMENT_COLUMN - 1)} # {comment}"


def _block(
    key: Any, value: Any, node: dict[str, Any] | None, defs: dict[str, Any], prefix: str, indent: str
) -> list[str]:
    """`key: value` as block YAML, every line with `prefix` and its unit as a comment."""
    # a lever's own line: its description stands above it, so only a one-line lever (a setting) gets its unit
    unit = _unit(node, defs) if indent or not isinstance(value, dict | list) else ""
    head = f"{prefix}{indent}{_key(key)}:"
    if isinstance(value, dict) and value and not _is_year_map(value):
        lines = [_with_comment(head, unit)]
        for child in _ordered(value, node, defs):
            sub = _child(node, child, defs) if node else None
            lines += _block(child, value[child], sub, defs, prefix, indent + "  ")
        return lines
    if isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
        lines = [_with_comment(head, unit)]
        item_node = _deref(node, defs).get("items") if node else None
        for item in value:
            first = True
            for child in _ordered(item, item_node, defs):
                sub = _child(item_node, child, defs) if item_node else None
                part = _block(child, item[child], sub, defs, prefix, indent + "    ")
                if first:
                    part[0] = part[0].replace(f"{prefix}{indent}    ", f"{prefix}{indent}  - ", 1)
                    first = False
                lines += part
        return lines
    shown = _flow(value) if isinstance(value, dict | list) else _scalar(value)
    return [_with_comment(f"{head} {shown}", unit)]


def _lever(key: str, node: dict[str, Any], defs: dict[str, Any]) -> list[str]:
    """A lever from the schema's example, commented once; its other keys commented twice, with their examples."""
    example = _example(node, defs)
    lines = _block(key, example, node, defs, "# ", "")
    full = _deref(node, defs)
    if full.get("type") == "array":
        item = _deref(full.get("items", {}), defs)
        shown = example[0] if isinstance(example, list) and example else {}
        indent = "    "
    else:
        item = full
        shown = example if isinstance(example, dict) else {}
        indent = "  "
    for child, sub in item.get("properties", {}).items():
        if child in shown:
            continue
        value = _example(sub, defs)
        if value is None or value == "":
            value = "..."  # no example in the schema: the unit and description say what to write
        description = _deref(sub, defs).get("description", "")
        unit = _unit(sub, defs)
        shown_value = _flow(value) if isinstance(value, dict | list) else _scalar(value)
        comment = f"{unit}; {description}" if unit and description and unit != description else unit or description
        lines.append(_with_comment(f"# # {indent}{_key(child)}: {shown_value}", comment))
    return lines
