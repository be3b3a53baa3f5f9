"""check with jobs: the scenarios divided over forked processes give the report of one process, to the byte.

The folder holds 30 scenarios on the small workbook of tests/baseline/conftest.py (each a measure of its own
amount), so that with jobs=2 each process gets at least MIN_PER_JOB of them.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import hengelo_scenario.forked
from hengelo_scenario.check.report import report_dict
from hengelo_scenario.check.runner import MIN_PER_JOB, run_check
from hengelo_scenario.errors import InputError
from hengelo_scenario.forked import FORKS
from tests.baseline.conftest import write_workbook

pytestmark = pytest.mark.skipif(not FORKS, reason="forked processes on Linux only")

COUNT = 30


def _folder(root: Path) -> Path:
    write_workbook(root)  # root/begroting.xlsx
    folder = root / "scenarios"
    folder.mkdir()
    for i in range(COUNT):
        (folder / f"s{i:02d}.yaml").write_text(
            f"name: Maatregel {i}\nbaseline: ../begroting.xlsx\nmeasures:\n"
            f"  - {{name: M{i}, programma: 6, soort: last, amounts: {{2025: {1000 + i}.50}}}}\n",
            encoding="utf-8",
        )
    return folder


def _without_time(report) -> str:
    data = report_dict(report)
    data.pop("seconds", None)
    for result in data.get("scenarios", []):
        result.pop("seconds", None)
    return json.dumps(data, sort_keys=True)


@pytest.fixture
def forks(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many pieces each map_forked call was given (so a test knows the work was divided)."""
    calls: list[int] = []
    original = hengelo_scenario.forked.map_forked

    def counted(work, items):
        calls.append(len(items))
        return original(work, items)

    monkeypatch.setattr(hengelo_scenario.forked, "map_forked", counted)
    return calls


def test_jobs_give_the_report_of_one_process(tmp_path: Path, forks: list[int]):
    assert COUNT >= 2 * MIN_PER_JOB
    folder = _folder(tmp_path)
    written = run_check([str(folder)], tmp_path, update=True, jobs=2)
    assert forks == [2]
    assert written.passed
    assert len(written.results) == COUNT
    snapshots = sorted((folder / "snapshots").glob("*.txt"))
    assert len(snapshots) == COUNT  # every snapshot written, by the parent, from both processes' results
    # one snapshot moved by hand: both ways of checking report the same difference
    moved = folder / "snapshots" / "s17.txt"
    # lasten 2025: the small workbook's 504,500.00 and the measure's 1,017.50 (i = 17)
    text = moved.read_text(encoding="utf-8")
    assert text.count(" 505517.50 ") >= 1
    moved.write_text(text.replace(" 505517.50 ", " 505517.51 ", 1), encoding="utf-8")
    one = run_check([str(folder)], tmp_path, jobs=1)
    two = run_check([str(folder)], tmp_path, jobs=2)
    assert not one.passed
    assert [r.file for r in one.failed] == [str(folder / "s17.yaml")]
    assert _without_time(two) == _without_time(one)
    assert forks == [2, 2]


def test_a_bad_file_is_reported_as_by_one_process(tmp_path: Path, forks: list[int]):
    folder = _folder(tmp_path)
    (folder / "s03.yaml").write_text("name: Kapot\nbaseline: ../begroting.xlsx\nonbekend: 1\n", encoding="utf-8")
    (folder / "s25.yaml").write_text("name: Ook kapot\nbaseline: ../begroting.xlsx\nmeasures: 3\n", encoding="utf-8")
    errors = []
    for jobs in (1, 2):
        with pytest.raises(InputError) as raised:
            run_check([str(folder)], tmp_path, update=True, jobs=jobs)
        errors.append(raised.value.problems)
    assert errors[0] == errors[1]
    assert {Path(p.file).name for p in errors[0]} == {"s03.yaml", "s25.yaml"}  # both files, whichever process
    assert not (folder / "snapshots").exists()  # nothing written by either
