"""`init` makes a workspace that runs and checks from its first commit; `new` writes every lever, commented out."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from hengelo_scenario.baseline.workbook import load_baseline
from hengelo_scenario.engine import run
from hengelo_scenario.errors import BudgetError, ScenarioError
from hengelo_scenario.levers import all_levers
from hengelo_scenario.resources import shipped_baseline
from hengelo_scenario.scenario import template
from hengelo_scenario.scenario.loader import load_scenario_file, load_scenario_text
from hengelo_scenario.scenario.resolve import resolve
from hengelo_scenario.scenario.schema import json_schema
from hengelo_scenario.scenario.template import lever_keys, scenario_template
from hengelo_scenario.workspace import CONFIG_NAME, find_workspace

from .invoke import invoke

EXPECTED = [
    CONFIG_NAME,
    "data/hengelo-begroting-2025-2028.xlsx",
    "scenarios/voorbeeld.yaml",
    "scenarios/snapshots/voorbeeld.txt",
    ".github/workflows/budget-check.yml",
    ".gitlab-ci.yml",
]


def test_init_writes_a_workspace_that_runs_and_checks(in_tmp, monkeypatch, capsys):
    result = invoke(monkeypatch, capsys, "init", "ws")
    assert result.code == 0, result.err
    for name in EXPECTED:
        assert (in_tmp / "ws" / name).is_file(), name
        assert f"Geschreven: {Path('ws') / name}" in result.out
    ws = in_tmp / "ws"
    assert (ws / EXPECTED[1]).read_bytes() == shipped_baseline().read_bytes()
    for ci in EXPECTED[4:]:
        text = (ws / ci).read_text(encoding="utf-8")
        assert "hengelo-scenario check --junit-xml report.xml" in text
        assert "pip install ." not in text  # the workspace does not hold the tool
    space = find_workspace(ws / "scenarios")
    assert space.baseline == (ws / EXPECTED[1]).resolve()
    monkeypatch.chdir(ws)
    checked = invoke(monkeypatch, capsys, "check")
    assert checked.code == 0, checked.out + checked.err
    assert "Basis: data/hengelo-begroting-2025-2028.xlsx (uit hengelo-scenario.toml)" in checked.out
    ran = invoke(monkeypatch, capsys, "run", "voorbeeld")
    assert ran.code == 0, ran.err
    assert "Scenario: Voorbeeld" in ran.out


def test_init_empty_starts_from_the_template(in_tmp, monkeypatch, capsys):
    result = invoke(monkeypatch, capsys, "init", "leeg", "--empty")
    assert result.code == 0, result.err
    workbook = in_tmp / "leeg" / "data" / "begroting.xlsx"
    assert workbook.is_file()
    assert not (in_tmp / "leeg" / "scenarios" / "snapshots").exists()  # nothing to pin before it is filled in
    assert "check --update" in result.out
    with pytest.raises(BudgetError):  # the template has headers only: it must be filled in first
        load_baseline(workbook)


def test_init_refuses_to_overwrite_and_leaves_everything_as_it_was(in_tmp, monkeypatch, capsys):
    (in_tmp / "ws").mkdir()
    (in_tmp / "ws" / CONFIG_NAME).write_text("# mine\n", encoding="utf-8")
    result = invoke(monkeypatch, capsys, "init", "ws")
    assert result.code == 2
    assert CONFIG_NAME in result.err
    assert sorted(p.name for p in (in_tmp / "ws").iterdir()) == [CONFIG_NAME]
    assert (in_tmp / "ws" / CONFIG_NAME).read_text(encoding="utf-8") == "# mine\n"
    assert [p.name for p in in_tmp.iterdir()] == ["ws"]  # no temporary folder left


def test_init_into_an_existing_folder_keeps_what_is_there(in_tmp, monkeypatch, capsys):
    (in_tmp / "repo").mkdir()
    (in_tmp / "repo" / "README.md").write_text("mijn repo\n", encoding="utf-8")
    assert invoke(monkeypatch, capsys, "init", "repo").code == 0
    assert (in_tmp / "repo" / "README.md").read_text(encoding="utf-8") == "mijn repo\n"
    assert (in_tmp / "repo" / CONFIG_NAME).is_file()


def _blocks(text: str) -> dict[str, list[str]]:
    """Each lever's commented lines: from `# key:` at the start of a line to the next blank line."""
    blocks: dict[str, list[str]] = {}
    current = None
    for line in text.splitlines():
        match = re.match(r"# ([a-z_]+):( |$)", line)
        if match and match.group(1) in lever_keys() and not line.startswith("# # "):
            current = match.group(1)
            blocks.setdefault(current, [])
        if current is not None:
            if not line.strip():
                current = None
            else:
                blocks[current].append(line)
    return blocks


def _uncomment(text: str, block: list[str]) -> str:
    """The text with one `# ` removed from each line of the lever's YAML (its description line stays a comment)."""
    lines = text.splitlines()
    body = block[1:]  # block[0] is the description line
    start = lines.index(body[0])
    for i in range(start, start + len(body)):
        lines[i] = lines[i][2:]
    return "\n".join(lines) + "\n"


def test_the_template_loads_as_the_baseline_and_names_every_lever():
    text = scenario_template("Nieuw")
    loaded = load_scenario_text(text)
    assert loaded.model.name == "Nieuw"
    baseline = load_baseline(shipped_baseline())
    outcome = run(baseline, resolve(loaded, baseline))
    assert outcome.bookings == ()  # as written it is the baseline
    schema = json_schema()
    for key in lever_keys():
        assert f"# {key}:" in text, key
        node = schema["properties"][key]
        ref = node.get("$ref") or node.get("items", {}).get("$ref", "")
        for sub in schema["$defs"][ref.split("/")[-1]]["properties"] if ref else ():
            assert re.search(rf"^#( #)? +(- )?{sub}:", text, re.MULTILINE), f"{key}.{sub}"


@pytest.mark.parametrize("lever", lever_keys())
def test_uncommenting_a_lever_gives_a_valid_scenario_that_changes_the_budget(lever):
    text = scenario_template("Nieuw")
    changed = _uncomment(text, _blocks(text)[lever])
    loaded = load_scenario_text(changed)  # valid as a file, whatever the lever
    assert getattr(loaded.model, lever) is not None
    baseline = load_baseline(shipped_baseline())
    registered = {each.key for each in all_levers()}
    if lever not in registered:  # a setting or block that is not a lever (resultaatbestemming, uncertainty): valid
        resolve(loaded, baseline) if template.PLACEHOLDER_NAME not in "\n".join(_blocks(text)[lever]) else None
        return
    if template.PLACEHOLDER_NAME in "\n".join(_blocks(text)[lever]):
        # the schema gives no example: a placeholder name, which the baseline refuses with its own names listed
        with pytest.raises(ScenarioError) as error:
            resolve(loaded, baseline)
        assert any(template.PLACEHOLDER_NAME in p.found for p in error.value.problems)
        return
    outcome = run(baseline, resolve(loaded, baseline))
    assert outcome.bookings, lever  # the schema's example changes something in the shipped baseline


def test_a_lever_added_to_the_schema_appears_without_a_change_here(monkeypatch):
    schema = json_schema()
    schema["properties"]["algemene_uitkering"] = {
        "type": "object",
        "description": "A change to the algemene uitkering.",
        "properties": {"amounts": {"type": "object", "description": "euros per year"}},
        "examples": [{"amounts": {"2026": -500000}}],
    }
    monkeypatch.setattr(template, "json_schema", lambda: schema)
    text = scenario_template("Nieuw")
    assert "# algemene_uitkering: A change to the algemene uitkering." in text
    assert "#   amounts: {2026: -500000}" in text


def test_new_writes_into_the_scenario_folder_and_refuses_to_overwrite(in_tmp, monkeypatch, capsys):
    (in_tmp / "scenarios").mkdir()
    result = invoke(monkeypatch, capsys, "new", "mijn_plan")
    assert result.code == 0, result.err
    assert result.out.strip() == f"Geschreven: {Path('scenarios') / 'mijn_plan.yaml'}"
    assert load_scenario_file(in_tmp / "scenarios" / "mijn_plan.yaml").model.name == "mijn_plan"
    again = invoke(monkeypatch, capsys, "new", "mijn_plan")
    assert again.code == 2
    assert "--force" in again.err
    assert invoke(monkeypatch, capsys, "new", "mijn_plan", "--force").code == 0
    assert invoke(monkeypatch, capsys, "new", "elders/plan.yml").code == 2  # no such folder


def test_new_from_a_scenario_runs_as_that_scenario(in_tmp, monkeypatch, capsys):
    result = invoke(monkeypatch, capsys, "new", "variant.yml", "--from", "jeugd_hoog")
    assert result.code == 0, result.err
    text = (in_tmp / "variant.yml").read_text(encoding="utf-8")
    assert "\njeugdhulp:\n" in text  # copied, uncommented
    assert "\n# wijkaanpak:\n" in text  # the others still commented
    a = invoke(monkeypatch, capsys, "run", "variant", "--format", "json").json
    b = invoke(monkeypatch, capsys, "run", "jeugd_hoog", "--format", "json").json
    assert a["overview"] == b["overview"]
