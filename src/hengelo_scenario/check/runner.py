"""`check`: run every scenario, compare it with its `expect:` figures and its snapshot, write snapshots on request.

Every baseline workbook is loaded once and every scenario runs in this one process. All scenario files are read
and run before anything is compared or written, so a bad file stops the check (exit 2) with every problem of
every file at once, and `--update` never writes half a set of snapshots.

Snapshots live beside the scenarios: `<folder>/snapshots/<scenario file name without .yaml>.txt`.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from enum import StrEnum
from pathlib import Path

from hengelo_scenario import __version__
from hengelo_scenario.baseline.model import Baseline
from hengelo_scenario.check.compare import Mismatch, compare_expectations, compare_snapshots
from hengelo_scenario.check.snapshot import (
    Header,
    Snapshot,
    parse_snapshot,
    reads_back_unchanged,
    render_snapshot,
    snapshot_of,
)
from hengelo_scenario.errors import BudgetError, InputError, Problem, UnreadableFileError
from hengelo_scenario.files import read_regular_file
from hengelo_scenario.outcome.model import Outcome
from hengelo_scenario.scenario.loader import SCENARIO_SUFFIXES, ScenarioFile
from hengelo_scenario.scenario.model import Scenario
from hengelo_scenario.workspace import Workspace

__all__ = [
    "SNAPSHOT_FOLDER",
    "CheckReport",
    "Note",
    "NoteKind",
    "ScenarioResult",
    "SnapshotState",
    "run_check",
    "scenario_paths",
    "snapshot_path",
]

SNAPSHOT_FOLDER = "snapshots"
MAX_SNAPSHOT_BYTES = 16 * 1024 * 1024  # a snapshot is a few KiB; a larger file is not one
DEFAULT_FOLDER = "scenarios"
TOOL = f"hengelo-scenario {__version__}"


class SnapshotState(StrEnum):
    MATCHES = "matches"
    DIFFERS = "differs"
    MISSING = "missing"
    WRITTEN = "written"  # --update: a new snapshot
    UPDATED = "updated"  # --update: rewritten, figures or header changed
    UNCHANGED = "unchanged"  # --update: already up to date, not written


class NoteKind(StrEnum):
    BASELINE_CHANGED = "baseline changed"
    SCENARIO_CHANGED = "scenario changed"
    MATH_CHANGED = "math changed"
    NOTHING_PINNED = "nothing pinned"


@dataclass(frozen=True)
class Note:
    kind: NoteKind
    text: str
    old: str = ""  # for a changed file: its SHA-256 then and now
    new: str = ""


@dataclass(frozen=True)
class ScenarioResult:
    file: str  # the scenario file as named
    name: str
    snapshot_file: str
    snapshot: SnapshotState
    expectations: int
    mismatches: tuple[Mismatch, ...] = ()  # failures: expect, and the snapshot unless --update
    changes: tuple[Mismatch, ...] = ()  # --update: what the rewritten snapshot moved (old -> new)
    notes: tuple[Note, ...] = ()
    seconds: float = 0.0

    @property
    def unpinned(self) -> bool:
        """Nothing to check against: no `expect:` and no snapshot. A failure: a check of nothing must not pass."""
        return self.expectations == 0 and self.snapshot is SnapshotState.MISSING

    @property
    def passed(self) -> bool:
        return not self.mismatches and not self.unpinned


@dataclass(frozen=True)
class CheckReport:
    results: tuple[ScenarioResult, ...]
    tolerance: Decimal
    update: bool
    baselines: tuple[tuple[str, str], ...] = field(default=())  # (workbook, sha256) as loaded
    seconds: float = 0.0
    sources: tuple[str, ...] = ()  # each workbook as the header names it: "data/x.xlsx (uit hengelo-scenario.toml)"

    @property
    def passed(self) -> bool:
        return all(r.passed for r in self.results)

    @property
    def failed(self) -> tuple[ScenarioResult, ...]:
        return tuple(r for r in self.results if not r.passed)


# --- finding the scenarios ------------------------------------------------------------------------------------


def scenario_paths(names: Sequence[str], cwd: Path, workspace: Workspace | None = None) -> list[Path]:
    """The scenario files to check: files, bare names and folders (their *.yaml and *.yml, not recursive, not hidden).

    Without names, every scenario file in the workspace's scenario folder, else ./scenarios/. Each file once, in
    the order named, a folder's sorted. Bare names are looked up as `run` looks them up.
    """
    from hengelo_scenario.workspace import find_workspace

    space = workspace if workspace is not None else find_workspace(cwd)
    if not names:
        folder = space.scenario_folder
        if space.scenarios is not None:
            inside = folder.resolve().is_relative_to(cwd.resolve())
            names = [os.path.relpath(folder.resolve(), cwd.resolve()) if inside else str(folder)]
        elif not folder.is_dir():
            raise UnreadableFileError(
                f"./{DEFAULT_FOLDER}/",
                "no such folder here, and no scenario files or folders were named",
                "run check in the folder that holds scenarios/, or name files or folders: "
                "hengelo-scenario check my_scenarios/",
            )
        else:
            names = [DEFAULT_FOLDER]
    here = cwd.resolve() == Path.cwd().resolve()
    found: list[Path] = []
    for name in names:
        given = Path(name).expanduser()
        full = given if given.is_absolute() else cwd / given
        if full.is_dir():
            files = sorted(
                p
                for p in full.iterdir()
                if p.is_file() and p.suffix.lower() in SCENARIO_SUFFIXES and not p.name.startswith(".")
            )
            if not files:
                raise UnreadableFileError(name, "no scenario files (*.yaml, *.yml) in this folder")
            found += [(given if here else full) / p.name for p in files]
        else:
            found.append(space.find(name))
    unique: dict[Path, Path] = {}
    for path in found:
        unique.setdefault(path.resolve(), path)
    return list(unique.values())


def snapshot_path(scenario: Path) -> Path:
    """Where a scenario's snapshot lives: `snapshots/<name>.txt` in the scenario's folder."""
    return scenario.parent / SNAPSHOT_FOLDER / f"{scenario.stem}.txt"


# --- running --------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Run:
    path: Path
    file: ScenarioFile
    scenario: Scenario
    baseline: Baseline
    baseline_path: Path
    outcome: Outcome
    seconds: float


def _problems(error: BudgetError, file: str) -> list[Problem]:
    if isinstance(error, InputError):
        return list(error.problems)
    if isinstance(error, UnreadableFileError):
        return [Problem(error.file, "(file)", "(file)", "a readable file", error.reason, error.hint)]
    return [Problem(file, "(file)", "(file)", "a scenario that runs", str(error))]


def _run_all(paths: Sequence[Path], baseline_option: Path | None, workspace: Workspace | None = None) -> list[_Run]:
    """Load every file, each workbook once, and run every scenario; InputError with every problem of every file.

    The loading, the choice of baseline and the evaluation are `workspace.evaluate`, as for run and compare; what
    is check's own is that two files in one folder must not share a snapshot name.
    """
    from hengelo_scenario.workspace import evaluate

    problems: list[Problem] = []
    snapshots: dict[Path, Path] = {}
    for path in paths:
        target = snapshot_path(path).resolve()
        if target in snapshots:
            problems.append(
                Problem(
                    str(path),
                    "(file)",
                    "(file name)",
                    "one scenario file per name in a folder (its snapshot is snapshots/<name>.txt)",
                    f"the same name as {snapshots[target]}",
                    "rename one of them",
                )
            )
        snapshots[target] = path
    try:
        evaluated = evaluate(list(paths), baseline=baseline_option, workspace=workspace)
    except InputError as error:
        raise InputError([*problems, *error.problems]) from None
    if problems:
        raise InputError(problems)
    return [_Run(e.path, e.file, e.scenario, e.baseline, e.choice.path, e.outcome, e.seconds) for e in evaluated]


def _sha256(path: Path) -> str:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return ""


def _shown_parent(parent: str, child: Path) -> str:
    """A file the scenario extends, as the snapshot names it: relative to the scenario, or shipped by name."""
    from hengelo_scenario.resources import shipped_scenarios_resolved

    parent_path = Path(parent).resolve()
    child_folder = child.resolve().parent
    shipped = shipped_scenarios_resolved()
    if parent_path.parent == shipped and child_folder != shipped:
        return f"(shipped) {parent_path.name}"
    return Path(os.path.relpath(parent_path, child_folder)).as_posix()


def _header(run: _Run) -> Header:
    return Header(
        tool=TOOL,
        scenario_file=run.path.name,
        scenario_sha256=run.file.sha256,
        baseline_file=run.baseline_path.name,
        baseline_sha256=run.baseline.sha256,
        extends=tuple((_shown_parent(p, run.path), _sha256(Path(p))) for p in run.file.chain[1:]),
    )


def _short(sha: str) -> str:
    return sha[:12] if sha else "(unknown)"


def _notes(stored: Snapshot, current: Snapshot, moved: bool) -> list[Note]:
    """Why the figures may have moved since the snapshot: the baseline, the scenario, or else the math."""
    old, new = stored.header, current.header
    notes: list[Note] = []
    if old.baseline_sha256 != new.baseline_sha256:
        names = "" if old.baseline_file == new.baseline_file else f" ({old.baseline_file} -> {new.baseline_file})"
        text = (
            f"the baseline workbook changed since the snapshot: {_short(old.baseline_sha256)} -> "
            f"{_short(new.baseline_sha256)}{names}"
        )
        if not moved:
            text += "; no figure of this scenario moved"
        notes.append(Note(NoteKind.BASELINE_CHANGED, text, old.baseline_sha256, new.baseline_sha256))
    changed_files = []
    if old.scenario_sha256 != new.scenario_sha256:
        changed_files.append(new.scenario_file)
    if old.extends != new.extends:
        changed_files += [file for (file, sha) in new.extends if (file, sha) not in old.extends] or ["extends"]
    if changed_files:
        text = "the scenario changed since the snapshot: " + ", ".join(changed_files)
        if not moved:
            text += "; no figure of this scenario moved"
        notes.append(Note(NoteKind.SCENARIO_CHANGED, text, old.scenario_sha256, new.scenario_sha256))
    if moved and not notes:
        tools = old.tool if old.tool == new.tool else f"{old.tool}, now {new.tool}"
        notes.append(
            Note(
                NoteKind.MATH_CHANGED,
                "the baseline workbook and the scenario are the same as when the snapshot was written, so the "
                f"budget math of the tool changed (snapshot by {tools})",
                old.tool,
                new.tool,
            )
        )
    return notes


def _read(path: Path) -> str | None:
    try:
        return read_regular_file(path, str(path), MAX_SNAPSHOT_BYTES, what="snapshot").decode("utf-8")
    except (BudgetError, UnicodeDecodeError):
        return None


def _write_snapshots(pending: Sequence[tuple[Path, str]], write_all) -> None:
    """Every snapshot of `--update` or none: folders made first, then all files in one all-or-nothing set.

    A folder this call made is removed again when the set fails, so a failed update leaves the tree as it was.
    """
    from hengelo_scenario.atomic import describe_os_error

    made: list[Path] = []
    try:
        for target, _ in pending:
            missing = [f for f in (target.parent, *target.parent.parents) if not f.exists()]
            for folder in reversed(missing):
                try:
                    folder.mkdir()
                except FileExistsError:
                    continue
                except OSError as error:
                    raise describe_os_error(error, target) from None
                made.append(folder)

        def writer(text: str):
            def write(tmp: Path) -> None:
                tmp.write_text(text, encoding="utf-8", newline="")

            return write

        write_all([(target, writer(text)) for target, text in pending])
    except BaseException:
        for folder in reversed(made):
            with contextlib.suppress(OSError):
                folder.rmdir()
        raise


MIN_PER_JOB = 10  # scenarios a forked process must have to do, or starting it costs more than it saves


@dataclass(frozen=True)
class _Part:
    """What checking some of the scenarios gave: per scenario its result, the snapshot to write (--update: the
    file and its text, else None) and the workbook it ran on (resolved path, file name, SHA-256, Basis line)."""

    results: tuple[ScenarioResult, ...]
    pending: tuple[tuple[Path, str] | None, ...]
    workbooks: tuple[tuple[Path, str, str, str], ...]


def run_check(
    names: Sequence[str],
    cwd: Path,
    *,
    baseline: Path | None = None,
    tolerance: Decimal = Decimal(0),
    update: bool = False,
    workspace: Workspace | None = None,
    jobs: int = 1,
) -> CheckReport:
    """Check (or with `update`, re-snapshot) every scenario named; see the module docstring.

    `workspace` is the hengelo-scenario.toml to use; by default the nearest one upward from `cwd`. With `jobs`
    above 1 the scenarios are divided over that many processes (forked, see `forked.map_forked`), at least
    MIN_PER_JOB each; the report is the same as from one process, to the byte, and when anything fails the whole
    check is done again in this process, so errors are reported as they would be without `jobs`.
    """
    from hengelo_scenario.atomic import write_all
    from hengelo_scenario.workspace import find_workspace

    start = time.perf_counter()
    space = workspace if workspace is not None else find_workspace(cwd)
    paths = scenario_paths(names, cwd, space)

    def check_part(part: Sequence[Path]) -> _Part:
        return _check_part(part, baseline, tolerance, update, space)

    part: _Part | None = None
    used = min(jobs, len(paths) // MIN_PER_JOB)
    if used > 1 and not _shared_snapshots(paths):
        with contextlib.suppress(BudgetError):  # redone below in one process, where it is reported whole
            part = _check_forked(check_part, paths, used)
    if part is None:
        part = check_part(paths)
    _write_snapshots([item for item in part.pending if item is not None], write_all)
    loaded: dict[Path, tuple[str, str]] = {}  # each workbook once, as first used: (file name, SHA-256)
    for path, name, sha, _ in part.workbooks:
        loaded.setdefault(path, (name, sha))
    sources = tuple(dict.fromkeys(source for *_, source in part.workbooks))
    return CheckReport(part.results, tolerance, update, tuple(loaded.values()), time.perf_counter() - start, sources)


def _check_forked(check_part: Callable[[Sequence[Path]], _Part], paths: Sequence[Path], used: int) -> _Part | None:
    """The check of `paths` done by `used` processes, put together in the order of `paths`; None if one failed.

    The first scenario is checked here first: it imports the engine and builds the validators its sections
    need, so the forked processes start with them instead of each doing it again. The others are dealt out
    in turn (the 1st, 3rd, 5th... to one process), so that every process gets scenarios of every kind.
    """
    from hengelo_scenario.forked import map_forked

    first = check_part(paths[:1])
    places = [list(range(1 + i, len(paths), used)) for i in range(used)]
    parts = map_forked(check_part, [[paths[i] for i in chunk] for chunk in places])
    if parts is None:
        return None
    order = [0, *(i for chunk in places for i in chunk)]
    merged = [first, *parts]
    by_place = sorted(
        zip(order, (item for p in merged for item in zip(p.results, p.pending, p.workbooks, strict=True)), strict=True),
        key=lambda pair: pair[0],
    )
    results, pending, workbooks = zip(*(item for _, item in by_place), strict=True)
    return _Part(tuple(results), tuple(pending), tuple(workbooks))


def _shared_snapshots(paths: Sequence[Path]) -> bool:
    """Do two of the files share a snapshot (the same name in one folder)? `_run_all` reports it, with the rest."""
    targets = [snapshot_path(path).resolve() for path in paths]
    return len(set(targets)) != len(targets)


def _check_part(
    paths: Sequence[Path], baseline: Path | None, tolerance: Decimal, update: bool, space: Workspace
) -> _Part:
    """Run and compare the scenarios of `paths`; the snapshots to write are returned, not written."""
    runs = _run_all(paths, baseline, space)

    prepared: list[tuple[_Run, Path, str, Snapshot, Snapshot | None]] = []
    problems: list[Problem] = []
    for run in runs:
        current = snapshot_of(run.outcome, _header(run))
        text = render_snapshot(current)
        target = snapshot_path(run.path)
        stored: Snapshot | None = None
        if target.is_file():
            try:
                data = read_regular_file(target, str(target), MAX_SNAPSHOT_BYTES, what="snapshot")
                stored_text = data.decode("utf-8")
                if stored_text == text and reads_back_unchanged(current):
                    stored = current  # the file is exactly this outcome's text, and reads back as this snapshot
                else:
                    stored = parse_snapshot(stored_text, str(target))
            except BudgetError as error:
                if not update:
                    problems += _problems(error, str(target))
            except (OSError, UnicodeDecodeError) as error:
                if not update:
                    problems.append(Problem(str(target), "(file)", "(file)", "a readable snapshot", str(error)))
        prepared.append((run, target, text, current, stored))
    if problems:
        raise InputError(problems)

    results: list[ScenarioResult] = []
    pending: list[tuple[Path, str] | None] = []  # --update: every snapshot to write, written together at the end
    resolved: dict[Path, Path] = {}
    workbooks: list[tuple[Path, str, str, str]] = []
    for run, target, text, current, stored in prepared:
        if run.baseline_path not in resolved:
            resolved[run.baseline_path] = run.baseline_path.resolve()
        workbook = resolved[run.baseline_path]
        workbooks.append((workbook, workbook.name, run.baseline.sha256, run.baseline.source))
        pending.append(None)
        shown = str(target)
        expect = compare_expectations(run.outcome, run.scenario.expectations, tolerance)
        moved = compare_snapshots(stored, current, tolerance if not update else Decimal(0), shown) if stored else ()
        notes = _notes(stored, current, bool(moved)) if stored else []
        if update:
            if stored is not None and _read(target) == text:
                state = SnapshotState.UNCHANGED
            else:
                pending[-1] = (target, text)
                state = SnapshotState.UPDATED if stored is not None else SnapshotState.WRITTEN
            mismatches, changes = expect, moved
        else:
            state = SnapshotState.DIFFERS if moved else SnapshotState.MATCHES
            if stored is None:
                state = SnapshotState.MISSING
            mismatches, changes = (*expect, *moved), ()
        result = ScenarioResult(
            file=str(run.path),
            name=run.scenario.name,
            snapshot_file=shown,
            snapshot=state,
            expectations=len(run.scenario.expectations),
            mismatches=tuple(mismatches),
            changes=tuple(changes),
            notes=tuple(notes),
            seconds=run.seconds,
        )
        if result.unpinned:
            nothing = Note(
                NoteKind.NOTHING_PINNED,
                "nothing to check: no `expect:` block and no snapshot; write a snapshot with "
                f"`hengelo-scenario check --update {run.path}`",
            )
            result = replace(result, notes=(*result.notes, nothing))
        results.append(result)
    return _Part(tuple(results), tuple(pending), tuple(workbooks))
