"""The float64 path of the engine: the same rule functions (`rules.evaluate`) for many variants of one scenario.

The exact engine builds one ledger row per baseline line and booking, in Decimal objects. For a million variants
that is far too slow and too big, and almost all of it is the same in every variant. Because every rule of
`rules` is a linear sum over rows, rows with the same attributes can be added up first without changing any
result. `compile_scenario` therefore collapses everything that does not vary (the baseline and the scenario's own
bookings) into a handful of aggregate rows, one per (soort, aard[, reserve]), and keeps apart only what varies:

- the youth-care cost change, Σ over segments of p0·q0·(price factor·volume factor·other factors − 1), per
  variant, where the other factors are those of the levers that act on p × q after jeugdhulp (indexatie: the
  tariffs follow their index), so an index works on each variant's own volumes as in the exact engine (booked in
  two rows when their aard differs from the jeugdhulp section's);
- any number of *linear inputs*: a set of unit bookings (e.g. "1 euro more on this measure in each year") that a
  variant scales by its own value per year.

`evaluate` then runs `rules.evaluate` on a float64 ledger of shape (variants, a few rows, years). Programmes are
collapsed too (one programme), so the per-programme totals of the result are not meaningful here; every other
total is. The hypothesis tests in tests/engine/test_fast*.py show it equals the exact path to within a cent.

No variant-dependent `np.power`/`np.exp`: compounding is done by repeated multiplication, so every variant's
numbers depend only on its own inputs, never on how many variants are evaluated together.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from hengelo_scenario import records
from hengelo_scenario.baseline.model import Aard, Baseline, Soort
from hengelo_scenario.engine import rules
from hengelo_scenario.engine.exact import build_ledger, evaluate_many
from hengelo_scenario.engine.measures import scenario_bookings, youth_care_levers
from hengelo_scenario.levers import lever
from hengelo_scenario.outcome.model import Booking
from hengelo_scenario.records import Record
from hengelo_scenario.scenario.model import Scenario

JEUGDHULP = "jeugdhulp"  # the key of the youth-care lever, whose booking the float path computes itself

__all__ = ["Factored", "FastLedger", "FastTotals", "LinearInput", "compile_scenario", "evaluate"]

# (is_baat, structural, onzeker): the attributes the rules read of a line
_LINE_KINDS = tuple((b, st, o) for b in (False, True) for st in (True, False) for o in (False, True))


class LinearInput(Record, frozen=True):
    """Bookings per unit of an input: a variant with value x books x·amounts of each (amounts per year).

    `weerstand`: the change of the beschikbare weerstandscapaciteit per unit and year outside the reserves (an OZB
    rise uses up onbenutte belastingcapaciteit); None: none.
    """

    name: str
    bookings: tuple[Booking, ...]
    weerstand: tuple[object, ...] | None = None


class Factored(Record, frozen=True):
    """Youth-care factors of n variants as const (S, Y) × a product of (Y, n) arrays per segment.

    The arrays may be shared between segments (one price index for all of them): `youth_cost` then multiplies a
    shared array once for the sum over the segments instead of once per segment.
    """

    const: np.ndarray  # (S, Y)
    arrays: tuple[tuple[np.ndarray, ...], ...]  # per segment, each (Y, n)

    def dense(self, n: int) -> np.ndarray:
        """The factors as one (S, Y, n) array."""
        out = np.repeat(self.const[:, :, None], n, axis=2)
        for s, arrays in enumerate(self.arrays):
            for a in arrays:
                out[s] *= a
        return out


class FastLedger(Record, frozen=True):
    """A scenario compiled for many variants: collapsed fixed rows, the youth-care pieces, the linear inputs."""

    years: tuple[int, ...]
    fixed_lines: np.ndarray  # (Lf, Y) float
    fixed_line_is_baat: np.ndarray
    fixed_line_structural: np.ndarray
    fixed_line_onzeker: np.ndarray
    fixed_mutations: np.ndarray  # (Mf, Y)
    fixed_mutation_is_onttrekking: np.ndarray
    fixed_mutation_structural: np.ndarray
    fixed_mutation_counts_structural: np.ndarray
    fixed_mutation_reserve: np.ndarray
    reserve_opening: np.ndarray  # (R,)
    reserve_counts_as_weerstand: np.ndarray
    weerstand_beschikbaar_overig: np.ndarray  # (Y,)
    weerstand_benodigd: np.ndarray  # (Y,)
    youth_base_cost: np.ndarray  # (S, Y): p0·q0 of the baseline
    youth_price: np.ndarray  # (S, Y): the scenario's own price factors
    youth_volume: np.ndarray  # (S, Y): the scenario's own volume factors (regie op toegang included)
    youth_structural: bool
    youth_more: np.ndarray | None  # (S, Y): p × q factors of the other youth-care levers (indexatie), None: none
    youth_more_structural: bool  # the aard of their booking
    linear: tuple[LinearInput, ...]
    linear_rows: tuple[tuple[int, int, bool, bool, bool, int], ...]  # (input, booking, is_mutation, kind, s, r)
    linear_amounts: np.ndarray  # (rows, Y): amounts per unit
    linear_weerstand: np.ndarray | None  # (K, Y): beschikbare weerstandscapaciteit per unit of each input, or None
    algemene_reserve: int | None  # index into the reserves
    reserve_structural_ok: np.ndarray  # (R,) bool: the reserve may carry structural mutations
    open_taakstelling: np.ndarray | None  # (Y,) the unfilled taakstelling the scenario still counts on
    resultaat_reserve: int  # the reserve that takes up the geraamd resultaat, -1: none
    takes_resultaat: bool  # the scenario books its geraamd resultaat to that reserve
    fixed: rules.Totals  # the rules on the fixed rows alone (one variant)
    basis: Basis  # the rules' response to the varying rows

    @property
    def n_segments(self) -> int:
        return self.youth_base_cost.shape[0]

    @property
    def youth_split(self) -> bool:
        """The other youth-care levers book with another aard than jeugdhulp: two varying youth-care rows."""
        return self.youth_more is not None and self.youth_more_structural != self.youth_structural

    @property
    def youth_rows(self) -> int:
        return 2 if self.youth_split else 1


_ADDITIVE = (
    "lasten",
    "baten",
    "saldo_baten_lasten",
    "toevoegingen",
    "onttrekkingen",
    "geraamd_resultaat",
    "structurele_lasten",
    "structurele_baten",
    "structurele_toevoegingen",
    "structurele_onttrekkingen",
    "structureel_saldo",
)


class FastTotals(Record, frozen=True):
    """Per variant and year, float euros: fixed totals plus the basis applied to the varying amounts, on demand."""

    fixed: rules.Totals  # one variant
    jeugdhulp: np.ndarray  # (V, Y) youth-care cost Σ p·q
    amounts: np.ndarray  # (rows, Y, V) amounts of the varying rows
    basis: Basis
    algemene_reserve_index: int | None
    benodigd: np.ndarray  # (Y,)
    weerstand_delta: np.ndarray | None = None  # (V, Y) capacity the linear inputs add outside the reserves

    @property
    def n(self) -> int:
        return self.amounts.shape[2]

    def _apply(self, coefficients: np.ndarray, start: np.ndarray) -> np.ndarray:
        n_rows, n_y = self.amounts.shape[0], self.amounts.shape[1]
        out = np.empty((n_y, self.n))
        out[:] = start.reshape(n_y, 1)
        for j in range(n_rows * n_y):
            r, y_from = divmod(j, n_y)
            for y in range(n_y):
                c = coefficients[j, y]
                if c == 1.0:
                    out[y] += self.amounts[r, y_from]
                elif c == -1.0:
                    out[y] -= self.amounts[r, y_from]
                elif c != 0.0:
                    out[y] += c * self.amounts[r, y_from]
        return out.T

    def total(self, name: str) -> np.ndarray:
        """A figure of `rules.Totals` that is a plain sum of rows, for every variant: (V, Y)."""
        if name not in _ADDITIVE:
            raise KeyError(name)
        return self._apply(self.basis.coefficients[name], getattr(self.fixed, name)[0])

    @property
    def geraamd_resultaat(self) -> np.ndarray:
        return self.total("geraamd_resultaat")

    @property
    def structureel_saldo(self) -> np.ndarray:
        return self.total("structureel_saldo")

    def reserve_closing(self, reserve: int) -> np.ndarray:
        """Balance of one reserve on 31 December, (V, Y)."""
        start = self.fixed.reserve_closing[0, reserve, :]
        key = f"reserve:{reserve}"
        if key in self.basis.coefficients:
            return self._apply(self.basis.coefficients[key], start)
        return np.broadcast_to(start, (self.n, start.shape[0]))

    @property
    def algemene_reserve(self) -> np.ndarray | None:
        i = self.algemene_reserve_index
        return None if i is None else self.reserve_closing(i)

    @property
    def weerstand_beschikbaar(self) -> np.ndarray:
        total = self._apply(self.basis.coefficients["weerstand_beschikbaar"], self.fixed.weerstand_beschikbaar[0])
        return total if self.weerstand_delta is None else total + self.weerstand_delta

    @property
    def weerstandsratio(self) -> np.ndarray:
        with np.errstate(divide="ignore", invalid="ignore"):
            return self.weerstand_beschikbaar / self.benodigd

    def figure(self, key: str) -> np.ndarray:
        """A figure of outcome.figures.FIGURES by key, (V, Y); KeyError for one the float path does not give."""
        if key in _ADDITIVE:
            return self.total(key)
        if key == "jeugdhulp":
            return self.jeugdhulp
        if key == "algemene_reserve" and self.algemene_reserve is not None:
            return self.algemene_reserve
        if key == "weerstand_beschikbaar":
            return self.weerstand_beschikbaar
        if key == "weerstandsratio":
            return self.weerstandsratio
        if key == "structurele_exploitatieruimte":
            with np.errstate(divide="ignore", invalid="ignore"):
                return self.structureel_saldo / self.total("baten")
        raise KeyError(key)


def _floats(values: Sequence[object]) -> np.ndarray:
    return np.array([float(v) for v in values], dtype=float)  # type: ignore[arg-type]


def compile_scenario(baseline: Baseline, scenario: Scenario, linear: Sequence[LinearInput] = ()) -> FastLedger:
    """Collapse the baseline and the scenario's fixed bookings; keep youth care and the linear inputs apart.

    The scenario's bookings come from the exact engine (`evaluate_many`), so a scenario the engine refuses is
    refused here too, with the same located error.
    """
    evaluation = evaluate_many(baseline, [scenario])  # the located errors of the exact engine, and its weerstand
    fixed_bookings = tuple(scenario_bookings(baseline, scenario))  # every booking but youth care's p × q
    programma_index = {p.code: i for i, p in enumerate(baseline.programmas)}
    reserve_index = {r.naam: i for i, r in enumerate(baseline.reserves)}
    ledger = build_ledger(baseline, [fixed_bookings], programma_index, reserve_index, evaluation.weerstand_changes)
    n_y = len(baseline.years)

    line_amounts = np.asarray(ledger.line_amounts[1], dtype=float)  # variant 1 = baseline + fixed bookings
    onzeker = ledger.line_onzeker if ledger.line_onzeker is not None else np.zeros(len(ledger.line_is_baat), bool)
    lines = []
    for is_baat, structural, uncertain in _LINE_KINDS:
        mask = (ledger.line_is_baat == is_baat) & (ledger.line_structural == structural) & (onzeker == uncertain)
        lines.append(line_amounts[mask].sum(axis=0) if mask.any() else np.zeros(n_y))
    mutation_amounts = np.asarray(ledger.mutation_amounts[1], dtype=float)
    counts = (
        ledger.mutation_counts_structural
        if ledger.mutation_counts_structural is not None
        else ledger.mutation_structural
    )
    mutations, m_ontt, m_struct, m_counts, m_reserve = [], [], [], [], []
    for r in range(len(baseline.reserves)):
        for is_ontt in (False, True):
            for structural in (True, False):
                for counted in (True, False):
                    mask = (
                        (ledger.mutation_reserve == r)
                        & (ledger.mutation_is_onttrekking == is_ontt)
                        & (ledger.mutation_structural == structural)
                        & (counts == counted)
                    )
                    if mask.any():
                        mutations.append(mutation_amounts[mask].sum(axis=0))
                        m_ontt.append(is_ontt)
                        m_struct.append(structural)
                        m_counts.append(counted)
                        m_reserve.append(r)
    takes = bool(ledger.resultaatbestemming[1]) if ledger.resultaatbestemming is not None else True
    open_taakstelling = (
        None if ledger.open_taakstelling is None else np.asarray(ledger.open_taakstelling[1], dtype=float)
    )

    segments = baseline.jeugdhulp
    base_cost = np.array([_floats(s.prices) * _floats(s.volumes) for s in segments]).reshape(len(segments), n_y)
    if scenario.jeugdhulp is not None:
        price = np.array([_floats(f) for f in scenario.jeugdhulp.price_factors]).reshape(len(segments), n_y)
        volume = np.array([_floats(f) for f in scenario.jeugdhulp.volume_factors]).reshape(len(segments), n_y)
        youth_structural = scenario.jeugdhulp.aard is Aard.STRUCTUREEL
    else:
        price = np.ones((len(segments), n_y))
        volume = np.ones((len(segments), n_y))
        youth_structural = True  # the default aard of the jeugdhulp section
    more: np.ndarray | None = None
    more_structural = True
    for key, change, (price_factors, volume_factors) in youth_care_levers(baseline, scenario):
        if key == JEUGDHULP:
            continue
        factors = np.array([_floats(p) * _floats(q) for p, q in zip(price_factors, volume_factors, strict=True)])
        more = factors.reshape(len(segments), n_y) if more is None else more * factors.reshape(len(segments), n_y)
        booking = lever(key).youth_care_booking(change, baseline, (0,) * n_y)  # type: ignore[arg-type]
        more_structural = booking is None or booking.aard is Aard.STRUCTUREEL

    rows: list[tuple[int, int, bool, bool, bool, int]] = []
    amounts: list[np.ndarray] = []
    for k, item in enumerate(linear):
        for j, b in enumerate(item.bookings):
            structural = b.aard is Aard.STRUCTUREEL
            if b.soort.is_reserve_mutation:
                assert b.reserve is not None
                rows.append((k, j, True, b.soort is Soort.ONTTREKKING, structural, reserve_index[b.reserve]))
            else:
                rows.append((k, j, False, b.soort is Soort.BAAT, structural, 0))
            amounts.append(_floats(b.amounts))

    algemene = baseline.algemene_reserve
    compiled = FastLedger(
        years=baseline.years,
        fixed_lines=np.array(lines),
        fixed_line_is_baat=np.array([k[0] for k in _LINE_KINDS]),
        fixed_line_structural=np.array([k[1] for k in _LINE_KINDS]),
        fixed_line_onzeker=np.array([k[2] for k in _LINE_KINDS]),
        fixed_mutations=np.array(mutations).reshape(len(mutations), n_y),
        fixed_mutation_is_onttrekking=np.array(m_ontt, dtype=bool),
        fixed_mutation_structural=np.array(m_struct, dtype=bool),
        fixed_mutation_counts_structural=np.array(m_counts, dtype=bool),
        fixed_mutation_reserve=np.array(m_reserve, dtype=int),
        reserve_opening=np.asarray(ledger.reserve_opening, dtype=float),
        reserve_counts_as_weerstand=ledger.reserve_counts_as_weerstand,
        weerstand_beschikbaar_overig=np.asarray(ledger.weerstand_beschikbaar_overig, dtype=float)
        + (
            0.0
            if ledger.weerstand_beschikbaar_delta is None
            else np.asarray(ledger.weerstand_beschikbaar_delta[1], dtype=float)
        ),
        weerstand_benodigd=np.asarray(ledger.weerstand_benodigd, dtype=float),
        youth_base_cost=base_cost,
        youth_price=price,
        youth_volume=volume,
        youth_structural=youth_structural,
        youth_more=more,
        youth_more_structural=more_structural,
        linear=tuple(linear),
        linear_rows=tuple(rows),
        linear_amounts=np.array(amounts).reshape(len(amounts), n_y),
        linear_weerstand=(
            np.array([_floats(item.weerstand) if item.weerstand else np.zeros(n_y) for item in linear])
            if any(item.weerstand and any(item.weerstand) for item in linear)
            else None
        ),
        algemene_reserve=None if algemene is None else baseline.reserves.index(algemene),
        reserve_structural_ok=np.array([r.structurele_mutaties for r in baseline.reserves], dtype=bool),
        open_taakstelling=open_taakstelling,
        resultaat_reserve=ledger.resultaat_reserve,
        takes_resultaat=takes,
        fixed=None,  # type: ignore[arg-type]  # filled in below, from the compiled rows
        basis=None,  # type: ignore[arg-type]
    )
    return records.replace(compiled, fixed=fixed_totals(compiled), basis=basis(compiled))


def youth_cost(
    fast: FastLedger,
    price: np.ndarray | Factored | None,
    volume: np.ndarray | Factored | None,
    n: int,
    *,
    more: bool = True,
    varying_more: tuple[tuple[np.ndarray, ...], ...] | None = None,
) -> np.ndarray:
    """Σ over segments of p0·q0·price factor·volume factor (·the other levers' factors, `more`): (V, Y).

    `varying_more`: per segment, (Y, n) arrays of those other levers' factors that vary per variant (an index moved
    by a sweep); they count with `more` only, as part of those levers' booking.

    Segment by segment, in baseline order, so each variant's sum is the same whatever the number of variants.
    Dense factors are (V, S, Y) (fastest as a (S, Y, V) array seen through `transpose(2, 0, 1)`); `Factored`
    ones avoid building the (S, Y, V) arrays at all.
    """
    other = fast.youth_more if more else None
    extra = varying_more if more and varying_more is not None else ((),) * fast.n_segments
    if not isinstance(price, np.ndarray) and not isinstance(volume, np.ndarray):
        return _factored_cost(fast, price, volume, n, other, extra)
    if isinstance(price, Factored):
        price = price.dense(n).transpose(2, 0, 1)
    if isinstance(volume, Factored):
        volume = volume.dense(n).transpose(2, 0, 1)
    total = np.zeros((len(fast.years), n))
    for s in range(fast.n_segments):
        p = fast.youth_price[s][:, None] if price is None else price[:, s, :].T
        q = fast.youth_volume[s][:, None] if volume is None else volume[:, s, :].T
        base = fast.youth_base_cost[s] if other is None else fast.youth_base_cost[s] * other[s]
        term = base[:, None] * p * q
        for a in extra[s]:
            term = term * a
        total += term
    return total.T


def _factored_cost(
    fast: FastLedger,
    price: Factored | None,
    volume: Factored | None,
    n: int,
    other: np.ndarray | None,
    extra: tuple[tuple[np.ndarray, ...], ...],
) -> np.ndarray:
    n_s = fast.n_segments
    p = price or Factored(fast.youth_price, ((),) * n_s)
    q = volume or Factored(fast.youth_volume, ((),) * n_s)
    const = fast.youth_base_cost * p.const * q.const  # (S, Y)
    if other is not None:
        const = const * other
    lists = [p.arrays[s] + q.arrays[s] + tuple(extra[s]) for s in range(n_s)]
    common = [a for a in (lists[0] if lists else ()) if all(any(a is b for b in other) for other in lists[1:])]
    total = np.zeros((len(fast.years), n))
    for s in range(n_s):
        term: np.ndarray = const[s][:, None]
        for a in lists[s]:
            if not any(a is c for c in common):
                term = term * a
        total += term
    for a in common:
        total *= a
    return total.T


def _ledger(
    lines: np.ndarray,
    is_baat: np.ndarray,
    line_structural: np.ndarray,
    mutations: np.ndarray,
    is_ontt: np.ndarray,
    mutation_structural: np.ndarray,
    mutation_reserve: np.ndarray,
    reserve_opening: np.ndarray,
    counts: np.ndarray,
    overig: np.ndarray,
    benodigd: np.ndarray,
    *,
    line_onzeker: np.ndarray,
    mutation_counts_structural: np.ndarray,
    open_taakstelling: np.ndarray | None,
    resultaat_reserve: int,
    resultaatbestemming: np.ndarray,
) -> rules.Ledger:
    return rules.Ledger(
        line_amounts=lines,
        line_is_baat=is_baat,
        line_structural=line_structural,
        line_programma=np.zeros(lines.shape[1], dtype=int),
        mutation_amounts=mutations,
        mutation_is_onttrekking=is_ontt,
        mutation_structural=mutation_structural,
        mutation_reserve=mutation_reserve,
        mutation_programma=np.zeros(mutations.shape[1], dtype=int),
        reserve_opening=reserve_opening,
        reserve_counts_as_weerstand=counts,
        weerstand_beschikbaar_overig=overig,
        weerstand_benodigd=benodigd,
        n_programmas=1,
        line_onzeker=line_onzeker,
        mutation_counts_structural=mutation_counts_structural,
        open_taakstelling=open_taakstelling,
        resultaat_reserve=resultaat_reserve,
        resultaatbestemming=resultaatbestemming,
    )


def fixed_totals(fast: FastLedger) -> rules.Totals:
    """The rules on the collapsed fixed rows alone: one variant, the scenario without its youth-care change."""
    return rules.evaluate(
        _ledger(
            fast.fixed_lines[None],
            fast.fixed_line_is_baat,
            fast.fixed_line_structural,
            fast.fixed_mutations[None],
            fast.fixed_mutation_is_onttrekking,
            fast.fixed_mutation_structural,
            fast.fixed_mutation_reserve,
            fast.reserve_opening,
            fast.reserve_counts_as_weerstand,
            fast.weerstand_beschikbaar_overig,
            fast.weerstand_benodigd,
            line_onzeker=fast.fixed_line_onzeker,
            mutation_counts_structural=fast.fixed_mutation_counts_structural,
            open_taakstelling=None if fast.open_taakstelling is None else fast.open_taakstelling[None],
            resultaat_reserve=fast.resultaat_reserve,
            resultaatbestemming=np.array([fast.takes_resultaat]),
        )
    )


def _varying_rows(fast: FastLedger) -> list[tuple[bool, bool, bool, int]]:
    """(is_mutation, is_baat or is_onttrekking, structural, reserve) of each varying row: youth care, then linear."""
    rows = [(False, False, fast.youth_structural, 0)]
    if fast.youth_split:
        rows.append((False, False, fast.youth_more_structural, 0))
    rows += [(m, kind, structural, reserve) for _k, _j, m, kind, structural, reserve in fast.linear_rows]
    return rows


def varying_amounts(
    fast: FastLedger,
    n: int,
    price: np.ndarray | Factored | None,
    volume: np.ndarray | Factored | None,
    linear: np.ndarray | None,
    varying_more: tuple[tuple[np.ndarray, ...], ...] | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """(youth-care cost (n, Y), amounts of the varying rows laid out (rows, Y, n)) for n variants."""
    n_y = len(fast.years)
    cost = youth_cost(fast, price, volume, n, varying_more=varying_more)
    first = fast.youth_rows
    amounts = np.empty((first + len(fast.linear_rows), n_y, n))
    if fast.youth_split:  # as the exact engine books them: jeugdhulp's part, then what the others add on top
        own = youth_cost(fast, price, volume, n, more=False)
        amounts[0] = (own - fast.youth_base_cost.sum(axis=0)).T
        amounts[1] = (cost - own).T
    else:
        amounts[0] = (cost - fast.youth_base_cost.sum(axis=0)).T
    if fast.linear_rows:
        values = np.zeros((n, len(fast.linear), n_y)) if linear is None else linear
        for row, (k, *_rest) in enumerate(fast.linear_rows, start=first):
            amounts[row] = (values[:, k, :] * fast.linear_amounts[row - first]).T
    return cost, amounts


def varying_totals(fast: FastLedger, amounts: np.ndarray) -> tuple[rules.Totals, tuple[int, ...]]:
    """`rules.evaluate` on the varying rows alone: reserves open at 0, no other capacity, nothing required.

    Only the reserves the varying rows book on are carried (one idle reserve when there is none).
    """
    amounts = amounts.transpose(2, 0, 1)  # (n, rows, Y), as the ledger holds it
    n_y = amounts.shape[2]
    rows = _varying_rows(fast)
    lines = [i for i, r in enumerate(rows) if not r[0]]
    mutations = [i for i, r in enumerate(rows) if r[0]]
    reserves = {rows[i][3] for i in mutations}
    takes = fast.takes_resultaat and fast.resultaat_reserve >= 0
    if takes:  # the varying rows' geraamd resultaat goes to the algemene reserve too
        reserves.add(fast.resultaat_reserve)
    touched = tuple(sorted(reserves))
    compact = {r: i for i, r in enumerate(touched)}
    structural = np.array([rows[i][2] for i in mutations], dtype=bool)
    ledger = _ledger(
        amounts[:, lines, :],
        np.array([rows[i][1] for i in lines], dtype=bool),
        np.array([rows[i][2] for i in lines], dtype=bool),
        amounts[:, mutations, :],
        np.array([rows[i][1] for i in mutations], dtype=bool),
        structural,
        np.array([compact[rows[i][3]] for i in mutations], dtype=int),
        np.zeros(max(1, len(touched))),
        np.array([bool(fast.reserve_counts_as_weerstand[r]) for r in touched] or [False]),
        np.zeros(n_y),
        np.zeros(n_y),
        line_onzeker=np.zeros(len(lines), dtype=bool),
        mutation_counts_structural=structural
        & np.array([bool(fast.reserve_structural_ok[rows[i][3]]) for i in mutations], dtype=bool),
        open_taakstelling=None,
        resultaat_reserve=compact[fast.resultaat_reserve] if takes else -1,
        resultaatbestemming=np.ones(amounts.shape[0], dtype=bool),
    )
    return rules.evaluate(ledger), touched


class Basis(Record, frozen=True):
    """The rules' response to one euro on each varying row in each year: coefficients (rows·Y, Y) per figure.

    Obtained by running `rules.evaluate` on a ledger of unit impulses (variant j = row r, year y holds 1). The
    rules are linear, so a variant's totals are the fixed totals plus Σ amount × coefficient; the coefficients
    are exact small integers (0, ±1), so applying them loses nothing.
    """

    coefficients: dict[str, np.ndarray]
    touched: tuple[int, ...]


def basis(fast: FastLedger) -> Basis:
    n_rows, n_y = fast.youth_rows + len(fast.linear_rows), len(fast.years)
    impulses = np.zeros((n_rows, n_y, n_rows * n_y))
    for r in range(n_rows):
        for y in range(n_y):
            impulses[r, y, r * n_y + y] = 1.0
    totals, touched = varying_totals(fast, impulses)
    coefficients = {name: getattr(totals, name) for name in _ADDITIVE}
    for i, reserve in enumerate(touched):
        coefficients[f"reserve:{reserve}"] = totals.reserve_closing[:, i, :]
    coefficients["weerstand_beschikbaar"] = totals.weerstand_beschikbaar
    return Basis(coefficients, touched)


def evaluate(
    fast: FastLedger,
    n: int,
    price: np.ndarray | Factored | None = None,
    volume: np.ndarray | Factored | None = None,
    linear: np.ndarray | None = None,
    benodigd: np.ndarray | None = None,
    varying_more: tuple[tuple[np.ndarray, ...], ...] | None = None,
) -> FastTotals:
    """The budget rules for n variants.

    price, volume: (n, S, Y) factors against the baseline, or `Factored` ones, that replace the scenario's own
    (None: the scenario's); linear: (n, K, Y) value of each linear input per year (None: 0); benodigd: (Y,) required
    weerstandscapaciteit instead of the workbook's (None: the workbook's); varying_more: per segment, (Y, n) factors
    on p × q of the youth-care levers after jeugdhulp that vary per variant (see `youth_cost`).

    The fixed rows were evaluated once, at compile time; the varying rows go through the same rules as a basis
    of unit impulses (see `Basis`), applied per variant. `evaluate_ledger` runs the rules on the full varying
    ledger instead; the tests show both agree.
    """
    cost, amounts = varying_amounts(fast, n, price, volume, linear, varying_more)
    delta = None
    if fast.linear_weerstand is not None and linear is not None:
        delta = np.zeros((n, len(fast.years)))
        for k, per_unit in enumerate(fast.linear_weerstand):  # input by input: the same sum for any n
            if per_unit.any():
                delta += linear[:, k, :] * per_unit
    return FastTotals(
        weerstand_delta=delta,
        fixed=fast.fixed,
        jeugdhulp=cost,
        amounts=amounts,
        basis=fast.basis,
        algemene_reserve_index=fast.algemene_reserve,
        benodigd=fast.weerstand_benodigd if benodigd is None else np.asarray(benodigd, dtype=float),
    )


def evaluate_ledger(
    fast: FastLedger,
    n: int,
    price: np.ndarray | Factored | None = None,
    volume: np.ndarray | None = None,
    linear: np.ndarray | None = None,
) -> tuple[rules.Totals, rules.Totals, tuple[int, ...]]:
    """(fixed totals, varying totals per variant, touched reserves): the rules run on the varying ledger itself."""
    _, amounts = varying_amounts(fast, n, price, volume, linear)
    totals, touched = varying_totals(fast, amounts)
    return fast.fixed, totals, touched


def affine_source(fast: FastLedger, key: str, y: int) -> tuple[int | None, int | None, float, float] | None:
    """(row, year, sign, constant) when a figure in year y is constant + sign · (one varying amount), sign ±1;
    (None, None, 0, constant) when no varying row moves it; None otherwise (it must be computed per variant).

    A simulation uses this to take the percentiles of one row for several figures (an affine map with slope ±1
    keeps the order of the draws).
    """
    if key in _ADDITIVE:
        coefficients, start = fast.basis.coefficients[key][:, y], float(getattr(fast.fixed, key)[0, y])
    elif key == "algemene_reserve" and fast.algemene_reserve is not None:
        r = fast.algemene_reserve
        start = float(fast.fixed.reserve_closing[0, r, y])
        coefficients = fast.basis.coefficients.get(f"reserve:{r}", np.zeros((0, 1)))
        coefficients = coefficients[:, y] if coefficients.size else np.zeros(0)
    elif key == "jeugdhulp":
        return None if fast.youth_split else (0, y, 1.0, float(fast.youth_base_cost.sum(axis=0)[y]))
    else:
        return None
    nonzero = np.flatnonzero(coefficients)
    if nonzero.size == 0:
        return None, None, 0.0, start
    if nonzero.size == 1 and abs(coefficients[nonzero[0]]) == 1.0:
        row, year = divmod(int(nonzero[0]), len(fast.years))
        return row, year, float(coefficients[nonzero[0]]), start
    return None
