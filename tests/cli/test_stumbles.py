"""The small stumbles of issue 11, each pinned: completion, choices in help, where bare names are found, .yml
everywhere, Dutch status lines about written files, and a NEL (U+0085) in a name shown as the escape it is."""

from __future__ import annotations

import pytest

from .invoke import invoke


def words(text: str) -> str:
    return " ".join(text.split())


def test_shell_completion_is_offered(in_tmp, monkeypatch, capsys):
    monkeypatch.setenv("COLUMNS", "200")
    result = invoke(monkeypatch, capsys, "--help")
    assert result.code == 0
    assert "--install-completion" in result.out
    assert "--show-completion" in result.out


@pytest.mark.parametrize(
    ("command", "choices"),
    [
        (("run",), ("duizend|euro", "table|json", "nl|int")),
        (("compare",), ("duizend|euro", "table|json", "nl|int")),
        (("check",), ("table|json",)),
        (("baseline", "show"), ("duizend|euro",)),
    ],
)
def test_help_lists_the_choices(in_tmp, monkeypatch, capsys, command, choices):
    monkeypatch.setenv("COLUMNS", "200")
    result = invoke(monkeypatch, capsys, *command, "--help")
    assert result.code == 0
    for choice in choices:
        assert choice in result.out, choice
    assert "<str>" not in result.out.split("--unit")[-1].split("\n")[0]


def test_a_wrong_choice_is_refused_with_the_choices(in_tmp, monkeypatch, capsys):
    result = invoke(monkeypatch, capsys, "run", "basis", "--unit", "miljoen")
    assert result.code == 2
    assert "'duizend', 'euro'" in result.err


def test_a_bare_name_is_found_here_first_then_in_scenarios_then_shipped(in_tmp, monkeypatch, capsys):
    def name_run(*args):
        result = invoke(monkeypatch, capsys, "run", *args, "--format", "json")
        assert result.code == 0, result.err
        return result.json["scenario"]["name"]

    assert name_run("jeugd_hoog") == "Jeugdhulp hoog"  # shipped
    (in_tmp / "scenarios").mkdir()
    (in_tmp / "scenarios" / "jeugd_hoog.yaml").write_text("name: Uit scenarios\n", encoding="utf-8")
    assert name_run("jeugd_hoog") == "Uit scenarios"
    (in_tmp / "jeugd_hoog.yml").write_text("name: Hier\n", encoding="utf-8")
    assert name_run("jeugd_hoog") == "Hier"  # the working folder first, .yml as well as .yaml
    assert name_run("scenarios/jeugd_hoog.yaml") == "Uit scenarios"  # a path is a path


def test_yml_files_everywhere(in_tmp, monkeypatch, capsys):
    (in_tmp / "scenarios").mkdir()
    (in_tmp / "scenarios" / "eigen.yml").write_text(
        "name: Eigen yml\nwijkaanpak: {amounts: {2027: 509000}}\n", encoding="utf-8"
    )
    (in_tmp / "scenarios" / "ouder.yml").write_text("name: Ouder\n", encoding="utf-8")
    (in_tmp / "scenarios" / "kind.yaml").write_text("name: Kind\nextends: ouder\n", encoding="utf-8")
    listed = invoke(monkeypatch, capsys, "list")
    assert "eigen.yml" in listed.out
    assert "Eigen yml" in listed.out
    assert invoke(monkeypatch, capsys, "run", "eigen").code == 0
    assert invoke(monkeypatch, capsys, "run", "kind").code == 0
    assert invoke(monkeypatch, capsys, "compare", "eigen", "kind").code == 0
    checked = invoke(monkeypatch, capsys, "check", "--update")
    assert checked.code == 0, checked.err
    assert "scenarios/eigen.yml" in checked.out


def test_status_lines_about_written_files_are_dutch(in_tmp, monkeypatch, capsys):
    template = invoke(monkeypatch, capsys, "baseline", "template", "leeg.xlsx")
    assert template.code == 0, template.err
    assert template.out.strip() == "Geschreven: leeg.xlsx"
    exported = invoke(monkeypatch, capsys, "run", "basis", "--export", "memo.csv")
    assert "Geschreven: memo.csv" in exported.err
    new = invoke(monkeypatch, capsys, "new", "plan")
    assert new.out.strip() == "Geschreven: plan.yaml"
    (in_tmp / "scenarios").mkdir()
    (in_tmp / "scenarios" / "a.yaml").write_text("name: A\n", encoding="utf-8")
    updated = invoke(monkeypatch, capsys, "check", "--update")
    assert "Snapshots: 1 geschreven (1 nieuw), 0 ongewijzigd." in updated.out
    for result in (template, exported, new, updated):
        assert "Wrote" not in result.out + result.err
        assert "written" not in result.out + result.err


def test_a_nel_in_a_name_is_kept_and_shown_as_an_escape(in_tmp, monkeypatch, capsys):
    """A raw NEL (U+0085) is refused with its line (YAML would read a line break an editor does not show); written
    as the escape "\\N" it is a character of the name, and the terminal shows it as \\x85, never as a space."""
    (in_tmp / "scenarios").mkdir()
    raw = "name: Jeugd\u0085hoog\nwijkaanpak: {amounts: {2027: 509000}}\n"
    (in_tmp / "scenarios" / "rauw.yaml").write_bytes(raw.encode())
    refused = invoke(monkeypatch, capsys, "run", "rauw")
    assert refused.code == 2
    assert "line 1" in refused.err
    text = 'name: "Jeugd\\Nhoog"\nwijkaanpak: {amounts: {2027: 509000}}\n'
    (in_tmp / "scenarios" / "nel.yaml").write_text(text, encoding="utf-8")
    data = invoke(monkeypatch, capsys, "run", "nel", "--format", "json").json
    assert data["scenario"]["name"] == "Jeugd\u0085hoog"
    shown = invoke(monkeypatch, capsys, "run", "nel")
    assert shown.code == 0, shown.err
    assert "Jeugd\\x85hoog" in shown.out
    assert "Jeugd hoog" not in shown.out
    listed = invoke(monkeypatch, capsys, "list")
    assert "Jeugd\\x85hoog" in listed.out
    (in_tmp / "scenarios" / "rauw.yaml").unlink()
    (in_tmp / "hier.yml").write_text("name: Hier en nu\n", encoding="utf-8")
    (in_tmp / ".gitlab-ci.yml").write_text("stages: [test]\n", encoding="utf-8")
    here = invoke(monkeypatch, capsys, "list").out
    assert here.startswith("hier (")  # the working folder first, as bare names are found
    assert "Hier en nu" in here
    assert ".gitlab-ci" not in here


def test_completion_completes_commands_and_choices(tmp_path):
    """The completion script asks the tool itself; here is what it answers for `ru<TAB>` and `--unit <TAB>`."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    def complete(words: str, index: int) -> list[str]:
        env = {
            **os.environ,
            "_HENGELO_SCENARIO_COMPLETE": "complete_bash",
            "COMP_WORDS": words,
            "COMP_CWORD": str(index),
        }
        out = subprocess.run([str(script)], env=env, cwd=tmp_path, capture_output=True, text=True)
        return out.stdout.split()

    script = Path(sys.executable).parent / "hengelo-scenario"  # the console script, as the shell calls it
    if not script.exists():
        pytest.skip("the hengelo-scenario console script is not installed beside this Python")

    assert complete("hengelo-scenario ru", 1) == ["run"]
    assert complete("hengelo-scenario run x --unit ", 4) == ["duizend", "euro"]
