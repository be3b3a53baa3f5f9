"""The full, unrounded outcome as JSON for scripts: amounts are exact decimal strings, never floats."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from hengelo_scenario import __version__
from hengelo_scenario.money import exact_text
from hengelo_scenario.outcome.model import Conclusie, Effects, Figure, Outcome
from hengelo_scenario.records import field_names
from hengelo_scenario.report import tables

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


def _effects(effects: Effects) -> dict[str, Any]:
    return {
        "saldo_baten_lasten": _values(effects.saldo),
        "geraamd_resultaat": _values(effects.resultaat),
        "structureel_saldo": _values(effects.structureel),
    }


def _conclusie(conclusie: Conclusie, label: str, years: tuple[int, ...]) -> dict[str, Any]:
    return {
        "status": str(conclusie.status),
        "toezicht": str(conclusie.toezicht),
        "grond": str(conclusie.grond),
        "years": [
            {
                "year": j.year,
                "begrotingsjaar": i == 0,
                "structureel_saldo": exact_text(j.structureel_saldo),
                "structureel_in_evenwicht": j.structureel,
                "structureel_saldo_zonder_onzeker": exact_text(j.reeel_saldo),
                "reeel_in_evenwicht": j.reeel,
            }
            for i, j in enumerate(conclusie.jaren)
        ],
        "text": [tables.conclusie_summary(label, conclusie, years), *tables.year_lines(conclusie)],
    }


def _table(table: tables.Table) -> dict[str, Any]:
    return {
        "key": table.key,
        "title": table.title,
        "rows": [
            {
                "labels": list(row.labels),
                "values": [v if isinstance(v, str) or v is None else exact_text(v) for v in row.values],
                "total_of": list(row.total_of),
            }
            for row in table.rows
        ],
    }


def outcome_dict(outcome: Outcome) -> dict[str, Any]:
    o = outcome.overview
    return {
        "tool": {"name": "hengelo-scenario", "version": __version__},
        "scenario": {"name": outcome.scenario_name, "file": outcome.scenario_source},
        "baseline": {"file": outcome.baseline_source},
        "years": list(outcome.years),
        "units": "euro; 'effect': + = voordelig, - = nadelig; 'verschil' = scenario - basis",
        "overview": {name: _figure(getattr(o, name)) for name in field_names(o)},
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
                "structurele_mutaties_toegestaan": r.reserve.structurele_mutaties,
                "opening": _figure(r.opening),
                "toevoegingen": _figure(r.toevoegingen),
                "onttrekkingen": _figure(r.onttrekkingen),
                "resultaatbestemming": _figure(r.resultaat) if r.resultaat is not None else None,
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
            "klassen": [
                {"klasse": g.klasse, "ondergrens": exact_text(g.ondergrens), "inclusief": g.inclusief}
                for g in outcome.weerstand.grenzen
            ],
            "norm": exact_text(outcome.weerstand.norm),
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
        "resultaatbestemming": {
            "basis": "algemene reserve" if outcome.resultaatbestemming_baseline else "geen",
            "scenario": "algemene reserve" if outcome.resultaatbestemming_scenario else "geen",
        },
        "verdict": {"basis": str(outcome.verdict_baseline), "scenario": str(outcome.verdict_scenario)},
        "conclusie": {
            "basis": _conclusie(outcome.conclusie_baseline, "Basis", outcome.years),
            "scenario": _conclusie(outcome.conclusie_scenario, "Scenario", outcome.years),
        },
        "signals": [
            {
                "kind": str(s.kind),
                "subject": s.subject,
                "years": list(s.years),
                "amounts": _values(s.amounts),
                "number": exact_text(s.number) if s.number is not None else None,
                "detail": s.detail,
                "in_baseline": s.in_baseline,
                "text": tables.signal_text(s, outcome.years),
            }
            for s in outcome.signals
        ],
        "effects": _effects(outcome.effects) if outcome.effects is not None else None,
        "measure_effects": [{"measure": name, **_effects(e)} for name, e in outcome.measure_effects],
        "bbv": {t.key: _table(t) for t in tables.bbv_tables(outcome)} if outcome.bbv is not None else None,
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
                "effects": _effects(e),
                "source": {"file": b.origin.file, "line": b.origin.line, "field": b.origin.field} if b.origin else None,
            }
            for b, e in zip(outcome.bookings, outcome.booking_effects, strict=True)
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
    """The outcome as indented JSON text: the same text `json.dumps(..., ensure_ascii=False, indent=2)` writes
    (a test compares them), made by msgspec's encoder in C; the standard library's indenting encoder is pure
    Python, a few percent of a `run --format json`. The dictionary holds only text, integers, booleans and None."""
    import msgspec

    return msgspec.json.format(msgspec.json.encode(outcome_dict(outcome)), indent=2).decode("utf-8") + "\n"
