"""Scenario files: found by name, read strictly, `extends` merged in, validated, every problem with file and line.

`load_scenario_file(path)` returns a `ScenarioFile`: the validated model, the path as given, the SHA-256 of the
file's bytes, the scenario after `extends` as YAML text (for provenance) and the location map that `resolve` uses
to point at the line of every field, in whichever file of the `extends` chain wrote it.

`extends` merges the parent into the child: mappings are merged key by key (the child's value wins; keys match
case-insensitively, years as numbers), except that a lever of youth care (`price`, `volume`, `regie_op_toegang`)
is taken whole from the child, because its forms `per_year` and `growth` exclude each other. `measures` are merged
by name: a child's measure replaces the parent's measure of the same name in place, new ones are appended.
`name`, `description`, `author` and `expect` (the figures the file pins for `check`) are not inherited; `baseline`
is, relative to the file that wrote it. The merged scenario is validated as a whole, so a parent may leave out what
its children fill in.

A scenario file references only scenario files and workbooks: an `extends:` target must be a regular `.yaml` or
`.yml` file and a `baseline:` target an `.xlsx` file, inside an allowed folder: the folder of the scenario file that
was loaded, the current folder, a root given in `allowed_roots` (the workspace configuration), or the shipped
scenarios (for a bare name). Anything else is refused on the `extends:` or `baseline:` line, and the message never
quotes the target's content, so `extends: ../../etc/passwd` in a merge request cannot print a file into a CI log.
"""

from __future__ import annotations

import copy
import functools
import hashlib
import os
import re
import stat
import types
import typing
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property
from io import StringIO
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from hengelo_scenario.errors import Problem, ScenarioError, UnreadableFileError
from hengelo_scenario.levers import all_levers
from hengelo_scenario.resources import shipped_scenarios_dir
from hengelo_scenario.scenario import schema
from hengelo_scenario.scenario.schema import TAG_PREFIX, ScenarioFields, section_models
from hengelo_scenario.scenario.source import (
    FieldPath,
    Location,
    Locations,
    dotted,
    nearest_location,
    parse_yaml,
    read_text,
)
from hengelo_scenario.scenario.values import StrictModel, describe, suggest
from hengelo_scenario.text import excerpt, visible

__all__ = [
    "SCENARIO_SUFFIXES",
    "ScenarioFile",
    "find_scenario",
    "load_scenario_file",
    "load_scenario_text",
    "problems_from",
    "scenario_folders",
]

SCENARIO_SUFFIXES = (".yaml", ".yml")
BASELINE_SUFFIXES = (".xlsx",)
NOT_INHERITED = ("name", "description", "author", "expect")


@dataclass(frozen=True)
class ScenarioFile:
    """A scenario file, read, merged with what it extends, and validated; not yet checked against a baseline."""

    model: ScenarioFields  # the assembled ScenarioModel: its levers are attributes by their keys
    path: str  # the file as the user named it
    sha256: str  # of the file's bytes (the parents' text is in `resolved_text`)
    merged: Mapping[str | int, Any] = field(repr=False, compare=False)  # the data after `extends`
    locations: Mapping[FieldPath, Location] = field(default_factory=dict, repr=False, compare=False)
    baseline: Path | None = None  # the `baseline:` workbook, relative to the file that named it
    chain: tuple[str, ...] = ()  # this file, then what it extends, then what that extends ...

    @cached_property
    def resolved_text(self) -> str:
        """The scenario after `extends`, as YAML, for provenance; written only when an export asks for it."""
        return _dump(dict(self.merged), list(self.chain))

    def location(self, path: FieldPath) -> Location | None:
        """The file and line of a field, or of its nearest parent written in a file."""
        return nearest_location(self.locations, path, self.path)


# --- finding a scenario ---------------------------------------------------------------------------------------


def _with_suffixes(name: str) -> list[str]:
    if name.lower().endswith(SCENARIO_SUFFIXES):
        return [name]
    return [name + suffix for suffix in SCENARIO_SUFFIXES]


def _available(folders: list[Path]) -> list[str]:
    names: list[str] = []
    for folder in folders:
        if folder.is_dir():
            for path in sorted(folder.iterdir()):
                hidden = path.name.startswith(".")  # .gitlab-ci.yml is not a scenario
                if (
                    path.suffix.lower() in SCENARIO_SUFFIXES
                    and not hidden
                    and path.is_file()
                    and path.stem not in names
                ):
                    names.append(path.stem)
    return names


def _shown_from(path: Path, cwd: Path) -> Path:
    """A found file as the user would name it: relative to the working folder when inside it."""
    try:
        return path.resolve().relative_to(cwd.resolve())
    except ValueError:
        return path


def scenario_folders(cwd: Path) -> list[Path]:
    """Where a bare scenario name is looked up by default: the folder itself, its scenarios/, the shipped ones."""
    return [cwd, cwd / "scenarios", shipped_scenarios_dir()]


def find_scenario(name: str, cwd: Path, folders: Sequence[Path] | None = None) -> Path:
    """The scenario file for a name on the command line.

    An existing path (absolute, or relative to `cwd`) wins. Otherwise a bare name, with or without `.yaml` or
    `.yml`, is looked up in each of `folders` in turn: by default `cwd` itself, `cwd/scenarios/` and the shipped
    scenarios (a workspace passes its own scenario folder).
    """
    text = name.strip()
    given = Path(text).expanduser()
    here = cwd.resolve() == Path.cwd().resolve()
    if text:
        full = given if given.is_absolute() else cwd / given
        if full.is_file():
            return given if here and not given.is_absolute() else full
    search = list(folders) if folders is not None else scenario_folders(cwd)
    bare = text and given.name == text and text not in (".", "..")
    if bare:
        for folder in search:
            for candidate in _with_suffixes(text):
                path = folder / candidate
                if path.is_file():
                    return _shown_from(path, cwd) if here else path
    available = _available(search)
    looked = [f"{cwd / given if not given.is_absolute() else given} (as a path)"]
    if bare:
        looked += [f"{folder}{os.sep}" for folder in search]
    close = suggest(Path(text).stem, available) if text else ""
    hint = close
    if available:
        hint = (hint + " " if hint else "") + "Available: " + ", ".join(available)
    raise UnreadableFileError(name or "(no name)", "no such scenario; looked in " + ", ".join(looked), hint)


# --- loading --------------------------------------------------------------------------------------------------


def load_scenario_file(path: Path, *, allowed_roots: Sequence[Path] = ()) -> ScenarioFile:
    """Read, merge (`extends`) and validate a scenario file; ScenarioError lists every problem at once.

    `extends:` and `baseline:` targets must lie inside the file's own folder, the current folder or one of
    `allowed_roots` (a bare `extends: name` found among the shipped scenarios is allowed too).
    """
    raw, text = read_text(path, str(path))
    return _validated(Path(path), raw, text, allowed_roots=allowed_roots)


def load_scenario_text(
    text: str, name: str = "(scenario text)", folder: Path | None = None, *, allowed_roots: Sequence[Path] = ()
) -> ScenarioFile:
    """A scenario given as YAML text rather than a file (the Python API): `name` stands for the file in messages,
    and `extends:` and `baseline:` are read relative to `folder` (default: the working folder)."""
    return _validated(
        (folder or Path.cwd()) / name, text.encode("utf-8"), text, shown=name, allowed_roots=allowed_roots
    )


def _validated(
    path: Path, raw: bytes, text: str, shown: str | None = None, allowed_roots: Sequence[Path] = ()
) -> ScenarioFile:
    shown = shown if shown is not None else str(path)
    chain: list[str] = []
    roots = _roots(Path(path), allowed_roots)
    data, locations = _load_merged(Path(path), text, chain, stack=[], roots=roots, shown=shown)
    problems: list[Problem] = []
    model: ScenarioFields | None = None
    try:
        model = schema.validate(data)
    except ValidationError as error:
        problems = problems_from(error, locations, shown)
        reported = {dotted(_clean_loc(detail["loc"])) for detail in error.errors(include_url=False)}
    else:
        reported = set()
    reported |= {problem.field for problem in problems}
    for empty in _empty_values(data, ()):
        if dotted(empty) not in reported:
            file, line = nearest_location(locations, empty, shown) or (shown, 1)
            problems.append(
                Problem(
                    file,
                    f"line {line}",
                    dotted(empty),
                    "a value",
                    "nothing",
                    "write a value after the colon or indent the keys below it, or remove the line",
                )
            )
    if problems or model is None:
        order = {file: i for i, file in enumerate(chain)}
        problems.sort(key=lambda p: (order.get(p.file, len(order)), _line_number(p.where)))
        raise ScenarioError(problems)
    baseline = data.get("baseline")
    return ScenarioFile(
        model=model,
        path=shown,
        sha256=hashlib.sha256(raw).hexdigest(),
        merged=types.MappingProxyType(data),
        locations=types.MappingProxyType(dict(locations)),
        baseline=Path(baseline) if isinstance(baseline, str) else None,
        chain=tuple(chain),
    )


def _empty_values(value: Any, path: FieldPath) -> list[FieldPath]:
    """Keys with nothing after them: never silently read as 'no change'."""
    found: list[FieldPath] = []
    if isinstance(value, dict):
        for key, item in value.items():
            if item is None:
                found.append((*path, key))
            else:
                found += _empty_values(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += _empty_values(item, (*path, index))
    return found


def _line_number(where: str) -> int:
    digits = "".join(ch for ch in where if ch.isdigit())
    return int(digits) if digits else 0


def _roots(path: Path, allowed: Sequence[Path]) -> tuple[Path, ...]:
    """The folders a scenario's references may point into, resolved (symbolic links followed)."""
    folder = path.parent if str(path.parent) else Path(".")
    named = dict.fromkeys((folder, Path.cwd(), *map(Path, allowed)))  # the same path named twice: resolved once
    return tuple(dict.fromkeys(p.resolve() for p in named))


def _inside(target: Path, roots: Sequence[Path]) -> bool:
    resolved = target.resolve()
    return any(resolved == root or resolved.is_relative_to(root) for root in roots)


def _refused(path: Path, where: str, field: str, expected: str, found: str, hint: str = "") -> ScenarioError:
    return ScenarioError([Problem(str(path), where, field, expected, found, hint)])


MAX_CHAIN = 20  # files in an `extends` chain; a real one has two or three
MAX_NAME = 255  # characters in one part of a path, as file systems allow
MAX_PATH = 1024


def _check_name(written: str, path: Path, where: str, field: str) -> None:
    """A name a file system can look up: no control characters, parts of at most 255 characters."""
    if any(ord(char) < 32 or ord(char) == 127 for char in written):
        raise _refused(path, where, field, "a file name without control characters", excerpt(written))
    if len(written) > MAX_PATH or any(len(part) > MAX_NAME for part in re.split(r"[/\\]", written)):
        raise _refused(
            path,
            where,
            field,
            f"a path of at most {MAX_PATH} characters, each folder or file name at most {MAX_NAME}",
            f"{excerpt(written)} ({len(written)} characters)",
        )


def _check_target(
    target: Path, written: str, path: Path, where: str, field: str, suffixes: tuple[str, ...], roots: Sequence[Path]
) -> None:
    """A reference is a file of the right kind inside the allowed folders; nothing of the target is read or shown."""
    _check_name(written, path, where, field)
    what = "a scenario file (.yaml or .yml)" if field == "extends" else "a workbook (.xlsx)"
    if target.suffix.lower() not in suffixes:
        raise _refused(
            path,
            where,
            field,
            what,
            excerpt(written),
            f"`{field}:` names only {what.split(' (')[0].removeprefix('a ')}s, by a name ending in "
            + " or ".join(suffixes),
        )
    if not _inside(target, roots):
        folders = ", ".join(str(root) for root in roots)
        raise _refused(
            path,
            where,
            field,
            f"{what} inside the scenario's folder, the current folder or a workspace root ({folders})",
            f"{excerpt(written)}, outside these folders",
            "move the file into the project, or add its folder to the workspace configuration",
        )
    try:
        info = os.stat(target)
    except (OSError, ValueError):
        return  # missing: reported by whoever opens it (a missing parent is reported by _find_parent)
    if not stat.S_ISREG(info.st_mode):
        kind = "a folder" if stat.S_ISDIR(info.st_mode) else "not a regular file (a device, a FIFO or a socket)"
        raise _refused(path, where, field, what, f"{excerpt(written)}: {kind}")


def _load_merged(
    path: Path,
    text: str,
    chain: list[str],
    stack: list[tuple[Path, str]],
    roots: Sequence[Path],
    shown: str | None = None,
) -> tuple[dict[str | int, Any], Locations]:
    """This file's data with everything it extends merged in, and where each value was written."""
    shown = shown if shown is not None else str(path)
    chain.append(shown)
    data, locations = _parsed(text, shown)
    if not isinstance(data, dict):
        found = "an empty file" if data is None else describe(data)
        raise ScenarioError([Problem(shown, "line 1", "(file)", ScenarioFields.expected, found, ScenarioFields.hint)])

    baseline = data.get("baseline")
    if isinstance(baseline, str) and baseline.strip():
        data["baseline"] = _relative_to(path, baseline.strip())
        line = locations.get(("baseline",), (shown, 1))[1]
        _check_target(
            Path(data["baseline"]), baseline.strip(), path, f"line {line}", "baseline", BASELINE_SUFFIXES, roots
        )

    if "extends" not in data:
        return data, locations
    extends = data.pop("extends")
    extends_location = locations.pop(("extends",), (shown, 1))
    where = f"line {extends_location[1]}"
    if not isinstance(extends, str) or not extends.strip():
        raise ScenarioError(
            [Problem(shown, where, "extends", "the name or path of another scenario", describe(extends))]
        )
    parent = _find_parent(extends.strip(), path, where, roots)
    me = (path.resolve(), shown)
    ancestors = [*stack, me]
    if len(ancestors) >= MAX_CHAIN:
        raise _refused(
            path,
            where,
            "extends",
            f"a chain of at most {MAX_CHAIN} files (each `extends:` one more)",
            f"a chain of more than {MAX_CHAIN}: {visible(ancestors[0][1])} → … → {visible(shown)}",
            "let the scenarios extend a common parent instead of each other in a row",
        )
    keys = [key for key, _ in ancestors]
    if parent.resolve() in keys:
        start = keys.index(parent.resolve())
        cycle = " → ".join([name for _, name in ancestors[start:]] + [str(parent)])
        raise ScenarioError(
            [
                Problem(
                    shown,
                    where,
                    "extends",
                    "a scenario that does not extend itself, directly or through others",
                    f"a cycle: {cycle}",
                    "remove one of these `extends`",
                )
            ]
        )
    try:
        _, parent_text = read_text(parent, str(parent))
    except UnreadableFileError as error:
        raise ScenarioError(
            [
                Problem(
                    shown,
                    where,
                    "extends",
                    "a readable scenario file",
                    f"{error.reason} ({visible(str(parent))})",
                    error.hint,
                )
            ]
        ) from None
    parent_data, parent_locations = _load_merged(parent, parent_text, chain, ancestors, roots)
    for key in NOT_INHERITED:
        parent_data.pop(key, None)
    parent_locations = {p: loc for p, loc in parent_locations.items() if not (p and p[0] in NOT_INHERITED)}
    merged_locations: Locations = {(): (shown, 1)}
    merged = _merge(parent_data, parent_locations, (), data, locations, (), (), merged_locations)
    return merged, merged_locations


_PARSED: dict[tuple[str, str], tuple[Any, Locations]] = {}
_PARSED_LIMIT = 256


def _parsed(text: str, shown: str) -> tuple[Any, Locations]:
    """`parse_yaml`, remembered for the process: `check` reads a parent once, not once per child that extends it.

    The caller gets its own copy (it pops `extends` and rewrites `baseline`), so the remembered one stays as read.
    """
    key = (shown, text)
    if key not in _PARSED:
        if len(_PARSED) >= _PARSED_LIMIT:
            _PARSED.clear()
        _PARSED[key] = parse_yaml(text, shown)
    data, locations = _PARSED[key]
    return _copy_plain(data), dict(locations)


def _copy_plain(value: Any) -> Any:
    """A copy of plain YAML data (what `copy.deepcopy` gives, several times faster): new dicts and lists, the
    same immutable scalars. parse_yaml's data shares no dict or list between two places, even where an alias was
    written, so there is no sharing to keep."""
    if type(value) is dict:
        return {key: _copy_plain(item) for key, item in value.items()}
    if type(value) is list:
        return [_copy_plain(item) for item in value]
    if isinstance(value, dict | list):  # not from parse_yaml: the general way
        return copy.deepcopy(value)
    return value


def _relative_to(path: Path, target: str) -> str:
    """A path written in `path`'s file, as a path the process can open."""
    written = Path(target).expanduser()
    if written.is_absolute():
        return str(written)
    return os.path.normpath(path.parent / written)


def _find_parent(name: str, path: Path, where: str, roots: Sequence[Path]) -> Path:
    """`extends: name`: a file next to this one (with or without .yaml), else looked up like the command line.

    A path must stay inside `roots`; a bare name may also be one of the shipped scenarios.
    """
    _check_name(name, path, where, "extends")
    written = Path(name).expanduser()
    if written.suffix and written.suffix.lower() not in SCENARIO_SUFFIXES and not _looks_like_a_bare_name(name):
        _check_target(written, name, path, where, "extends", SCENARIO_SUFFIXES, roots)
    for candidate in [name, *(_with_suffixes(name) if written.suffix.lower() not in SCENARIO_SUFFIXES else [])]:
        target = Path(candidate).expanduser()
        full = target if target.is_absolute() else Path(os.path.normpath(path.parent / target))
        if os.path.lexists(full):
            _check_target(full, name, path, where, "extends", SCENARIO_SUFFIXES, roots)
            if full.is_file():
                return full
    if written.is_absolute() or written.name != name:  # a path that names no file: not looked up elsewhere
        _check_target(
            written if written.is_absolute() else path.parent / written,
            name,
            path,
            where,
            "extends",
            SCENARIO_SUFFIXES,
            roots,
        )
    try:
        found = find_scenario(name, Path.cwd())
    except UnreadableFileError as error:
        nearby = _available([path.parent])
        close = suggest(written.stem, nearby) or error.hint
        raise ScenarioError(
            [
                Problem(
                    str(path),
                    where,
                    "extends",
                    "an existing scenario: a file next to this one, in ./scenarios/ or among the shipped scenarios",
                    excerpt(name),
                    close,
                )
            ]
        ) from None
    shipped = shipped_scenarios_dir().resolve()
    _check_target(found, name, path, where, "extends", SCENARIO_SUFFIXES, (*roots, shipped))
    return found


def _looks_like_a_bare_name(name: str) -> bool:
    """'basis.v2' is a bare name (looked up as basis.v2.yaml), not a file with the suffix '.v2'."""
    return "/" not in name and os.sep not in name


# --- merging --------------------------------------------------------------------------------------------------


def _norm(key: Any) -> Any:
    if isinstance(key, int):
        return key
    text = str(key).strip()
    if text.isdigit() and len(text) == 4:
        return int(text)
    return " ".join(text.split()).casefold()


def _copy(source: Locations, src: FieldPath, dst: FieldPath, out: Locations) -> None:
    n = len(src)
    for key, location in source.items():
        if key[:n] == src:
            out[dst + key[n:]] = location


def _taken_whole(path: FieldPath) -> bool:
    """A part a lever declares whole (a youth-care change: `per_year` and `growth` exclude each other)."""
    if not path:
        return False
    for lever in all_levers():
        if lever.key != path[0]:
            continue
        for pattern in lever.whole:
            rest = path[1:]
            if len(rest) == len(pattern) and all(p in ("*", r) for p, r in zip(pattern, rest, strict=True)):
                return True
    return False


def _merged_by_name(path: FieldPath) -> bool:
    return len(path) == 1 and any(lever.key == path[0] and lever.merge_by_name for lever in all_levers())


def _merge(
    parent: Any,
    parent_locations: Locations,
    parent_path: FieldPath,
    child: Any,
    child_locations: Locations,
    child_path: FieldPath,
    out: FieldPath,
    out_locations: Locations,
) -> Any:
    """The child's value merged over the parent's; `out_locations` gets the location of every merged value."""
    if _merged_by_name(out) and isinstance(parent, list) and isinstance(child, list):
        return _merge_by_name(out[0], parent, parent_locations, child, child_locations, out_locations)
    if not (isinstance(parent, dict) and isinstance(child, dict)) or _taken_whole(out):
        _copy(child_locations, child_path, out, out_locations)
        return child
    if child_path in child_locations:
        out_locations[out] = child_locations[child_path]
    by_norm = {_norm(key): key for key in child}
    result: dict[Any, Any] = {}
    taken: set[Any] = set()
    for key, value in parent.items():
        child_key = by_norm.get(_norm(key))
        if child_key is None or child_key in taken:
            result[key] = value
            _copy(parent_locations, (*parent_path, key), (*out, key), out_locations)
            continue
        taken.add(child_key)
        if child[child_key] is None:  # `section: null` in a child drops what the parent wrote there
            continue
        result[child_key] = _merge(
            value,
            parent_locations,
            (*parent_path, key),
            child[child_key],
            child_locations,
            (*child_path, child_key),
            (*out, child_key),
            out_locations,
        )
    for key, value in child.items():
        if key not in taken:
            result[key] = value
            _copy(child_locations, (*child_path, key), (*out, key), out_locations)
    return result


def _item_name(item: Any) -> Any:
    if isinstance(item, dict) and isinstance(item.get("name"), str):
        return _norm(item["name"])
    return None


def _merge_by_name(
    key: Any,
    parent: list[Any],
    parent_locations: Locations,
    child: list[Any],
    child_locations: Locations,
    out: Locations,
) -> list[Any]:
    items: list[tuple[Any, Locations, int]] = [(item, parent_locations, i) for i, item in enumerate(parent)]
    replaced: set[int] = set()
    for i, item in enumerate(child):
        name = _item_name(item)
        match = next(
            (
                n
                for n, (old, source, _) in enumerate(items)
                if source is parent_locations and n not in replaced and name is not None and _item_name(old) == name
            ),
            None,
        )
        if match is None:
            items.append((item, child_locations, i))
        else:
            items[match] = (item, child_locations, i)
            replaced.add(match)
    out[(key,)] = child_locations.get((key,), parent_locations.get((key,), ("", 1)))
    for n, (_, source, i) in enumerate(items):
        _copy(source, (key, i), (key, n), out)
    return [item for item, _, _ in items]


# --- validation problems --------------------------------------------------------------------------------------

_DECIMALS_AFTER_COMMA = re.compile(r"^\s*[0-9]+\s*%\s*$")


def _aliases(model: type[BaseModel]) -> list[str]:
    return [info.alias or name for name, info in model.model_fields.items()]


def _strip(annotation: Any) -> Any:
    """The model, dict or list inside Annotated[...] and X | None."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            options = [a for a in typing.get_args(annotation) if a is not type(None)]
            annotation = options[0] if options else None
        else:
            return annotation


def _model_at(loc: FieldPath) -> type[StrictModel] | None:
    """The section model that validates the value at `loc`, if there is one."""
    current: Any = schema.ScenarioModel
    for part in loc:
        current = _strip(current)
        if isinstance(current, type) and issubclass(current, BaseModel):
            fields = {info.alias or name: info for name, info in current.model_fields.items()}
            if part not in fields:
                return None
            current = fields[part].annotation
        elif typing.get_origin(current) is dict:
            current = typing.get_args(current)[1]
        elif typing.get_origin(current) is list:
            current = typing.get_args(current)[0]
        else:
            return None
    current = _strip(current)
    if isinstance(current, type) and issubclass(current, StrictModel):
        return current
    return None


@functools.cache
def _places() -> tuple[tuple[tuple[str, ...], str], ...]:
    """(the keys of a section, where it stands), computed once: a file with thousands of unknown keys stays fast."""
    return tuple((tuple(_aliases(model)), place) for model, place in section_models().items())


def _misplaced_hint(key: str) -> str:
    places = [place for keys, place in _places() if key in keys]
    if places:
        return f"'{key}' belongs {places[0]}; check the indentation"
    return ""


def _clean_loc(loc: tuple[Any, ...]) -> FieldPath:
    """pydantic's location without union branch tags, and a bad mapping key as the key's own path."""
    cleaned = tuple(p for p in loc if not (isinstance(p, str) and p.startswith(TAG_PREFIX)))
    return cleaned[:-1] if cleaned and cleaned[-1] == "[key]" else cleaned


def problems_from(error: ValidationError, locations: Mapping[FieldPath, Location], file: str) -> list[Problem]:
    """pydantic's errors as Problems in our own words, each at the nearest line the file has for it."""
    problems: list[Problem] = []
    found_at: list[tuple[FieldPath, Any]] = []
    for detail in error.errors(include_url=False):
        loc = _clean_loc(detail["loc"])
        kind = detail["type"]
        context = detail.get("ctx") or {}
        value = detail.get("input")
        hint = ""
        code = _CODES.get(kind, "scenario.invalid-value")
        if kind == "scenario":
            expected, found, hint = context["expected"], context["found"], context.get("hint", "")
            if context.get("field"):
                loc = (*loc, context["field"])
        elif kind == "missing":
            expected, found = "a value", "nothing"
            hint = "every scenario needs a `name:`" if loc == ("name",) else f"add `{loc[-1]}:`" if loc else ""
        elif kind == "extra_forbidden":
            key = loc[-1] if loc else "?"
            model = _model_at(loc[:-1]) or schema.ScenarioModel
            allowed = _aliases(model)
            expected = "one of: " + ", ".join(allowed)
            found = f"'{key}'"
            if isinstance(key, int):
                hint = "a year cannot stand here; years go under `amounts:` or `per_year:`"
            elif _DECIMALS_AFTER_COMMA.match(str(key)):
                hint = _COMMA_HINT
            else:
                hint = suggest(str(key), allowed) or _misplaced_hint(str(key))
        elif kind in ("model_type", "model_attributes_type", "dict_type"):
            section = _model_at(loc)
            expected = section.expected if section else "a mapping (keys indented below this one)"
            found = describe(value)
            hint = section.hint if section else ""
        elif kind == "list_type":
            expected = f"a list of {loc[0] if loc else 'items'}, each starting with `- name:`"
            found = describe(value)
        elif kind in ("string_type", "str_type"):
            expected, found = "text", describe(value)
        else:
            expected, found = str(detail.get("msg", "a valid value")).lower(), describe(value)
        location = nearest_location(locations, loc, file) or (file, 1)
        found_at.append((loc, value))
        problems.append(Problem(location[0], f"line {location[1]}", dotted(loc), expected, found, hint, code))
    return _join_split_percentages(problems, found_at)


# pydantic's kinds of error as the codes of the problems they become
_CODES = {
    "missing": "scenario.missing-key",
    "extra_forbidden": "scenario.unknown-key",
    "model_type": "scenario.not-a-mapping",
    "model_attributes_type": "scenario.not-a-mapping",
    "dict_type": "scenario.not-a-mapping",
    "list_type": "scenario.not-a-list",
    "string_type": "scenario.not-text",
    "str_type": "scenario.not-text",
}


_COMMA_HINT = "inside { } a comma separates entries: write 4.96%, or put the percentage in quotes: '4,96%'"


def _join_split_percentages(problems: list[Problem], found_at: list[tuple[FieldPath, Any]]) -> list[Problem]:
    """`{growth: 4,96%}` reads as growth 4 and a key '96%': one problem, at the percentage, says so."""
    drop: set[int] = set()
    joined: dict[int, Problem] = {}
    for i, problem in enumerate(problems):
        if problem.hint != _COMMA_HINT:
            continue
        loc = found_at[i][0]
        for j, other in enumerate(problems):
            other_loc, other_value = found_at[j]
            if (
                j != i
                and other_loc[:-1] == loc[:-1]
                and (other.file, other.where) == (problem.file, problem.where)
                and other.expected.startswith("a percentage")
                and isinstance(other_value, int | Decimal)
            ):
                written = f"{describe(other_value)},{str(loc[-1]).strip()}"
                joined[j] = Problem(
                    other.file,
                    other.where,
                    other.field,
                    other.expected,
                    f"{written} inside {{ }}, which YAML reads as {describe(other_value)} and a key '{loc[-1]}'",
                    _COMMA_HINT,
                )
                drop.add(i)
                break
    return [joined.get(i, p) for i, p in enumerate(problems) if i not in drop]


# --- the resolved scenario as YAML ----------------------------------------------------------------------------

_TOP_ORDER = ("name", "description", "author", "baseline")


def _text_for_dump(value: Any) -> Any:
    """Text as a reader would write it: no trailing newline, several lines as a literal block."""
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString, LiteralScalarString

    if isinstance(value, dict):
        return {key: _text_for_dump(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_text_for_dump(item) for item in value]
    if isinstance(value, str):
        text = value.strip()
        readable = all(ch.isprintable() or ch == "\n" for ch in text)
        if "\n" in text and readable:
            return LiteralScalarString(text + "\n")
        if not readable:  # escaped in double quotes (NEL as \N), so the text reads back exactly as it was
            return DoubleQuotedScalarString(text)
        return text
    return value


def _represent_decimal(representer: Any, value: Decimal) -> Any:
    exponent = value.as_tuple().exponent
    if isinstance(exponent, int) and exponent >= 0:
        return representer.represent_scalar("tag:yaml.org,2002:int", str(int(value)))
    return representer.represent_scalar("tag:yaml.org,2002:float", format(value, "f"))


def _dump(data: dict[Any, Any], chain: list[str]) -> str:
    from ruamel.yaml import YAML

    ordered = {key: _text_for_dump(data[key]) for key in _TOP_ORDER if key in data}
    ordered.update({key: _text_for_dump(value) for key, value in data.items() if key not in ordered})
    yaml = YAML(typ="rt", pure=True)
    yaml.default_flow_style = False
    yaml.width = 4096  # no folding of long text (ruamel leaves a trailing space where it folds)
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.representer.add_representer(Decimal, _represent_decimal)
    buffer = StringIO()
    yaml.dump(ordered, buffer)
    header = f"# {chain[0]}"
    if len(chain) > 1:
        header += ", extending " + " ← ".join(chain[1:])
    return header + "\n" + buffer.getvalue()
