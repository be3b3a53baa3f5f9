"""Output that fits: at 80, 100, 120 and 200 columns every figure and every V/N is on screen, no line is too wide.

Each command is run as a user runs it (COLUMNS set, output captured). The figures expected on screen are taken
from the command's own JSON outcome (`--format json`), each formatted as the tables display it (rounded, Dutch,
`2.790 N`); the screen's numbers are read back with a regular expression, and every expected figure must be
there, as often as the JSON has it. A figure cut off (`9.127 ` without its `N`), a year dropped or a table
truncated makes the count come up short. The tables themselves (every cell of every table) are checked the same
way, so the renderer cannot drop a cell the JSON test does not cover.
"""

from __future__ import annotations

import re
from collections import Counter
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hengelo_scenario.cli import render, run_cmd
from hengelo_scenario.cli.rich_tables import _format, layout, wrap
from hengelo_scenario.engine import run as run_engine
from hengelo_scenario.report import tables as report_tables
from hengelo_scenario.report.baseline_tables import baseline_tables
from hengelo_scenario.report.comparison import FIGURES
from hengelo_scenario.report.headline import headline
from hengelo_scenario.report.numbers import Unit, money, percentage, percentage_points, plain, ratio, vn
from hengelo_scenario.report.tables import Kind
from hengelo_scenario.resources import shipped_scenarios_dir

from .invoke import invoke

WIDTHS = (80, 100, 120, 200)
SHIPPED = sorted(p.name for p in shipped_scenarios_dir().glob("*.yaml"))
COMPARE = ("basis", "jeugd_hoog", "jeugd_laag")  # the README's example

# A displayed figure: 1.234 / -1.234 / 2,57 / 0,48% / 5.873,84, optionally with its V or N. Not part of a longer
# number or word (a year such as 2025 is no figure: '202' may not be followed by a digit).
FIGURE = re.compile(r"(?<![\w.,%-])-?\d{1,3}(?:\.\d{3})*(?:,\d+)?(?!\d)(?:%-punt|%)?(?: [VN](?!\w))?")


def figures_on_screen(text: str) -> Counter[str]:
    return Counter(FIGURE.findall(text))


def d(values: list[str | None]) -> list[Decimal]:
    return [Decimal(v) for v in values if v is not None]


def missing(expected: Counter[str], text: str) -> Counter[str]:
    return expected - figures_on_screen(text)


def assert_fits(text: str, width: int) -> None:
    too_wide = [line for line in text.splitlines() if len(line.rstrip()) > width]
    assert not too_wide, too_wide[:3]
    # a legend item is never split over two lines: every '= voordelig' has its 'V' or '+' on the same line
    assert text.count("= voordelig") == text.count("V = voordelig") + text.count("+ = voordelig")
    assert text.count("= nadelig") == text.count("N = nadelig") + text.count("− = nadelig")
    assert text.count("x €") == text.count("x € 1.000")


def run_expected(data: dict) -> Counter[str]:
    """Every figure of a `run --format json` outcome as the tables display it (x € 1.000)."""
    shown: list[str] = []

    def amounts(values):
        shown.extend(money(v) for v in d(values))

    def effects(values, sign: int = 1):
        shown.extend(vn(sign * v) for v in d(values))

    o = data["overview"]
    for key in (
        "lasten", "baten", "saldo_baten_lasten", "toevoegingen", "onttrekkingen", "geraamd_resultaat",
        "structureel_saldo",
    ):  # fmt: skip
        amounts(o[key]["basis"])
        amounts(o[key]["scenario"])
        effects(o[key]["effect"])
    for side in ("basis", "scenario"):
        shown.extend(percentage(v) for v in d(o["structurele_exploitatieruimte"][side]))
    shown.extend(percentage_points(v) for v in d(o["structurele_exploitatieruimte"]["verschil"]))  # %-punt
    for programma in data["programmas"]:
        effects(programma["saldo"]["effect"])
    for booking in data["bookings"]:
        effects(booking["effect"])
    for reserve in data["reserves"]:
        amounts(reserve["opening"]["scenario"])
        amounts(reserve["toevoegingen"]["scenario"])
        shown.extend(money(-v) for v in d(reserve["onttrekkingen"]["scenario"]))  # shown as a negative amount
        amounts(reserve["closing"]["scenario"])
        amounts(reserve["closing"]["basis"])
        effects(reserve["closing"]["effect"])
    w = data["weerstand"]
    for key in ("beschikbaar", "benodigd"):
        amounts(w[key]["basis"])
        amounts(w[key]["scenario"])
        effects(w[key]["effect"])
    for side in ("basis", "scenario", "verschil"):
        shown.extend(ratio(v) for v in d(w["ratio"][side]) if not v.is_nan())
    j = data["jeugdhulp"]
    for segment in j["segments"]:
        for side in ("basis", "scenario"):
            shown.extend(plain(v, 2) for v in d(segment["price"][side]))
            shown.extend(plain(v, 0 if v == v.to_integral_value() else 1) for v in d(segment["volume"][side]))
            amounts(segment["cost"][side])
        effects(segment["cost"]["effect"])
        for key in ("price_effect", "volume_effect", "interaction"):
            effects(segment[key], sign=-1)  # a cost increase is nadelig
    if j["segments"]:
        amounts(j["cost"]["basis"])
        amounts(j["cost"]["scenario"])
        effects(j["cost"]["effect"])
        for key in ("price_effect", "volume_effect", "interaction"):
            effects(j[key], sign=-1)
    t = data["transformatieplan"]
    if any(Decimal(v) for v in t["taakstelling"]):
        for key in ("taakstelling", "ingevuld", "open"):
            amounts(t[key])
        amounts(t["niet_gerealiseerd"]["scenario"])
    return Counter(shown)


def table_cells(tables) -> Counter[str]:
    """Every value cell of report tables, as the console formats it (the renderer may drop none)."""
    return Counter(
        _format(v, row.kind, Unit.THOUSANDS)
        for table in tables
        for row in table.rows
        for v in row.values
        if isinstance(v, Decimal) and not v.is_nan()
    )


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("scenario", SHIPPED)
def test_run_shows_every_figure_at_every_width(scenario, width, in_tmp, monkeypatch, capsys):
    data = invoke(monkeypatch, capsys, "run", scenario, "--format", "json").json
    monkeypatch.setenv("COLUMNS", str(width))
    result = invoke(monkeypatch, capsys, "run", scenario)
    assert result.code == 0, result.err
    assert not missing(run_expected(data), result.out), (scenario, width)
    assert_fits(result.out, width)


@pytest.mark.parametrize("scenario", ["jeugd_hoog.yaml", "combinatie.yaml", "fonds_leefbare_wijken.yaml"])
def test_run_prints_every_cell_of_every_table(scenario, in_tmp, monkeypatch, capsys):
    from hengelo_scenario.workspace import evaluate

    [evaluated] = evaluate([scenario])
    baseline, resolved = evaluated.baseline, evaluated.scenario
    outcome = run_engine(baseline, resolved)
    shown = [t for t in report_tables.run_tables(outcome, compact=True) if t.key != "reserves"]
    shown += [report_tables.reserves(outcome), headline(outcome).table]
    monkeypatch.setenv("COLUMNS", "80")
    out = invoke(monkeypatch, capsys, "run", scenario).out
    assert not missing(table_cells(shown), out)


def compare_expected(data: dict) -> Counter[str]:
    shown: list[str] = []
    for entry in data["figures"]:
        kind = FIGURES[entry["key"]].kind
        fmt = {Kind.MONEY: money, Kind.RATIO: ratio, Kind.PERCENT: percentage}[kind]
        difference = percentage_points if kind is Kind.PERCENT else fmt  # a difference of percentages: %-punt
        shown.extend(fmt(v) for v in d(entry["basis"]))
        for scenario in entry["scenarios"]:
            shown.extend(fmt(v) for v in d(scenario["scenario"]))
            if kind is Kind.MONEY:
                shown.extend(vn(v) for v in d(scenario["effect"]))
            else:
                shown.extend(difference(v) for v in d(scenario["verschil"]))
    return Counter(shown)


@pytest.mark.parametrize("width", WIDTHS)
def test_compare_shows_every_figure_at_every_width(width, in_tmp, monkeypatch, capsys):
    data = invoke(monkeypatch, capsys, "compare", *COMPARE, "--format", "json").json
    all_figures = ["--figure", "lasten", "--figure", "structurele_exploitatieruimte", "--figure", "weerstandsratio"]
    more = invoke(monkeypatch, capsys, "compare", *COMPARE, *all_figures, "--format", "json").json
    monkeypatch.setenv("COLUMNS", str(width))
    for expected, args in ((data, ()), (more, all_figures)):
        result = invoke(monkeypatch, capsys, "compare", *COMPARE, *args)
        assert result.code == 0, result.err
        assert not missing(compare_expected(expected), result.out), width
        assert_fits(result.out, width)


@pytest.mark.parametrize("width", WIDTHS)
def test_baseline_show_shows_every_figure_at_every_width(width, in_tmp, monkeypatch, capsys):
    from hengelo_scenario.cli.common import load_baseline_file
    from hengelo_scenario.resources import shipped_baseline

    expected = table_cells(baseline_tables(load_baseline_file(shipped_baseline())))
    monkeypatch.setenv("COLUMNS", str(width))
    result = invoke(monkeypatch, capsys, "baseline", "show")
    assert result.code == 0, result.err
    assert not missing(expected, result.out)
    assert_fits(result.out, width)


def test_piped_output_is_120_columns_wide(in_tmp, monkeypatch, capsys):
    monkeypatch.delenv("COLUMNS", raising=False)
    out = invoke(monkeypatch, capsys, "run", "jeugd_hoog").out
    assert max(len(line.rstrip()) for line in out.splitlines()) <= 120
    assert "Overzicht baten en lasten, reserves en structureel saldo" in out


# -- the answer first ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("scenario", SHIPPED)
def test_the_summary_fits_in_25_lines_at_80_columns(scenario, in_tmp, monkeypatch, capsys):
    monkeypatch.setenv("COLUMNS", "80")
    result = invoke(monkeypatch, capsys, "run", scenario, "--summary")
    assert result.code == 0, result.err
    lines = result.out.rstrip("\n").splitlines()
    assert len(lines) <= 25, result.out
    assert_fits(result.out, 80)
    assert "Structureel evenwicht" in result.out
    assert "Overzicht baten en lasten" not in result.out  # only the headline


def test_run_opens_with_the_headline(in_tmp, monkeypatch, capsys):
    monkeypatch.setenv("COLUMNS", "80")
    out = invoke(monkeypatch, capsys, "run", "jeugd_hoog.yaml").out
    first = out.splitlines()[:25]
    assert first[0].startswith("Jeugdhulp hoog: structureel saldo en geraamd resultaat")
    top = "\n".join(first)
    # the structural balance of 2028: basis 249.772,60 -> 250; the scenario has 9.126.725,77 more youth-care
    # cost (see the worked example in the README): 249.772,60 - 9.126.725,77 = -8.876.953,17 -> -8.877
    assert re.search(r"Structureel saldo\s+basis\s+1.850\s+750\s+-350\s+250", top)
    assert re.search(r"scenario\s+1.850\s+-2.041\s+-6.176\s+-8.877", top)
    assert re.search(r"verschil\s+0\s+2.790 N\s+5.825 N\s+9.127 N", top)
    # 2025 structurally +1.849.773 but not without its stelposten (−1.250.227); deficits 2026-2028: red
    assert "Scenario: niet in evenwicht; indicatie risico op preventief toezicht." in top
    assert "Structureel tekort in 2026, 2027, 2028" in " ".join(top.split())
    assert top.index("Structureel saldo") < top.index("Geraamd resultaat") < top.index("Structureel evenwicht")


def test_sections_choose_the_tables(in_tmp, monkeypatch, capsys):
    monkeypatch.setenv("COLUMNS", "120")
    out = invoke(monkeypatch, capsys, "run", "jeugd_hoog", "--sections", "maatregelen,reserves").out
    assert "Maatregelen in het scenario" in out
    assert "Verloop reserves" in out
    for absent in ("Overzicht baten en lasten", "Structureel evenwicht", "Weerstandsvermogen", "Verschil per"):
        assert absent not in out, absent
    repeated = invoke(monkeypatch, capsys, "run", "jeugd_hoog", "-s", "reserves", "-s", "headline").out
    assert repeated.index("structureel saldo en geraamd resultaat") < repeated.index("Verloop reserves")


def test_a_section_the_baseline_lacks_is_said_not_skipped(monkeypatch, capsys):
    from tests.report.export.outcomes import motie_fund

    outcome, scenario, _ = motie_fund()  # the §10.3 baseline has no youth-care segments
    assert not outcome.jeugdhulp.segments
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.setenv("NO_COLOR", "1")
    render.print_run(outcome, scenario, Unit.THOUSANDS, ("jeugdhulp",))
    out = capsys.readouterr().out
    assert "Tabel 'jeugdhulp': de basis heeft hiervoor geen gegevens." in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--sections", "overzich"), "did you mean 'overzicht'?"),
        (("--sections", "overzicht,reserve"), "did you mean 'reserves'?"),
        (("--summary", "--sections", "overzicht"), "not both"),
        (("--summary", "--format", "json"), "not to --format json"),
    ],
)
def test_bad_sections_are_usage_errors(args, message, in_tmp, monkeypatch, capsys):
    result = invoke(monkeypatch, capsys, "run", "basis", *args)
    assert result.code == 2
    assert message in " ".join(result.err.split())


def test_help_documents_sections_and_summary(in_tmp, monkeypatch, capsys):
    monkeypatch.setenv("COLUMNS", "200")
    result = invoke(monkeypatch, capsys, "run", "--help")
    text = " ".join(result.out.split())
    assert "--sections" in text
    assert "--summary" in text
    for name in render.SECTIONS:
        assert name in text, name


def test_section_names_are_the_table_keys():
    assert run_cmd.SECTION_NAMES == render.SECTIONS
    from hengelo_scenario.workspace import evaluate

    [evaluated] = evaluate(["combinatie"])
    baseline, scenario = evaluated.baseline, evaluated.scenario
    keys = {t.key for t in report_tables.run_tables(run_engine(baseline, scenario))}
    assert keys <= set(render.TABLE_SECTIONS)


# -- the layout itself ---------------------------------------------------------------------------------------


def test_layout_keeps_every_value_column_and_splits_years_only_when_needed():
    # labels of natural widths 30 and 8 (longest words 12 and 8), four years of 9 characters
    wide = layout([30, 8], [12, 8], [9, 9, 9, 9], 200)
    assert wide.blocks == ((0, 1, 2, 3),)
    assert wide.label_widths == (30, 8)
    narrow = layout([30, 8], [12, 8], [9, 9, 9, 9], 60)
    assert sorted(j for block in narrow.blocks for j in block) == [0, 1, 2, 3]
    assert all(w >= m for w, m in zip(narrow.label_widths, [12, 8], strict=True))
    tiny = layout([30, 8], [12, 8], [20, 20, 20, 20], 50)  # one year per block
    assert tiny.blocks == ((0,), (1,), (2,), (3,))


def test_wrap_never_splits_a_legend_item():
    text = "bedragen x € 1.000; saldi en verschillen: + = voordelig, − = nadelig; V = voordelig, N = nadelig"
    for width in range(12, 100):
        lines = wrap(text, width)
        joined = "\n".join(lines)
        for item in ("x € 1.000", "+ = voordelig", "− = nadelig", "V = voordelig", "N = nadelig"):
            assert item in joined, (width, lines)
        assert " ".join(lines) == text


# -- properties of the layout and the renderer, for tables the shipped data does not have ----------------------


@given(
    labels=st.lists(st.tuples(st.integers(1, 45), st.integers(1, 45)), min_size=1, max_size=5),
    values=st.lists(st.integers(1, 16), min_size=1, max_size=8),
    width=st.integers(80, 220),
)
def test_every_layout_keeps_every_value_column_once_in_order_and_fits(labels, values, width):
    from hengelo_scenario.cli.rich_tables import _overhead

    natural, minimum = [max(a, b) for a, b in labels], [min(a, b) for a, b in labels]
    plan = layout(natural, minimum, values, width)
    assert [j for block in plan.blocks for j in block] == list(range(len(values)))
    for block in plan.blocks:
        used = (
            sum(plan.label_widths) + sum(values[j] for j in block) + _overhead(len(natural) + len(block), plan.padding)
        )
        assert used <= width


WORDS = st.text(alphabet="abcdefghijklmnopqrstuvwxyzé", min_size=1, max_size=14)
LABEL = st.lists(WORDS, min_size=1, max_size=6).map(" ".join)
AMOUNT = st.integers(-(10**10), 10**10).map(lambda cents: Decimal(cents) / 100)


@given(
    rows=st.lists(
        st.tuples(st.lists(LABEL, min_size=3, max_size=3), st.lists(AMOUNT, min_size=6, max_size=6), st.booleans()),
        min_size=1,
        max_size=6,
    ),
    width=st.integers(80, 200),
)
def test_any_table_is_printed_whole_at_any_width(rows, width):
    import io

    from rich.console import Console

    from hengelo_scenario.cli.rich_tables import print_table
    from hengelo_scenario.report.tables import Row, Table

    table = Table(
        "t",
        "Een tabel met zes jaren",
        ("Eerste kolom", "Tweede", "Derde"),
        tuple(str(2025 + y) for y in range(6)),
        tuple(
            Row(tuple(labels), tuple(amounts), Kind.EFFECT if effect else Kind.MONEY)
            for labels, amounts, effect in rows
        ),
    )
    console = Console(width=width, file=io.StringIO(), color_system=None, highlight=False, soft_wrap=False)
    print_table(console, table, Unit.THOUSANDS)
    out = console.file.getvalue()
    assert not missing(table_cells([table]), out)
    assert all(len(line.rstrip()) <= width for line in out.splitlines())


def test_years_split_into_blocks_are_marked_as_such(in_tmp, monkeypatch, capsys):
    # at 80 columns the weerstand table (ratings 'A (uitstekend)' of 14 characters a year) needs two blocks
    monkeypatch.setenv("COLUMNS", "80")
    out = invoke(monkeypatch, capsys, "run", "jeugd_hoog", "--sections", "weerstandsvermogen").out
    assert "Weerstandsvermogen, 2025-2026 (deel 1 van 2)" in out
    assert "Weerstandsvermogen, 2027-2028 (deel 2 van 2)" in out
    monkeypatch.setenv("COLUMNS", "120")
    wide = invoke(monkeypatch, capsys, "run", "jeugd_hoog", "--sections", "weerstandsvermogen").out
    assert "deel 1 van" not in wide


# -- the fast renderer prints what Rich's table prints, character for character ----------------------------------

# words of letters, accents and digits, a wide character now and then (that text goes the Rich way), spaces single
# and double, and now and then a word too long for any column
TEXT = st.lists(
    st.text(alphabet="abcdefghijklmnopqrstuvwxyzéëï0123456789-()漢", min_size=1, max_size=30),
    min_size=0,
    max_size=5,
).flatmap(lambda words: st.sampled_from([" ", "  "]).map(lambda sep: sep.join(words)))


def _printed(blocks, width: int) -> str:
    import io

    from rich.console import Console

    from hengelo_scenario.cli.rich_tables import print_blocks

    console = Console(width=width, file=io.StringIO(), color_system=None, highlight=False, soft_wrap=False)
    print_blocks(console, blocks)
    return console.file.getvalue()


@given(
    title=TEXT,
    headers=st.lists(TEXT, min_size=1, max_size=3),
    years=st.integers(1, 6),
    rows=st.lists(
        st.tuples(st.lists(TEXT, min_size=3, max_size=3), st.lists(AMOUNT, min_size=6, max_size=6), st.booleans()),
        min_size=0,
        max_size=5,
    ),
    emphasis=st.lists(st.booleans(), min_size=5, max_size=5),
    width=st.integers(20, 220),
    titled=st.booleans(),
)
def test_the_fast_renderer_prints_what_rich_prints(title, headers, years, rows, emphasis, width, titled):
    from hengelo_scenario.cli.rich_tables import blocks, render_blocks
    from hengelo_scenario.report.tables import Row, Table

    table = Table(
        "t",
        title,
        tuple(headers),
        tuple(str(2025 + y) for y in range(years)),
        tuple(
            Row(
                tuple(labels[: len(headers)]),
                tuple(amounts[:years]),
                Kind.EFFECT if effect else Kind.MONEY,
                emphasis=emphasis[i],
                section_end=emphasis[-1 - i],
            )
            for i, (labels, amounts, effect) in enumerate(rows)
        ),
    )
    reference = _printed(render_blocks(table, Unit.THOUSANDS, width, titled), width)
    assert _printed(blocks(table, Unit.THOUSANDS, width, titled), width) == reference


@given(text=TEXT, width=st.integers(1, 40))
def test_the_layout_counts_the_lines_the_renderer_prints(text, width):
    from hengelo_scenario.cli.rich_tables import _line_count, cell_lines

    if "漢" in text:  # two cells wide: such text is printed by Rich, not by cell_lines
        return
    lines = cell_lines(text, width)
    assert all(len(line) == width for line in lines)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")  # every character printed, in order
    assert len(lines) == _line_count(text, width)


@pytest.mark.parametrize("padding", [(0, 1, 0, 1), (0, 1, 0, 0)])
@pytest.mark.parametrize("columns", [1, 2, 5, 9])
def test_the_overhead_of_a_table_is_what_rich_measures(columns, padding):
    import io

    from rich import box
    from rich.console import Console
    from rich.table import Table as RichTable

    from hengelo_scenario.cli.rich_tables import _overhead

    probe = RichTable(box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False, padding=padding)
    for _ in range(columns):
        probe.add_column("x", width=1)
    probe.add_row(*["x"] * columns)
    measured = Console(width=10_000, file=io.StringIO()).measure(probe).maximum - columns
    assert _overhead(columns, padding) == measured


@pytest.mark.parametrize("width", [60, 120])
def test_fitted_lines_written_plain_are_what_rich_writes(width):
    import io

    from rich.console import Console

    from hengelo_scenario.cli.rich_tables import blocks, print_blocks
    from hengelo_scenario.report.tables import Row, Table

    table = Table(
        "t",
        "Lasten per programma",
        ("Programma", "Variant"),
        ("2025", "2026", "2027", "2028"),
        tuple(
            Row((f"Programma {i} met een lange naam", variant), (Decimal(-1234567), Decimal(0), Decimal(5), None))
            for i in range(3)
            for variant in ("basis", "verschil")
        ),
    )
    parts = blocks(table, Unit.THOUSANDS, width)
    plain = Console(width=width, file=io.StringIO(), color_system=None)
    print_blocks(plain, parts)
    rich = Console(width=width, file=io.StringIO(), color_system=None)
    for i, part in enumerate(parts):
        if i:
            rich.print()
        rich.print(part, soft_wrap=True)
    assert plain.file.getvalue() == rich.file.getvalue()


@given(text=st.text(alphabet="ab cé€=x-", max_size=200), width=st.integers(5, 90))
def test_said_text_is_what_rich_prints_of_it(text, width):
    import io

    from rich.console import Console

    from hengelo_scenario.cli.rich_tables import say, wrapped

    plain = Console(width=width, file=io.StringIO(), color_system=None)
    say(plain, text, "dim")
    rich = Console(width=width, file=io.StringIO(), color_system=None)
    rich.print(wrapped(text, width, "dim"))
    assert plain.file.getvalue() == rich.file.getvalue()
