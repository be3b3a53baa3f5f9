"""The scenario levers, one module each, found once: `all_levers()` in reading order, `lever(key)` by key.

A module in this package that defines `LEVER` (an instance of `levers.base.Lever`) is a lever; nothing else needs
to name it. The scenario schema, the loader's merge rules, resolution and the engine's bookings all ask this
registry, so adding a lever is adding one module (README: "How to add a lever").
"""

from __future__ import annotations

import importlib
import pkgutil
from functools import cache

from hengelo_scenario.levers.base import Lever

__all__ = ["Lever", "all_levers", "lever", "lever_keys"]


@cache
def all_levers() -> tuple[Lever, ...]:
    found: list[Lever] = []
    for module_info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{__name__}.{module_info.name}")
        candidate = getattr(module, "LEVER", None)
        if isinstance(candidate, Lever):
            found.append(candidate)
    keys = [item.key for item in found]
    duplicates = sorted({k for k in keys if keys.count(k) > 1})
    if duplicates:
        raise RuntimeError(f"two levers with the key {', '.join(duplicates)}")
    return tuple(sorted(found, key=lambda item: (item.order, item.key)))


def lever_keys() -> tuple[str, ...]:
    return tuple(item.key for item in all_levers())


def lever(key: str) -> Lever:
    for item in all_levers():
        if item.key == key:
            return item
    raise KeyError(key)
