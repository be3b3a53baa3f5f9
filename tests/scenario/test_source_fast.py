"""The fast YAML reader (libyaml's C parser) gives exactly what the strict pure-Python reader gives, or defers to it.

`parse_yaml` reads a text with `_fast_parse` first; that returns None for anything unusual or wrong, and the strict
reader (`_strict_parse`) then reads it again and says what is wrong where. So the one thing to prove here is that
whenever the fast reader accepts a text, its data and locations equal the strict reader's, in value, type and order.
"""

from __future__ import annotations

import random
import time
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hengelo_scenario.errors import ScenarioError
from hengelo_scenario.scenario import source
from hengelo_scenario.scenario.source import MAX_DEPTH, parse_yaml

pytest.importorskip("_ruamel_yaml", reason="ruamel.yaml.clib is not installed: only the strict reader is used")

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = sorted((ROOT / "scenarios").glob("*.yaml")) + sorted((ROOT / "docs" / "examples").glob("*.yaml"))


def _strict(text: str) -> object:
    try:
        return source._strict_parse(text, "s.yaml")
    except ScenarioError as error:
        return ("refused", [(p.where, p.field, p.expected, p.found) for p in error.problems])


def _same(fast: tuple, strict: object) -> bool:
    """Equal data (types included: repr tells 1 from True from Decimal('1')) and equal locations in equal order."""
    return (
        isinstance(strict, tuple)
        and strict[0] != "refused"
        and repr(fast[0]) == repr(strict[0])
        and list(fast[1].items()) == list(strict[1].items())
    )


def test_the_fast_reader_is_installed():
    assert source.FAST_READER


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_every_shipped_scenario_takes_the_fast_path_and_reads_the_same(path):
    text = path.read_text(encoding="utf-8")
    fast = source._fast_parse(text, "s.yaml")
    assert fast is not None, "a plain scenario file should not need the strict reader"
    assert _same(fast, _strict(text))


def test_exact_decimals_years_and_yaml_1_2_on_the_fast_path():
    text = "a: 0.1\nb: 509.000\nc: 1e3\nd: yes\ne: {2025: 3%, '2026': x}\nf: [true, null, ~, 7, -0, +5]\n"
    data, locations = source._fast_parse(text, "t.yaml")
    assert data == {
        "a": Decimal("0.1"),
        "b": Decimal("509.000"),
        "c": Decimal("1E+3"),
        "d": "yes",
        "e": {2025: "3%", "2026": "x"},
        "f": [True, None, None, 7, 0, 5],
    }
    assert data["b"].as_tuple().exponent == -3
    assert [type(v) for v in data["f"]] == [bool, type(None), type(None), int, int, int]
    assert locations[("e", 2025)] == ("t.yaml", 5)
    assert locations[("f", 3)] == ("t.yaml", 6)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("a: 1\na: 2\n", id="duplicate key"),
        pytest.param("a: {2027: 1, '2027': 2}\n", id="one year in two spellings"),
        pytest.param("a: &x 1\nb: *x\n", id="anchor and alias"),
        pytest.param("a: !!str 5\n", id="a tag"),
        pytest.param("base: &b {g: 1}\np:\n  <<: *b\n", id="merge key"),
        pytest.param("%YAML 1.1\n---\na: yes\n", id="YAML 1.1 directive"),
        pytest.param("a: 0x1F\nb: 1_000\nc: 007\n", id="integers in other notations"),
        pytest.param("a: 2026-01-01\n", id="a date"),
        pytest.param("a: .inf\n", id="infinity"),
        pytest.param("a: 1e20\n", id="too large"),
        pytest.param("a: 1\n---\nb: 2\n", id="two documents"),
        pytest.param("just text\n", id="a scalar document"),
        pytest.param("? [a]\n: 1\n", id="complex key"),
        pytest.param("true: 1\n", id="a boolean key"),
        pytest.param("a: [1,\n", id="syntax error"),
        pytest.param("a: b: c\n", id="mapping values not allowed"),
        pytest.param("a: 1\n" * 1 + "".join(f"k{i}: 1\n" for i in range(6000)), id="more than MAX_NODES"),
    ],
)
def test_what_the_fast_reader_leaves_to_the_strict_one(text):
    assert source._fast_parse(text, "s.yaml") is None


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        pytest.param("a:\t1\n", "libyaml allows a tab after the colon, ruamel does not", id="tab"),
        pytest.param("name: x\n\ufeffauthor: y\n", "libyaml skips a BOM at a line's start", id="bom"),
        pytest.param("a: 1\n...\n...\n", "libyaml allows two document ends", id="two ends"),
        pytest.param("a: 1\rb: 2\r", "a carriage return alone", id="bare CR"),
        pytest.param(
            "a: |-\n   \n     \n", "ruamel refuses a blank line more indented than the next", id="blank block"
        ),
    ],
)
def test_texts_where_the_readers_differ_go_to_the_strict_reader(text, reason):
    """Each text here was found by the differential test below: libyaml and ruamel read it differently."""
    expected = _strict(text)
    try:
        got: object = parse_yaml(text, "s.yaml")
    except ScenarioError as error:
        got = ("refused", [(p.where, p.field, p.expected, p.found) for p in error.problems])
    assert repr(got) == repr(expected), reason


def test_a_byte_order_mark_in_a_key_stays_visible():
    with pytest.raises(ScenarioError):
        parse_yaml("name: x\n\ufeffauthor: y\n\ufeffauthor: z\n", "s.yaml")
    data, _ = parse_yaml("name: x\n\ufeffauthor: y\n", "s.yaml")
    assert "\ufeffauthor" in data  # libyaml would have dropped it, and hidden an unknown key


# --- hostile nesting: a located error, fast, never a crash or a RecursionError --------------------------------

DEEP = [
    pytest.param("name: x\nd: " + "[" * 100_000 + "]" * 100_000 + "\n", 2, id="[[[[ 100,000 deep"),
    pytest.param("[" * 500_000, 1, id="[[[[ 500,000 deep, never closed"),
    pytest.param("{a: " * 100_000 + "1" + "}" * 100_000, 1, id="{a: {a: 100,000 deep"),
    pytest.param("- " * 100_000 + "x\n", 1, id="- - - - 100,000 deep"),
    pytest.param("".join(" " * i + f"k{i}:\n" for i in range(1_000)), MAX_DEPTH + 1, id="indented 1,000 deep"),
    pytest.param("".join(" " * i + "-\n" for i in range(1_000)), MAX_DEPTH + 1, id="list indented 1,000 deep"),
]


@pytest.mark.parametrize(("text", "line"), DEEP)
def test_deep_nesting_is_refused_on_its_line(text, line):
    start = time.perf_counter()
    with pytest.raises(ScenarioError) as caught:
        parse_yaml(text, "s.yaml")
    (problem,) = caught.value.problems
    assert (problem.file, problem.where) == ("s.yaml", f"line {line}")
    assert f"at most {MAX_DEPTH} levels" in problem.expected
    assert time.perf_counter() - start < 5  # about 0.03 s; the limit catches a quadratic scan, not a slow machine


@pytest.mark.parametrize(("text", "line"), DEEP)
def test_the_fast_reader_stops_at_the_depth_limit_without_reading_on(text, line):
    assert source._fast_parse(text, "s.yaml") is None


def test_a_depth_of_max_depth_is_read():
    text = "a: " + "[" * (MAX_DEPTH - 1) + "1" + "]" * (MAX_DEPTH - 1) + "\n"
    fast = source._fast_parse(text, "s.yaml")
    assert fast is not None
    assert _same(fast, _strict(text))


def test_a_complex_key_inside_a_complex_key_is_a_located_error_not_a_type_error():
    with pytest.raises(ScenarioError) as caught:
        parse_yaml("name: x\nb:\n  ? a: {c: 1}\n", "s.yaml")
    (problem,) = caught.value.problems
    assert (problem.where, problem.field, problem.found) == ("line 3", "b", "a complex key")


# --- the differential test: random YAML-like texts, the fast reader never disagrees with the strict one ---------

KEYS = [
    "a",
    "b",
    "name",
    "2026",
    "'2026'",
    '"2027"',
    "x y",
    "é",
    "0.5",
    "true",
    "null",
    "- a",
    "? a",
    "[a]",
    "k:",
    "  7 ",
]
VALUES = [
    "1", "0.1", "509.000", "-2.50", "1e3", "+5", "-0", "yes", "no", "true", "null", "~", "", '"q"', "'it''s'",
    "[1, 2]", "{a: 1, b: [x]}", "{2026: 1, '2026': 2}", ".inf", "0x1F", "1_000", "007", "2026-01-01", "&a x", "*a",
    "!!str 5", "a # c", "'a\n  b'", '"a\\tb"', '"\\N"', "x: y", "- 1", "[", "{", "a\tb", "é€", "1.", ".5",
    "12345678901234567890", "1e400", "|\n  t\n  u", ">-\n  a\n\n  b", "|+\n  x\n", "[a, [b, [c]]]", "{a: {b: 1}}",
    "[a, b,]", "- - x", "? x", "<<", "plain\n  more", '"multi\n  line"', "[\n  1,\n  2\n]", "'#'", "a#b", "@x",
]  # fmt: skip
EXTRA = ["", "# c", "  # c", "   ", "...", "---", "%YAML 1.2\n---"]


def _random_text(rng: random.Random) -> str:
    lines = []
    for _ in range(rng.randint(1, 8)):
        indent = " " * rng.choice([0, 0, 0, 1, 2, 2, 4])
        kind = rng.random()
        if kind < 0.6:
            lines.append(f"{indent}{rng.choice(KEYS)}: {rng.choice(VALUES)}")
        elif kind < 0.8:
            lines.append(f"{indent}- {rng.choice(VALUES)}")
        elif kind < 0.9:
            lines.append(f"{indent}{rng.choice(KEYS)}:")
        else:
            lines.append(f"{indent}{rng.choice(VALUES)}")
    if rng.random() < 0.3:
        lines.insert(rng.randint(0, len(lines)), rng.choice(EXTRA))
    separator = rng.choice(["\n", "\n", "\r\n", "\r"])
    return separator.join(lines) + rng.choice([separator, ""])


@settings(max_examples=400, deadline=None)
@given(st.randoms(use_true_random=False))
def test_the_fast_reader_agrees_with_the_strict_reader_whenever_it_reads_a_text(rng):
    text = _random_text(rng)
    if source._UNUSUAL.search(text) is not None:
        return  # parse_yaml sends these to the strict reader without trying
    fast = source._fast_parse(text, "s.yaml")
    if fast is not None:
        assert _same(fast, _strict(text)), repr(text)


def test_without_the_c_parser_the_strict_reader_reads_everything(monkeypatch):
    monkeypatch.setattr(source, "_CParser", None)
    for path in SHIPPED:
        text = path.read_text(encoding="utf-8")
        assert repr(parse_yaml(text, "s.yaml")) == repr(_strict(text))
    with pytest.raises(ScenarioError, match="at most 64 levels"):
        parse_yaml("[" * 100_000, "s.yaml")


def test_an_anchor_used_twice_prints_no_warning_on_stderr(capfd):
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a warning raised here would fail the test
        data, _ = parse_yaml("a: &x 1\nb: &x 2\nc: *x\n", "s.yaml")
    assert data == {"a": 1, "b": 2, "c": 2}
    assert capfd.readouterr().err == ""
