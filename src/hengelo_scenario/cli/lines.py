"""Output without colour laid out as characters, without importing Rich: the common case of a pipe, a file, CI.

When standard output is not a terminal, Rich would print every table, text and panel as plain characters; this
module writes the same characters itself, so a `run` or `check` into a pipe never imports Rich (a tenth of a short
`run`). `PlainConsole` stands in for Rich's Console there: the tool's printing functions write laid-out lines to
it directly, and anything else given to it is handed to a real Rich console (made the first time it is needed),
so nothing can print differently. Property tests hold every function here to what Rich prints.

Only when Rich would certainly print without colour is a PlainConsole used (`plain_console`): not a terminal and
not forced to be one (TTY_COMPATIBLE, FORCE_COLOR), not a notebook, an encoding of the UTF family; otherwise
the tool keeps Rich's console.
"""

from __future__ import annotations

import builtins
import os
import re
import sys
import textwrap
import unicodedata
from functools import lru_cache
from typing import IO, Any

from hengelo_scenario.text import visible

__all__ = [
    "PlainConsole",
    "cell_lines",
    "divide",
    "panel_lines",
    "plain_console",
    "single_cell",
    "wrap",
]

_GLUE = "\x00"  # joins the words of a legend item for the wrapper; visible() has escaped any NUL in the text


# -- one character, one cell ----------------------------------------------------------------------------------


@lru_cache(maxsize=4096)
def _single_cell_char(char: str) -> bool:
    code = ord(char)
    if 0x20 <= code < 0x7F:
        return True
    if code < 0xA0 or 0x1100 <= code < 0x1E00 or 0x2600 <= code < 0x2700 or code >= 0x2800:
        return False  # controls, Hangul jamo on, miscellaneous symbols (emoji, trigrams), East Asian: Rich measures
    return unicodedata.east_asian_width(char) not in ("W", "F") and unicodedata.category(char) not in (
        "Mn",
        "Mc",
        "Me",
        "Cf",
        "Zl",
        "Zp",
    )


def single_cell(text: str) -> bool:
    """Is every character of `text` certainly one terminal cell wide? False for wide characters, combining marks,
    and for scripts Rich measures itself (a test checks True against Rich's own measure)."""
    return (text.isascii() and text.isprintable()) or all(map(_single_cell_char, text))


# -- text that wraps at word boundaries ------------------------------------------------------------------------


def _glued(text: str) -> str:
    """Bind the words of a legend item so the wrapper cannot separate them: 'V = voordelig', 'x € 1.000'."""
    text = re.sub(r" ([=<>]) ", rf"{_GLUE}\1{_GLUE}", text)
    text = re.sub(r"(^|\s)x € ", rf"\1x{_GLUE}€{_GLUE}", text)
    return re.sub(r"€ (?=\S)", f"€{_GLUE}", text)


def wrap(text: str, width: int) -> list[str]:
    """Lines of at most `width` characters, broken only between words (a word longer than a line stands alone)."""
    lines = textwrap.wrap(_glued(visible(text)), max(width, 1), break_long_words=False, break_on_hyphens=False) or [""]
    return [line.replace(_GLUE, " ") for line in lines]


_WORD = re.compile(r"\s*\S+\s*")  # a word with the whitespace around it, as Rich's wrapper (rich._wrap) reads
_TRAILING_SPACE = re.compile(r"\s+$")


def divide(text: str, width: int) -> list[str]:
    """`text` broken into lines of at most `width` characters exactly as Rich's wrapper breaks it
    (rich._wrap.divide_line, then Text.rstrip_end): words move to the next line, a word longer than a line is
    folded, whitespace beyond the width is dropped. One character is one cell here."""
    if width < 1:
        return [""]
    breaks: list[int] = []
    offset = 0
    for match in _WORD.finditer(text):
        start, word = match.start(), match.group()
        length = len(word.rstrip())
        if width - offset >= length:
            offset += len(word)
        elif length > width:  # fold the word over lines of exactly `width`
            pieces = [word[i : i + width] for i in range(0, len(word), width)]
            for i, piece in enumerate(pieces):
                if start:
                    breaks.append(start)
                if i == len(pieces) - 1:
                    offset = len(piece)
                else:
                    start += len(piece)
        elif offset and start:
            breaks.append(start)
            offset = len(word)
    lines = []
    for begin, end in zip([0, *breaks], [*breaks, len(text)], strict=True):
        line = text[begin:end]
        if len(line) > width:  # whitespace beyond the width is dropped
            space = _TRAILING_SPACE.search(line)
            if space is not None:
                line = line[: len(line) - min(len(space.group()), len(line) - width)]
        lines.append(line[:width])
    return lines


def cell_lines(text: str, width: int) -> list[str]:
    """`text` in a column `width` characters wide, as Rich prints a left-aligned cell that folds: `divide`, every
    line padded to the width."""
    if width < 1:  # a column whose header and cells are all empty
        return [""]
    return [line.ljust(width) for line in divide(text, width)]


# -- a panel ---------------------------------------------------------------------------------------------------


def panel_lines(title: str, lines: list[str], width: int) -> list[str] | None:
    """A titled panel (Rich's Panel, box ROUNDED, title on the left, expand=False) as lines of characters; None
    when Rich must draw it (a character that is not one cell wide, markup in the title, a very narrow console).

    The panel is as wide as its longest line (words not wrapped) plus a space and a border on each side, at most
    `width`; longer lines wrap at word boundaries as Rich wraps them.
    """
    if width < 8 or "[" in title or not single_cell(title) or not all(map(single_cell, lines)):
        return None
    lines = [line.replace("\t", "        ") for line in lines]  # Rich expands tabs to 8; visible() leaves none
    inner = min(max((len(line) for line in lines), default=0) + 2, width - 2)
    shown_title = f" {title.replace(chr(10), ' ')} "
    inner = min(width - 2, max(inner, len(shown_title) + 2))
    outer = inner + 2
    text_width = inner - 2
    top_title = shown_title[: outer - 4]
    top = "╭─" + top_title + "─" * (outer - 4 - len(top_title)) + "─╮"
    body = ["│ " + piece.ljust(text_width) + " │" for line in lines for piece in divide(line, text_width)]
    return [top, *body, "╰" + "─" * (outer - 2) + "╯"]


# -- the console ------------------------------------------------------------------------------------------------


class PlainConsole:
    """Standard output when it is not a terminal: `width` columns of characters, no colour.

    The tool's printing functions write laid-out lines to `file`; `print()` without arguments ends a line; any
    other call goes to a Rich Console on the same file and width, made when first needed.
    """

    color_system = None
    record = False
    is_jupyter = False
    is_terminal = False

    def __init__(self, width: int) -> None:
        self.width = width
        self._rich: Any = None

    @property
    def file(self) -> IO[str]:
        return sys.stdout  # looked up at each write, as Rich does (a test may have replaced it)

    def write_lines(self, lines: list[str]) -> None:
        self.file.write("".join(line + "\n" for line in lines))

    def print(self, *objects: Any, **options: Any) -> None:
        if not objects and not options:
            self.file.write("\n")
            return
        self.rich().print(*objects, **options)

    def rich(self) -> Any:
        """The Rich Console this one stands in for."""
        if self._rich is None:
            from rich.console import Console

            self._rich = Console(width=self.width, color_system=None, highlight=False, soft_wrap=False)
        return self._rich

    def __getattr__(self, name: str) -> Any:  # anything else a Rich console has
        if name.startswith("_"):  # not Rich's internals (and never `_rich` itself, before __init__ set it)
            raise AttributeError(name)
        return getattr(self.rich(), name)


def plain_console(width: int, file: IO[str] | None = None) -> PlainConsole | None:
    """A PlainConsole when Rich would certainly print to `file` (standard output) without colour, else None."""
    file = sys.stdout if file is None else file
    environ = os.environ
    if hasattr(builtins, "get_ipython") or "idlelib" in str(getattr(sys.stdin, "__module__", "")):
        return None  # a notebook or IDLE: Rich decides
    if environ.get("TTY_COMPATIBLE", "") == "1" or environ.get("FORCE_COLOR") is not None:
        return None
    if not (getattr(file, "encoding", None) or "utf-8").lower().startswith("utf"):
        return None  # Rich draws ASCII boxes for other encodings
    isatty = getattr(file, "isatty", None)
    try:
        if environ.get("TTY_COMPATIBLE", "") != "0" and (isatty is None or isatty()):
            return None
    except ValueError:  # a closed file: Rich's way of saying so
        return None
    return PlainConsole(width)
