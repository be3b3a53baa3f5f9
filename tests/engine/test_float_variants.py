"""The same budget rules run on float arrays (for sweeps of thousands of variants) and agree with exact money."""

from __future__ import annotations

import dataclasses

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from hengelo_scenario.engine import build_ledger, evaluate_many, rules
from hengelo_scenario.errors import ScenarioError
from hengelo_scenario.records import replace

from .test_properties import baselines, scenarios


def as_float(ledger: rules.Ledger) -> rules.Ledger:
    converted = {
        field.name: np.asarray(getattr(ledger, field.name), dtype=float)
        for field in dataclasses.fields(ledger)
        if isinstance(getattr(ledger, field.name), np.ndarray) and getattr(ledger, field.name).dtype == object
    }
    return replace(ledger, **converted)


@settings(max_examples=30)
@given(st.data())
def test_float_and_decimal_give_the_same_totals(data):
    baseline = data.draw(baselines())
    many = data.draw(st.lists(scenarios(baseline), min_size=1, max_size=3))
    try:
        exact = evaluate_many(baseline, many)
    except ScenarioError:
        return
    programma_index = {p.code: i for i, p in enumerate(baseline.programmas)}
    reserve_index = {r.naam: i for i, r in enumerate(baseline.reserves)}
    ledger = build_ledger(baseline, list(exact.bookings), programma_index, reserve_index, scenarios=many)
    fast = rules.evaluate(as_float(ledger))
    names = ("geraamd_resultaat", "structureel_saldo", "reserve_closing", "programma_lasten", "reeel_structureel_saldo")
    for name in names:
        a = np.asarray(getattr(exact.totals, name), dtype=float)
        b = getattr(fast, name)
        assert b.dtype == float
        np.testing.assert_allclose(b, a, rtol=1e-9, atol=0.01)
