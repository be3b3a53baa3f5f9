"""Several scenarios side by side: chosen outcome figures per year, each scenario against the one baseline.

Pure: outcomes in, a report `Table` (and a JSON-ready dict) out. The console, CSV and Excel render the table as
they render the tables of `run`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from decimal import Decimal
from pathlib import PurePath
from typing import Any

from hengelo_scenario.outcome.figures import DEFAULT_FIGURES, FIGURES, FigureSpec, figure_spec
from hengelo_scenario.outcome.model import Conclusie, Figure, JaarEvenwicht, Outcome, Toezicht
from hengelo_scenario.report.tables import BASIS, Kind, Row, Table, Value

__all__ = [
    "DEFAULT_FIGURES",
    "FIGURES",
    "FigureSpec",
    "comparison_dict",
    "comparison_table",
    "figure_spec",
    "variant_names",
]


def variant_names(outcomes: Sequence[Outcome]) -> tuple[str, ...]:
    """Each scenario's name; the file is added where two scenarios share a name (counted once: linear in N)."""
    counts = Counter(o.scenario_name for o in outcomes)
    return tuple(
        f"{o.scenario_name} ({o.scenario_source})" if counts[o.scenario_name] > 1 else o.scenario_name for o in outcomes
    )


def _difference(figure: Figure, kind: Kind) -> tuple[Value, ...]:
    if kind is Kind.MONEY:
        return figure.effect
    return tuple(None if d.is_nan() else d for d in figure.difference)


def _nan_to_none(values: tuple[Decimal, ...]) -> tuple[Value, ...]:
    return tuple(None if v.is_nan() else v for v in values)


def comparison_table(outcomes: Sequence[Outcome], figures: Sequence[FigureSpec]) -> Table:
    """Per figure: the baseline once, then per scenario its value and its verschil against the baseline.

    All outcomes must come from the same baseline (the caller loads it once); a figure the baseline lacks (no
    algemene reserve) is left out.
    """
    if not outcomes:
        raise ValueError("nothing to compare")
    years = outcomes[0].years
    if any(o.years != years or o.baseline_source != outcomes[0].baseline_source for o in outcomes):
        raise ValueError("outcomes of different baselines cannot be compared")
    names = variant_names(outcomes)
    rows: list[Row] = []
    shown: list[str] = []
    for spec in figures:
        first = spec.get(outcomes[0])
        if first is None:
            continue
        shown.append(spec.label)
        difference_kind = {Kind.MONEY: Kind.EFFECT, Kind.PERCENT: Kind.PERCENTAGE_POINT}.get(spec.kind, spec.kind)
        rows.append(Row((spec.label, "Basis (begroting)", BASIS), _nan_to_none(first.baseline), spec.kind))
        for name, outcome in zip(names, outcomes, strict=True):
            figure = spec.get(outcome)
            assert figure is not None  # same baseline, same reserves
            rows.append(Row((spec.label, name, "scenario"), _nan_to_none(figure.scenario), spec.kind))
            rows.append(Row((spec.label, name, "verschil"), _difference(figure, spec.kind), difference_kind))
        rows[-1] = Row(rows[-1].labels, rows[-1].values, rows[-1].kind, section_end=True)
    rows += verdict_rows(outcomes, names)
    return Table(
        "vergelijking",
        "Vergelijking van scenario's",
        ("Onderdeel", "Scenario", "Regel"),
        tuple(str(y) for y in years),
        tuple(rows),
        (
            "Elk scenario tegen dezelfde basis (" + PurePath(outcomes[0].baseline_source).name + "); verschil = "
            "scenario − basis, "
            "naar het effect op de begroting: + = voordelig (V), − = nadelig (N).",
            VERDICT_NOTE,
        ),
    )


VERDICT_LABEL = "Structureel en reëel evenwicht (indicatie)"


def _year_word(j: JaarEvenwicht) -> str:
    if j.in_evenwicht:
        return "ja"
    return "niet reëel" if j.structureel else "tekort"


VERDICT_NOTE = (
    "Evenwicht per jaar: ja = structureel en reëel in evenwicht; niet reëel = structureel in evenwicht, maar niet "
    "zonder stelposten en taakstellingen; tekort = structureel tekort. Regel: repressief = indicatie repressief "
    "toezicht, preventief = risico op preventief toezicht (Gemeentewet art. 203); een indicatie, geen oordeel van "
    "de provincie."
)


def verdict_rows(outcomes: Sequence[Outcome], names: Sequence[str]) -> list[Row]:
    """One row per scenario (and one for the basis): per year in evenwicht / alleen structureel / tekort, and
    the status with the indicated toezicht in the row's label."""

    def row(name: str, conclusie: Conclusie) -> Row:
        label = "repressief" if conclusie.toezicht is Toezicht.REPRESSIEF else "preventief"
        return Row((VERDICT_LABEL, name, label), tuple(_year_word(j) for j in conclusie.jaren), Kind.TEXT)

    rows = [row("Basis (begroting)", outcomes[0].conclusie_baseline)]
    rows += [row(name, o.conclusie_scenario) for name, o in zip(names, outcomes, strict=True)]
    rows[-1] = Row(rows[-1].labels, rows[-1].values, rows[-1].kind, section_end=True)
    return rows


def comparison_dict(outcomes: Sequence[Outcome], figures: Sequence[FigureSpec]) -> dict[str, Any]:
    """The comparison as JSON-ready data: exact decimal strings, never floats."""
    from hengelo_scenario import __version__
    from hengelo_scenario.report.json_output import exact_text

    def values(vs: tuple[Decimal, ...]) -> list[str | None]:
        return [exact_text(v) for v in vs]

    names = variant_names(outcomes)
    result: dict[str, Any] = {
        "tool": {"name": "hengelo-scenario", "version": __version__},
        "baseline": {"file": outcomes[0].baseline_source},
        "years": list(outcomes[0].years),
        "units": "euro; 'effect': + = voordelig, - = nadelig; 'verschil' = scenario - basis",
        "scenarios": [{"name": n, "file": o.scenario_source} for n, o in zip(names, outcomes, strict=True)],
        "figures": [],
    }
    for spec in figures:
        first = spec.get(outcomes[0])
        if first is None:
            continue
        entry: dict[str, Any] = {"key": spec.key, "label": spec.label, "basis": values(first.baseline), "scenarios": []}
        for name, outcome in zip(names, outcomes, strict=True):
            figure = spec.get(outcome)
            assert figure is not None
            entry["scenarios"].append(
                {
                    "name": name,
                    "scenario": values(figure.scenario),
                    "verschil": values(figure.difference),
                    "effect": values(figure.effect),
                }
            )
        result["figures"].append(entry)
    result["verdicts"] = [
        {
            "name": name,
            "status": str(o.conclusie_scenario.status),
            "toezicht": str(o.conclusie_scenario.toezicht),
            "years": [
                {"year": j.year, "structureel": j.structureel, "reeel": j.reeel} for j in o.conclusie_scenario.jaren
            ],
        }
        for name, o in zip(names, outcomes, strict=True)
    ]
    return result
