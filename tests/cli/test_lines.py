"""cli.lines: output without colour, laid out without Rich, held to what Rich prints of the same thing."""

from __future__ import annotations

import io
import subprocess
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hengelo_scenario.cli.lines import PlainConsole, panel_lines, plain_console, single_cell
from hengelo_scenario.cli.rich_tables import VERDICT_TITLE, header, print_header, print_verdict, verdict_panel

LINE = st.text(alphabet="abcdefghij klmnop€éë→−…:;,.()0123456789", max_size=140)


def _rich(width: int):
    from rich.console import Console

    return Console(width=width, file=io.StringIO(), color_system=None, highlight=False, soft_wrap=False)


@given(text=st.text(max_size=20))
def test_a_single_cell_text_is_one_cell_a_character_for_rich(text):
    from rich.cells import cell_len

    if single_cell(text):
        assert cell_len(text) == len(text)


def test_every_character_called_single_cell_is_one_cell_for_rich():
    from rich.cells import cell_len

    wrong = [hex(code) for code in range(0x20, 0x3000) if single_cell(chr(code)) and cell_len(chr(code)) != 1]
    assert not wrong


def test_wide_and_combining_characters_are_not_single_cell():
    assert single_cell("Structureel saldo € −1.234 → N")
    assert not single_cell("漢字")  # two cells each
    assert not single_cell("e\u0301")  # a combining accent: zero cells
    assert not single_cell("\u200b")  # a zero-width space


@given(lines=st.lists(LINE, min_size=1, max_size=5), width=st.integers(8, 160))
def test_the_verdict_panel_is_what_rich_draws(lines, width):
    drawn = panel_lines(VERDICT_TITLE, lines, width)
    assert drawn is not None
    reference = _rich(width)
    reference.print(verdict_panel(tuple(lines), "red"))
    assert "".join(line + "\n" for line in drawn) == reference.file.getvalue()


@given(
    values=st.lists(st.tuples(st.sampled_from(["Scenario", "Bestand", "Basis"]), LINE), min_size=1, max_size=4),
    width=st.integers(8, 160),
    title=st.sampled_from(["hengelo-scenario run", "x", "een titel die langer is dan een smalle terminal breed is"]),
)
def test_the_header_panel_is_what_rich_draws(values, width, title):
    drawn = panel_lines(title, [f"{label}: {value}" for label, value in values], width)
    assert drawn is not None
    reference = _rich(width)
    reference.print(header(title, values))
    assert "".join(line + "\n" for line in drawn) == reference.file.getvalue()


def test_markup_in_a_title_and_wide_text_are_left_to_rich():
    assert panel_lines("[bold]x[/bold]", ["a"], 80) is None
    assert panel_lines("titel", ["漢字"], 80) is None
    assert panel_lines("titel", ["a"], 5) is None


def test_print_header_and_verdict_write_to_a_plain_console_what_rich_prints(capsys):
    console = PlainConsole(60)
    print_header(console, "hengelo-scenario run", [("Scenario", "Jeugdhulp hoog"), ("Basis", "data/x.xlsx (uit toml)")])
    print_verdict(console, ("Scenario: niet in evenwicht; indicatie risico op preventief toezicht.",), "red")
    written = capsys.readouterr().out
    reference = _rich(60)
    reference.print(
        header("hengelo-scenario run", [("Scenario", "Jeugdhulp hoog"), ("Basis", "data/x.xlsx (uit toml)")])
    )
    reference.print(verdict_panel(("Scenario: niet in evenwicht; indicatie risico op preventief toezicht.",), "red"))
    assert written == reference.file.getvalue()
    assert written.startswith("╭─ hengelo-scenario run ")


def test_anything_else_goes_to_a_rich_console_of_the_same_width(capsys):
    from rich.text import Text

    console = PlainConsole(30)
    text = Text("een regel die breder is dan dertig tekens en dus omloopt")
    console.print(text)
    console.print()
    reference = _rich(30)
    reference.print(text)
    reference.print()
    assert capsys.readouterr().out == reference.file.getvalue()
    assert reference.file.getvalue().count("\n") == 3  # two lines and the empty one
    assert console.size.width == 30  # other attributes are the Rich console's
    import copy

    assert copy.copy(console).width == 30  # no endless lookup of attributes that are not set yet


class _Pipe(io.StringIO):
    encoding = "utf-8"

    def isatty(self) -> bool:
        return False


class _Terminal(_Pipe):
    def isatty(self) -> bool:
        return True


def test_a_plain_console_only_where_rich_would_print_without_colour(monkeypatch):
    for name in ("TTY_COMPATIBLE", "FORCE_COLOR"):
        monkeypatch.delenv(name, raising=False)
    assert isinstance(plain_console(120, _Pipe()), PlainConsole)
    assert plain_console(120, _Terminal()) is None
    monkeypatch.setenv("FORCE_COLOR", "1")
    assert plain_console(120, _Pipe()) is None
    monkeypatch.delenv("FORCE_COLOR")
    monkeypatch.setenv("TTY_COMPATIBLE", "1")
    assert plain_console(120, _Pipe()) is None
    monkeypatch.setenv("TTY_COMPATIBLE", "0")
    assert isinstance(plain_console(120, _Terminal()), PlainConsole)
    latin = _Pipe()
    latin.encoding = "latin-1"  # type: ignore[misc]
    monkeypatch.delenv("TTY_COMPATIBLE")
    assert plain_console(120, latin) is None  # Rich draws ASCII boxes there


@pytest.mark.parametrize("command", [["run", "jeugd_hoog.yaml"], ["check"]])
def test_printing_into_a_pipe_imports_no_rich(command, tmp_path):
    """The point of cli.lines: `run` and a passing `check` into a pipe need no Rich at all."""
    from hengelo_scenario.resources import shipped_scenarios_dir

    folder = tmp_path / "scenarios"
    folder.mkdir()
    (folder / "basis.yaml").write_text((shipped_scenarios_dir() / "basis.yaml").read_text(encoding="utf-8"))
    code = (
        "import sys; from hengelo_scenario.cli.app import main\n"
        f"sys.argv = ['hengelo-scenario', *{command!r}]\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "sys.stderr.write('RICH' if any(m == 'rich' or m.startswith('rich.') for m in sys.modules) else 'NO RICH')\n"
    )
    if command[0] == "check":
        subprocess.run(
            [sys.executable, "-c", code.replace("'check'", "'check', '--update'")],
            cwd=tmp_path,
            check=True,
            capture_output=True,
        )
    done = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, check=False)
    assert done.stderr.endswith("NO RICH"), done.stderr[-2000:]
    assert done.stdout.strip()
