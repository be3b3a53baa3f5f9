"""From a resolved scenario to bookings: the changes it makes to the budget, as a begrotingswijziging books them.

Each lever (one module in `hengelo_scenario.levers`) turns its change into signed amounts on (programma, soort,
aard[, reserve]) per year; a lever that acts on youth care gives price and volume factors instead, and the engine
books the p × q cost change. A lever that ends up changing no number is an error, with the scenario line that
wrote it: a silent no-op misleads the reader of a memo.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from hengelo_scenario.baseline.model import Baseline
from hengelo_scenario.errors import Origin, Problem, ScenarioError
from hengelo_scenario.levers import lever
from hengelo_scenario.money import ZERO, exact
from hengelo_scenario.outcome.model import Booking, LeverDetail, WeerstandChange
from hengelo_scenario.scenario.model import Scenario

__all__ = [
    "lever_details",
    "no_effect",
    "scenario_bookings",
    "weerstand_changes",
    "youth_care_bookings",
    "youth_care_inputs",
    "youth_care_levers",
]


def no_effect(origin: Origin, found: str, hint: str) -> ScenarioError:
    return ScenarioError(
        [
            Problem(
                origin.file,
                origin.where,
                origin.field,
                "a change against the baseline",
                found,
                hint,
                "scenario.no-change",
            )
        ]
    )


def youth_care_levers(baseline: Baseline, scenario: Scenario) -> list[tuple[str, object, tuple]]:
    """(lever key, change, (price factors, volume factors)) of every lever of the scenario that acts on p × q."""
    found = []
    for key, change in scenario.changes:
        factors = lever(key).youth_care_factors(change, baseline)
        if factors is not None:
            found.append((key, change, factors))
    return found


def youth_care_inputs(baseline: Baseline, scenarios: list[Scenario]) -> tuple[np.ndarray, np.ndarray]:
    """Prices and volumes per variant, segment and year; variant 0 is the baseline, variant i+1 scenario i."""
    n_v, n_s, n_y = len(scenarios) + 1, len(baseline.jeugdhulp), len(baseline.years)
    prices = np.empty((n_v, n_s, n_y), dtype=object)
    volumes = np.empty((n_v, n_s, n_y), dtype=object)
    for s, segment in enumerate(baseline.jeugdhulp):
        prices[:, s, :] = np.array(segment.prices, dtype=object)
        volumes[:, s, :] = np.array(segment.volumes, dtype=object)
    with exact():
        for v, scenario in enumerate(scenarios, start=1):
            for _, _, (price_factors, volume_factors) in youth_care_levers(baseline, scenario):
                for s in range(n_s):
                    prices[v, s, :] = prices[v, s, :] * np.array(price_factors[s], dtype=object)
                    volumes[v, s, :] = volumes[v, s, :] * np.array(volume_factors[s], dtype=object)
    return prices, volumes


def youth_care_bookings(baseline: Baseline, scenario: Scenario, cost_change: tuple, unchanged: bool) -> list[Booking]:
    """The youth-care cost change, booked by the (first) lever that acts on p × q; an error if none moved p or q."""
    levers = youth_care_levers(baseline, scenario)
    if not levers:
        return []
    key, change, _ = levers[0]
    if unchanged:
        origin = lever(key).origin_of(change) or Origin(scenario.source, None, key)
        raise no_effect(
            origin,
            "prices and volumes equal to the baseline",
            "the changed segments have no volume or price in the years changed",
        )
    if len(levers) == 1:
        booking = lever(key).youth_care_booking(change, baseline, cost_change)
        return [booking] if booking is not None else []
    return _stacked_youth_care_bookings(baseline, levers)


def _stacked_youth_care_bookings(baseline: Baseline, levers: list[tuple[str, object, tuple]]) -> list[Booking]:
    """Several levers on p × q: each books the cost it adds on top of the levers before it (registry order).

    The jeugdhulp lever comes first, so an index applied next (lopende prijzen) works on the scenario's volumes;
    the parts add up exactly to the total cost change.
    """
    n_y = len(baseline.years)
    prices = [list(segment.prices) for segment in baseline.jeugdhulp]
    volumes = [list(segment.volumes) for segment in baseline.jeugdhulp]
    bookings: list[Booking] = []
    with exact():

        def cost() -> list:
            return [sum((p[y] * q[y] for p, q in zip(prices, volumes, strict=True)), ZERO) for y in range(n_y)]

        previous = cost()
        for key, change, (price_factors, volume_factors) in levers:
            for s in range(len(prices)):
                prices[s] = [p * f for p, f in zip(prices[s], price_factors[s], strict=True)]
                volumes[s] = [q * f for q, f in zip(volumes[s], volume_factors[s], strict=True)]
            current = cost()
            added = tuple(c - p for c, p in zip(current, previous, strict=True))
            previous = current
            if any(a != 0 for a in added):
                booking = lever(key).youth_care_booking(change, baseline, added)
                if booking is not None:
                    bookings.append(booking)
    return bookings


def scenario_bookings(baseline: Baseline, scenario: Scenario) -> list[Booking]:
    """Every lever's bookings, in the registry's order (youth care's come from the p × q arrays, separately)."""
    bookings: list[Booking] = []
    with exact():
        for key, change in scenario.changes:
            bookings += lever(key).bookings(change, baseline)
    return bookings


def weerstand_changes(baseline: Baseline, scenario: Scenario) -> list[WeerstandChange]:
    """Every lever's changes of the available weerstandscapaciteit other than reserves."""
    changes: list[WeerstandChange] = []
    with exact():
        for key, change in scenario.changes:
            changes += lever(key).weerstand_changes(change, baseline)
    return changes


def lever_details(baseline: Baseline, scenario: Scenario, bookings: Sequence[Booking]) -> list[LeverDetail]:
    """Every lever's own schedules (kapitaallasten per investment, indexation per line), in registry order."""
    details: list[LeverDetail] = []
    with exact():
        for key, change in scenario.changes:
            details += lever(key).details(change, baseline, bookings)
    return details
