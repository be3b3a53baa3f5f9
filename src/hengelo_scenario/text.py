"""Text from a user's file (a scenario, a workbook) shown as text, never run as markup, code or a formula.

One function per place such text goes, used everywhere it goes there:

- `visible(text)`: control characters, bidi overrides and invisible characters written as escapes (`\\x1b`,
  `\\u200b`), so a name can neither move the cursor, set a window title, hide itself nor look like another;
- `terminal(text)`: `visible`, and Rich markup (`[red]`, `[/]`, `[link=...]`) escaped, for text put into a
  string that Rich renders as markup (Rich `Text` objects need only `visible`);
- `plot_text(text)`: `visible`, and `$` escaped, so matplotlib never parses it as mathtext;
- `xml_text(text)`: `visible`, so only characters XML 1.0 allows remain (ElementTree escapes `<`, `&`, quotes);
- `spreadsheet_text(text)`: a leading apostrophe before anything a spreadsheet reads as a formula (OWASP CSV
  injection), also after Unicode compatibility folding (full-width `＝1+1` is `=1+1` to some spreadsheets).

Pure and import-light: the lower layers (loader messages) may use it as well as the report and the CLI.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = [
    "FORMULA_TRIGGERS",
    "excerpt",
    "is_formula_like",
    "plot_text",
    "spreadsheet_text",
    "terminal",
    "visible",
    "xml_text",
]

# Format characters that change how text looks without being seen: zero-width, bidi controls, word joiner, BOM.
_INVISIBLE = {
    "\u00ad",  # soft hyphen
    "\u034f",
    "\u061c",
    "\u115f",
    "\u1160",
    "\u17b4",
    "\u17b5",
    "\u180e",
    *(chr(c) for c in range(0x200B, 0x2010)),  # zero-width space ... right-to-left mark
    *(chr(c) for c in range(0x202A, 0x202F)),  # bidi embeddings and overrides
    *(chr(c) for c in range(0x2060, 0x2070)),  # word joiner, invisible operators, bidi isolates
    "\u3164",
    "\ufeff",
    "\uffa0",
    *(chr(c) for c in range(0xFFF9, 0xFFFC)),
}


def _escape_char(char: str) -> str:
    code = ord(char)
    if code < 0x100:
        return f"\\x{code:02x}"
    if code < 0x10000:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"


def _needs_escape(char: str) -> bool:
    if char in _INVISIBLE:
        return True
    category = unicodedata.category(char)
    # Cc: C0/C1 controls (ESC, NEL U+0085, DEL ...); Cf: format characters, all invisible (tags U+E0000-E007F,
    # invisible operators, joiners); Cs: lone surrogates; Co/Cn: private use and unassigned
    return category in ("Cc", "Cf", "Cs", "Co", "Cn") or char in ("\u2028", "\u2029", "\ufffe", "\uffff")


def visible(text: str, *, keep_newlines: bool = False) -> str:
    """Every character that is not plainly visible text written as an escape: 'a\\x1b]0;b' stays on one line."""
    if keep_newlines:
        return "\n".join(visible(line) for line in text.split("\n"))
    if text.isprintable() and _INVISIBLE.isdisjoint(text):
        return text
    return "".join(_escape_char(char) if _needs_escape(char) else char for char in text)


# Rich's markup rules (rich.markup): a tag is '[' + one of a-z # / @ + ... + ']'; n backslashes before a tag give
# n // 2 backslashes and, if n is odd, the tag as text; in text outside tags every '\[' becomes '['.
_RICH_TAG = re.compile(r"\[[a-z#/@][^\[]*?\]")
_BRACKET = re.compile(r"(\\*)\[")


def terminal(text: str, *, keep_newlines: bool = False) -> str:
    """Text safe inside a Rich markup string (`f"[bold]{terminal(name)}[/bold]"`): visible, no tag takes effect.

    Print it with `emoji=False`: Rich would otherwise turn ':smile:' into an emoji. Backslashes at the end are
    doubled, as they would otherwise escape a tag that follows.
    """
    shown = visible(text, keep_newlines=keep_newlines)

    def escape(match: re.Match[str]) -> str:
        count = len(match.group(1))
        if _RICH_TAG.match(shown, match.end() - 1):
            return "\\" * (2 * count + 1) + "["  # count backslashes, then the tag as text
        return "\\" * (count + 1 if count else 0) + "["  # Rich drops one backslash before a '[' in text

    shown = _BRACKET.sub(escape, shown)
    trailing = len(shown) - len(shown.rstrip("\\"))
    return shown + "\\" * trailing


def plot_text(text: str) -> str:
    """Text for a matplotlib title, label or legend: visible, and '$' escaped so no mathtext is parsed.

    A leading '_' gets a space before it: matplotlib leaves a label that starts with '_' out of the legend.
    """
    shown = visible(text).replace("$", r"\$")
    return " " + shown if shown.startswith("_") else shown


def xml_text(text: str) -> str:
    """Text for an XML attribute or element: visible, so no character outside XML 1.0 remains."""
    return visible(text, keep_newlines=True)


# A spreadsheet treats a cell that starts with one of these as a formula (or, for tab and CR, may strip them and
# then see one).
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def is_formula_like(text: str) -> bool:
    """Would a spreadsheet read this cell as a formula? Also after NFKC folding (full-width '＝' is '=')."""
    if text.startswith(FORMULA_TRIGGERS):
        return True
    folded = unicodedata.normalize("NFKC", text.lstrip(" \u3000\u00a0"))
    return folded.startswith(FORMULA_TRIGGERS)


def spreadsheet_text(text: str) -> str:
    """Text a spreadsheet shows as text and never executes: a leading ' before a formula trigger."""
    return "'" + text if is_formula_like(text) else text


def excerpt(text: str, limit: int = 60) -> str:
    """A short, visible, quoted excerpt of input for an error message: never more than `limit` characters of it."""
    shown = visible(text)
    if len(shown) > limit:
        shown = shown[: limit - 1] + "…"
    return f"'{shown}'"
