"""The snapshot of one scenario's outcome: a readable, diff-friendly text file with every figure, per year.

One figure per line, the years as columns, exact decimal euros (a point for decimals, no thousands separators, at
least two decimals), the scenario's own figures (not differences against the baseline). Columns have a fixed
width, so a change of one figure changes one line of the file. The header names the tool version, the scenario
file (and the files it extends) and the baseline workbook, each with its SHA-256, so `check` can tell a changed
baseline from a change in the math. The same outcome always gives the same bytes.

    # hengelo-scenario snapshot: the full outcome of one scenario, written by `hengelo-scenario check --update`.
    tool: hengelo-scenario 0.1.0
    scenario: jeugd_hoog.yaml
    scenario sha256: 3b1f...
    baseline: hengelo-begroting-2025-2028.xlsx
    baseline sha256: 9c0e...

    [overzicht]
                                                            2025                2026                2027 ...
    lasten                                          384252227.40   387042603.0403072   390077607.9559563 ...
    geraamd_resultaat                                  830772.60    -2499603.0403072   -5375607.9559563 ...

Pure: an `Outcome` in, text out, and text back in as data; no files are read or written here.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from enum import StrEnum

from hengelo_scenario.errors import Problem, ScenarioError
from hengelo_scenario.money import CENT, normalized
from hengelo_scenario.outcome.model import Figure, Outcome
from hengelo_scenario.records import Record, field_names

__all__ = [
    "FORMAT_VERSION",
    "Header",
    "Row",
    "RowKind",
    "Snapshot",
    "SnapshotError",
    "money_text",
    "number_text",
    "parse_snapshot",
    "reads_back_unchanged",
    "render_snapshot",
    "snapshot_of",
]

FORMAT_VERSION = "1"
TITLE = "# hengelo-scenario snapshot: the full outcome of one scenario, written by `hengelo-scenario check --update`."
PREAMBLE = (
    TITLE,
    "# `hengelo-scenario check` runs the scenario again and compares every figure below; do not edit by hand.",
    "# Euros, exact: a point for decimals, no thousands separators. The scenario's own figures, not differences.",
    "# Ratios and fractions (weerstand ratio, structurele_exploitatieruimte) to 28 digits; '-' where there is none.",
)
LABEL_WIDTH = 40
VALUE_WIDTH = 20  # room for a sign, nine digits of euros and eight decimals; a longer value pushes only its line
VERDICT_SECTION = "oordeel"
VERDICT_KEY = "structureel evenwicht"


class SnapshotError(ScenarioError):
    """A snapshot file that cannot be read back (edited by hand, cut off, from another tool)."""

    DEFAULT_CODE = "snapshot.unreadable"


class RowKind(StrEnum):
    """How a row's values are compared: euros to the cent; ratios, fractions and volumes to fixed decimals."""

    MONEY = "money"
    RATIO = "ratio"
    PERCENT = "percent"  # a fraction, shown as a percentage
    NUMBER = "number"  # a volume
    TEXT = "text"


class Row(Record, frozen=True):
    section: str
    label: str
    values: tuple[str, ...]  # per year; one value for a row of a section without years
    kind: RowKind = RowKind.MONEY
    line: int | None = None  # in the snapshot file, when read back

    @property
    def key(self) -> tuple[str, str]:
        return (self.section, self.label)


class Header(Record, frozen=True):
    tool: str  # "hengelo-scenario 0.1.0"
    scenario_file: str  # the file name, as it stands beside the snapshots folder
    scenario_sha256: str
    baseline_file: str  # the workbook's file name
    baseline_sha256: str
    extends: tuple[tuple[str, str], ...] = ()  # (file, sha256) of each file the scenario extends, nearest first


class Snapshot(Record, frozen=True):
    header: Header
    years: tuple[int, ...]
    rows: tuple[Row, ...] = ()

    def by_key(self) -> dict[tuple[str, str], Row]:
        return {row.key: row for row in self.rows}


# --- values as text -------------------------------------------------------------------------------------------


def money_text(value: Decimal) -> str:
    """Exact euros with at least two decimals: 830772.6 -> '830772.60'; 12877.29096 stays as it is.

    Worked on the exact text (`format(value, "f")` keeps every digit) rather than with `normalize` and `quantize`:
    a snapshot has some 600 amounts, and this is about ten times faster. A test holds it to the Decimal way.
    """
    if not value.is_finite():
        return "-" if value.is_nan() else _money_text_decimal(value)
    text = _MONEY_TEXTS.get(value)  # the text depends on the value only (1.5 and 1.50 give 1.50), so equal
    if text is not None:  # amounts across scenarios (every unchanged programme, reserve...) are formatted once
        return text
    if value == 0:
        text = "0.00"
    elif value.adjusted() > 25:  # beyond the default context's precision: the Decimal way, which says so
        return _money_text_decimal(value)
    else:
        whole, _, decimals = format(value, "f").partition(".")
        text = f"{whole}.{decimals.rstrip('0'):0<2}"
    if len(_MONEY_TEXTS) >= 100_000:
        _MONEY_TEXTS.clear()
    _MONEY_TEXTS[value] = text
    return text


_MONEY_TEXTS: dict[Decimal, str] = {}
_MONEY_ROWS: dict[tuple[Decimal, ...], tuple[str, ...]] = {}  # a row of years: most repeat across scenarios


def _money_text_decimal(value: Decimal) -> str:
    normal = normalized(value)  # every digit: exact, beyond the default context's 28
    exponent = normal.as_tuple().exponent
    if isinstance(exponent, int) and exponent >= -2:
        normal = normal.quantize(CENT)
    return format(normal, "f")


def number_text(value: Decimal) -> str:
    """An exact number that is not euros (a ratio, a fraction, a volume): its shortest exact text; '-' for none."""
    if value.is_nan():
        return "-"
    if value == 0:
        return "0"
    text = format(value, "f")  # every digit; only trailing zeros after the point are dropped
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


# --- outcome -> snapshot --------------------------------------------------------------------------------------


def snapshot_of(outcome: Outcome, header: Header) -> Snapshot:
    """Every figure of the outcome, as the scenario has it, in a fixed order."""
    rows: list[Row] = []

    def money(section: str, label: str, values: tuple[Decimal, ...]) -> None:
        finite = all(map(Decimal.is_finite, values))  # a NaN (no such figure) is not a key: NaN != NaN
        texts = _MONEY_ROWS.get(values) if finite else None
        if texts is None:
            texts = tuple(map(money_text, values))
            if finite:
                if len(_MONEY_ROWS) >= 20_000:
                    _MONEY_ROWS.clear()
                _MONEY_ROWS[values] = texts
        rows.append(Row(section, label, texts, RowKind.MONEY))

    def number(section: str, label: str, values: tuple[Decimal, ...], kind: RowKind) -> None:
        rows.append(Row(section, label, tuple(map(number_text, values)), kind))

    def figure(section: str, label: str, value: Figure, kind: RowKind = RowKind.MONEY) -> None:
        if kind is RowKind.MONEY:
            money(section, label, value.scenario)
        else:
            number(section, label, value.scenario, kind)

    o = outcome.overview
    for name in field_names(o):
        kind = RowKind.PERCENT if name == "structurele_exploitatieruimte" else RowKind.MONEY
        figure("overzicht", name, getattr(o, name), kind)
    for p in outcome.programmas:
        section = f"programma {p.programma.code} {p.programma.naam}"
        for name in ("lasten", "baten", "saldo", "toevoegingen", "onttrekkingen"):
            figure(section, name, getattr(p, name))
    for r in outcome.reserves:
        section = f"reserve {r.reserve.naam}"
        for name in ("opening", "toevoegingen", "onttrekkingen", "closing"):
            figure(section, name, getattr(r, name))
    w = outcome.weerstand
    figure("weerstand", "beschikbaar", w.beschikbaar)
    figure("weerstand", "benodigd", w.benodigd)
    figure("weerstand", "ratio", w.ratio, RowKind.RATIO)
    rows.append(Row("weerstand", "klasse", tuple(w.klasse_scenario), RowKind.TEXT))
    j = outcome.jeugdhulp
    figure("jeugdhulp", "cost", j.cost)
    money("jeugdhulp", "price_effect", j.price_effect)
    money("jeugdhulp", "volume_effect", j.volume_effect)
    money("jeugdhulp", "interaction", j.interaction)
    for s in j.segments:
        section = f"jeugdhulp segment {s.naam}"
        figure(section, "price", s.price)
        figure(section, "volume", s.volume, RowKind.NUMBER)
        figure(section, "cost", s.cost)
        money(section, "price_effect", s.price_effect)
        money(section, "volume_effect", s.volume_effect)
        money(section, "interaction", s.interaction)
    t = outcome.transformatieplan
    money("transformatieplan", "taakstelling", t.taakstelling)
    money("transformatieplan", "ingevuld", t.ingevuld)
    money("transformatieplan", "open", t.open)
    figure("transformatieplan", "niet_gerealiseerd", t.niet_gerealiseerd)
    seen: dict[str, int] = {}
    for b in outcome.bookings:
        label = f"{b.measure}: {b.soort}, {b.aard}, programma {b.programma}"
        if b.reserve:
            label += f", reserve {b.reserve}"
        label = " ".join(label.split())
        seen[label] = seen.get(label, 0) + 1
        if seen[label] > 1:
            label += f" #{seen[label]}"
        money("boekingen", label, b.amounts)
    rows.append(Row(VERDICT_SECTION, VERDICT_KEY, (str(outcome.verdict_scenario),), RowKind.TEXT))
    return Snapshot(header, outcome.years, tuple(rows))


# --- snapshot -> text -----------------------------------------------------------------------------------------

_ROW_FORMATS: dict[int, str] = {}


def _columns(label: str, values: tuple[str, ...]) -> str:
    """The label padded to LABEL_WIDTH, each value right-aligned in VALUE_WIDTH (a longer one is not cut)."""
    form = _ROW_FORMATS.get(len(values))
    if form is None:
        form = _ROW_FORMATS[len(values)] = f"{{:<{LABEL_WIDTH}}}" + f" {{:>{VALUE_WIDTH - 1}}}" * len(values)
    return form.format(label, *values).rstrip()


def render_snapshot(snapshot: Snapshot) -> str:
    """The snapshot as text: deterministic, LF line ends, ending in one newline."""
    h = snapshot.header
    lines = [
        *PREAMBLE,
        f"format: {FORMAT_VERSION}",
        f"tool: {h.tool}",
        f"scenario: {h.scenario_file}",
        f"scenario sha256: {h.scenario_sha256}",
        *(f"extends: {file} {sha}" for file, sha in h.extends),
        f"baseline: {h.baseline_file}",
        f"baseline sha256: {h.baseline_sha256}",
    ]
    years = tuple(str(y) for y in snapshot.years)
    section = None
    for row in snapshot.rows:
        if row.section != section:
            section = row.section
            lines += ["", f"[{_clean(section)}]"]
            if section != VERDICT_SECTION:
                lines.append(_columns("", years))
        if row.section == VERDICT_SECTION:
            lines.append(f"{row.label}: {row.values[0]}")
        else:
            line = _LINES.get((row.label, row.values))
            if line is None:
                if len(_LINES) >= 20_000:
                    _LINES.clear()
                line = _LINES[(row.label, row.values)] = _columns(_clean(row.label), row.values)
            lines.append(line)
    return "\n".join(lines) + "\n"


_LINES: dict[tuple[str, tuple[str, ...]], str] = {}  # a figure's line: the same in most scenarios of a check


def _clean(label: str) -> str:
    """A label on one line (names come from a workbook and a scenario file)."""
    text = _CLEAN.get(label)
    if text is None:  # the same few hundred labels in every snapshot
        if len(_CLEAN) >= 100_000:
            _CLEAN.clear()
        text = _CLEAN[label] = " ".join(label.split())
    return text


_CLEAN: dict[str, str] = {}


_PLAIN_VALUES = re.compile(r"(?:-?[0-9]+(?:\.[0-9]+)?|-)(?: (?:-?[0-9]+(?:\.[0-9]+)?|-))*")


def reads_back_unchanged(snapshot: Snapshot) -> bool:
    """Would `parse_snapshot(render_snapshot(snapshot))` give this snapshot back, header, keys and values alike?

    True when every label, section and header field is already on one line without extra spaces, every value
    is a number, '-' or a word, and the years have four digits. `check` then needs no parsing for a stored
    file whose text is exactly the rendered text: comparing it with the outcome could find nothing (a property
    test holds this to `parse_snapshot` and `compare_snapshots`). When False, `check` parses the file as always.
    """
    h = snapshot.header
    fields = [h.tool, h.scenario_file, h.scenario_sha256, h.baseline_file, h.baseline_sha256]
    for name, sha in h.extends:
        if not sha or " " in sha:
            return False
        fields += [name, sha]
    if any(_clean(text) != text for text in fields):
        return False
    if not snapshot.years or not all(1000 <= year <= 9999 for year in snapshot.years):
        return False
    if all(row.section == VERDICT_SECTION for row in snapshot.rows):
        return False  # the years are written (and read back) only above a section of figures
    count = len(snapshot.years)
    section = None
    for row in snapshot.rows:
        if row.section is not section:  # rows of a section follow each other: a section is looked at once
            section = row.section
            if not section or _clean(section) != section:
                return False
        label, values = row.label, row.values
        if not label or _clean(label) != label:
            return False
        if section == VERDICT_SECTION:
            if label != VERDICT_KEY or len(values) != 1 or _clean(values[0]) != values[0]:
                return False
        elif len(values) != count or not _plain_values(values):
            return False
    return True


_PLAIN_ROWS: dict[tuple[str, ...], bool] = {}  # most rows of values repeat across the scenarios of a check


def _plain_values(values: tuple[str, ...]) -> bool:
    plain = _PLAIN_ROWS.get(values)
    if plain is None:
        plain = _PLAIN_VALUES.fullmatch(" ".join(values)) is not None or all(map(_plain_value, values))
        if len(_PLAIN_ROWS) >= 20_000:
            _PLAIN_ROWS.clear()
        _PLAIN_ROWS[values] = plain
    return plain


def _plain_value(value: str) -> bool:
    """A value that parse_snapshot reads back as it is: one word, a number or '-'."""
    return bool(value) and _clean(value) == value and (value == "-" or _is_number(value) or value.isalpha())


# --- text -> snapshot -----------------------------------------------------------------------------------------

_SECTION = re.compile(r"^\[(?P<name>.+)\]\s*$")
_YEARS = re.compile(r"^\s+\d{4}(?:\s+\d{4})*\s*$")
_HEADER = re.compile(r"^(?P<key>[a-z0-9 ]+): (?P<value>.*)$")
_SHA256 = re.compile(r"^[0-9a-f]{64}$")
_REWRITE = "rewrite it with `hengelo-scenario check --update` for this scenario"


def parse_snapshot(text: str, file: str) -> Snapshot:
    """A snapshot read back; SnapshotError names the file and line of anything that is not a snapshot."""

    def fail(line: int, what: str, expected: str, found: str) -> SnapshotError:
        return SnapshotError([Problem(file, f"line {line}", what, expected, found, _REWRITE)])

    lines = text.splitlines()
    if not lines or lines[0] != TITLE:
        first = _shorten(lines[0] if lines else "")
        raise fail(1, "(file)", "a snapshot written by hengelo-scenario check --update", first)
    header: dict[str, str] = {}
    extends: list[tuple[str, str]] = []
    number = 1
    for number, line in enumerate(lines[1:], start=2):
        if line.startswith("#"):
            continue
        if not line.strip():
            break
        match = _HEADER.match(line)
        if not match:
            raise fail(number, "(header)", "a header line such as 'baseline sha256: ...'", _shorten(line))
        key, value = match["key"], match["value"].strip()
        if key == "extends":
            name, _, sha = value.rpartition(" ")
            extends.append((name, sha))
        else:
            header[key] = value
    for key in ("format", "tool", "scenario", "scenario sha256", "baseline", "baseline sha256"):
        if key not in header:
            raise fail(number, key, f"a header line '{key}: ...'", "none")
    if header["format"] != FORMAT_VERSION:
        raise fail(number, "format", f"snapshot format {FORMAT_VERSION}", header["format"])
    head = Header(
        tool=header["tool"],
        scenario_file=header["scenario"],
        scenario_sha256=header["scenario sha256"],
        baseline_file=header["baseline"],
        baseline_sha256=header["baseline sha256"],
        extends=tuple(extends),
    )
    years: tuple[int, ...] | None = None
    section: str | None = None
    section_years: tuple[int, ...] = ()
    rows: list[Row] = []
    body = number
    for number, line in enumerate(lines[body:], start=body + 1):
        if not line.strip():
            continue
        match = _SECTION.match(line)
        if match:
            section = match["name"]
            section_years = ()
            continue
        if section is not None and section != VERDICT_SECTION and _YEARS.match(line):
            section_years = tuple(int(y) for y in line.split())
            if years is None:
                years = section_years
            elif section_years != years:
                raise fail(number, section, "the same years in every section", " ".join(line.split()))
            continue
        if section is None:
            raise fail(number, "(file)", "a section such as [overzicht] before the figures", _shorten(line))
        if section == VERDICT_SECTION:
            label, sep, value = line.partition(": ")
            if not sep:
                raise fail(number, section, f"'{VERDICT_KEY}: ...'", _shorten(line))
            rows.append(Row(section, label, (value.strip(),), RowKind.TEXT, number))
            continue
        if not section_years:
            raise fail(number, section, "a line with the years before the figures", _shorten(line))
        parts = line.rsplit(None, len(section_years))
        if len(parts) != len(section_years) + 1:
            raise fail(number, section, f"a label and {len(section_years)} values", _shorten(line))
        label, values = parts[0].strip(), tuple(parts[1:])
        for value in values:
            if value != "-" and not _is_number(value) and not value.isalpha():
                raise fail(number, f"{section} › {label}", "an exact number, a letter or '-'", value)
        rows.append(Row(section, label, values, RowKind.MONEY, number))
    return Snapshot(head, years or (), tuple(rows))


def _is_number(text: str) -> bool:
    try:
        return Decimal(text).is_finite()
    except InvalidOperation:
        return False


def _shorten(text: str) -> str:
    return f"'{text[:60]}…'" if len(text) > 60 else f"'{text}'"


def valid_sha256(text: str) -> bool:
    return bool(_SHA256.match(text))
