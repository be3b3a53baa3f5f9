"""A cache of validated baselines, so a warm `run` neither imports openpyxl nor reads the workbook's cells again.

The key is the SHA-256 of the workbook's bytes together with the tool version and a fingerprint of the loader's
own source, so a changed cell, another tool version or a changed loader can never be served an old baseline. The
format is JSON (exact decimals as text), written and read by msgspec against the `Baseline` type, never pickle:
reading a cache file constructs nothing but the baseline's own records, each field checked against its type.
A cache that cannot be read or written is ignored: the workbook is then loaded as if there were none.

The folder is `$HENGELO_SCENARIO_CACHE`, else `$XDG_CACHE_HOME/hengelo-scenario`, else `~/.cache/hengelo-scenario`;
`HENGELO_SCENARIO_CACHE=off` turns the cache off.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from hengelo_scenario import __version__
from hengelo_scenario.baseline import model
from hengelo_scenario.baseline.model import Baseline

if TYPE_CHECKING:
    from hengelo_scenario.baseline.workbook import Progress

__all__ = ["cache_folder", "load_baseline_cached"]

FORMAT = 2  # 2: msgspec's JSON of the Baseline type
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
    import msgspec

    try:
        if not target.is_file() or target.stat().st_size > MAX_CACHE_BYTES:
            return None
        return msgspec.json.decode(target.read_bytes(), type=Baseline)
    except (OSError, msgspec.MsgspecError, ValueError, TypeError):
        return None


def _write(target: Path, baseline: Baseline) -> None:
    import msgspec

    from hengelo_scenario.atomic import write_bytes_atomic

    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        write_bytes_atomic(target, msgspec.json.encode(baseline))
    except OSError:
        pass  # a read-only or full cache folder: the next run loads the workbook again
