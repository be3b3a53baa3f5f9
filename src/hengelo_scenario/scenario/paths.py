"""Where a value stands in a scenario file: its path of keys (`('measures', 0, 'amounts', 2025)`) and its line.

Kept apart from the YAML reader so that the levers and the engine can name fields without importing it.
"""

from __future__ import annotations

from collections.abc import Mapping

__all__ = ["FieldPath", "Location", "Locations", "PathKey", "dotted", "nearest_location"]

PathKey = str | int
FieldPath = tuple[PathKey, ...]
Location = tuple[str, int]  # (file as given, line counted from 1)
Locations = dict[FieldPath, Location]


def dotted(path: FieldPath) -> str:
    """('measures', 2, 'amounts', 2025) -> 'measures[2].amounts.2025'.

    Lists stand only at the top level of a file (`measures`, and other list sections), so an integer right after
    a top-level key that is not a year (below 1000) is a position in a list; every other integer is a mapping key
    (a year).
    """
    text = ""
    for position, part in enumerate(path):
        is_index = isinstance(part, int) and (position == 0 or (position == 1 and part < 1000))
        if is_index:
            text += f"[{part}]"
        else:
            text += f".{part}" if text else str(part)
    return text or "(file)"


def nearest_location(locations: Mapping[FieldPath, Location], path: FieldPath, default_file: str) -> Location | None:
    """The location of `path`, or of its nearest parent that has one."""
    for end in range(len(path), -1, -1):
        found = locations.get(tuple(path[:end]))
        if found is not None:
            return found
    return (default_file, 1) if default_file else None
