"""Strict YAML for scenario files: every value with its line, duplicate keys refused, decimals exact.

`read_yaml` (or `parse_yaml` on text already read) returns plain Python data (dict, list, str, int, Decimal,
bool, None) and a location map from each value's path, e.g. ``('jeugdhulp', 'volume', 'per_year', 2026)`` or
``('measures', 0, 'amounts')``, to the file and line where it was written. Every problem the YAML reader finds
becomes a `ScenarioError` naming the file and line; no traceback reaches the user.

Floats are read as exact `Decimal` from the text in the file, so ``0.1`` is ``Decimal('0.1')`` and ``509.000``
keeps its three decimals (which is how the loader recognises a Dutch thousands separator). The YAML version is
1.2, so ``yes`` and ``no`` are text, not booleans.

Hostile input fails fast, before it costs memory or time: a file must be a regular file (a device or a FIFO is
refused from `os.stat`, before it is opened) of at most `MAX_FILE_BYTES`; nesting is at most `MAX_DEPTH` levels
(checked while scanning); the YAML graph may hold at most `MAX_NODES` nodes counted after aliases are expanded (an
alias bomb is refused after composing, before anything is constructed); tags other than the standard scalar and
collection tags (`!!binary`, `!!set`, `!python/...`, any `!local` tag) are refused; every number must be below
`MAX_MAGNITUDE` with at most `MAX_DECIMALS` decimals; and a mapping may not hold the same year twice in two
spellings (`2027` and `"2027"`).

Two readers, one result. The fast one (`_fast_parse`) runs libyaml's C parser (ruamel.yaml.clib) and turns its
events into the plain data and the locations here, one event at a time with an explicit stack (no recursion),
the line of each key and item from the event's start mark; it reads a scenario file some 25 times faster. It
handles only the common case: mappings, lists and plain, quoted or block scalars, without anchors, aliases, tags,
directives or merge keys, decimal integers, numbers within range, each key once, at most MAX_DEPTH levels and
MAX_NODES values. It stops at the first event past a limit (so a 100,000-deep `[[[[...` costs 65 levels) and
returns None for anything else, and for every error libyaml raises. The strict one (`_strict_parse`: ruamel's
pure-Python round-trip reader, with the depth checked in its scanner, nodes counted in its composer, and the graph
checked for aliases and tags before anything is constructed) then reads the text again and is the one that
refuses it, with the line and hint it always gave. Texts where libyaml 0.1 and ruamel were found to read
differently (a tab, a byte-order mark inside the text, a second document marker or `...`, a carriage return
without a line feed, a block scalar that starts with an empty line) go to the strict reader straight away.
`tests/scenario/test_source_fast.py` compares the two on the shipped scenarios and on random YAML-like texts.
Without ruamel.yaml.clib, everything goes to the strict reader: the same results, slower.
"""

from __future__ import annotations

import datetime
import re
import warnings
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq, TaggedScalar
from ruamel.yaml.composer import Composer
from ruamel.yaml.constructor import DuplicateKeyError, RoundTripConstructor
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.nodes import ScalarNode
from ruamel.yaml.scanner import RoundTripScanner

from hengelo_scenario.errors import Problem, ScenarioError, UnreadableFileError
from hengelo_scenario.files import read_regular_file
from hengelo_scenario.scenario.paths import FieldPath, Location, Locations, PathKey, dotted, nearest_location
from hengelo_scenario.text import excerpt, visible

__all__ = [
    "ALLOWED_TAGS",
    "MAX_DECIMALS",
    "MAX_FILE_BYTES",
    "MAX_MAGNITUDE",
    "MAX_NODES",
    "FieldPath",
    "Location",
    "Locations",
    "dotted",
    "nearest_location",
    "parse_yaml",
    "read_text",
    "read_yaml",
]


MAX_FILE_BYTES = 1024 * 1024  # a scenario is a few kilobytes; 1 MiB leaves room for long descriptions
MAX_NODES = 10_000  # YAML nodes (also after aliases are expanded); a large scenario has a few hundred
MAX_DEPTH = 64  # levels of nesting; a scenario has five, and the scanner slows down quadratically with depth
MAX_MAGNITUDE = 10**15  # euros (and any other number): a municipal budget is far below a thousand trillion
MAX_DECIMALS = 20  # more is not an amount or a percentage but a precision the exact engine cannot carry
_YAML_TAG = "tag:yaml.org,2002:"
ALLOWED_TAGS = frozenset(
    _YAML_TAG + name for name in ("str", "int", "float", "bool", "null", "map", "seq", "timestamp", "merge")
)


class _TooLarge(Exception):
    """The YAML graph holds more nodes than MAX_NODES as written (`expanded` False) or once aliases are expanded."""

    def __init__(self, line: int, expanded: bool = True) -> None:
        super().__init__(line)
        self.line = line
        self.expanded = expanded


class _CountingComposer(Composer):
    """The composer, counting nodes as it builds them: a file of 100,000 values stops at the limit, not after."""

    def compose_node(self, parent: Any, index: Any) -> Any:
        self.nodes_composed = getattr(self, "nodes_composed", 0) + 1
        if self.nodes_composed > MAX_NODES:
            event = self.parser.peek_event()
            raise _TooLarge(event.start_mark.line + 1 if event.start_mark else 1, expanded=False)
        return super().compose_node(parent, index)


class _TooDeep(Exception):
    def __init__(self, line: int) -> None:
        super().__init__(line)
        self.line = line


class _DepthScanner(RoundTripScanner):
    """The round-trip scanner, refusing nesting deeper than MAX_DEPTH as it scans (before any recursion)."""

    def fetch_flow_collection_start(self, TokenClass: Any, to_push: str) -> None:
        if len(self.flow_context) >= MAX_DEPTH:
            raise _TooDeep(self.reader.get_mark().line + 1)
        super().fetch_flow_collection_start(TokenClass, to_push)

    def add_indent(self, column: int) -> bool:
        if len(self.indents) >= MAX_DEPTH:
            raise _TooDeep(self.reader.get_mark().line + 1)
        return super().add_indent(column)


class _BadTag(Exception):
    def __init__(self, tag: str, line: int, path: FieldPath) -> None:
        super().__init__(tag)
        self.tag = tag
        self.line = line
        self.path = path


def _check_graph(root: Any) -> None:
    """Count the nodes of the composed graph with aliases expanded, and refuse odd tags, before constructing.

    Sizes are memoised per node, so an alias bomb (9 levels of 9 aliases) costs a few hundred steps, not 9^9.
    """
    sizes: dict[int, int] = {}
    active: set[int] = set()

    def size(node: Any, path: FieldPath) -> int:
        key = id(node)
        if key in sizes:
            return sizes[key]
        if key in active:  # a recursive alias; reported as such when the data is made plain
            return 1
        tag = getattr(node, "tag", None)
        tag = str(getattr(tag, "value", tag) or "")
        line = node.start_mark.line + 1 if getattr(node, "start_mark", None) is not None else 1
        if tag and tag not in ALLOWED_TAGS:
            raise _BadTag(tag, line, path)
        active.add(key)
        total = 1
        value = node.value
        if isinstance(value, list):
            for index, item in enumerate(value):
                if isinstance(item, tuple):  # a mapping's (key, value)
                    if not isinstance(item[0], ScalarNode):  # `? [a, {b: c}]`: unhashable, refused before building
                        raise _ComplexKey(item[0].start_mark.line + 1, path)
                    name = item[0].value if isinstance(item[0].value, str) else "?"
                    total += size(item[0], path) + size(item[1], (*path, name))
                else:
                    total += size(item, (*path, index))
                if total > MAX_NODES:
                    raise _TooLarge(line)
        active.discard(key)
        sizes[key] = total
        return total

    if size(root, ()) > MAX_NODES:
        raise _TooLarge(1)


class _ComplexKey(Exception):
    def __init__(self, line: int, path: FieldPath) -> None:
        super().__init__(line)
        self.line = line
        self.path = path


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

    def get_single_data(self) -> Any:
        """Compose, check the graph's size and tags, then construct (never construct an alias bomb)."""
        node = self.composer.get_single_node()
        if node is None:
            return None
        _check_graph(node)
        return self.construct_document(node)


ExactConstructor.add_constructor("tag:yaml.org,2002:float", ExactConstructor.construct_exact_float)


def _yaml() -> YAML:
    yaml = YAML(typ="rt", pure=True)
    yaml.Constructor = ExactConstructor
    yaml.Scanner = _DepthScanner
    yaml.Composer = _CountingComposer
    yaml.allow_duplicate_keys = False
    return yaml


def read_text(path: Path, shown: str | None = None, *, limit: int = MAX_FILE_BYTES) -> tuple[bytes, str]:
    """The file's bytes and its text (UTF-8, a byte-order mark allowed), or UnreadableFileError.

    Only a regular file is opened (os.stat first: opening a FIFO would block, reading /dev/zero would never end),
    and at most `limit` bytes are read, however large the file claims to be.
    """
    name = shown if shown is not None else str(path)
    data = read_regular_file(path, name, limit, what="scenario file", hint="a scenario file is a few kilobytes")
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
    odd = _ODD_BREAK.search(text)
    if odd is not None:  # the YAML reader breaks lines there (and folds them into spaces); an editor does not
        line = text.count("\n", 0, odd.start()) + 1
        raise ScenarioError(
            [
                Problem(
                    file,
                    f"line {line}",
                    "(YAML)",
                    "text without the line-break characters NEL, LS and PS",
                    visible(odd.group()),
                    "remove it: an editor shows nothing there, but YAML reads a line break",
                )
            ]
        )
    if _CParser is not None and _UNUSUAL.search(text) is None:
        fast = _fast_parse(text, file)
        if fast is not None:
            return fast
    return _strict_parse(text, file)


def _strict_parse(text: str, file: str) -> tuple[Any, Locations]:
    """The pure-Python round-trip reader: slow, but it knows every limit and says exactly what is wrong where."""
    try:
        with warnings.catch_warnings():  # ruamel warns on stderr of an anchor used twice; the data is what counts
            warnings.simplefilter("ignore")
            document = _yaml().load(text)
    except _TooDeep as error:
        raise ScenarioError(
            [
                Problem(
                    file,
                    f"line {error.line}",
                    "(YAML)",
                    f"a scenario nested at most {MAX_DEPTH} levels deep",
                    "deeper nesting",
                    "a scenario needs five levels at most; check the brackets and the indentation",
                )
            ]
        ) from None
    except _TooLarge as error:
        found = "more (aliases that refer to aliases multiply)" if error.expanded else f"more by line {error.line}"
        hint = "write the values out, or use fewer nested aliases" if error.expanded else "split the scenario up"
        raise ScenarioError(
            [
                Problem(
                    file,
                    f"line {error.line}",
                    "(YAML)",
                    f"at most {MAX_NODES:,} values, counting every alias (*name) as a copy of what it refers to",
                    found,
                    hint,
                )
            ]
        ) from None
    except _BadTag as error:
        raise ScenarioError(
            [
                Problem(
                    file,
                    f"line {error.line}",
                    dotted(error.path) if error.path else "(YAML)",
                    "plain YAML values (text, numbers, true/false, mappings, lists), without tags",
                    f"the tag {visible(_short_tag(error.tag))[:60]}",
                    "remove the tag; a scenario file needs no binary data, sets or language-specific objects",
                )
            ]
        ) from None
    except _ComplexKey as error:
        raise ScenarioError(
            [
                Problem(
                    file,
                    f"line {error.line}",
                    dotted(error.path),
                    "a simple key (a word or a year)",
                    "a complex key",
                )
            ]
        ) from None
    except _NotANumber as error:
        raise ScenarioError(
            [
                Problem(
                    file,
                    f"line {error.line}",
                    "(YAML)",
                    "a finite number",
                    visible(error.text)[:40],
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


_ODD_BREAK = re.compile("[\x85\u2028\u2029]")


def _short_tag(tag: str) -> str:
    return "!!" + tag[len(_YAML_TAG) :] if tag.startswith(_YAML_TAG) else tag


_DUPLICATE = re.compile(r'found duplicate key "(?P<key>.*?)"')


def _duplicate_key_problem(error: DuplicateKeyError, file: str) -> Problem:
    mark = error.problem_mark
    line = mark.line + 1 if mark is not None else None
    match = _DUPLICATE.search(error.problem or "")
    key = visible(match.group("key")) if match else "?"
    start = error.context_mark.line + 1 if error.context_mark is not None else None
    where = f" (the mapping that starts on line {start})" if start is not None else ""
    return Problem(
        file,
        f"line {line}" if line is not None else "(no line)",
        key,
        f"each key once in a mapping{where}",
        f"{excerpt(key)} a second time",
        "remove or rename one of them; otherwise only one of the two values would count",
        "scenario.duplicate-key",
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
        visible(problem)[:200] or "text the YAML reader does not understand",
        hint,
        "scenario.yaml-syntax",
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
            Problem(
                file,
                f"line {here}",
                dotted(path),
                "plain YAML without tags",
                f"the tag {excerpt(tag)}",
                "remove the tag",
            )
        )
        return None
    if isinstance(value, dict):
        result: dict[PathKey, Any] = {}
        seen: dict[Any, tuple[PathKey, int]] = {}
        for key in value:
            if isinstance(key, (dict, list, tuple)):
                line = here
                problems.append(
                    Problem(file, f"line {line}", dotted(path), "a simple key (a word or a year)", "a complex key")
                )
                continue
            plain_key = _plain_key(key)
            line = _line_of_key(value, key, here) if isinstance(value, CommentedMap) else here
            same = _same_key(plain_key)
            if same in seen:
                first, first_line = seen[same]
                problems.append(
                    Problem(
                        file,
                        f"line {line}",
                        dotted((*path, plain_key)),
                        f"each key once in a mapping (the same year: {_spelling(first)} on line {first_line})",
                        f"{_spelling(plain_key)} on line {line}, the same year spelt differently",
                        "remove or merge one of them; otherwise only one of the two values would count",
                    )
                )
                continue
            seen[same] = (plain_key, line)
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
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, Decimal):
        return _number(value, path, here, file, problems)
    if isinstance(value, int):
        if type(value).__name__ == "ScalarBoolean":
            return bool(value)
        return _number(int(value), path, here, file, problems)
    if isinstance(value, float):  # not produced by ExactConstructor, but never let a binary float through
        return _number(Decimal(repr(value)), path, here, file, problems)
    if isinstance(value, str):
        return str(value)
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()
    return str(value)


def _same_key(key: PathKey) -> Any:
    """Keys that name the same year, as a number or as text (other keys in any case are compared later, in context)."""
    if isinstance(key, int):
        return key
    text = str(key).strip()
    if text.isdigit() and len(text) == 4:
        return int(text)
    return ("text", key)


def _spelling(key: PathKey) -> str:
    return f"{key} (a number)" if isinstance(key, int) else f"{excerpt(str(key))} (text)"


def _number(value: int | Decimal, path: FieldPath, line: int, file: str, problems: list[Problem]) -> Any:
    """A number within the range a budget uses, or a problem (never a traceback later in the exact engine)."""
    if isinstance(value, int):
        ok = abs(value) < MAX_MAGNITUDE
        shown = str(value) if len(str(value)) <= 40 else f"a number of {len(str(abs(value)))} digits"
    else:
        exponent = value.normalize().as_tuple().exponent
        decimals = -exponent if isinstance(exponent, int) and exponent < 0 else 0
        ok = value.is_zero() or (value.adjusted() < 15 and decimals <= MAX_DECIMALS)
        shown = format(value, "f") if abs(value.adjusted()) < 25 else str(value)
    if ok:
        return value
    problems.append(
        Problem(
            file,
            f"line {line}",
            dotted(path),
            f"a number below 10^15 (a thousand trillion) in size, with at most {MAX_DECIMALS} decimals",
            excerpt(shown, 40),
            "amounts are euros, percentages are written as 4.96%",
        )
    )
    return None


def _has_custom_tag(value: Any) -> bool:
    tag = getattr(value, "tag", None)
    text = getattr(tag, "value", tag)
    return isinstance(text, str) and bool(text) and text.startswith("!") and not text.startswith("!!")


def _tag_text(value: Any) -> str:
    tag = getattr(value, "tag", None)
    return str(getattr(tag, "value", tag))


# --- the fast reader: libyaml's C parser, events turned into plain data here ----------------------------------

try:  # ruamel.yaml.clib: libyaml compiled, about 30 times faster than the pure-Python scanner and parser
    from _ruamel_yaml import CParser as _CParser
except ImportError:  # pragma: no cover - the pure-Python reader does everything, only slower
    _CParser = None

from ruamel.yaml.events import (  # noqa: E402 - grouped with the fast reader that uses them
    AliasEvent,
    DocumentEndEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
    StreamStartEvent,
)
from ruamel.yaml.resolver import implicit_resolvers as _IMPLICIT_RESOLVERS  # noqa: E402

FAST_READER = _CParser is not None


class _Defer(Exception):
    """The fast reader leaves this text to the strict reader: something is wrong with it, or it is unusual."""


def _plain_tags() -> dict[str, list[tuple[str, Any]]]:
    """YAML 1.2's implicit tags for plain scalars, by first character, as ruamel's resolver applies them."""
    table: dict[str, list[tuple[str, Any]]] = {}
    for versions, tag, regexp, first in _IMPLICIT_RESOLVERS:
        if (1, 2) in versions:
            compiled = re.compile(regexp.pattern, regexp.flags)  # ruamel's RegExp is lazy: a lookup per use
            for char in first:
                table.setdefault(char, []).append((tag, compiled))
    return table


_PLAIN_TAGS = _plain_tags()
_DECIMAL_INT = re.compile(r"[-+]?(?:0|[1-9][0-9]*)")
_TRUE = frozenset({"true", "True", "TRUE"})


def _fast_scalar(event: Any) -> Any:
    """A scalar's value as the strict reader makes it, or _Defer for anything it would treat specially."""
    value: str = event.value
    if event.style:  # quoted, literal or folded: always text
        if value[:1] in ("", "\n") and event.style in "|>":
            raise _Defer  # empty or leading empty lines in a block scalar: ruamel refuses some that libyaml reads
        return value
    tag = next((tag for tag, regexp in _PLAIN_TAGS.get(value[:1], ()) if regexp.match(value)), None)
    if tag is None:
        return value
    if tag == _YAML_TAG + "int":
        if _DECIMAL_INT.fullmatch(value) is None:  # 0x.., 0o.., 1_000, 007: left to the strict reader
            raise _Defer
        number: int | Decimal = int(value)
    elif tag == _YAML_TAG + "float":
        try:
            number = Decimal(value.replace("_", "").strip())
        except InvalidOperation:
            raise _Defer from None
        if not number.is_finite():
            raise _Defer
    elif tag == _YAML_TAG + "bool":
        return value in _TRUE
    elif tag == _YAML_TAG + "null":
        return None
    else:  # merge keys, timestamps, '=': left to the strict reader
        raise _Defer
    problems: list[Problem] = []
    _number(number, (), 0, "", problems)
    if problems:
        raise _Defer
    return number


def _fast_parse(text: str, file: str) -> tuple[Any, Locations] | None:
    """Plain data and locations from libyaml's events, exactly as the strict reader gives them; None to defer.

    Only the common case is handled here: mappings, lists and plain scalars, without anchors, aliases, tags,
    directives or merge keys, and within every limit. Anything else, and every error (syntax, duplicate keys,
    a number out of range, nesting deeper than MAX_DEPTH, more than MAX_NODES values), returns None, so that the
    strict reader reads the text again and reports the problem with its own line and hint. The events are
    handled one at a time with an explicit stack (no recursion), and reading stops at the first event past a
    limit, so a 100,000-deep `[[[[...` costs no more than 65 levels of it.
    """
    parser = _CParser(text)
    try:
        return _fast_events(parser.get_event, file)
    except _Defer:
        return None
    except Exception:  # any error of libyaml's: the strict reader says what and where
        return None
    finally:
        parser.dispose()


def _fast_events(get: Any, file: str) -> tuple[Any, Locations]:
    locations: Locations = {(): (file, 1)}
    if type(get()) is not StreamStartEvent:
        raise _Defer
    event = get()
    if type(event) is StreamEndEvent:
        return None, locations
    if type(event) is not DocumentStartEvent or event.version is not None or event.tags:
        raise _Defer  # %YAML and %TAG directives change how the rest is read
    # A frame per open collection: [container, path, key awaited (mappings), seen keys (mappings)]
    stack: list[list[Any]] = []
    nodes = 0
    root: Any = None
    while True:
        event = get()
        kind = type(event)
        if kind is ScalarEvent or kind is MappingStartEvent or kind is SequenceStartEvent:
            nodes += 1
            if nodes > MAX_NODES or event.anchor is not None or event.tag is not None:
                raise _Defer
            value: Any
            if kind is ScalarEvent:
                value = _fast_scalar(event)
            else:
                value = {} if kind is MappingStartEvent else []
            line = event.start_mark.line + 1
            if stack:
                frame = stack[-1]
                container = frame[0]
                if type(container) is list:
                    path = (*frame[1], len(container))
                    locations[path] = (file, line)
                    container.append(value)
                elif frame[2] is _AWAITED:  # a key
                    if kind is not ScalarEvent or (type(value) is not str and type(value) is not int):
                        raise _Defer  # complex, null, boolean or decimal keys: the strict reader's business
                    same = _same_key(value)
                    if same in frame[3]:
                        raise _Defer  # a duplicate, or the same year twice in two spellings
                    frame[3].add(same)
                    frame[2] = value
                    path = (*frame[1], value)
                    locations[path] = (file, line)
                    continue
                else:
                    path = (*frame[1], frame[2])
                    container[frame[2]] = value
                    frame[2] = _AWAITED
            else:
                path = ()
                root = value
            if kind is not ScalarEvent:
                if len(stack) >= MAX_DEPTH:
                    raise _Defer
                stack.append([value, path, _AWAITED, set()])
        elif kind is MappingEndEvent or kind is SequenceEndEvent:
            stack.pop()
        elif kind is DocumentEndEvent:
            break
        elif kind is AliasEvent:
            raise _Defer
        else:
            raise _Defer
    if type(get()) is not StreamEndEvent or type(root) not in (dict, list):
        raise _Defer  # a second document, or a document that is one scalar (the strict reader's `...` differs)
    return root, locations


_AWAITED = object()
# Where libyaml 0.1 and ruamel's reader were seen to differ, the text goes to the strict reader straight away: tabs
# (libyaml allows them in more places), byte-order marks inside the text (libyaml skips one at a line's start),
# a second document marker or `...` (libyaml allows `...` twice), and a carriage return without a line feed.
_UNUSUAL = re.compile(r"\t|\ufeff|\r(?!\n)|(?:\A|\n)(?:\.\.\.|---(?=[ \r\n]|\Z)[^\x00]*\n---(?=[ \r\n]|\Z))")
