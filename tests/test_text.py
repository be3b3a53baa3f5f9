"""The escaping functions of `hengelo_scenario.text`: properties that hold for any text, and worked cases."""

from __future__ import annotations

import unicodedata
import xml.etree.ElementTree as ET

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rich.console import Console
from rich.text import Text

from hengelo_scenario.text import _INVISIBLE as INVISIBLE
from hengelo_scenario.text import excerpt, is_formula_like, plot_text, spreadsheet_text, terminal, visible, xml_text

# Any text, including controls, surrogates, private use and the invisible format characters.
ANY_TEXT = st.text(st.characters(codec=None, exclude_categories=()), max_size=60)
TRICKY = st.text(
    st.sampled_from(["[", "]", "/", "\\", "$", "=", "@", "+", "-", "a", " ", "\x1b", "\u200b", "\u202e", "\n", "\x00"]),
    max_size=30,
)


def shown_as_is(text: str) -> bool:
    """No control, format, surrogate, private-use, unassigned or line/paragraph-separator character (spaces such as
    the no-break space may stay: they are seen as spaces)."""
    return not any(unicodedata.category(c) in ("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp") for c in text)


@given(st.one_of(ANY_TEXT, TRICKY))
def test_visible_text_holds_only_printable_characters(text):
    shown = visible(text)
    assert shown_as_is(shown)
    assert not any(c in INVISIBLE for c in shown)


@given(st.one_of(ANY_TEXT, TRICKY))
def test_visible_leaves_printable_text_alone_and_is_idempotent_on_its_output(text):
    if shown_as_is(text) and not any(c in INVISIBLE for c in text):
        assert visible(text) == text
    assert visible(visible(text)) == visible(text)


@given(st.one_of(ANY_TEXT, TRICKY))
def test_terminal_text_renders_in_rich_as_exactly_the_visible_text(text):
    rendered = Text.from_markup(f"[bold]{terminal(text)}[/bold]", emoji=False)  # as used: inside the tool's markup
    assert rendered.plain == visible(text)
    assert all(span.style == "bold" for span in rendered.spans)  # no markup of the text took effect


@given(st.one_of(ANY_TEXT, TRICKY))
def test_rich_prints_terminal_text_without_an_escape_character(text):
    console = Console(width=200, color_system="truecolor", force_terminal=False, record=True)
    console.print(terminal(text), soft_wrap=True, emoji=False)
    assert "\x1b" not in console.export_text()


@given(st.one_of(ANY_TEXT, TRICKY))
def test_xml_text_is_always_valid_xml(text):
    element = ET.Element("testcase", name=xml_text(text))
    element.text = xml_text(text)
    parsed = ET.fromstring(ET.tostring(element, encoding="utf-8"))
    assert parsed.get("name") == xml_text(text)


@given(st.one_of(ANY_TEXT, TRICKY))
def test_a_spreadsheet_never_sees_a_formula(text):
    safe = spreadsheet_text(text)
    assert safe.startswith("'") or not is_formula_like(safe)
    assert safe in (text, "'" + text)


@given(st.one_of(ANY_TEXT, TRICKY))
def test_plot_text_has_no_unescaped_dollar_and_no_leading_underscore(text):
    shown = plot_text(text)
    assert shown.count("$") == shown.count(r"\$")
    assert not shown.startswith("_")


@given(st.one_of(ANY_TEXT, TRICKY), st.integers(min_value=5, max_value=100))
def test_an_excerpt_is_short_quoted_and_visible(text, limit):
    shown = excerpt(text, limit)
    assert shown.startswith("'")
    assert shown.endswith("'")
    assert len(shown) <= limit + 2
    assert shown_as_is(shown)


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("name\u200b", "name\\u200b"),
        ("\x1b]0;titel\x07", "\\x1b]0;titel\\x07"),
        ("a\u202eb", "a\\u202eb"),
        ("tab\there", "tab\\x09here"),
        ("\ufeffbom", "\\ufeffbom"),
        ("Jeugdhulp € 1.000", "Jeugdhulp € 1.000"),
        ("\U000e0041", "\\U000e0041"),  # a tag character: invisible
    ],
)
def test_visible_worked_cases(text, shown):
    assert visible(text) == shown


@pytest.mark.parametrize(
    ("text", "formula"),
    [("=1+1", True), ("＝1+1", True), (" =1", True), ("\u3000=1", True), ("+31 6", True), ("-5", True),
     ("@SUM", True), ("\t=1", True), ("1+1", False), ("Fonds (=motie)", False), ("", False), ("a＝1", False)],
)  # fmt: skip
def test_formula_worked_cases(text, formula):
    assert is_formula_like(text) is formula
