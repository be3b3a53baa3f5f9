"""A `CheckReport` as text for people (Dutch number format), as JSON and as JUnit XML for CI systems.

Pure: the report in, text out. The console table is in `cli/check_cmd.py`; it formats its cells with `shown`.
JUnit XML follows the schema that GitLab, Azure DevOps and Jenkins read: one `<testsuite>` inside
`<testsuites>`, one `<testcase>` per scenario, a `<failure>` with the mismatches as text.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from decimal import Decimal
from typing import Any

from hengelo_scenario import __version__
from hengelo_scenario.check.compare import PLACES, Mismatch
from hengelo_scenario.check.runner import CheckReport, ScenarioResult, SnapshotState
from hengelo_scenario.check.snapshot import RowKind
from hengelo_scenario.money import CENT, exact_text, round_half_away
from hengelo_scenario.report.numbers import dutch_number
from hengelo_scenario.text import xml_text

__all__ = [
    "difference_shown",
    "junit_xml",
    "mismatch_line",
    "report_dict",
    "report_json",
    "shown",
    "status_text",
]

SUITE = "hengelo-scenario check"


# --- numbers for people ---------------------------------------------------------------------------------------


def _decimals(kind: RowKind, places: int | None) -> int:
    if places is not None:
        return places
    return PLACES.get(kind, 2)


def shown(value: Decimal | str, kind: RowKind, places: int | None = None, *, signed: bool = False) -> str:
    """A pinned or found value in Dutch number format: whole euros, with cents where there are any."""
    if isinstance(value, str):
        return value
    if value.is_nan():
        return "-"
    sign = "+" if signed and value > 0 else ""
    if kind is RowKind.MONEY:
        cents = round_half_away(value, CENT)
        return sign + dutch_number(cents, 0 if cents == cents.to_integral_value() else 2)
    if kind is RowKind.PERCENT:
        return sign + dutch_number(value * 100, max(_decimals(kind, places) - 2, 0)) + "%"
    if kind is RowKind.NUMBER:
        exponent = value.normalize().as_tuple().exponent
        digits = min(max(-exponent, 0), 6) if isinstance(exponent, int) else 6
        return sign + dutch_number(value, digits)
    return sign + dutch_number(value, _decimals(kind, places))


def difference_shown(mismatch: Mismatch) -> str:
    difference = mismatch.difference
    if difference is None:
        return ""
    return shown(difference, mismatch.kind, mismatch.places, signed=True)


def _where(mismatch: Mismatch) -> str:
    return f"{mismatch.file}, line {mismatch.line}" if mismatch.line else mismatch.file


def mismatch_line(mismatch: Mismatch, old_new: bool = False) -> str:
    """One mismatch as a line of text: 'geraamd_resultaat 2026: expected 290.772,60, found ..., difference ...'."""
    year = f" {mismatch.year}" if mismatch.year is not None else ""
    words = ("was", "now") if old_new else ("expected", "found")
    text = (
        f"{mismatch.figure}{year}: {words[0]} {shown(mismatch.expected, mismatch.kind, mismatch.places)}, "
        f"{words[1]} {shown(mismatch.found, mismatch.kind, mismatch.places)}"
    )
    difference = difference_shown(mismatch)
    if difference:
        text += f", difference {difference}"
    return f"{text} ({mismatch.pin}: {_where(mismatch)})"


def status_text(result: ScenarioResult) -> str:
    """What was checked and how it went, in a few words: 'expect: 8 figures; snapshot: matches'."""
    parts = []
    expect_misses = sum(1 for m in result.mismatches if m.pin == "expect")
    if result.expectations:
        part = f"expect: {result.expectations} value{'s' if result.expectations != 1 else ''}"
        if expect_misses:
            part += f", {expect_misses} differ{'s' if expect_misses == 1 else ''}"
        parts.append(part)
    else:
        parts.append("no expect")
    snapshot_misses = sum(1 for m in result.mismatches if m.pin == "snapshot")
    state = result.snapshot
    if state is SnapshotState.DIFFERS:
        parts.append(f"snapshot: {snapshot_misses} value{'s differ' if snapshot_misses != 1 else ' differs'}")
    elif state is SnapshotState.UPDATED:
        moved = _moved(result.changes)
        parts.append(f"snapshot updated: {moved}" if moved else "snapshot updated: header only (files or tool)")
    elif state is SnapshotState.WRITTEN:
        parts.append("new snapshot")
    elif state is SnapshotState.MISSING:
        parts.append("no snapshot")
    else:
        parts.append(f"snapshot {state}")
    return "; ".join(parts)


def _moved(changes: tuple[Mismatch, ...]) -> str:
    if not changes:
        return ""
    figures = {c.figure for c in changes}
    years = sorted({c.year for c in changes if c.year is not None})
    text = f"{len(figures)} figure{'s' if len(figures) != 1 else ''} moved"
    if years:
        text += " in " + ", ".join(str(y) for y in years)
    return text


# --- JSON -----------------------------------------------------------------------------------------------------


def _exact(value: Decimal | str) -> str | None:
    if isinstance(value, str):
        return value
    return exact_text(value)


def _mismatch_dict(m: Mismatch) -> dict[str, Any]:
    difference = m.difference
    return {
        "pin": str(m.pin),
        "figure": m.figure,
        "year": m.year,
        "expected": _exact(m.expected),
        "found": _exact(m.found),
        "difference": exact_text(difference) if difference is not None else None,
        "kind": str(m.kind),
        "file": m.file,
        "line": m.line,
    }


def report_dict(report: CheckReport) -> dict[str, Any]:
    """The check as JSON-ready data: exact decimal strings, never floats."""
    return {
        "tool": {"name": "hengelo-scenario", "version": __version__},
        "passed": report.passed,
        "update": report.update,
        "tolerance": exact_text(report.tolerance),
        "baselines": [{"file": file, "sha256": sha} for file, sha in report.baselines],
        "counts": {
            "scenarios": len(report.results),
            "passed": sum(1 for r in report.results if r.passed),
            "failed": len(report.failed),
        },
        "scenarios": [
            {
                "file": r.file,
                "name": r.name,
                "passed": r.passed,
                "expectations": r.expectations,
                "snapshot": {"file": r.snapshot_file, "state": str(r.snapshot)},
                "mismatches": [_mismatch_dict(m) for m in r.mismatches],
                "changes": [_mismatch_dict(m) for m in r.changes],
                "notes": [{"kind": str(n.kind), "text": n.text, "old": n.old, "new": n.new} for n in r.notes],
            }
            for r in report.results
        ],
    }


def report_json(report: CheckReport) -> str:
    return json.dumps(report_dict(report), ensure_ascii=False, indent=2) + "\n"


# --- JUnit XML ------------------------------------------------------------------------------------------------


def _seconds(value: float) -> str:
    return f"{value:.3f}"


def junit_xml(report: CheckReport) -> bytes:
    """One testsuite, one testcase per scenario; a failure lists every mismatch and says why numbers moved."""
    failures = len(report.failed)
    total = len(report.results)
    root = ET.Element(
        "testsuites",
        name=SUITE,
        tests=str(total),
        failures=str(failures),
        errors="0",
        time=_seconds(report.seconds),
    )
    suite = ET.SubElement(
        root,
        "testsuite",
        name=SUITE,
        tests=str(total),
        failures=str(failures),
        errors="0",
        skipped="0",
        time=_seconds(report.seconds),
    )
    properties = ET.SubElement(suite, "properties")
    ET.SubElement(properties, "property", name="tool", value=f"hengelo-scenario {__version__}")
    ET.SubElement(properties, "property", name="tolerance", value=exact_text(report.tolerance) or "0")
    for file, sha in report.baselines:
        ET.SubElement(properties, "property", name="baseline", value=xml_text(f"{file} sha256 {sha}"))
    for r in report.results:
        case = ET.SubElement(
            suite,
            "testcase",
            classname="hengelo-scenario.check",
            name=xml_text(f"{r.file} ({r.name})"),
            file=xml_text(r.file),
            time=_seconds(r.seconds),
        )
        notes = [n.text for n in r.notes]
        if not r.passed:
            if r.unpinned:
                message = "nothing pinned: no expect block and no snapshot"
            else:
                count = len(r.mismatches)
                message = f"{count} pinned value{'s' if count != 1 else ''} differ: {status_text(r)}"
            failure = ET.SubElement(case, "failure", message=xml_text(message), type="mismatch")
            failure.text = xml_text("\n".join([*notes, *(mismatch_line(m) for m in r.mismatches)]) + "\n")
        lines = [status_text(r), *(mismatch_line(m, old_new=True) for m in r.changes)]
        if r.passed:
            lines += notes
        ET.SubElement(case, "system-out").text = xml_text("\n".join(lines) + "\n")
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"
