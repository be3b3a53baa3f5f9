"""The CI examples in docs/ci/ parse as YAML, run real commands with real options, and publish the report they write.

They are shown in docs/check.md as they stand in the files.
"""

from __future__ import annotations

import shlex
import shutil
from pathlib import Path
from typing import Any

import pytest
import typer.main
from ruamel.yaml import YAML

from hengelo_scenario.cli.app import app
from hengelo_scenario.resources import shipped_scenarios_dir

ROOT = Path(__file__).resolve().parents[2]
GITHUB = ROOT / "docs" / "ci" / "github-actions.yml"
GITLAB = ROOT / "docs" / "ci" / "gitlab-ci.yml"


def load(path: Path) -> Any:
    return YAML(typ="safe", pure=True).load(path.read_text(encoding="utf-8"))


def github_commands() -> list[str]:
    workflow = load(GITHUB)
    return [step["run"] for job in workflow["jobs"].values() for step in job["steps"] if "run" in step]


def gitlab_commands() -> list[str]:
    return list(load(GITLAB)["budget-check"]["script"])


def tool_commands(commands: list[str]) -> list[list[str]]:
    """The arguments of every `hengelo-scenario ...` command."""
    found = []
    for command in commands:
        words = shlex.split(command)
        if words and words[0] == "hengelo-scenario":
            found.append(words[1:])
    return found


def test_the_github_workflow_is_a_workflow():
    workflow = load(GITHUB)
    assert set(workflow) >= {"name", "on", "jobs"}  # YAML 1.2: `on` stays a key, not true
    assert workflow["permissions"]["checks"] == "write"
    (job,) = workflow["jobs"].values()
    uses = [step.get("uses", "") for step in job["steps"]]
    assert uses[0].startswith("actions/checkout@")
    python = next(step for step in job["steps"] if step.get("uses", "").startswith("actions/setup-python@"))
    assert python["with"]["python-version"] == "3.11"  # the project's requires-python
    publish = next(step for step in job["steps"] if "junit" in step.get("uses", ""))
    assert publish["if"] == "always()"  # the report is published when the check fails, which is when it matters
    assert publish["with"]["report_paths"] == "report.xml"


def test_the_gitlab_job_publishes_the_junit_report():
    job = load(GITLAB)["budget-check"]
    assert job["image"] == "python:3.11"
    assert job["artifacts"]["when"] == "always"
    assert job["artifacts"]["reports"]["junit"] == "report.xml"


@pytest.mark.parametrize("commands", [github_commands(), gitlab_commands()], ids=["github", "gitlab"])
def test_the_examples_install_the_tool_from_the_repository_and_run_check(commands):
    assert commands[0] == "python -m pip install ."
    assert (ROOT / "pyproject.toml").is_file()  # `.` is this repository
    assert tool_commands(commands) == [["check", "--junit-xml", "report.xml"]]


@pytest.mark.parametrize("commands", [github_commands(), gitlab_commands()], ids=["github", "gitlab"])
def test_every_option_the_examples_use_is_an_option_of_the_command(commands):
    group = typer.main.get_command(app)
    for args in tool_commands(commands):
        command = group.commands[args[0]]  # type: ignore[attr-defined]
        names = {name for param in command.params for name in (*param.opts, *param.secondary_opts)}
        for word in args[1:]:
            if word.startswith("-"):
                assert word.split("=")[0] in names, word


@pytest.mark.parametrize("commands", [github_commands(), gitlab_commands()], ids=["github", "gitlab"])
def test_the_check_command_runs_as_written_and_writes_the_report_it_publishes(commands, cli, here):
    from junitparser import JUnitXml

    shutil.copytree(shipped_scenarios_dir(), here / "scenarios")
    (args,) = tool_commands(commands)
    result = cli(*args)
    assert result.code == 0, result.out + result.err
    suite = next(iter(JUnitXml.fromfile(str(here / "report.xml"))))
    assert suite.tests == len(list(shipped_scenarios_dir().glob("*.yaml")))
    assert suite.failures == 0


@pytest.mark.parametrize("path", [GITHUB, GITLAB], ids=["github", "gitlab"])
def test_docs_check_md_shows_the_examples_as_they_stand(path: Path):
    docs = (ROOT / "docs" / "check.md").read_text(encoding="utf-8")
    assert path.read_text(encoding="utf-8") in docs
