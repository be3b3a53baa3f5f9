"""Reading an input file safely: only a regular file, and never more than a limit, whatever the file claims.

Shared by the scenario reader and the workbook reader (both below every other layer), so it imports only the
standard library and the error types.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from hengelo_scenario.errors import UnreadableFileError

__all__ = ["read_regular_file", "size_text"]


def read_regular_file(
    path: Path, name: str, limit: int, *, what: str, hint: str = "", missing: str = "no such file"
) -> bytes:
    """The bytes of a regular file of at most `limit` bytes; UnreadableFileError for anything else.

    The file is stat-ed before it is opened, so a device, a FIFO or a socket is refused without blocking or
    reading; the read itself stops after `limit` + 1 bytes, so a file that grows (or lies about its size) cannot
    make it read more.
    """
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise UnreadableFileError(name, missing, "check the name and the folder") from None
    except OSError as error:
        raise UnreadableFileError(name, f"cannot be read ({error.strerror or error})") from None
    if stat.S_ISDIR(info.st_mode):
        raise UnreadableFileError(name, f"this is a folder, not a {what}") from None
    if not stat.S_ISREG(info.st_mode):
        kind = (
            "a FIFO (named pipe)"
            if stat.S_ISFIFO(info.st_mode)
            else "a device"
            if stat.S_ISCHR(info.st_mode) or stat.S_ISBLK(info.st_mode)
            else "a socket"
            if stat.S_ISSOCK(info.st_mode)
            else "not a regular file"
        )
        raise UnreadableFileError(name, f"this is {kind}, not a {what}", f"give the path of a {what} saved on disk")
    too_large = f"the file is larger than the limit of {size_text(limit)}"
    if info.st_size > limit:
        raise UnreadableFileError(name, f"{too_large} ({size_text(info.st_size)})", hint)
    try:
        with open(path, "rb") as handle:
            data = handle.read(limit + 1)
    except OSError as error:
        raise UnreadableFileError(name, f"cannot be read ({error.strerror or error})") from None
    if len(data) > limit:
        raise UnreadableFileError(name, too_large, hint)
    return data


def size_text(count: int) -> str:
    """1536 -> '1.5 KiB': a size as a message shows it."""
    if count >= 1024 * 1024:
        return f"{count / (1024 * 1024):.1f} MiB".replace(".0 MiB", " MiB")
    if count >= 1024:
        return f"{count / 1024:.1f} KiB".replace(".0 KiB", " KiB")
    return f"{count} bytes"
