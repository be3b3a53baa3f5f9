"""Write files whole or not at all, one file or a set of them, and say plainly why a file system refused.

`write_atomic(path, write)` writes into a temporary file beside the target, then renames it over the target in
one step. `write_all([(path, write), ...])` does the same for a set of files (the two PNGs of a chart, every
snapshot of `check --update`, every export of one run): every temporary file is written first, and only when all
of them are complete are they renamed over their targets, so a failure anywhere leaves every existing target as it
was and no temporary file behind. A rename that fails after others succeeded (rare: the temporaries are in the
targets' own folders) puts back the files already replaced, from hard-link backups made before the first rename.

Every `OSError` becomes a `WriteError` (a `BudgetError`, so exit code 2) that names the file and the cause in
words: a read-only file system, a full disk, a name too long, a folder that does not exist, a file where a folder
is expected. A signal (SIGTERM, SIGINT) raises in the main thread (see `cli.app`), so the same cleanup runs.
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

from hengelo_scenario.errors import BudgetError

__all__ = ["WriteError", "describe_os_error", "write_all", "write_atomic", "write_bytes_atomic", "write_text_atomic"]

Writer = Callable[[Path], None]


class WriteError(BudgetError, OSError):
    """A file that cannot be written, with the file, the cause in words and what to do (exit code 2).

    Also an OSError, so code that already treats a failed write as harmless (the baseline cache) still does.
    """

    def __init__(self, file: str, reason: str, hint: str = "", code: int | None = None) -> None:
        self.file = file
        self.reason = reason
        self.hint = hint
        self.message = f"{file}: {reason}" if file else reason
        if hint:
            self.message += f". {hint[0].upper()}{hint[1:]}"
        super().__init__(self.message)
        self.errno = code

    def __str__(self) -> str:
        return self.message


def _folder(path: Path) -> Path:
    return path.parent if str(path.parent) else Path(".")


def _blocking_file(folder: Path) -> Path | None:
    """The first part of `folder` that exists as a file (memo.txt in memo.txt/out.csv), if any."""
    for part in [*reversed(folder.parents), folder]:
        if part.exists() and not part.is_dir():
            return part
    return None


def describe_os_error(error: OSError, path: Path) -> WriteError:
    """An OSError while writing `path` as a WriteError in words, naming the file."""
    path = Path(path)
    folder = _folder(path)
    code = error.errno
    file = str(path)
    if code == errno.ENOTDIR or (code == errno.ENOENT and _blocking_file(folder) is not None):
        blocking = _blocking_file(folder)
        where = f"{blocking} is a file, not a folder" if blocking is not None else "a part of the path is not a folder"
        return WriteError(file, f"cannot write here: {where}", "choose another folder or name")
    if code == errno.ENOENT:
        return WriteError(file, f"cannot write here: the folder {folder} does not exist", "create it first")
    if code == errno.EISDIR:
        return WriteError(file, "is a folder", "give a file name")
    if code == errno.EROFS:
        return WriteError(file, "cannot write here: the file system is read-only", "write to another folder")
    if code in (errno.ENOSPC, errno.EDQUOT):
        return WriteError(file, "cannot write here: the disk is full (or the quota is used up)", "free some space")
    if code == errno.ENAMETOOLONG:
        return WriteError(file, "cannot write here: the file name is too long", "choose a shorter name")
    if code in (errno.EACCES, errno.EPERM):
        return WriteError(file, "cannot write here: permission denied", "write to a folder of your own")
    reason = error.strerror or str(error) or type(error).__name__
    return WriteError(file, f"cannot write here: {reason[:1].lower()}{reason[1:]}")


def _temporary(path: Path) -> Path:
    # The prefix is cut so a long target name still gives a temporary name the file system accepts.
    prefix = f".{path.name[:100]}."
    handle, name = tempfile.mkstemp(prefix=prefix, suffix=".tmp", dir=_folder(path))
    os.close(handle)
    return Path(name)


def write_all(items: Sequence[tuple[Path, Writer]]) -> list[Path]:
    """Write every file or none: all temporaries first, then all renames; see the module docstring."""
    items = [(Path(path), write) for path, write in items]
    temporaries: list[Path] = []
    backups: list[tuple[Path, Path]] = []
    renamed: list[Path] = []
    existed: set[Path] = set()
    current = items[0][0] if items else Path(".")
    try:
        for path, write in items:
            current = path
            tmp = _temporary(path)
            temporaries.append(tmp)
            write(tmp)
        if len(items) > 1:
            for path, _ in items:
                current = path
                if path.is_file():
                    backup = _temporary(path)
                    backup.unlink()
                    try:
                        os.link(path, backup)
                    except OSError:
                        continue  # no hard links here: this target cannot be put back after a late failure
                    backups.append((path, backup))
        existed = {path for path, _ in items if os.path.lexists(path)}
        for (path, _), tmp in zip(items, temporaries, strict=True):
            current = path
            os.replace(tmp, path)
            renamed.append(path)
    except BaseException as error:
        for tmp in temporaries:
            with contextlib.suppress(OSError):
                tmp.unlink(missing_ok=True)
        for path, backup in backups:
            with contextlib.suppress(OSError):
                if path in renamed:
                    os.replace(backup, path)
                backup.unlink(missing_ok=True)
        for path in renamed:  # files the failed set created where there was none
            if path not in existed:
                with contextlib.suppress(OSError):
                    path.unlink(missing_ok=True)
        if isinstance(error, OSError) and not isinstance(error, WriteError):
            raise describe_os_error(error, current) from None
        raise
    for _, backup in backups:
        with contextlib.suppress(OSError):
            backup.unlink(missing_ok=True)
    return [path for path, _ in items]


def write_atomic(path: Path, write: Writer) -> None:
    """Call write(tmp) for a temporary path in the target's folder, then replace the target with it.

    If write raises, the temporary file is removed and an existing target is left untouched.
    """
    write_all([(Path(path), write)])


def write_text_atomic(path: Path, text: str, encoding: str = "utf-8") -> None:
    def write(tmp: Path) -> None:
        tmp.write_text(text, encoding=encoding, newline="")

    write_atomic(path, write)


def write_bytes_atomic(path: Path, data: bytes) -> None:
    def write(tmp: Path) -> None:
        tmp.write_bytes(data)

    write_atomic(path, write)
