"""Doing independent pieces of work on several cores: the first in this process, the others in forked copies of it.

`check` runs a hundred scenarios that share nothing but the (read-only) baseline; pure Python holds the GIL, so
threads would not help, and a process pool would start fresh interpreters that import everything again. A
forked child starts with every module and the loaded data already in memory, does its piece, sends the result
back through a pipe and leaves. Only results this program made itself are unpickled (never a file's content).

A child that fails in any way (an exception, a crash, a signal) sends nothing; the caller then gets `None` and
does the whole work in one process, so an error is raised exactly as it would be without `jobs`. Other than on
Linux (see FORKS), everything runs in this process.
"""

from __future__ import annotations

import contextlib
import gc
import os
import pickle
import signal
import sys
from collections.abc import Callable, Sequence
from typing import TypeVar

__all__ = ["map_forked", "usable_cores"]

Item = TypeVar("Item")
Result = TypeVar("Result")

_FAILED = 1  # a child's exit status when its work raised
# Linux only: there a forked copy of a process with library threads (numpy's BLAS) is safe, glibc's malloc
# being made ready for fork; macOS advises against fork without exec (Python's own multiprocessing stopped
# using it there), and Windows has no fork.
FORKS = hasattr(os, "fork") and sys.platform.startswith("linux")


def usable_cores() -> int:
    """The cores this process may run on (a container or `taskset` may allow fewer than the machine has)."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except (AttributeError, OSError):  # not on Linux
        return os.cpu_count() or 1


def map_forked(work: Callable[[Item], Result], items: Sequence[Item]) -> list[Result] | None:
    """`[work(item) for item in items]`, items[1:] each in a forked child, items[0] here, all at the same time.

    None when a child gave no result (the caller then works in one process, where the error shows as itself).
    An exception of `work(items[0])` is raised here, after the children are stopped. One item, or no `fork`:
    the plain loop.
    """
    if len(items) <= 1 or not FORKS:
        return [work(item) for item in items]
    children: list[tuple[int, int]] = []  # (pid, read end of its pipe), until it is read and reaped
    try:
        # As the gc module advises before a fork: the objects that exist now are left out of the children's
        # collections, so collecting neither copies their memory pages nor spends time on what outlives the work.
        gc.freeze()
        try:
            for item in items[1:]:
                children.append(_start(work, item, [read_end for _, read_end in children]))
        finally:
            gc.unfreeze()  # here they are collected as before
        results: list[Result] = [work(items[0])]
        failed = False
        while children:
            pid, read_end = children[0]
            try:
                data = _read_all(read_end)
            finally:
                children.pop(0)
                _, status = os.waitpid(pid, 0)
            if failed or status != 0:
                failed = True
                continue
            try:
                results.append(pickle.loads(data))
            except Exception:  # a truncated result: as if the child had failed
                failed = True
        return None if failed else results
    finally:
        for pid, read_end in children:  # only when something above raised: stop and reap every child left
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGKILL)
            with contextlib.suppress(OSError):
                os.close(read_end)
            with contextlib.suppress(OSError):
                os.waitpid(pid, 0)


def _start(work: Callable[[Item], Result], item: Item, others: Sequence[int]) -> tuple[int, int]:
    """Fork a child that does `work(item)` and writes the pickled result to a pipe; `others`: earlier children's
    pipes, which this child closes (they are not its own)."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns, and leaves without flushing or tearing down what it inherited
        status = _FAILED
        try:
            for fd in (read_end, *others):
                os.close(fd)
            data = pickle.dumps(work(item), protocol=pickle.HIGHEST_PROTOCOL)
            with os.fdopen(write_end, "wb") as pipe:
                pipe.write(data)
            status = 0
        except BaseException:  # any failure: send nothing; the parent redoes the work itself
            pass
        finally:
            os._exit(status)
    os.close(write_end)
    return pid, read_end


def _read_all(read_end: int) -> bytes:
    with os.fdopen(read_end, "rb") as pipe:
        return pipe.read()
