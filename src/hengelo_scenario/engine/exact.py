"""The exact engine: baseline and scenarios in, outcomes out, in Decimal euros. No I/O, no terminal.

`run` evaluates one scenario against the baseline; `run_many` several in one pass; `evaluate_many` is that pass
(variant 0 is the baseline) with the rules of `engine.rules`, returning the arrays an Outcome is built from.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

import numpy as np

from hengelo_scenario.baseline.model import (
    Aard,
    Baseline,
    Invulling,
    ReserveSoort,
    Resultaatbestemming,
    Soort,
    Weerstandsoort,
)
from hengelo_scenario.engine import rules
from hengelo_scenario.engine.measures import (
    lever_details,
    scenario_bookings,
    weerstand_changes,
    youth_care_bookings,
    youth_care_inputs,
)
from hengelo_scenario.errors import BaselineError, Problem, ScenarioError
from hengelo_scenario.levers.transformatieplan import KEY as TRANSFORMATIEPLAN
from hengelo_scenario.money import ZERO, exact
from hengelo_scenario.outcome.model import (
    BbvOverzichten,
    Booking,
    Effects,
    Figure,
    JeugdhulpOutcome,
    Outcome,
    Overview,
    ProgrammaOutcome,
    ReserveOutcome,
    SegmentOutcome,
    Signal,
    SignalKind,
    TransformatieOutcome,
    WeerstandChange,
    WeerstandOutcome,
)
from hengelo_scenario.records import Record
from hengelo_scenario.scenario.model import Scenario

__all__ = ["Evaluation", "build_ledger", "evaluate_many", "run", "run_many"]


class Evaluation(Record, frozen=True):
    """Arrays for the baseline (variant 0) and each scenario (variant i + 1), plus each scenario's bookings."""

    totals: rules.Totals
    prices: np.ndarray  # (V, S, Y)
    volumes: np.ndarray
    costs: np.ndarray  # (V, S, Y): p x q, computed once (rules.youth_care_cost)
    bookings: tuple[tuple[Booking, ...], ...]  # per scenario
    weerstand_changes: tuple[tuple[WeerstandChange, ...], ...] = ()  # per scenario


def _sum_amounts(rows: Sequence[Sequence[Decimal]], n_years: int) -> np.ndarray:
    total = np.array([ZERO] * n_years, dtype=object)
    for row in rows:
        total = total + np.array(row, dtype=object)
    return total


def evaluate_many(baseline: Baseline, scenarios: Sequence[Scenario]) -> Evaluation:
    """Evaluate every scenario against the baseline in one pass of the budget rules."""
    scenarios = list(scenarios)
    programma_index = {p.code: i for i, p in enumerate(baseline.programmas)}
    reserve_index = {r.naam: i for i, r in enumerate(baseline.reserves)}

    prices, volumes = youth_care_inputs(baseline, scenarios)
    with exact():
        costs = rules.youth_care_cost(prices, volumes)
        segment_total = np.add.reduce(costs, axis=1, initial=ZERO)  # (V, Y)
        per_scenario: list[tuple[Booking, ...]] = []
        for v, scenario in enumerate(scenarios, start=1):
            unchanged = np.array_equal(prices[v], prices[0]) and np.array_equal(volumes[v], volumes[0])
            change = tuple(segment_total[v] - segment_total[0])
            bookings = youth_care_bookings(baseline, scenario, change, unchanged)
            bookings += scenario_bookings(baseline, scenario)
            per_scenario.append(tuple(bookings))
        weerstand = [tuple(weerstand_changes(baseline, scenario)) for scenario in scenarios]

        ledger = build_ledger(baseline, per_scenario, programma_index, reserve_index, weerstand, scenarios)
        totals = rules.evaluate(ledger)
    return Evaluation(totals, prices, volumes, costs, tuple(per_scenario), tuple(weerstand))


def takes_resultaat(baseline: Baseline, scenario: Scenario | None) -> bool:
    """Whether the variant books its geraamd resultaat to the algemene reserve: the scenario's choice, else the
    workbook's (default: yes, because a deficit is in practice covered from the algemene reserve)."""
    chosen = scenario.resultaatbestemming if scenario is not None else None
    if chosen is None:
        chosen = baseline.instellingen.resultaatbestemming
    return chosen is Resultaatbestemming.ALGEMENE_RESERVE and baseline.algemene_reserve is not None


def open_taakstelling(baseline: Baseline, scenario: Scenario | None) -> tuple[Decimal, ...]:
    """The unfilled part of the transformatieplan the variant's lasten still count on: the open onderdelen times
    the share the scenario realises (100% when it says nothing), per year."""
    n_y = len(baseline.years)
    total = [ZERO] * n_y
    change = scenario.transformatieplan if scenario is not None else None
    with exact():
        for i, onderdeel in enumerate(baseline.transformatieplan):
            if onderdeel.invulling is not Invulling.OPEN:
                continue
            shares = change.realisatie[i] if change is not None else (Decimal(1),) * n_y
            for y in range(n_y):
                total[y] += shares[y] * onderdeel.amounts[y]
    return tuple(total)


def build_ledger(
    baseline: Baseline,
    per_scenario: list[tuple[Booking, ...]],
    programma_index: dict[str, int],
    reserve_index: dict[str, int],
    weerstand_per_scenario: Sequence[Sequence[WeerstandChange]] = (),
    scenarios: Sequence[Scenario] | None = None,
) -> rules.Ledger:
    """Baseline rows as they are, plus one row per distinct booking signature, filled per variant.

    The levers' changes of the available weerstandscapaciteit (other than reserves) become a (V, Y) delta.
    """
    n_v, n_y = len(per_scenario) + 1, len(baseline.years)
    line_rows: list[tuple[str, Soort, Aard]] = []
    mutation_rows: list[tuple[str, Soort, Aard, str]] = []
    for bookings in per_scenario:
        for b in bookings:
            if b.soort.is_reserve_mutation:
                assert b.reserve is not None
                signature = (b.programma, b.soort, b.aard, b.reserve)
                if signature not in mutation_rows:
                    mutation_rows.append(signature)
            elif (b.programma, b.soort, b.aard) not in line_rows:
                line_rows.append((b.programma, b.soort, b.aard))

    n_lines = len(baseline.lines) + len(line_rows)
    n_mutations = len(baseline.mutations) + len(mutation_rows)
    line_amounts = np.full((n_v, n_lines, n_y), ZERO, dtype=object)
    mutation_amounts = np.full((n_v, n_mutations, n_y), ZERO, dtype=object)
    for i, line in enumerate(baseline.lines):
        line_amounts[:, i, :] = np.array(line.amounts, dtype=object)
    for i, mutation in enumerate(baseline.mutations):
        mutation_amounts[:, i, :] = np.array(mutation.amounts, dtype=object)
    for v, bookings in enumerate(per_scenario, start=1):
        for b in bookings:
            amounts = np.array(b.amounts, dtype=object)
            if b.soort.is_reserve_mutation:
                assert b.reserve is not None  # a reserve mutation always names its reserve
                row = len(baseline.mutations) + mutation_rows.index((b.programma, b.soort, b.aard, b.reserve))
                mutation_amounts[v, row, :] = mutation_amounts[v, row, :] + amounts
            else:
                row = len(baseline.lines) + line_rows.index((b.programma, b.soort, b.aard))
                line_amounts[v, row, :] = line_amounts[v, row, :] + amounts

    lines_meta = [(x.programma, x.soort, x.aard) for x in baseline.lines] + line_rows
    mutations_meta = [(m.programma, m.soort, m.aard, m.reserve) for m in baseline.mutations] + mutation_rows
    weerstand = baseline.weerstand
    may_be_structural = {r.naam: r.structurele_mutaties for r in baseline.reserves}
    variants: list[Scenario | None] = [None, *(scenarios if scenarios is not None else [None] * (n_v - 1))]
    ar = baseline.algemene_reserve
    with exact():
        open_rows = [open_taakstelling(baseline, variant) for variant in variants]
    open_array = np.empty((n_v, n_y), dtype=object)
    for index, open_row in enumerate(open_rows):
        open_array[index, :] = list(open_row)
    return rules.Ledger(
        line_amounts=line_amounts,
        line_is_baat=np.array([s is Soort.BAAT for _, s, _ in lines_meta], dtype=bool),
        line_structural=np.array([a is Aard.STRUCTUREEL for _, _, a in lines_meta], dtype=bool),
        line_programma=np.array([programma_index[p] for p, _, _ in lines_meta], dtype=int),
        mutation_amounts=mutation_amounts,
        mutation_is_onttrekking=np.array([s is Soort.ONTTREKKING for _, s, _, _ in mutations_meta], dtype=bool),
        mutation_structural=np.array([a is Aard.STRUCTUREEL for _, _, a, _ in mutations_meta], dtype=bool),
        mutation_reserve=np.array([reserve_index[r] for _, _, _, r in mutations_meta], dtype=int),
        mutation_programma=np.array([programma_index[p] for p, _, _, _ in mutations_meta], dtype=int),
        reserve_opening=np.array([r.opening_balance for r in baseline.reserves], dtype=object),
        reserve_counts_as_weerstand=np.array([r.counts_as_weerstand for r in baseline.reserves], dtype=bool),
        weerstand_beschikbaar_overig=_sum_amounts(
            [w.amounts for w in weerstand if w.soort is Weerstandsoort.BESCHIKBAAR], n_y
        ),
        weerstand_benodigd=_sum_amounts([w.amounts for w in weerstand if w.soort is Weerstandsoort.BENODIGD], n_y),
        n_programmas=len(baseline.programmas),
        line_onzeker=np.array(
            [x.onzekerheid is not None for x in baseline.lines] + [False] * len(line_rows), dtype=bool
        ),
        mutation_counts_structural=np.array(
            [a is Aard.STRUCTUREEL and may_be_structural[r] for _, _, a, r in mutations_meta], dtype=bool
        ),
        open_taakstelling=open_array,
        resultaat_reserve=reserve_index[ar.naam] if ar is not None else -1,
        resultaatbestemming=np.array([takes_resultaat(baseline, v) for v in variants], dtype=bool),
        weerstand_beschikbaar_delta=_weerstand_delta(weerstand_per_scenario, n_v, n_y),
    )


def _weerstand_delta(per_scenario: Sequence[Sequence[WeerstandChange]], n_v: int, n_y: int) -> np.ndarray | None:
    """(V, Y) changes of the available capacity other than reserves; None when no lever changes it."""
    if not any(per_scenario):
        return None
    delta = np.full((n_v, n_y), ZERO, dtype=object)
    for v, changes in enumerate(per_scenario, start=1):
        for change in changes:
            delta[v, :] = delta[v, :] + np.array(change.amounts, dtype=object)
    return delta


def _variant_figure(array: np.ndarray, *index: int, higher_is_voordelig: bool = True, v: int = 1) -> Figure:
    """Variant 0 (the baseline) against variant v of one (V, ..., Y) array."""
    # .tolist(): iterating an object array element by element is ten times slower than converting it at once
    basis, scenario = array[(0, *index)].tolist(), array[(v, *index)].tolist()
    return Figure(tuple(basis), tuple(scenario), higher_is_voordelig=higher_is_voordelig)


def _check_reserves(baseline: Baseline, scenario: Scenario, evaluation: Evaluation, v: int = 1) -> None:
    # The bookings alone may not overdraw a reserve (an error: there is nothing to withdraw). A deficit that the
    # algemene reserve takes up under resultaatbestemming and that takes it below zero is a "Let op" instead.
    closing = evaluation.totals.reserve_closing_zonder_resultaat
    for r, reserve in enumerate(baseline.reserves):
        for y, year in enumerate(baseline.years):
            if closing[0, r, y] < 0:
                raise BaselineError(
                    [
                        Problem(
                            baseline.source,
                            f"sheet 'Reserves', row {reserve.row}" if reserve.row else "sheet 'Reserves'",
                            reserve.naam,
                            "a balance of at least 0 on 31 December of every year",
                            f"€ {closing[0, r, y]:,.2f} on 31-12-{year}",
                            "the baseline withdraws more from the reserve than it holds",
                        )
                    ]
                )
            if closing[v, r, y] < 0:
                causes = [b for b in evaluation.bookings[v - 1] if b.reserve == reserve.naam and b.origin]
                origin = causes[0].origin if causes else None
                raise ScenarioError(
                    [
                        Problem(
                            origin.file if origin else scenario.source,
                            origin.where if origin else "(whole scenario)",
                            origin.field if origin else reserve.naam,
                            f"a balance of {reserve.naam} of at least 0 on 31 December of every year",
                            f"€ {closing[v, r, y]:,.2f} on 31-12-{year}",
                            "a reserve cannot be withdrawn below zero; lower the amounts or cover them elsewhere",
                        )
                    ]
                )


def run(baseline: Baseline, scenario: Scenario) -> Outcome:
    """The scenario's outcome against the baseline, for every year and figure of the budget."""
    return run_many(baseline, [scenario])[0]


def run_many(baseline: Baseline, scenarios: Sequence[Scenario]) -> tuple[Outcome, ...]:
    """Each scenario's outcome against the baseline, from one pass of the budget rules over all of them.

    `compare` and `check` use this: the same figures as `run` one scenario at a time (a property test checks it),
    with the ledger built and the rules evaluated once.
    """
    scenarios = list(scenarios)
    evaluation = evaluate_many(baseline, scenarios)
    for v, scenario in enumerate(scenarios, start=1):
        _check_reserves(baseline, scenario, evaluation, v)
    lists = _Lists()
    return tuple(_outcome(baseline, scenario, evaluation, v, lists) for v, scenario in enumerate(scenarios, start=1))


class _Lists:
    """Each totals array as nested Python lists, converted once for all the variants of a run.

    Taking a row out of an object array and converting it (`array[v, p].tolist()`) costs microseconds per figure,
    and an outcome has some 140 figures: for the 110 scenarios of a `check` that was half the engine's time.
    """

    def __init__(self) -> None:
        self._converted: dict[int, tuple[np.ndarray, list]] = {}  # id -> (the array, kept so the id stays its own)

    def __call__(self, array: np.ndarray) -> list:
        found = self._converted.get(id(array))
        if found is None:
            found = self._converted[id(array)] = (array, array.tolist())
        return found[1]


def _row(nested: list, v: int, index: tuple[int, ...]) -> list:
    row = nested[v]
    for i in index:
        row = row[i]
    return row


def _outcome(baseline: Baseline, scenario: Scenario, evaluation: Evaluation, v: int, lists: _Lists) -> Outcome:
    """The outcome of variant v (scenario v - 1) against variant 0 (the baseline)."""
    t = evaluation.totals
    bookings = evaluation.bookings[v - 1]

    def _figure(array: np.ndarray, *index: int, higher_is_voordelig: bool = True) -> Figure:
        nested = lists(array)
        return Figure(
            tuple(_row(nested, 0, index)), tuple(_row(nested, v, index)), higher_is_voordelig=higher_is_voordelig
        )

    def _difference(a: np.ndarray, b: np.ndarray, *index: int) -> Figure:
        """`_figure(a - b, *index)`, subtracting only the two rows shown, not those of every variant."""
        nested_a, nested_b = lists(a), lists(b)

        def minus(w: int) -> tuple[Decimal, ...]:
            return tuple(x - y for x, y in zip(_row(nested_a, w, index), _row(nested_b, w, index), strict=True))

        return Figure(minus(0), minus(v), higher_is_voordelig=True)

    with exact():
        struct_baten = t.structurele_baten
        overview = Overview(
            lasten=_figure(t.lasten, higher_is_voordelig=False),
            baten=_figure(t.baten),
            saldo_baten_lasten=_figure(t.saldo_baten_lasten),
            toevoegingen=_figure(t.toevoegingen, higher_is_voordelig=False),
            onttrekkingen=_figure(t.onttrekkingen),
            geraamd_resultaat=_figure(t.geraamd_resultaat),
            structurele_lasten=_figure(t.structurele_lasten, higher_is_voordelig=False),
            structurele_baten=_figure(struct_baten),
            structurele_toevoegingen=_figure(t.structurele_toevoegingen, higher_is_voordelig=False),
            structurele_onttrekkingen=_figure(t.structurele_onttrekkingen),
            structureel_saldo=_figure(t.structureel_saldo),
            structurele_exploitatieruimte=_ratio_figure(t.structureel_saldo, t.baten, v),
            mutaties_reserves=_difference(t.onttrekkingen, t.toevoegingen),
            reeel_structureel_saldo=_figure(t.reeel_structureel_saldo),
        )
        programmas = tuple(
            ProgrammaOutcome(
                programma=programma,
                lasten=_figure(t.programma_lasten, p, higher_is_voordelig=False),
                baten=_figure(t.programma_baten, p),
                saldo=_difference(t.programma_baten, t.programma_lasten, p),
                toevoegingen=_figure(t.programma_toevoegingen, p, higher_is_voordelig=False),
                onttrekkingen=_figure(t.programma_onttrekkingen, p),
            )
            for p, programma in enumerate(baseline.programmas)
        )
        ar_index = baseline.reserves.index(baseline.algemene_reserve) if baseline.algemene_reserve else -1
        reserves = tuple(
            ReserveOutcome(
                reserve=reserve,
                opening=_figure(t.reserve_opening, r),
                toevoegingen=_figure(t.reserve_toevoegingen, r),
                onttrekkingen=_figure(t.reserve_onttrekkingen, r, higher_is_voordelig=False),
                closing=_figure(t.reserve_closing, r),
                resultaat=_figure(t.reserve_resultaat, r) if r == ar_index else None,
                structurele_toevoegingen=_figure(t.reserve_structurele_toevoegingen, r, higher_is_voordelig=False),
                structurele_onttrekkingen=_figure(t.reserve_structurele_onttrekkingen, r),
            )
            for r, reserve in enumerate(baseline.reserves)
        )
        jeugdhulp = _jeugdhulp(baseline, evaluation, v)
        transformatie = _transformatie(baseline, bookings)
        booking_effects = tuple(_booking_effects(baseline, b) for b in bookings)
        measure_effects = _measure_effects(bookings, booking_effects, len(baseline.years))
        effects = _sum_effects(booking_effects, len(baseline.years))
        bbv = BbvOverzichten(
            incidentele_lasten=_figure(t.incidentele_lasten, higher_is_voordelig=False),
            incidentele_baten=_figure(t.incidentele_baten),
            incidentele_toevoegingen=_figure(t.incidentele_toevoegingen, higher_is_voordelig=False),
            incidentele_onttrekkingen=_figure(t.incidentele_onttrekkingen),
            programma_incidentele_lasten=tuple(
                _figure(t.programma_incidentele_lasten, p, higher_is_voordelig=False)
                for p in range(len(baseline.programmas))
            ),
            programma_incidentele_baten=tuple(
                _figure(t.programma_incidentele_baten, p) for p in range(len(baseline.programmas))
            ),
            saldo_incidenteel=_difference(t.incidentele_baten, t.incidentele_lasten),
            saldo_incidentele_mutaties=_difference(t.incidentele_onttrekkingen, t.incidentele_toevoegingen),
            onzekere_posten=_figure(t.onzekere_posten, higher_is_voordelig=False),
            reeel_structureel_saldo=_figure(t.reeel_structureel_saldo),
        )

    ratio = _ratio_figure(t.weerstand_beschikbaar, t.weerstand_benodigd, v)
    instellingen = baseline.instellingen
    weerstand = WeerstandOutcome(
        beschikbaar=_figure(t.weerstand_beschikbaar),
        benodigd=_figure(t.weerstand_benodigd, higher_is_voordelig=False),
        ratio=ratio,
        klasse_baseline=tuple(rules.weerstand_klasse(r) for r in _none_for_nan(ratio.baseline)),
        klasse_scenario=tuple(rules.weerstand_klasse(r) for r in _none_for_nan(ratio.scenario)),
        grenzen=rules.WEERSTAND_KLASSEN,
        norm=instellingen.weerstandsratio_norm,
    )
    years = baseline.years
    signals = (
        _incidental_signals(baseline, bookings, instellingen.incidenteel_max_jaren)
        + _downgraded_signals(baseline, bookings)
        + _onzeker_signals(baseline, scenario)
        + _reserve_signals(years, reserves)
        + _weerstand_signals(years, ratio.scenario, instellingen.weerstandsratio_norm)
    )
    return Outcome(
        years=years,
        scenario_name=scenario.name,
        scenario_source=scenario.source,
        baseline_source=baseline.source,
        overview=overview,
        programmas=programmas,
        reserves=reserves,
        weerstand=weerstand,
        jeugdhulp=jeugdhulp,
        transformatieplan=transformatie,
        conclusie_baseline=rules.conclusie(
            years, overview.structureel_saldo.baseline, overview.reeel_structureel_saldo.baseline
        ),
        conclusie_scenario=rules.conclusie(
            years, overview.structureel_saldo.scenario, overview.reeel_structureel_saldo.scenario
        ),
        bookings=bookings,
        signals=signals,
        booking_effects=booking_effects,
        measure_effects=measure_effects,
        effects=effects,
        bbv=bbv,
        resultaatbestemming_baseline=takes_resultaat(baseline, None),
        resultaatbestemming_scenario=takes_resultaat(baseline, scenario),
        details=tuple(lever_details(baseline, scenario, bookings)),
        weerstand_changes=evaluation.weerstand_changes[v - 1] if evaluation.weerstand_changes else (),
    )


def counts_structural(baseline: Baseline, booking: Booking) -> bool:
    """A booking counts in the structureel saldo if it is structural and, for a reserve mutation, its reserve may
    carry structural mutations (Commissie BBV notitie structurele en incidentele baten en lasten, 2018)."""
    if booking.aard is not Aard.STRUCTUREEL:
        return False
    if booking.soort.is_reserve_mutation:
        assert booking.reserve is not None
        return baseline.reserve(booking.reserve).structurele_mutaties
    return True


def _booking_effects(baseline: Baseline, booking: Booking) -> Effects:
    effect = booking.effect
    zero = (ZERO,) * len(effect)
    return Effects(
        saldo=zero if booking.soort.is_reserve_mutation else effect,
        resultaat=effect,
        structureel=effect if counts_structural(baseline, booking) else zero,
    )


def _sum_effects(parts: Sequence[Effects], n_y: int) -> Effects:
    def total(pick) -> tuple[Decimal, ...]:
        return tuple(sum((pick(e)[y] for e in parts), ZERO) for y in range(n_y))

    return Effects(total(lambda e: e.saldo), total(lambda e: e.resultaat), total(lambda e: e.structureel))


def _measure_effects(
    bookings: Sequence[Booking], effects: Sequence[Effects], n_y: int
) -> tuple[tuple[str, Effects], ...]:
    names: list[str] = []
    for b in bookings:
        if b.measure not in names:
            names.append(b.measure)
    return tuple(
        (name, _sum_effects([e for b, e in zip(bookings, effects, strict=True) if b.measure == name], n_y))
        for name in names
    )


def _incidental_signals(baseline: Baseline, bookings: Sequence[Booking], threshold: int) -> tuple[Signal, ...]:
    """Lasten and baten booked incidental in more consecutive years than the threshold, as the scenario leaves
    them: every incidental baseline line (with a keyed lever's changes), and every incidental measure."""
    n_y = len(baseline.years)
    items: dict[tuple[str, bool], list[Decimal]] = {}
    keyed: dict[str, tuple[str, bool]] = {}
    for line in baseline.lines:
        if line.aard is Aard.INCIDENTEEL:
            items[(line.description, True)] = list(line.amounts)
            if line.key:
                keyed[line.key] = (line.description, True)
    with exact():
        for b in bookings:
            if b.soort.is_reserve_mutation or b.aard is not Aard.INCIDENTEEL:
                continue
            target = keyed.get(b.line_key) if b.line_key else None
            if target is None:
                target = (b.measure, False)
                items.setdefault(target, [ZERO] * n_y)
            items[target] = [x + a for x, a in zip(items[target], b.amounts, strict=True)]
    found = []
    for (name, in_baseline), amounts in items.items():
        longest = rules.longest_run(amounts)
        if longest > threshold:
            years = tuple(y for y, a in zip(baseline.years, amounts, strict=True) if a != 0)
            found.append(
                Signal(
                    SignalKind.INCIDENTEEL_LANG,
                    name,
                    years,
                    tuple(amounts),
                    Decimal(threshold),
                    str(longest),
                    in_baseline,
                )
            )
    return tuple(found)


def _downgraded_signals(baseline: Baseline, bookings: Sequence[Booking]) -> tuple[Signal, ...]:
    """Structural reserve mutations of a reserve that may not carry them: counted incidental, and named."""
    found = []
    allowed = {r.naam: r.structurele_mutaties for r in baseline.reserves}
    for m in baseline.mutations:
        if m.aard is Aard.STRUCTUREEL and not allowed[m.reserve]:
            years = tuple(y for y, a in zip(baseline.years, m.amounts, strict=True) if a != 0)
            found.append(
                Signal(SignalKind.STRUCTUREEL_ALS_INCIDENTEEL, m.description, years, m.amounts, None, m.reserve, True)
            )
    for b in bookings:
        if b.soort.is_reserve_mutation and b.aard is Aard.STRUCTUREEL and b.reserve and not allowed[b.reserve]:
            years = tuple(y for y, a in zip(baseline.years, b.amounts, strict=True) if a != 0)
            found.append(Signal(SignalKind.STRUCTUREEL_ALS_INCIDENTEEL, b.measure, years, b.amounts, None, b.reserve))
    return tuple(found)


def _onzeker_signals(baseline: Baseline, scenario: Scenario) -> tuple[Signal, ...]:
    """The stelposten, taakstellingen and uncertain lines, and the open taakstelling (reëel evenwicht)."""
    found = [
        Signal(
            SignalKind.ONZEKERE_POST,
            line.description,
            tuple(y for y, a in zip(baseline.years, line.amounts, strict=True) if a != 0),
            line.amounts,
            None,
            str(line.onzekerheid),
            True,
        )
        for line in baseline.lines
        if line.onzekerheid is not None and any(line.amounts)
    ]
    open_amounts = open_taakstelling(baseline, scenario)
    if any(open_amounts):
        names = [o.naam for o in baseline.transformatieplan if o.invulling is Invulling.OPEN]
        found.append(
            Signal(
                SignalKind.OPEN_TAAKSTELLING,
                ", ".join(names),
                tuple(y for y, a in zip(baseline.years, open_amounts, strict=True) if a != 0),
                open_amounts,
                in_baseline=True,
            )
        )
    return tuple(found)


def _reserve_signals(years: tuple[int, ...], reserves: Sequence[ReserveOutcome]) -> tuple[Signal, ...]:
    found = []
    for r in reserves:
        if r.reserve.soort is not ReserveSoort.ALGEMEEN:
            continue
        below = tuple(y for y, v in zip(years, r.closing.scenario, strict=True) if v < 0)
        if below:
            found.append(
                Signal(SignalKind.RESERVE_NEGATIEF, r.reserve.naam, below, r.closing.scenario, min(r.closing.scenario))
            )
    return tuple(found)


def _weerstand_signals(years: tuple[int, ...], ratio: tuple[Decimal, ...], norm: Decimal) -> tuple[Signal, ...]:
    """A weerstandsratio below the norm, judged on the ratio as printed (two decimals), like the class."""
    low = tuple(y for y, r in zip(years, ratio, strict=True) if not r.is_nan() and rules.shown_ratio(r) < norm)
    if not low:
        return ()
    return (Signal(SignalKind.WEERSTAND_ONDER_NORM, "Weerstandsratio", low, number=norm),)


NOT_A_NUMBER = Decimal("NaN")


def _ratio_figure(numerator: np.ndarray, denominator: np.ndarray, v: int = 1) -> Figure:
    """A quotient per year (not money, so not exact); NaN where the denominator is zero."""

    def per_year(v: int) -> tuple[Decimal, ...]:
        return tuple(
            NOT_A_NUMBER if (q := rules.quotient(n, d)) is None else q
            for n, d in zip(numerator[v], denominator[v], strict=True)
        )

    return Figure(per_year(0), per_year(v))


def _none_for_nan(values: tuple[Decimal, ...]) -> tuple[Decimal | None, ...]:
    return tuple(None if v.is_nan() else v for v in values)


def _jeugdhulp(baseline: Baseline, evaluation: Evaluation, v: int = 1) -> JeugdhulpOutcome:
    # only the baseline and variant v: the arrays hold every scenario of a `check`, and decomposing all of them
    # for each scenario made the whole run quadratic in the number of scenarios
    rows = [0, v]
    prices, volumes, costs = evaluation.prices[rows], evaluation.volumes[rows], evaluation.costs[rows]
    price_effect, volume_effect, interaction = rules.price_volume_decomposition(prices, volumes)
    one = 1  # variant v is row 1 of the two
    segments = tuple(
        SegmentOutcome(
            naam=segment.naam,
            unit=segment.unit,
            price=_variant_figure(prices, s, v=one),
            volume=_variant_figure(volumes, s, v=one),
            cost=_variant_figure(costs, s, higher_is_voordelig=False, v=one),
            price_effect=tuple(price_effect[one, s]),
            volume_effect=tuple(volume_effect[one, s]),
            interaction=tuple(interaction[one, s]),
        )
        for s, segment in enumerate(baseline.jeugdhulp)
    )

    def total(array: np.ndarray) -> tuple[Decimal, ...]:
        return tuple(np.add.reduce(array[one], axis=0, initial=ZERO))

    cost_total = np.add.reduce(costs, axis=1, initial=ZERO)
    return JeugdhulpOutcome(
        segments=segments,
        cost=_variant_figure(cost_total, higher_is_voordelig=False, v=one),
        price_effect=total(price_effect),
        volume_effect=total(volume_effect),
        interaction=total(interaction),
    )


def _transformatie(baseline: Baseline, bookings: Sequence[Booking]) -> TransformatieOutcome:
    n_y = len(baseline.years)
    parts = baseline.transformatieplan
    shortfall = _sum_amounts([b.amounts for b in bookings if b.lever == TRANSFORMATIEPLAN], n_y)
    return TransformatieOutcome(
        taakstelling=tuple(_sum_amounts([p.amounts for p in parts], n_y)),
        ingevuld=tuple(_sum_amounts([p.amounts for p in parts if p.invulling is Invulling.INGEVULD], n_y)),
        open=tuple(_sum_amounts([p.amounts for p in parts if p.invulling is Invulling.OPEN], n_y)),
        niet_gerealiseerd=Figure(tuple([ZERO] * n_y), tuple(shortfall), higher_is_voordelig=False),
    )
