"""forked.map_forked: the same results as a plain loop, in order; a child that fails gives None, never a guess."""

from __future__ import annotations

import os

import pytest

from hengelo_scenario.forked import FORKS, map_forked, usable_cores

pytestmark = pytest.mark.skipif(not FORKS, reason="forked processes on Linux only")


def _square_and_pid(n: int) -> tuple[int, int]:
    return n * n, os.getpid()


def test_results_in_order_and_the_first_item_in_this_process():
    results = map_forked(_square_and_pid, [3, 4, 5])
    assert results is not None
    assert [square for square, _ in results] == [9, 16, 25]  # 3*3, 4*4, 5*5
    pids = [pid for _, pid in results]
    assert pids[0] == os.getpid()  # items[0] is worked here
    assert len(set(pids)) == 3  # the others each in a child of their own


def _fails_in_a_child(n: int) -> int:
    if n == 2:
        raise ValueError("two")
    return n


def test_a_child_that_raises_gives_none():
    assert map_forked(_fails_in_a_child, [1, 2, 3]) is None


def _exits_hard(n: int) -> int:
    if n == 2:
        os._exit(3)  # a crash that raises nothing
    return n


def test_a_child_that_dies_gives_none():
    assert map_forked(_exits_hard, [1, 2]) is None


def _first_raises(n: int) -> int:
    if n == 1:
        raise KeyError("first")
    return n


def test_an_error_of_the_first_item_is_raised_here_and_no_child_is_left():
    with pytest.raises(KeyError):
        map_forked(_first_raises, [1, 2, 3])
    with pytest.raises(ChildProcessError):  # every child was reaped: there is none left to wait for
        os.waitpid(-1, os.WNOHANG)


def test_one_item_runs_here_without_forking():
    assert map_forked(_square_and_pid, [7]) == [(49, os.getpid())]


def test_usable_cores_is_at_least_one():
    assert usable_cores() >= 1
