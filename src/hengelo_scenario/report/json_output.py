"""The full, unrounded outcome as JSON for scripts: amounts are exact decimal strings, never floats."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from hengelo_scenario import __version__
from hengelo_scenario.money import exact_text
from hengelo_scenario.outcome.model import Figure, Outcome

__all__ = ["exact_text", "outcome_dict", "outcome_json"]


def _values(values: tuple[Decimal, ...]) -> list[str | None]:
    return [exact_text(v) for v in values]


def _figure(figure: Figure) -> dict[str, Any]:
    return {
        "basis": _values(figure.baseline),
        "scenario": _values(figure.scenario),
        "verschil": _values(figure.difference),
        "effect": _values(figure.effect),
    }


def outcome_dict(outcome: Outcome) -> dict[str, Any]:
    o = outcome.overview
    return {
        "tool": {"name": "hengelo-scenario", "version": __version__},
        "scenario": {"name": outcome.scenario_name, "file": outcome.scenario_source},
        "baseline": {"file": outcome.baseline_source},
        "years": list(outcome.years),
        "units": "euro; 'effect': + = voordelig, - = nadelig; 'verschil' = scenario - basis",
        "overview": {name: _figure(getattr(o, name)) for name in o.__dataclass_fields__},
        "programmas": [
            {
                "code": p.programma.code,
                "naam": p.programma.naam,
                "lasten": _figure(p.lasten),
                "baten": _figure(p.baten),
                "saldo": _figure(p.saldo),
                "toevoegingen": _figure(p.toevoegingen),
                "onttrekkingen": _figure(p.onttrekkingen),
            }
            for p in outcome.programmas
        ],
        "reserves": [
            {
                "naam": r.reserve.naam,
                "soort": str(r.reserve.soort),
                "opening": _figure(r.opening),
                "toevoegingen": _figure(r.toevoegingen),
                "onttrekkingen": _figure(r.onttrekkingen),
                "closing": _figure(r.closing),
            }
            for r in outcome.reserves
        ],
        "weerstand": {
            "beschikbaar": _figure(outcome.weerstand.beschikbaar),
            "benodigd": _figure(outcome.weerstand.benodigd),
            "ratio": _figure(outcome.weerstand.ratio),
            "klasse": {
                "basis": list(outcome.weerstand.klasse_baseline),
                "scenario": list(outcome.weerstand.klasse_scenario),
            },
        },
        "jeugdhulp": {
            "cost": _figure(outcome.jeugdhulp.cost),
            "price_effect": _values(outcome.jeugdhulp.price_effect),
            "volume_effect": _values(outcome.jeugdhulp.volume_effect),
            "interaction": _values(outcome.jeugdhulp.interaction),
            "segments": [
                {
                    "naam": s.naam,
                    "unit": s.unit,
                    "price": _figure(s.price),
                    "volume": _figure(s.volume),
                    "cost": _figure(s.cost),
                    "price_effect": _values(s.price_effect),
                    "volume_effect": _values(s.volume_effect),
                    "interaction": _values(s.interaction),
                }
                for s in outcome.jeugdhulp.segments
            ],
        },
        "transformatieplan": {
            "taakstelling": _values(outcome.transformatieplan.taakstelling),
            "ingevuld": _values(outcome.transformatieplan.ingevuld),
            "open": _values(outcome.transformatieplan.open),
            "niet_gerealiseerd": _figure(outcome.transformatieplan.niet_gerealiseerd),
        },
        "verdict": {"basis": str(outcome.verdict_baseline), "scenario": str(outcome.verdict_scenario)},
        "signals": list(outcome.signals),
        "bookings": [
            {
                "measure": b.measure,
                "description": b.description,
                "lever": str(b.lever),
                "programma": b.programma,
                "soort": str(b.soort),
                "aard": str(b.aard),
                "reserve": b.reserve,
                "amounts": _values(b.amounts),
                "effect": _values(b.effect),
                "source": {"file": b.origin.file, "line": b.origin.line, "field": b.origin.field} if b.origin else None,
            }
            for b in outcome.bookings
        ],
        "weerstand_changes": [
            {"post": w.post, "lever": w.lever, "amounts": _values(w.amounts)} for w in outcome.weerstand_changes
        ],
        "details": [
            {
                "lever": detail.lever,
                "kind": detail.kind,
                "rows": [
                    {"labels": list(row.labels), "part": row.part, "total": row.total, "amounts": _values(row.amounts)}
                    for row in detail.rows
                ],
            }
            for detail in outcome.details
        ],
    }


def outcome_json(outcome: Outcome) -> str:
    return json.dumps(outcome_dict(outcome), ensure_ascii=False, indent=2) + "\n"
