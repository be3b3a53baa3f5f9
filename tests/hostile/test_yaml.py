"""Hostile and broken scenario YAML: every case exit 2, no traceback, the file and line named, nothing hidden.

Each case is the text of `s.yaml` and the places its message must name; the line numbers are counted by hand
from the text (line 1 is the first line).
"""

from __future__ import annotations

import pytest

from .conftest import refused, write

ALIAS_BOMB = "name: x\n" + "a0: &a0 [" + ", ".join(['"lol"'] * 9) + "]\n"
for level in range(1, 9):
    ALIAS_BOMB += f"a{level}: &a{level} [" + ", ".join([f"*a{level - 1}"] * 9) + "]\n"

CASES = [
    # --- tags: only plain YAML ---------------------------------------------------------------------------------
    pytest.param("name: !!binary aGVsbG8=\n", ["line 1", "!!binary"], id="binary tag"),
    pytest.param("name: x\nauthor: !!binary aGVsbG8=\n", ["line 2", "author", "!!binary"], id="binary tag later"),
    pytest.param("name: !!python/object:os.system x\n", ["line 1", "!!python/object:os.system"], id="python tag"),
    pytest.param("name: !!python/name:os.system ''\n", ["line 1", "!!python/name"], id="python name tag"),
    pytest.param("name: !euro x\n", ["line 1", "!euro"], id="local tag"),
    pytest.param("name: x\ndescription: !<tag:example.com,2024:x> y\n", ["line 2"], id="verbatim tag"),
    pytest.param("name: x\nauthor: !!set {a, b}\n", ["line 2", "!!set"], id="set tag"),
    pytest.param("name: x\nauthor: !!omap [a: 1]\n", ["line 2", "!!omap"], id="omap tag"),
    pytest.param("name: x\nauthor: !!pairs [a: 1]\n", ["line 2", "!!pairs"], id="pairs tag"),
    pytest.param("name: x\nwijkaanpak:\n  amounts: {2027: !!binary AAAA}\n", ["line 3", "!!binary"], id="tag deep"),
    pytest.param("!foo name: x\n", ["line 1", "!foo"], id="tag on a key"),
    pytest.param("--- !foo\nname: x\n", ["line 1", "!foo"], id="tag on the document"),
    # --- duplicates --------------------------------------------------------------------------------------------
    pytest.param(
        'name: x\nwijkaanpak:\n  amounts: {2027: 100, "2027": 200}\n', ["line 3", "2027"], id="year twice in a flow"
    ),
    pytest.param(
        "name: x\nwijkaanpak:\n  amounts:\n    2027: 100\n    '2027': 200\n",
        ["line 5", "line 4", "2027 (a number)", "'2027' (text)"],
        id="year as number and as text",
    ),
    pytest.param(
        "name: x\nwijkaanpak:\n  amounts:\n    '2027': 100\n    2027: 200\n", ["line 5", "line 4"], id="text first"
    ),
    pytest.param(
        "name: x\nwijkaanpak:\n  amounts:\n    2027: 100\n    ' 2027 ': 200\n", ["line 5", "line 4"], id="spaced year"
    ),
    pytest.param("name: a\nname: b\n", ["line 2", "name"], id="key twice"),
    pytest.param("name: a\nwijkaanpak:\n  amounts: {2027: 1, 2027: 2}\n", ["line 3"], id="year twice exactly"),
    # --- invisible and control characters in keys: shown, so "did you mean" makes sense ---------------------------
    pytest.param("name\u200b: x\n", ["line 1", "name\\u200b", "id you mean 'name'"], id="zero-width space in key"),
    pytest.param("na\u202eme: x\n", ["line 1", "na\\u202eme"], id="bidi override in key"),
    pytest.param('"na\\eme": x\n', ["line 1", "na\\x1bme"], id="escape char in key"),
    pytest.param('"name\\u0007": x\n', ["line 1", "name\\x07"], id="bell in key"),
    pytest.param("\ufeffname: x\n\ufeffauthor: y\n", ["line 2"], id="byte-order mark inside the file"),
    pytest.param("name: x\nauthor: 'a\x85b'\n", ["line 2", "\\x85"], id="NEL in a quoted text"),
    pytest.param("name: x\ndescription: a\u2028b\n", ["line 2", "\\u2028"], id="line separator"),
    pytest.param("name: x\n\n\nauthor: a\u2029b\n", ["line 4", "\\u2029"], id="paragraph separator"),
    pytest.param("name: x\nwijk\u00adaanpak: {}\n", ["line 2", "wijk\\xadaanpak"], id="soft hyphen in key"),
    # --- numbers out of range: refused on their line, never a decimal.Inexact later ----------------------------
    pytest.param("name: x\nwijkaanpak:\n  amounts: {2027: 1e308}\n", ["line 3", "10^15"], id="1e308"),
    pytest.param("name: x\nwijkaanpak:\n  amounts: {2027: " + "9" * 130 + "}\n", ["line 3"], id="130 digits"),
    pytest.param("name: x\nwijkaanpak:\n  amounts: {2027: -1e20}\n", ["line 3"], id="minus 1e20"),
    pytest.param("name: x\nwijkaanpak:\n  amounts: {2027: 1e-300}\n", ["line 3"], id="1e-300"),
    pytest.param("name: x\nwijkaanpak:\n  amounts: {2027: 1000000000000000}\n", ["line 3"], id="exactly 10^15"),
    pytest.param("name: x\nwijkaanpak:\n  amounts: {2027: 0.0000000000000000000001}\n", ["line 3"], id="22 decimals"),
    pytest.param("name: x\nwijkaanpak:\n  amounts: {2027: .inf}\n", ["line 3"], id="infinity"),
    pytest.param("name: x\nwijkaanpak:\n  amounts: {2027: -.inf}\n", ["line 3"], id="minus infinity"),
    pytest.param("name: x\nwijkaanpak:\n  amounts: {2027: .nan}\n", ["line 3"], id="not a number"),
    pytest.param("name: x\nwijkaanpak:\n  amounts: {2027: '1e308'}\n", ["line 3"], id="1e308 as text"),
    pytest.param(
        "name: x\njeugdhulp:\n  price:\n    growth: 99999999999999999999999999%\n", ["line 4"], id="huge growth"
    ),
    pytest.param(
        "name: x\njeugdhulp:\n  volume:\n    per_year: {2026: 1e400%}\n", ["line 4"], id="exponent percentage"
    ),
    pytest.param("name: x\nwijkaanpak:\n  amounts: {99999: 1}\n", ["line 3"], id="year of five digits"),
    pytest.param("name: x\nwijkaanpak:\n  amounts: {2025.5: 1}\n", ["line 3"], id="year with decimals"),
    pytest.param("name: x\nwijkaanpak:\n  amounts: {" + "9" * 40 + ": 1}\n", ["line 3"], id="year of 40 digits"),
    # --- structure and syntax ------------------------------------------------------------------------------------
    pytest.param(ALIAS_BOMB, ["s.yaml, line", "aliases"], id="alias bomb 9 levels of 9"),
    pytest.param("name: x\na: &a [*a]\n", ["line 2"], id="alias of itself"),
    pytest.param("name: x\nb: &b {c: *b}\n", ["line 2"], id="mapping alias of itself"),
    pytest.param("name: x\nauthor: *nowhere\n", ["line 2"], id="alias without anchor"),
    pytest.param("name: x\n" + "d: " + "[" * 5000 + "]" * 5000 + "\n", ["s.yaml"], id="nested 5000 deep"),
    pytest.param("name: x\n\tauthor: y\n", ["line 2", "tabs"], id="tab indent"),
    pytest.param("name: 'x\n", ["line 1"], id="unclosed quote"),
    pytest.param("name: x\nauthor: [a, b\n", ["line 2"], id="unclosed list"),
    pytest.param("", ["s.yaml", "line 1"], id="empty file"),
    pytest.param("- a\n- b\n", ["line 1"], id="a list, not a mapping"),
    pytest.param("just text\n", ["line 1"], id="a scalar, not a mapping"),
    pytest.param("name:\n", ["line 1", "name"], id="name with nothing"),
    pytest.param("name: a\n---\nname: b\n", ["line"], id="two documents"),
    pytest.param("? [a, b]\n: x\nname: y\n", ["line 1"], id="complex key"),
    pytest.param("name: x\n~: y\n", ["line 2"], id="null key"),
    pytest.param("name: x\nunknown: y\n", ["line 2", "unknown"], id="unknown key"),
    pytest.param("name: [x]\n", ["line 1", "name"], id="name a list"),
    pytest.param("name: x\nextends: [a]\n", ["line 2", "extends"], id="extends a list"),
    pytest.param("name: x\nbaseline: 5\n", ["line 2", "baseline"], id="baseline a number"),
    pytest.param("name: x\nmeasures: {a: 1}\n", ["line 2", "measures"], id="measures a mapping"),
    pytest.param("name: x\nmeasures:\n  - name: m\n    programma: 1\n", ["line 3"], id="measure incomplete"),
]


@pytest.mark.parametrize(("text", "places"), CASES)
def test_a_hostile_scenario_is_refused_on_its_line(cli, here, text, places):
    write(here / "s.yaml", text)
    result = cli("run", "s.yaml")
    refused(result, "s.yaml", *places, folder=here)
    assert "\x1b" not in result.err
    assert "\u200b" not in result.err
    assert "\u202e" not in result.err


def test_a_long_value_is_quoted_as_a_short_excerpt(cli, here):
    write(here / "s.yaml", "name: x\nwijkaanpak: '" + "A" * 10_000 + "'\n")
    result = cli("run", "s.yaml")
    refused(result, "s.yaml", "line 2", folder=here)
    assert "A" * 100 not in result.err
    assert len(result.err) < 2000


def test_a_long_unknown_key_is_shown_short(cli, here):
    write(here / "s.yaml", "name: x\n" + "k" * 10_000 + ": 1\n")
    result = cli("run", "s.yaml")
    refused(result, "s.yaml", "line 2", folder=here)
    assert len(result.err) < 3000


def test_two_thousand_unknown_keys_give_the_first_fifty_and_a_count(cli, here):
    write(here / "s.yaml", "name: x\n" + "".join(f"k{i}: 1\n" for i in range(2_000)))
    result = cli("run", "s.yaml")
    refused(result, "s.yaml", "line 2", "and 1950 more problems", folder=here)
    assert "line 60," not in result.err  # the 59th unknown key is on line 60: past the first fifty shown


def test_a_file_of_ninety_thousand_values_stops_at_the_node_limit(cli, here):
    # 'name: x' is 2 nodes plus the root mapping; each 'kN: 1' two more: node 10,001 is on line 5,000
    write(here / "s.yaml", "name: x\n" + "".join(f"k{i}: 1\n" for i in range(90_000)))
    refused(cli("run", "s.yaml"), "s.yaml, line 5000", "at most 10,000 values", folder=here)


@pytest.mark.parametrize(
    ("data", "found"),
    [
        pytest.param(b"name: caf\xe9\n", "UTF-8", id="latin-1 bytes"),
        pytest.param("name: x\n".encode("utf-16"), "UTF-8", id="utf-16"),
        pytest.param(b"name: x\x00\n", "s.yaml", id="a NUL byte"),
        pytest.param(b"name: x\x1b[31m\n", "s.yaml", id="a raw escape byte"),
        pytest.param(b"\xff\xfe\x00\x00", "UTF-8", id="utf-32 mark"),
    ],
)
def test_bytes_that_are_not_a_text_file_are_refused(cli, here, data, found):
    (here / "s.yaml").write_bytes(data)
    result = cli("run", "s.yaml")
    refused(result, found, folder=here)
    assert "\x1b" not in result.err


def test_a_file_over_the_size_limit_is_refused_before_it_is_parsed(cli, here):
    (here / "s.yaml").write_text("name: x\ndescription: '" + "x" * (1024 * 1024) + "'\n", encoding="utf-8")
    result = cli("run", "s.yaml")
    refused(result, "s.yaml", "larger than the limit of 1 MiB", folder=here)
