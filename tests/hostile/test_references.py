"""`extends:` and `baseline:` may point only at scenario files and workbooks inside the project, and the refusal
names the `extends:`/`baseline:` line and quotes nothing of the target.

Every test plants SECRET in the files a hostile scenario points at; the message must never contain it.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from hengelo_scenario.errors import ScenarioError
from hengelo_scenario.scenario.loader import load_scenario_file

from .conftest import SECRET, refused, write


@pytest.fixture
def planted(here: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Secrets inside the project (with the wrong suffix) and outside it (with every suffix)."""
    outside = tmp_path_factory.mktemp("outside")
    files = {
        "outside_yaml": write(outside / "secret.yaml", f"name: {SECRET}\npassword: {SECRET}\n"),
        "outside_xlsx": write(outside / "secret.xlsx", SECRET),
        "outside_txt": write(outside / "passwd", f"root:x:0:0:{SECRET}:/root:/bin/bash\n"),
        "env": write(here / ".env", f"TOKEN={SECRET}\n"),
        "key": write(here / "id_rsa", f"-----BEGIN OPENSSH PRIVATE KEY-----\n{SECRET}\n"),
        "txt": write(here / "notes.txt", f"{SECRET}\n"),
    }
    (here / "folder.yaml").mkdir()
    (here / "folder.xlsx").mkdir()
    os.mkfifo(here / "pipe.yaml")
    os.mkfifo(here / "pipe.xlsx")
    os.symlink(files["outside_yaml"], here / "link.yaml")
    os.symlink(files["outside_txt"], here / "passwd.yaml")
    os.symlink(files["outside_xlsx"], here / "link.xlsx")
    os.symlink("/dev/zero", here / "zero.xlsx")
    os.symlink("/dev/zero", here / "zero.yaml")
    return files


def relative_up(here: Path, target: Path) -> str:
    return os.path.relpath(target, here)


EXTENDS = [
    pytest.param(lambda h, f: "../../../../../../../../etc/passwd", ["scenario file (.yaml or .yml)"], id="etc passwd"),
    pytest.param(lambda h, f: "/etc/passwd", ["scenario file"], id="absolute etc passwd"),
    pytest.param(lambda h, f: "/etc/shadow", ["scenario file"], id="etc shadow"),
    pytest.param(lambda h, f: str(f["outside_txt"]), ["scenario file"], id="a file without suffix"),
    pytest.param(lambda h, f: str(f["outside_yaml"]), ["outside these folders"], id="absolute yaml outside"),
    pytest.param(lambda h, f: relative_up(h, f["outside_yaml"]), ["outside these folders"], id="relative yaml outside"),
    pytest.param(lambda h, f: "link.yaml", ["outside these folders"], id="symlink to a yaml outside"),
    pytest.param(lambda h, f: "passwd.yaml", ["scenario file"], id="symlink named yaml to a passwd"),
    pytest.param(lambda h, f: ".env", ["scenario file"], id="dot env"),
    pytest.param(lambda h, f: "id_rsa", ["scenario file"], id="private key bare name"),
    pytest.param(lambda h, f: "./id_rsa", ["scenario file"], id="private key path"),
    pytest.param(lambda h, f: "notes.txt", ["scenario file"], id="text file"),
    pytest.param(lambda h, f: "~/.ssh/id_rsa", ["scenario file"], id="home ssh key"),
    pytest.param(lambda h, f: "/dev/zero", ["scenario file"], id="dev zero"),
    pytest.param(lambda h, f: "zero.yaml", ["outside these folders"], id="symlink to dev zero"),
    pytest.param(lambda h, f: "pipe.yaml", ["not a regular file"], id="a FIFO"),
    pytest.param(lambda h, f: "folder.yaml", ["a folder"], id="a folder"),
    pytest.param(lambda h, f: "/proc/self/environ", ["scenario file"], id="proc environ"),
    pytest.param(lambda h, f: "a\x00b", ["control characters"], id="NUL in the name"),
    pytest.param(lambda h, f: "a" * 5000, ["at most 1024 characters"], id="a name of 5000 characters"),
    pytest.param(lambda h, f: "x/" * 600 + "a.yaml", ["at most 1024 characters"], id="a path of 1206 characters"),
    pytest.param(lambda h, f: "nothing-here", ["an existing scenario"], id="missing"),
]


@pytest.mark.parametrize(("target", "places"), EXTENDS)
def test_extends_reads_nothing_outside_the_scenario_files_of_the_project(cli, here, planted, target, places):
    written = target(here, planted)
    (here / "s.yaml").write_text(f'name: x\nauthor: y\nextends: "{_yaml_quoted(written)}"\n', encoding="utf-8")
    result = cli("run", "s.yaml")
    refused(result, "s.yaml, line 3, extends", *places, folder=here)
    assert "root:x" not in result.err


BASELINE = [
    pytest.param(lambda h, f: "/etc/passwd", ["a workbook (.xlsx)"], id="etc passwd"),
    pytest.param(lambda h, f: "../../../../../../etc/passwd", ["a workbook"], id="relative etc passwd"),
    pytest.param(lambda h, f: str(f["outside_xlsx"]), ["outside these folders"], id="absolute xlsx outside"),
    pytest.param(lambda h, f: relative_up(h, f["outside_xlsx"]), ["outside these folders"], id="relative outside"),
    pytest.param(lambda h, f: "link.xlsx", ["outside these folders"], id="symlink to an xlsx outside"),
    pytest.param(lambda h, f: "zero.xlsx", ["outside these folders"], id="symlink to dev zero"),
    pytest.param(lambda h, f: "/dev/zero", ["a workbook"], id="dev zero"),
    pytest.param(lambda h, f: "pipe.xlsx", ["not a regular file"], id="a FIFO"),
    pytest.param(lambda h, f: "folder.xlsx", ["a folder"], id="a folder"),
    pytest.param(lambda h, f: ".env", ["a workbook"], id="dot env"),
    pytest.param(lambda h, f: "s.yaml", ["a workbook"], id="the scenario itself"),
    pytest.param(lambda h, f: "a\x00b.xlsx", ["control characters"], id="NUL in the name"),
    pytest.param(lambda h, f: "b" * 5000 + ".xlsx", ["at most 1024 characters"], id="5000 characters"),
]


@pytest.mark.parametrize(("target", "places"), BASELINE)
def test_baseline_reads_nothing_outside_the_workbooks_of_the_project(cli, here, planted, target, places):
    written = target(here, planted)
    (here / "s.yaml").write_text(f'name: x\nbaseline: "{_yaml_quoted(written)}"\n', encoding="utf-8")
    result = cli("run", "s.yaml")
    refused(result, "s.yaml, line 2, baseline", *places, folder=here)


def test_a_parent_that_extends_a_secret_is_refused_on_the_parents_line(cli, here, planted):
    write(here / "lib" / "p.yaml", "name: p\nextends: /etc/passwd\n")
    write(here / "s.yaml", "name: c\nextends: lib/p.yaml\n")
    refused(cli("run", "s.yaml"), "p.yaml, line 2, extends", folder=here)


def test_a_bare_name_among_the_shipped_scenarios_stays_allowed(cli, here):
    write(here / "s.yaml", "name: c\nextends: jeugd_hoog\n")
    assert cli("run", "s.yaml").code == 0


def test_a_workspace_root_allows_a_parent_outside_the_scenarios_folder(tmp_path, monkeypatch):
    elsewhere = tmp_path / "elders"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)  # the current folder is not the project
    parent = write(tmp_path / "project" / "gedeeld" / "basis.yaml", "name: p\nwijkaanpak: {amounts: {2027: 1}}\n")
    child = write(tmp_path / "project" / "scenarios" / "c.yaml", "name: c\nextends: ../gedeeld/basis.yaml\n")
    with pytest.raises(ScenarioError) as caught:
        load_scenario_file(child)
    assert "outside these folders" in caught.value.problems[0].found
    loaded = load_scenario_file(child, allowed_roots=[tmp_path / "project"])
    assert loaded.chain == (str(child), str(parent))


@pytest.mark.parametrize(
    ("option", "reason"),
    [
        pytest.param("/dev/zero", "a device", id="dev zero"),
        pytest.param("/dev/null", "a device", id="dev null"),
        pytest.param("pipe.xlsx", "a FIFO", id="a FIFO"),
        pytest.param("/etc/passwd", "not a zip archive", id="etc passwd"),
        pytest.param("notes.txt", "not a zip archive", id="a text file"),
        pytest.param("nothing.xlsx", "the file does not exist", id="missing"),
        pytest.param("c" * 300 + ".xlsx", "too long", id="300 characters"),
    ],
)
def test_a_baseline_on_the_command_line_that_is_no_workbook(cli, here, planted, option, reason):
    result = cli("run", "jeugd_hoog", "--baseline", option)
    refused(result, reason, folder=here)
    assert "root:x" not in result.err


def _yaml_quoted(text: str) -> str:
    return "".join(f"\\x{ord(c):02x}" if ord(c) < 32 else ("\\\\" if c == "\\" else c) for c in text)


def test_an_extends_chain_of_thirty_files_is_refused_on_a_line(cli, here):
    for i in range(30):
        write(here / f"s{i}.yaml", f"name: s{i}\nextends: s{i + 1}.yaml\n")
    write(here / "s30.yaml", "name: s30\n")
    result = cli("run", "s0.yaml")
    refused(result, "line 2, extends", "a chain of at most 20 files", folder=here)
