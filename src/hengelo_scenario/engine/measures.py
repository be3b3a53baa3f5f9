"""From a resolved scenario to bookings: the changes it makes to the budget, as a begrotingswijziging books them.

Each lever becomes signed changes on (programma, soort, aard[, reserve]) per year. A lever that ends up changing
no number is an error here, with the scenario line that wrote it: a silent no-op misleads the reader of a memo.
"""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

import numpy as np

from hengelo_scenario.baseline.model import Aard, Amounts, Baseline, Line, Soort
from hengelo_scenario.errors import Origin, Problem, ScenarioError
from hengelo_scenario.money import ZERO, exact
from hengelo_scenario.outcome.model import Booking, Lever
from hengelo_scenario.scenario.model import AmountsChange, Scenario

JEUGDHULP_KEY = "jeugdhulp"
WIJKAANPAK_KEY = "wijkaanpak"
LEEFBARE_WIJKEN_KEY = "fonds_leefbare_wijken"


def no_effect(origin: Origin, found: str, hint: str) -> ScenarioError:
    return ScenarioError(
        [Problem(origin.file, origin.where, origin.field, "a change against the baseline", found, hint)]
    )


def negative_mutation(origin: Origin, soort: Soort, years: str) -> ScenarioError:
    """A negative toevoeging or onttrekking would silently run the reserve the other way: refused."""
    other = "toevoeging" if soort is Soort.ONTTREKKING else "onttrekking"
    return ScenarioError(
        [
            Problem(
                origin.file,
                origin.where,
                origin.field or "amounts",
                f"amounts of 0 or more for {'an' if soort is Soort.ONTTREKKING else 'a'} {soort.value}",
                f"a negative amount in {years}",
                f"money going the other way is a {other}: write `soort: {other}` with positive amounts",
            )
        ]
    )


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
            change = scenario.jeugdhulp
            if change is None:
                continue
            for s in range(n_s):
                prices[v, s, :] = prices[v, s, :] * np.array(change.price_factors[s], dtype=object)
                volumes[v, s, :] = volumes[v, s, :] * np.array(change.volume_factors[s], dtype=object)
    return prices, volumes


def youth_care_booking(baseline: Baseline, scenario: Scenario, cost_change: Amounts) -> Booking | None:
    """The youth-care cost change booked on the programme's lasten (structural unless the file says otherwise)."""
    change = scenario.jeugdhulp
    if change is None:
        return None
    line = baseline.line(JEUGDHULP_KEY)
    programma = change.programma or (line.programma if line else None)
    if programma is None:
        raise ScenarioError(
            [
                Problem(
                    change.origin.file,
                    change.origin.where,
                    "jeugdhulp.programma",
                    "a programme to book the youth-care change on",
                    "no programme, and the baseline has no line with Sleutel 'jeugdhulp'",
                    "add `programma: 6` to the jeugdhulp section",
                )
            ]
        )
    return Booking(
        measure="Jeugdhulp (prijs en volume)",
        description="Kosten jeugdhulp p x q per segment t.o.v. de basis",
        programma=programma,
        soort=Soort.LAST,
        aard=change.aard,
        amounts=cost_change,
        origin=change.origin,
        lever=Lever.JEUGDHULP,
    )


def scenario_bookings(baseline: Baseline, scenario: Scenario) -> list[Booking]:
    """Every booking except youth care (which the engine computes from the p x q arrays)."""
    bookings: list[Booking] = []
    with exact():
        if scenario.wijkaanpak is not None:
            bookings += _wijkaanpak(baseline, scenario.wijkaanpak)
        if scenario.leefbare_wijken is not None:
            bookings += _leefbare_wijken(baseline, scenario)
        if scenario.transformatieplan is not None:
            bookings += _transformatieplan(baseline, scenario)
        for measure in scenario.measures:
            if all(a == 0 for a in measure.amounts):
                raise no_effect(measure.origin, "0 in every year", "give a non-zero amount or remove the measure")
            if measure.soort.is_reserve_mutation and any(a < 0 for a in measure.amounts):
                negative = [str(y) for y, a in zip(baseline.years, measure.amounts, strict=True) if a < 0]
                raise negative_mutation(measure.origin, measure.soort, ", ".join(negative))
            bookings.append(
                Booking(
                    measure.name,
                    measure.description,
                    measure.programma,
                    measure.soort,
                    measure.aard,
                    measure.amounts,
                    measure.reserve,
                    measure.origin,
                    Lever.MEASURE,
                )
            )
            if measure.dekking is not None:
                bookings.append(
                    Booking(
                        f"{measure.name}: dekking",
                        f"Onttrekking {measure.dekking}",
                        measure.programma,
                        Soort.ONTTREKKING,
                        Aard.INCIDENTEEL,
                        measure.amounts,
                        measure.dekking,
                        measure.origin,
                        Lever.MEASURE,
                    )
                )
    return bookings


def _line_changes(line: Line, change: AmountsChange) -> dict[Aard, list[Decimal]]:
    """Signed lasten changes per aard when a keyed line gets new amounts and/or a new aard."""
    changes: dict[Aard, list[Decimal]] = defaultdict(lambda: [ZERO] * len(line.amounts))
    for i, (old, new, new_aard) in enumerate(zip(line.amounts, change.amounts, change.aard, strict=True)):
        if new is None and new_aard is None:
            continue
        target = old if new is None else new
        aard = line.aard if new_aard is None else new_aard
        if aard is line.aard:
            changes[aard][i] += target - old
        else:  # reclassification: the old amount leaves its aard, the new one enters the other
            changes[line.aard][i] -= old
            changes[aard][i] += target
    return changes


def _keyed_line(baseline: Baseline, key: str, origin: Origin) -> Line:
    line = baseline.line(key)
    if line is None:
        raise ScenarioError(
            [
                Problem(
                    origin.file,
                    origin.where,
                    origin.field,
                    f"a baseline line with Sleutel '{key}'",
                    "none in the baseline workbook",
                    f"mark the line in sheet 'Lasten en baten' with Sleutel {key}",
                )
            ]
        )
    return line


def _line_bookings(
    name: str, line: Line, changes: dict[Aard, list[Decimal]], origin: Origin, lever: Lever
) -> list[Booking]:
    return [
        Booking(name, line.description, line.programma, Soort.LAST, aard, tuple(amounts), None, origin, lever)
        for aard, amounts in sorted(changes.items())
        if any(a != 0 for a in amounts)
    ]


def _wijkaanpak(baseline: Baseline, change: AmountsChange) -> list[Booking]:
    line = _keyed_line(baseline, WIJKAANPAK_KEY, change.origin)
    bookings = _line_bookings("Wijkaanpak", line, _line_changes(line, change), change.origin, Lever.WIJKAANPAK)
    if not bookings:
        raise no_effect(
            change.origin,
            "the baseline's own amounts and aard",
            "the wijkaanpak in the scenario equals the baseline; remove the section or change an amount",
        )
    return bookings


def _leefbare_wijken(baseline: Baseline, scenario: Scenario) -> list[Booking]:
    change = scenario.leefbare_wijken
    assert change is not None
    line = _keyed_line(baseline, LEEFBARE_WIJKEN_KEY, change.origin)
    name = "Fonds leefbare wijken"
    bookings = _line_bookings(name, line, _line_changes(line, change), change.origin, Lever.LEEFBARE_WIJKEN)

    # The cover follows the fund: the new lasten come from the chosen reserve (or the begrotingssaldo).
    baseline_cover = baseline.mutations_with_key(LEEFBARE_WIJKEN_KEY)
    if change.dekking_given:
        reserve = change.dekking
    else:
        reserve = baseline_cover[0].reserve if baseline_cover else None
    new_lasten = [old if new is None else new for old, new in zip(line.amounts, change.amounts, strict=True)]
    cover_change: dict[str, list[Decimal]] = defaultdict(lambda: [ZERO] * len(baseline.years))
    for mutation in baseline_cover:
        for i, amount in enumerate(mutation.amounts):
            cover_change[mutation.reserve][i] -= amount if mutation.soort is Soort.ONTTREKKING else -amount
    if reserve is not None:
        for i, amount in enumerate(new_lasten):
            cover_change[reserve][i] += amount
    for reserve_naam, amounts in cover_change.items():
        if any(a != 0 for a in amounts):
            bookings.append(
                Booking(
                    f"{name}: dekking",
                    f"Onttrekking {reserve_naam}",
                    line.programma,
                    Soort.ONTTREKKING,
                    Aard.INCIDENTEEL,
                    tuple(amounts),
                    reserve_naam,
                    change.origin,
                    Lever.LEEFBARE_WIJKEN,
                )
            )
    if not bookings:
        raise no_effect(
            change.origin,
            "the baseline's own amounts, aard and dekking",
            "the fund in the scenario equals the baseline; remove the section or change something",
        )
    return bookings


def _transformatieplan(baseline: Baseline, scenario: Scenario) -> list[Booking]:
    change = scenario.transformatieplan
    assert change is not None
    bookings = []
    for onderdeel, shares in zip(baseline.transformatieplan, change.realisatie, strict=True):
        shortfall = tuple((1 - share) * target for share, target in zip(shares, onderdeel.amounts, strict=True))
        if any(a != 0 for a in shortfall):
            bookings.append(
                Booking(
                    f"Transformatieplan: {onderdeel.naam}",
                    "Niet gerealiseerde besparing (taakstelling)",
                    onderdeel.programma,
                    Soort.LAST,
                    change.aard,
                    shortfall,
                    None,
                    change.origin,
                    Lever.TRANSFORMATIEPLAN,
                )
            )
    if not bookings:
        raise no_effect(
            change.origin,
            "a realisation that leaves every saving as budgeted",
            "a share below or above 100% of a non-zero target changes the lasten",
        )
    return bookings
