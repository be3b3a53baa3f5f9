"""Nothing lost: file-system faults are located exit-2 messages, a set of outputs is written all or nothing, no
export replaces an input, and no temporary file is left behind (also after SIGTERM and SIGINT).

Faults a test cannot make for real (a read-only file system, a full disk, as root a permission) are injected at
the two points where the atomic writer touches the file system: creating the temporary file and renaming it.
"""

from __future__ import annotations

import errno
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from hengelo_scenario import atomic
from hengelo_scenario.resources import shipped_baseline

from .conftest import ENTRY, MEASURE, ROOT, leftovers, refused, write

OLD = b"the memo of yesterday"


@pytest.fixture
def project(here: Path) -> Path:
    """here/scenarios/ with two shipped scenarios and here/b.xlsx, a copy of the shipped workbook."""
    folder = here / "scenarios"
    folder.mkdir()
    for name in ("basis", "jeugd_hoog"):
        shutil.copy(ROOT / "scenarios" / f"{name}.yaml", folder / f"{name}.yaml")
    shutil.copy(shipped_baseline(), here / "b.xlsx")
    return here


# The commands that write, each with the file it writes (relative to the project).
WRITERS = {
    "export csv": (["run", "jeugd_hoog", "--export", "{target}"], "memo.csv"),
    "export xlsx": (["run", "jeugd_hoog", "--export", "{target}"], "memo.xlsx"),
    "chart": (["run", "jeugd_hoog", "--chart", "{target}"], "memo.png"),
    "compare csv": (["compare", "basis", "jeugd_hoog", "--export", "{target}"], "vergelijking.csv"),
    "junit": (["check", "--junit-xml", "{target}"], "report.xml"),
    "schema": (["schema", "-o", "{target}"], "scenario.schema.json"),
    "template": (["baseline", "template", "{target}"], "leeg.xlsx"),
}
CHEAP = ["export csv", "junit", "schema", "template"]


def command(kind: str, target: str) -> list[str]:
    args, _ = WRITERS[kind]
    return [a.replace("{target}", target) for a in args]


# --- real faults: a missing folder, a file where a folder is expected, a name too long ---------------------------


@pytest.mark.parametrize("kind", list(WRITERS))
@pytest.mark.parametrize(
    ("folder", "reason"),
    [
        pytest.param("nergens/", "the folder nergens does not exist", id="missing folder"),
        pytest.param("notes.txt/", "notes.txt is a file, not a folder", id="file as folder"),
        pytest.param("x" * 300, "too long", id="name of 300 characters"),
    ],
)
def test_a_target_the_file_system_refuses_is_a_located_error(cli, project, kind, folder, reason):
    (project / "notes.txt").write_text("memo", encoding="utf-8")
    _, name = WRITERS[kind]
    target = folder + name if folder.endswith("/") else folder + Path(name).suffix
    result = cli(*command(kind, target))
    refused(result, reason, folder=project)
    assert (project / "notes.txt").read_text(encoding="utf-8") == "memo"


def test_check_update_into_a_snapshots_folder_that_is_a_file(cli, project):
    (project / "scenarios" / "snapshots").write_text("not a folder", encoding="utf-8")
    result = cli("check", "--update")
    refused(result, "snapshots is a file, not a folder", folder=project)


# --- injected faults -----------------------------------------------------------------------------------------

FAULTS = [
    pytest.param(errno.EROFS, "read-only", id="read-only file system"),
    pytest.param(errno.ENOSPC, "the disk is full", id="disk full"),
    pytest.param(errno.EACCES, "permission denied", id="permission denied"),
    pytest.param(errno.EIO, "input/output error", id="I/O error"),
]


def fail_at_create(monkeypatch, code: int) -> None:
    def refuse(path: Path) -> Path:
        raise OSError(code, os.strerror(code), str(path))

    monkeypatch.setattr(atomic, "_temporary", refuse)


def fail_at_rename(monkeypatch, code: int, after: int = 0) -> None:
    real = os.replace
    calls = []

    def replace(source, target, *args, **kwargs):  # the rename number after + 1 fails, the others work
        calls.append(target)
        if len(calls) == after + 1:
            raise OSError(code, os.strerror(code), str(target))
        return real(source, target, *args, **kwargs)

    monkeypatch.setattr(atomic.os, "replace", replace)


@pytest.mark.parametrize("kind", CHEAP)
@pytest.mark.parametrize(("code", "reason"), FAULTS)
@pytest.mark.parametrize("when", ["create", "rename"])
def test_a_file_system_fault_is_a_located_error_and_leaves_the_old_file(
    cli, project, monkeypatch, kind, code, reason, when
):
    _, name = WRITERS[kind]
    (project / name).write_bytes(OLD)
    (fail_at_create if when == "create" else fail_at_rename)(monkeypatch, code)
    args = command(kind, name) + (["--force"] if kind == "template" else [])
    result = cli(*args)
    refused(result, name, reason, folder=project)
    assert (project / name).read_bytes() == OLD


@pytest.mark.parametrize("kind", ["export xlsx", "chart"])
def test_a_read_only_file_system_under_an_excel_or_png_export(cli, project, monkeypatch, kind):
    _, name = WRITERS[kind]
    fail_at_rename(monkeypatch, errno.EROFS)
    refused(cli(*command(kind, name)), "read-only", folder=project)
    assert sorted(p.name for p in project.iterdir()) == ["b.xlsx", "scenarios"]


@pytest.mark.parametrize(("code", "reason"), FAULTS[:2])
def test_check_update_on_a_read_only_snapshots_folder(cli, project, monkeypatch, code, reason):
    fail_at_create(monkeypatch, code)
    refused(cli("check", "--update"), "snapshots", reason, folder=project)
    assert not (project / "scenarios" / "snapshots").exists()  # the folder it made is gone again


# --- all or nothing ------------------------------------------------------------------------------------------


def test_the_second_snapshot_failing_leaves_the_first_as_it_was(cli, project, monkeypatch):
    assert cli("check", "--update").code in (0, 1)
    snapshots = project / "scenarios" / "snapshots"
    before = {p.name: p.read_bytes() for p in snapshots.iterdir()}
    for path in snapshots.iterdir():
        path.write_bytes(b"stale\n")  # both need rewriting
    stale = {p.name: p.read_bytes() for p in snapshots.iterdir()}
    fail_at_rename(monkeypatch, errno.ENOSPC, after=1)  # the first rename succeeds, the second fails
    refused(cli("check", "--update"), "the disk is full", folder=project)
    assert {p.name: p.read_bytes() for p in snapshots.iterdir()} == stale  # the first was put back
    assert before.keys() == stale.keys()


def test_a_failing_second_png_leaves_no_first_png(cli, project, monkeypatch):
    from hengelo_scenario.report.export import charts

    def broken(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device", "memo-meerjarig.png")

    monkeypatch.setattr(charts, "draw_multi_year", broken)
    refused(cli("run", "jeugd_hoog", "--chart", "memo.png"), "memo-meerjarig.png", "disk is full", folder=project)
    assert not (project / "memo-brug.png").exists()


def test_all_exports_of_a_run_or_none(cli, project, monkeypatch):
    from hengelo_scenario.report.export import xlsx

    (project / "memo.csv").write_bytes(OLD)

    def broken(path, *args, **kwargs):
        Path(path).write_bytes(b"PK half")
        raise OSError(errno.ENOSPC, "No space left on device", str(path))

    monkeypatch.setattr(xlsx, "write_xlsx", broken)
    result = cli("run", "jeugd_hoog", "--export", "memo.csv", "--export", "memo.xlsx", "--chart", "m.png")
    refused(result, "disk is full", folder=project)
    assert (project / "memo.csv").read_bytes() == OLD
    assert sorted(p.name for p in project.iterdir()) == ["b.xlsx", "memo.csv", "scenarios"]


def test_a_rename_failing_halfway_puts_back_what_it_replaced(cli, project, monkeypatch):
    (project / "a.csv").write_bytes(OLD)
    (project / "b.csv").write_bytes(OLD)
    fail_at_rename(monkeypatch, errno.EIO, after=1)
    refused(cli("run", "jeugd_hoog", "--export", "a.csv", "--export", "b.csv"), "b.csv", folder=project)
    assert (project / "a.csv").read_bytes() == OLD
    assert (project / "b.csv").read_bytes() == OLD


def test_a_rename_failing_halfway_removes_what_it_created(cli, project, monkeypatch):
    fail_at_rename(monkeypatch, errno.EIO, after=1)
    refused(cli("run", "jeugd_hoog", "--export", "a.csv", "--export", "b.csv"), "b.csv", folder=project)
    assert not (project / "a.csv").exists()


# --- no export replaces an input -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        pytest.param(["run", "jeugd_hoog", "-b", "b.xlsx", "--export", "b.xlsx"], id="the baseline"),
        pytest.param(["run", "jeugd_hoog", "-b", "b.xlsx", "--export", "./b.xlsx"], id="the baseline as ./"),
        pytest.param(["run", "jeugd_hoog", "-b", "b.xlsx", "--export", "scenarios/../b.xlsx"], id="through .."),
        pytest.param(["run", "jeugd_hoog", "-b", "b.xlsx", "--export", "hard.xlsx"], id="a hard link to it"),
        pytest.param(["run", "jeugd_hoog", "-b", "b.xlsx", "--export", "soft.xlsx"], id="a symbolic link to it"),
        pytest.param(["run", "s.csv", "--export", "s.csv"], id="the scenario file"),
        pytest.param(["run", "s.csv", "--export", "memo.xlsx", "--export", "s.csv"], id="the scenario, second"),
        pytest.param(["compare", "basis", "s.csv", "--export", "s.csv"], id="a compared scenario"),
        pytest.param(["compare", "basis", "jeugd_hoog", "-b", "b.xlsx", "--export", "b.xlsx"], id="compare baseline"),
    ],
)
def test_an_export_never_replaces_an_input(cli, project, args):
    os.link(project / "b.xlsx", project / "hard.xlsx")
    os.symlink(project / "b.xlsx", project / "soft.xlsx")
    write(project / "s.csv", MEASURE.format(name="S", measure="Maatregel"))
    before = {p.name: p.read_bytes() for p in project.iterdir() if p.is_file()}
    result = cli(*args)
    refused(result, "an input of this run", folder=project)
    assert {p.name: p.read_bytes() for p in project.iterdir() if p.is_file()} == before


@pytest.mark.parametrize(
    "args",
    [
        pytest.param(["--export", "m.csv", "--export", "m.csv"], id="the same file twice"),
        pytest.param(["--export", "m.csv", "--export", "./m.csv"], id="twice, spelt differently"),
        pytest.param(["--export", "m.png", "--chart", "m.png"], id="the chart pair twice"),
    ],
)
def test_a_file_named_twice_is_refused_before_any_work(cli, project, args):
    refused(cli("run", "jeugd_hoog", *args), "written twice", folder=project)
    assert sorted(p.name for p in project.iterdir()) == ["b.xlsx", "scenarios"]


# --- SOURCE_DATE_EPOCH -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("value", ["99999999999999999", "-1", "1e9", "abc", "253402300800", "1" * 100])
def test_a_source_date_epoch_out_of_range_is_a_located_error(cli, project, monkeypatch, value):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", value)
    refused(cli("run", "jeugd_hoog", "--export", "m.csv"), "SOURCE_DATE_EPOCH", folder=project)
    assert not (project / "m.csv").exists()


@pytest.mark.parametrize("value", ["0", "253402300799", " 1735689600 "])
def test_a_source_date_epoch_at_the_ends_of_the_range_works(cli, project, monkeypatch, value):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", value)
    result = cli("run", "jeugd_hoog", "--export", "m.csv", "--export", "m.xlsx")
    assert result.code == 0, result.err


# --- signals: the temporary file is removed, the exit is clean ----------------------------------------------------

SLOW_EXPORT = """
import sys, time
from pathlib import Path
from hengelo_scenario.report.export import csv as csv_export
real = csv_export.write_csv
def slow(path, *args, **kwargs):
    real(path, *args, **kwargs)
    Path("started").write_text("x")
    time.sleep(60)
csv_export.write_csv = slow
sys.argv = ["hengelo-scenario", "run", "jeugd_hoog", "--export", "memo.csv", "--export", "memo.xlsx"]
from hengelo_scenario.cli.app import main
main()
"""


@pytest.mark.parametrize(("signum", "code"), [(signal.SIGTERM, 143), (signal.SIGINT, 130)], ids=["SIGTERM", "SIGINT"])
def test_a_signal_during_an_export_leaves_no_temporary_file(tmp_path, signum, code):
    process = subprocess.Popen(
        [sys.executable, "-c", SLOW_EXPORT],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "NO_COLOR": "1"},
    )
    deadline = time.monotonic() + 30
    while not (tmp_path / "started").exists():
        assert process.poll() is None, process.communicate()
        assert time.monotonic() < deadline, "the export never started"
        time.sleep(0.05)
    assert leftovers(tmp_path)  # the temporary file is there while the export runs
    process.send_signal(signum)
    _, err = process.communicate(timeout=20)
    assert process.returncode == code, err
    assert "Traceback" not in err
    assert "Stopped" in err
    assert leftovers(tmp_path) == []
    assert not (tmp_path / "memo.csv").exists()
    assert not (tmp_path / "memo.xlsx").exists()


# --- encodings: an ASCII-only or Latin-1 terminal never ends in UnicodeEncodeError ------------------------------


@pytest.mark.parametrize("encoding", ["latin-1", "ascii"])
@pytest.mark.parametrize("args", [["run", "s.yaml"], ["run", "nergens.yaml"], ["list"]], ids=["run", "error", "list"])
def test_a_terminal_that_cannot_show_every_character(tmp_path, encoding, args):
    write(tmp_path / "s.yaml", MEASURE.format(name="Jeugd € 💶 ẞ", measure="Maatregel ✓ ≥ 5"))
    done = subprocess.run(
        [sys.executable, "-c", ENTRY, *args],
        cwd=tmp_path,
        capture_output=True,
        env={**os.environ, "PYTHONIOENCODING": encoding, "NO_COLOR": "1", "COLUMNS": "200"},
        timeout=60,
    )
    err = done.stderr.decode(encoding, errors="replace")
    assert "Traceback" not in err
    assert "UnicodeEncodeError" not in err
    assert done.returncode == (2 if "nergens.yaml" in args else 0), err


def test_a_snapshot_over_the_size_limit_is_refused_without_reading_it(cli, project):
    snapshots = project / "scenarios" / "snapshots"
    snapshots.mkdir()
    with open(snapshots / "basis.txt", "wb") as handle:
        handle.truncate(17 * 1024 * 1024)  # sparse: no disk used
    refused(cli("check", "scenarios/basis.yaml"), "basis.txt", "larger than the limit of 16 MiB", folder=project)


def test_a_snapshot_that_is_a_fifo_does_not_block(cli, project):
    snapshots = project / "scenarios" / "snapshots"
    snapshots.mkdir()
    os.mkfifo(snapshots / "basis.txt")
    result = cli("check", "scenarios/basis.yaml")
    assert result.code in (0, 1), result.err  # no snapshot read: the expect: figures are still checked
    assert "Traceback" not in result.err


@pytest.mark.parametrize(
    "target", ["scenarios/basis.yaml", "scenarios/snapshots/basis.txt", "b.xlsx"], ids=["scenario", "snapshot", "wb"]
)
def test_the_junit_report_never_replaces_an_input_of_the_check(cli, project, target):
    assert cli("check", "--update", "-b", "b.xlsx").code in (0, 1)
    before = (project / target).read_bytes()
    refused(cli("check", "-b", "b.xlsx", "--junit-xml", target), "an input of this run", folder=project)
    assert (project / target).read_bytes() == before
