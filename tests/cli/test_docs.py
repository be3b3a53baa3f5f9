"""Every command is in the README, and the README's two commands are the ones CI runs."""

from __future__ import annotations

from pathlib import Path

import typer.main

from hengelo_scenario.cli.app import app

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def command_names() -> list[str]:
    group = typer.main.get_command(app)
    names = []
    for name, command in group.commands.items():
        sub = getattr(command, "commands", None)
        names += [f"{name} {s}" for s in sub] if sub else [name]
    return names


def test_every_command_is_documented_in_the_readme():
    for name in command_names():
        assert f"hengelo-scenario {name}" in README, name


def test_every_command_has_help_with_an_example():
    group = typer.main.get_command(app)
    for name, command in group.commands.items():
        for sub in getattr(command, "commands", {command.name: command}).values():
            assert "Example:" in (sub.help or ""), f"{name} {sub.name}"


def test_the_readme_marks_its_two_commands_for_ci():
    assert "<!-- command:first -->" in README
    assert "<!-- command:second -->" in README
    assert "hengelo-scenario run jeugd_hoog.yaml" in README.split("<!-- command:first -->")[1].split("```")[1]
    assert "pytest" in README.split("<!-- command:second -->")[1].split("```")[1]


def test_the_readme_shows_the_ci_examples_as_they_stand():
    for name in ("gitlab-ci.yml", "github-actions.yml"):
        text = (ROOT / "docs" / "ci" / name).read_text(encoding="utf-8")
        assert f"```yaml\n{text}```" in README, name


def test_the_readme_csv_excerpt_is_what_the_export_writes(tmp_path, monkeypatch):
    from typer.testing import CliRunner

    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["run", "jeugd_hoog", "--export", "m.csv"], env={"NO_COLOR": "1"})
    assert result.exit_code == 0, result.output
    written = (tmp_path / "m.csv").read_text(encoding="utf-8-sig").splitlines()
    excerpt = README.split("An excerpt (`jeugd_hoog`):")[1].split("```text\n")[1].split("```")[0]
    lines = [line.strip() for line in excerpt.splitlines() if line.strip()]
    assert len(lines) == 3
    for line in lines:
        assert line in written, line
