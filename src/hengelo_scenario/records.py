"""Small immutable records: `Record`, msgspec's `Struct`, frozen.

A frozen dataclass writes and compiles six methods (__init__, __repr__, __eq__, __hash__, __setattr__,
__delattr__) each time its module is imported, about a millisecond a class on a 2-core machine; a `run`
imported some sixty of them, more than a tenth of its time. msgspec builds the same record in C in some twenty
microseconds. A `Record` is constructed by position or keyword in field order, compares and hashes by its fields
(and its type), has a repr like a dataclass's, and cannot be changed; `replace` makes a changed copy.

`replace`, `field_names` and `is_record` accept records and dataclasses alike, so code that walks the outcome
(frames) or copies a baseline does not need to know which of the two a class is.
"""

from __future__ import annotations

import dataclasses
from typing import Any, TypeVar

import msgspec

__all__ = ["Record", "field_names", "is_record", "replace"]

T = TypeVar("T")


class Record(msgspec.Struct, frozen=True):
    """Base of the tool's immutable records: frozen, compared and hashed by type and fields."""


def replace(record: T, /, **changes: Any) -> T:
    """A copy of `record` (a Record or a dataclass instance) with the given fields changed."""
    if isinstance(record, msgspec.Struct):
        return msgspec.structs.replace(record, **changes)
    return dataclasses.replace(record, **changes)  # type: ignore[type-var]


def field_names(record: Any) -> tuple[str, ...]:
    """The names of a record's (or a dataclass's) fields, in order."""
    if isinstance(record, msgspec.Struct) or (isinstance(record, type) and issubclass(record, msgspec.Struct)):
        return tuple(record.__struct_fields__)
    return tuple(f.name for f in dataclasses.fields(record))


def is_record(value: Any) -> bool:
    """Is `value` a record or a dataclass instance (not the class itself)?"""
    if isinstance(value, msgspec.Struct):
        return True
    return dataclasses.is_dataclass(value) and not isinstance(value, type)
