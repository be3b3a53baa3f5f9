"""Strict YAML for scenario files: every value with its line, duplicate keys refused, decimals exact.

`read_yaml` (or `parse_yaml` on text already read) returns plain Python data (dict, list, str, int, Decimal,
bool, None) and a location map from each value's path, e.g. ``('jeugdhulp', 'volume', 'per_year', 2026)`` or
``('measures', 0, 'amounts')``, to the file and line where it was written. Every problem the YAML reader finds
becomes a `ScenarioError` naming the file and line; no traceback reaches the user.

Floats are read as exact `Decimal` from the text in the file, so ``0.1`` is ``Decimal('0.1')`` and ``509.000``
keeps its three decimals (which is how the loader recognises a Dutch thousands separator). The YAML version is
1.2, so ``yes`` and ``no`` are text, not booleans.
"""

from __future__ import annotations

import datetime
import re
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq, TaggedScalar
from ruamel.yaml.constructor import DuplicateKeyError, RoundTripConstructor
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.nodes import ScalarNode

from hengelo_scenario.errors import Problem, ScenarioError, UnreadableFileError
from hengelo_scenario.scenario.paths import FieldPath, Location, Locations, PathKey, dotted, nearest_location

__all__ = [
    "FieldPath",
    "Location",
    "Locations",
    "dotted",
    "nearest_location",
    "parse_yaml",
    "read_text",
    "read_yaml",
]


class _NotANumber(Exception):
    """Raised while constructing `.inf` or `.nan`; turned into a ScenarioError with the line."""

    def __init__(self, text: str, line: int) -> None:
        super().__init__(text)
        self.text = text
        self.line = line


class ExactConstructor(RoundTripConstructor):
    """The round-trip constructor, with YAML floats as exact Decimals built from the text in the file."""

    def construct_exact_float(self, node: ScalarNode) -> Decimal:
        text = str(node.value).replace("_", "").strip()
        try:
            value = Decimal(text)
        except InvalidOperation:
            raise _NotANumber(text, node.start_mark.line + 1) from None
        if not value.is_finite():
            raise _NotANumber(text, node.start_mark.line + 1)
        return value


ExactConstructor.add_constructor("tag:yaml.org,2002:float", ExactConstructor.construct_exact_float)


def _yaml() -> YAML:
    yaml = YAML(typ="rt", pure=True)
    yaml.Constructor = ExactConstructor
    yaml.allow_duplicate_keys = False
    return yaml


def read_text(path: Path, shown: str | None = None) -> tuple[bytes, str]:
    """The file's bytes and its text (UTF-8, a byte-order mark allowed), or UnreadableFileError."""
    name = shown if shown is not None else str(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise UnreadableFileError(name, "no such file") from None
    except IsADirectoryError:
        raise UnreadableFileError(name, "this is a folder, not a scenario file") from None
    except OSError as error:
        raise UnreadableFileError(name, f"cannot be read ({error.strerror or error})") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise UnreadableFileError(
            name,
            f"not a text file in UTF-8 (byte {error.start})",
            "save the scenario as UTF-8 text (any plain-text editor can)",
        ) from None
    return data, text


def read_yaml(path: Path, shown: str | None = None) -> tuple[Any, Locations]:
    """Read a YAML file strictly: (plain data, location map). `shown` is the name used in messages."""
    name = shown if shown is not None else str(path)
    _, text = read_text(path, name)
    return parse_yaml(text, name)


def parse_yaml(text: str, file: str) -> tuple[Any, Locations]:
    """Parse YAML text strictly: (plain data, location map); every reader failure is a ScenarioError."""
    try:
        document = _yaml().load(text)
    except _NotANumber as error:
        raise ScenarioError(
            [
                Problem(
                    file,
                    f"line {error.line}",
                    "(YAML)",
                    "a finite number",
                    error.text,
                    "infinity and not-a-number are not amounts or percentages",
                )
            ]
        ) from None
    except DuplicateKeyError as error:
        raise ScenarioError([_duplicate_key_problem(error, file)]) from None
    except MarkedYAMLError as error:
        raise ScenarioError([_syntax_problem(error, file)]) from None
    except YAMLError as error:
        position = getattr(error, "position", None)
        where = f"line {text[:position].count(chr(10)) + 1}" if isinstance(position, int) else "(no line)"
        reason = _clean(str(error)).split(' in "<unicode string>"')[0]
        raise ScenarioError([Problem(file, where, "(YAML)", "valid YAML text", reason)]) from None
    except RecursionError:
        raise ScenarioError(
            [Problem(file, "(no line)", "(YAML)", "a scenario nested a few levels deep", "nesting too deep to read")]
        ) from None
    locations: Locations = {(): (file, 1)}
    problems: list[Problem] = []
    try:
        data = _plain(document, (), locations, file, problems, set())
    except RecursionError:
        raise ScenarioError(
            [Problem(file, "(no line)", "(YAML)", "a scenario nested a few levels deep", "nesting too deep to read")]
        ) from None
    if problems:
        raise ScenarioError(problems)
    return data, locations


_DUPLICATE = re.compile(r'found duplicate key "(?P<key>.*?)"')


def _duplicate_key_problem(error: DuplicateKeyError, file: str) -> Problem:
    mark = error.problem_mark
    line = mark.line + 1 if mark is not None else None
    match = _DUPLICATE.search(error.problem or "")
    key = match.group("key") if match else "?"
    start = error.context_mark.line + 1 if error.context_mark is not None else None
    where = f" (the mapping that starts on line {start})" if start is not None else ""
    return Problem(
        file,
        f"line {line}" if line is not None else "(no line)",
        key,
        f"each key once in a mapping{where}",
        f"'{key}' a second time",
        "remove or rename one of them; otherwise only one of the two values would count",
    )


def _syntax_problem(error: MarkedYAMLError, file: str) -> Problem:
    mark = error.problem_mark or error.context_mark
    problem = _clean(error.problem or "").replace("'<stream end>'", "the end of the file")
    hint = ""
    if error.context and error.context_mark is not None:
        hint = f"the problem is in what starts on line {error.context_mark.line + 1} ({_clean(error.context)})"
        if "the end of the file" in problem:  # something opened there is never closed: point at the opening
            mark = error.context_mark
            hint = f"something opened here is not closed ({_clean(error.context)})"
    line = mark.line + 1 if mark is not None else None
    if "\\t" in problem or "'\\t'" in problem or "tab" in problem:
        hint = "indent with spaces, not tabs"
    elif "mapping values are not allowed" in problem:
        hint = "a value with ': ' in it needs quotes, or a key is indented wrongly"
    return Problem(
        file,
        f"line {line}" if line is not None else "(no line)",
        "(YAML syntax)",
        "valid YAML",
        problem or "text the YAML reader does not understand",
        hint,
    )


def _clean(text: str) -> str:
    return " ".join(text.split())


def _line_of_key(container: CommentedMap, key: Any, fallback: int) -> int:
    try:
        return int(container.lc.key(key)[0]) + 1
    except (KeyError, AttributeError, TypeError, IndexError):
        return fallback


def _line_of_item(container: CommentedSeq, index: int, fallback: int) -> int:
    try:
        return int(container.lc.item(index)[0]) + 1
    except (KeyError, AttributeError, TypeError, IndexError):
        return fallback


def _plain_key(key: Any) -> PathKey:
    """Mapping keys as text or integers (years); other scalars as the text a person wrote."""
    if isinstance(key, bool):
        return "true" if key else "false"
    if isinstance(key, int):
        return int(key)
    if isinstance(key, str):
        return str(key)
    if key is None:
        return "null"
    if isinstance(key, Decimal):
        return str(key)
    if isinstance(key, datetime.date):
        return key.isoformat()
    return str(key)


def _plain(
    value: Any, path: FieldPath, locations: Locations, file: str, problems: list[Problem], active: set[int]
) -> Any:
    """Plain Python data from the round-trip objects, recording the line of every key and list item."""
    here = locations.get(path, (file, 1))[1]
    if isinstance(value, (dict, list)):
        if id(value) in active:
            problems.append(Problem(file, f"line {here}", dotted(path), "a value", "an alias that refers to itself"))
            return None
        active = active | {id(value)}
    if isinstance(value, TaggedScalar) or _has_custom_tag(value):
        tag = _tag_text(value)
        problems.append(
            Problem(file, f"line {here}", dotted(path), "plain YAML without tags", f"the tag {tag}", "remove the tag")
        )
        return None
    if isinstance(value, dict):
        result: dict[PathKey, Any] = {}
        for key in value:
            if isinstance(key, (dict, list, tuple)):
                line = here
                problems.append(
                    Problem(file, f"line {line}", dotted(path), "a simple key (a word or a year)", "a complex key")
                )
                continue
            plain_key = _plain_key(key)
            line = _line_of_key(value, key, here) if isinstance(value, CommentedMap) else here
            child = (*path, plain_key)
            locations[child] = (file, line)
            result[plain_key] = _plain(value[key], child, locations, file, problems, active)
        return result
    if isinstance(value, list):
        items = []
        for index, item in enumerate(value):
            line = _line_of_item(value, index, here) if isinstance(value, CommentedSeq) else here
            child = (*path, index)
            locations[child] = (file, line)
            items.append(_plain(item, child, locations, file, problems, active))
        return items
    if isinstance(value, bool) or value is None or isinstance(value, Decimal):
        return value
    if isinstance(value, int):
        if type(value).__name__ == "ScalarBoolean":
            return bool(value)
        return int(value)
    if isinstance(value, float):  # not produced by ExactConstructor, but never let a binary float through
        return Decimal(repr(value))
    if isinstance(value, str):
        return str(value)
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()
    return str(value)


def _has_custom_tag(value: Any) -> bool:
    tag = getattr(value, "tag", None)
    text = getattr(tag, "value", tag)
    return isinstance(text, str) and bool(text) and text.startswith("!") and not text.startswith("!!")


def _tag_text(value: Any) -> str:
    tag = getattr(value, "tag", None)
    return str(getattr(tag, "value", tag))
