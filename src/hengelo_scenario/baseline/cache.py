"""A cache of validated baselines, so a warm `run` neither imports openpyxl nor reads the workbook's cells again.

The key is the SHA-256 of the workbook's bytes together with the tool version and a fingerprint of the loader's
own source, so a changed cell, another tool version or a changed loader can never be served an old baseline. The
format is JSON written by this module (exact decimals as text, each object tagged with its dataclass in
`baseline.model`), never pickle: reading a cache file constructs nothing but those small frozen dataclasses.
A cache that cannot be read or written is ignored: the workbook is then loaded as if there were none.

The folder is `$HENGELO_SCENARIO_CACHE`, else `$XDG_CACHE_HOME/hengelo-scenario`, else `~/.cache/hengelo-scenario`;
`HENGELO_SCENARIO_CACHE=off` turns the cache off.
"""

from __future__ import annotations

import dataclasses
import enum
import hashlib
import json
import os
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from hengelo_scenario import __version__
from hengelo_scenario.baseline import model
from hengelo_scenario.baseline.model import Baseline
from hengelo_scenario.records import Record, field_names, is_record

if TYPE_CHECKING:
    from hengelo_scenario.baseline.workbook import Progress

__all__ = ["cache_folder", "load_baseline_cached"]

FORMAT = 1
MAX_CACHE_BYTES = 64 * 1024 * 1024


def cache_folder() -> Path | None:
    """Where cached baselines live, or None when the cache is off."""
    chosen = os.environ.get("HENGELO_SCENARIO_CACHE", "").strip()
    if chosen.lower() in ("off", "0", "no", "false"):
        return None
    if chosen:
        return Path(chosen).expanduser()
    base = os.environ.get("XDG_CACHE_HOME", "").strip()
    return (Path(base).expanduser() if base else Path.home() / ".cache") / "hengelo-scenario"


@cache
def _fingerprint() -> str:
    """The loader's own source: a change to how a workbook is read invalidates every cached baseline."""
    return source_fingerprint(loader_sources())


def loader_sources(package: Path | None = None) -> list[Path]:
    """The source files a loaded baseline depends on: every module of the baseline package, its sheet readers
    (`baseline/sheets/`) included, and `money.py`, which turns a cell into an exact amount."""
    package = Path(model.__file__).parent if package is None else package
    return [*sorted(package.rglob("*.py")), package.parent / "money.py"]


def source_fingerprint(sources: list[Path]) -> str:
    digest = hashlib.sha256(f"{FORMAT} {__version__}".encode())
    for path in sources:
        digest.update(f"{path.parent.name}/{path.name}\0{path.stat().st_size}\0".encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def load_baseline_cached(path: Path, *, progress: Progress | None = None) -> Baseline:
    """`load_baseline(path)`, served from the cache when the same bytes were loaded before by the same loader.

    `progress` is passed to the loader when the workbook is read (a cached baseline needs none).
    """
    from hengelo_scenario.baseline.opening import read_workbook_bytes

    path = Path(path)
    folder = cache_folder()
    if folder is None:
        from hengelo_scenario.baseline.workbook import load_baseline

        return load_baseline(path, progress=progress)
    data = read_workbook_bytes(path)
    sha256 = hashlib.sha256(data).hexdigest()
    target = folder / f"{sha256}-{_fingerprint()}.json"
    cached = _read(target)
    if cached is not None and cached.sha256 == sha256:
        return dataclasses.replace(cached, source=str(path))
    from hengelo_scenario.baseline.workbook import load_baseline

    baseline = load_baseline(path, data=data, progress=progress)
    _write(target, baseline)
    return baseline


def _read(target: Path) -> Baseline | None:
    try:
        if not target.is_file() or target.stat().st_size > MAX_CACHE_BYTES:
            return None
        value = _decode(json.loads(target.read_text(encoding="utf-8")))
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return None
    return value if isinstance(value, Baseline) else None


def _write(target: Path, baseline: Baseline) -> None:
    from hengelo_scenario.atomic import write_text_atomic

    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        write_text_atomic(target, json.dumps(_encode(baseline), ensure_ascii=False, separators=(",", ":")))
    except OSError:
        pass  # a read-only or full cache folder: the next run loads the workbook again


def _encode(value: Any) -> Any:
    if is_record(value):
        fields = {name: _encode(getattr(value, name)) for name in field_names(value)}
        return {"@": type(value).__name__, **fields}
    if isinstance(value, enum.Enum):
        return {"@enum": type(value).__name__, "v": value.value}
    if isinstance(value, Decimal):
        return {"@d": str(value)}
    if isinstance(value, tuple | list):
        return [_encode(item) for item in value]
    if value is None or isinstance(value, bool | int | str):
        return value
    raise TypeError(f"cannot cache a {type(value).__name__}")


def _model_class(name: str) -> Any:
    found = getattr(model, name, None)
    if isinstance(found, type) and (dataclasses.is_dataclass(found) or issubclass(found, Record | enum.Enum)):
        return found
    raise KeyError(name)


def _decode(value: Any) -> Any:
    if isinstance(value, list):
        return tuple(_decode(item) for item in value)
    if isinstance(value, dict):
        if "@d" in value:
            return Decimal(value["@d"])
        if "@enum" in value:
            return _model_class(value["@enum"])(value["v"])
        cls = _model_class(value["@"])
        return cls(**{key: _decode(item) for key, item in value.items() if key != "@"})
    return value
