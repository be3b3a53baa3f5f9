"""The budget rules, once, over arrays with a leading variant axis.

Every function here takes numpy arrays shaped (variants, ..., years) and works the same for object arrays of
Decimal (exact euros, what `run` uses) and float arrays (fast, for sweeps of thousands of variants). Variant 0
is conventionally the baseline. This is the only home of the formulas of domain brief §3:

    saldo van baten en lasten = Σ baten − Σ lasten                                           (BBV art. 17)
    geraamd resultaat         = saldo − Σ toevoegingen + Σ onttrekkingen                     (BBV art. 17)
    structureel saldo         = (structurele baten − structurele lasten)
                                + (structurele onttrekkingen − structurele toevoegingen)     (BBV art. 19c/d)
                                where a reserve mutation is structural only if its reserve may carry structural
                                mutations (Commissie BBV notitie structurele en incidentele baten en lasten 2018)
    reëel structureel saldo   = structureel saldo − the structural stelposten, taakstellingen and uncertain lines
                                − the open taakstelling counted on (GTK 2020: the province may correct for them)
    reserve on 31-12          = reserve on 1-1 + toevoegingen − onttrekkingen (+ the geraamd resultaat for the
                                algemene reserve under resultaatbestemming); 1-1 of a year = 31-12 before it
    weerstandsratio           = beschikbare / benodigde weerstandscapaciteit                 (BBV art. 11)
"""

from __future__ import annotations

import decimal
from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal

import numpy as np

from hengelo_scenario.baseline import model as baseline_model
from hengelo_scenario.outcome.model import (
    Conclusie,
    Grond,
    JaarEvenwicht,
    KlasseGrens,
    Toezicht,
    Verdict,
)
from hengelo_scenario.records import Record


class Ledger(Record, frozen=True):
    """Lines (lasten/baten) and reserve mutations of every variant, with their attributes.

    line_amounts: (V, L, Y); mutation_amounts: (V, M, Y). Attribute arrays have one entry per line/mutation.
    `mutation_structural` is the mutation's aard as booked; `mutation_counts_structural` whether it counts as
    structural in the structureel saldo (aard structureel and a reserve that may carry structural mutations).
    """

    line_amounts: np.ndarray
    line_is_baat: np.ndarray  # (L,) bool
    line_structural: np.ndarray  # (L,) bool
    line_programma: np.ndarray  # (L,) int, index into the programmes
    mutation_amounts: np.ndarray
    mutation_is_onttrekking: np.ndarray  # (M,) bool
    mutation_structural: np.ndarray  # (M,) bool
    mutation_reserve: np.ndarray  # (M,) int, index into the reserves
    mutation_programma: np.ndarray  # (M,) int
    reserve_opening: np.ndarray  # (R,) balance on 1 January of the first year
    reserve_counts_as_weerstand: np.ndarray  # (R,) bool
    weerstand_beschikbaar_overig: np.ndarray  # (Y,) available capacity other than reserves
    weerstand_benodigd: np.ndarray  # (Y,)
    n_programmas: int
    line_onzeker: np.ndarray | None = None  # (L,) bool: a stelpost, taakstelling or uncertain line
    mutation_counts_structural: np.ndarray | None = None  # (M,) bool; None: as mutation_structural
    open_taakstelling: np.ndarray | None = None  # (V, Y) unfilled taakstelling the budget still counts on
    resultaat_reserve: int = -1  # index of the algemene reserve that takes up the geraamd resultaat; -1: none
    resultaatbestemming: np.ndarray | None = None  # (V,) bool: the variant books its result to that reserve
    weerstand_beschikbaar_delta: np.ndarray | None = None  # (V, Y) levers' changes of the capacity other than reserves


class Totals(Record, frozen=True):
    """Every derived figure for every variant: (V, Y), or (V, P, Y) per programme, (V, R, Y) per reserve."""

    lasten: np.ndarray
    baten: np.ndarray
    saldo_baten_lasten: np.ndarray
    toevoegingen: np.ndarray
    onttrekkingen: np.ndarray
    geraamd_resultaat: np.ndarray
    structurele_lasten: np.ndarray
    structurele_baten: np.ndarray
    structurele_toevoegingen: np.ndarray
    structurele_onttrekkingen: np.ndarray
    structureel_saldo: np.ndarray
    programma_lasten: np.ndarray
    programma_baten: np.ndarray
    programma_toevoegingen: np.ndarray
    programma_onttrekkingen: np.ndarray
    reserve_opening: np.ndarray
    reserve_toevoegingen: np.ndarray
    reserve_onttrekkingen: np.ndarray
    reserve_closing: np.ndarray
    weerstand_beschikbaar: np.ndarray
    weerstand_benodigd: np.ndarray
    reserve_resultaat: np.ndarray  # (V, R, Y) the geraamd resultaat taken up (+ added, − withdrawn)
    reserve_closing_zonder_resultaat: np.ndarray  # (V, R, Y) the balance from the bookings alone
    onzekere_posten: np.ndarray  # (V, Y) effect on the structureel saldo of the uncertain lines + open taakstelling
    reeel_structureel_saldo: np.ndarray  # (V, Y)
    incidentele_lasten: np.ndarray  # (V, Y)
    incidentele_baten: np.ndarray
    incidentele_toevoegingen: np.ndarray  # everything not counted structural, incl. downgraded mutations
    incidentele_onttrekkingen: np.ndarray
    programma_incidentele_lasten: np.ndarray  # (V, P, Y), BBV art. 19c
    programma_incidentele_baten: np.ndarray
    reserve_structurele_toevoegingen: np.ndarray  # (V, R, Y), BBV art. 19d
    reserve_structurele_onttrekkingen: np.ndarray


def zero_of(array: np.ndarray) -> Decimal | float:
    return Decimal(0) if array.dtype == object else array.dtype.type(0)


def masked_sum(amounts: np.ndarray, mask: np.ndarray) -> np.ndarray:
    """Σ over the rows (axis 1) selected by mask: (V, N, Y) -> (V, Y). Exact for Decimal objects."""
    selected = amounts[:, mask, :]
    return np.add.reduce(selected, axis=1, initial=zero_of(amounts))


def grouped_sum(amounts: np.ndarray, groups: np.ndarray, mask: np.ndarray, n_groups: int) -> np.ndarray:
    """Σ of the masked rows per group index: (V, N, Y) -> (V, G, Y)."""
    return np.stack([masked_sum(amounts, mask & (groups == g)) for g in range(n_groups)], axis=1)


def evaluate(ledger: Ledger) -> Totals:
    """Apply the budget rules to every variant at once."""
    lines, mutations = ledger.line_amounts, ledger.mutation_amounts
    is_baat, is_last = ledger.line_is_baat, ~ledger.line_is_baat
    is_ontt, is_toev = ledger.mutation_is_onttrekking, ~ledger.mutation_is_onttrekking
    line_s = ledger.line_structural
    mut_s = (
        ledger.mutation_structural if ledger.mutation_counts_structural is None else ledger.mutation_counts_structural
    )
    line_i, mut_i = ~line_s, ~mut_s
    zero = zero_of(lines)

    lasten = masked_sum(lines, is_last)
    baten = masked_sum(lines, is_baat)
    toevoegingen = masked_sum(mutations, is_toev)
    onttrekkingen = masked_sum(mutations, is_ontt)
    saldo = baten - lasten
    resultaat = saldo - toevoegingen + onttrekkingen

    s_lasten = masked_sum(lines, is_last & line_s)
    s_baten = masked_sum(lines, is_baat & line_s)
    s_toev = masked_sum(mutations, is_toev & mut_s)
    s_ontt = masked_sum(mutations, is_ontt & mut_s)
    structureel = (s_baten - s_lasten) + (s_ontt - s_toev)

    onzeker = np.zeros(line_s.shape, dtype=bool) if ledger.line_onzeker is None else ledger.line_onzeker
    # Leaving an uncertain line out changes the saldo by minus its effect: a stelpost baat lowers it, a
    # taakstelling (a negative last) raises the lasten.
    onzekere = masked_sum(lines, is_baat & line_s & onzeker) - masked_sum(lines, is_last & line_s & onzeker)
    if ledger.open_taakstelling is not None:
        onzekere = onzekere + ledger.open_taakstelling
    reeel = structureel - onzekere

    n_p = ledger.n_programmas
    n_r = len(ledger.reserve_opening)
    reserve_toev = grouped_sum(mutations, ledger.mutation_reserve, is_toev, n_r)
    reserve_ontt = grouped_sum(mutations, ledger.mutation_reserve, is_ontt, n_r)
    bestemming = np.full(reserve_toev.shape, zero, dtype=reserve_toev.dtype)
    if ledger.resultaat_reserve >= 0:
        takes = (
            np.ones(resultaat.shape[0], dtype=bool)
            if ledger.resultaatbestemming is None
            else np.asarray(ledger.resultaatbestemming, dtype=bool)
        )
        bestemming[:, ledger.resultaat_reserve, :] = np.where(takes[:, np.newaxis], resultaat, zero)  # type: ignore[arg-type]
    _, closing_bookings = carry_reserves(ledger.reserve_opening, reserve_toev, reserve_ontt)
    opening, closing = carry_reserves(ledger.reserve_opening, reserve_toev + bestemming, reserve_ontt)

    counted = ledger.reserve_counts_as_weerstand
    reserves_counted = np.add.reduce(closing[:, counted, :], axis=1, initial=zero_of(closing))
    beschikbaar = reserves_counted + ledger.weerstand_beschikbaar_overig[np.newaxis, :]
    if ledger.weerstand_beschikbaar_delta is not None:  # e.g. a higher OZB uses up onbenutte belastingcapaciteit
        beschikbaar = beschikbaar + ledger.weerstand_beschikbaar_delta
    benodigd = np.broadcast_to(ledger.weerstand_benodigd, beschikbaar.shape)

    return Totals(
        lasten=lasten,
        baten=baten,
        saldo_baten_lasten=saldo,
        toevoegingen=toevoegingen,
        onttrekkingen=onttrekkingen,
        geraamd_resultaat=resultaat,
        structurele_lasten=s_lasten,
        structurele_baten=s_baten,
        structurele_toevoegingen=s_toev,
        structurele_onttrekkingen=s_ontt,
        structureel_saldo=structureel,
        programma_lasten=grouped_sum(lines, ledger.line_programma, is_last, n_p),
        programma_baten=grouped_sum(lines, ledger.line_programma, is_baat, n_p),
        programma_toevoegingen=grouped_sum(mutations, ledger.mutation_programma, is_toev, n_p),
        programma_onttrekkingen=grouped_sum(mutations, ledger.mutation_programma, is_ontt, n_p),
        reserve_opening=opening,
        reserve_toevoegingen=reserve_toev,
        reserve_onttrekkingen=reserve_ontt,
        reserve_closing=closing,
        weerstand_beschikbaar=beschikbaar,
        weerstand_benodigd=benodigd,
        reserve_resultaat=bestemming,
        reserve_closing_zonder_resultaat=closing_bookings,
        onzekere_posten=onzekere,
        reeel_structureel_saldo=reeel,
        incidentele_lasten=masked_sum(lines, is_last & line_i),
        incidentele_baten=masked_sum(lines, is_baat & line_i),
        incidentele_toevoegingen=masked_sum(mutations, is_toev & mut_i),
        incidentele_onttrekkingen=masked_sum(mutations, is_ontt & mut_i),
        programma_incidentele_lasten=grouped_sum(lines, ledger.line_programma, is_last & line_i, n_p),
        programma_incidentele_baten=grouped_sum(lines, ledger.line_programma, is_baat & line_i, n_p),
        reserve_structurele_toevoegingen=grouped_sum(mutations, ledger.mutation_reserve, is_toev & mut_s, n_r),
        reserve_structurele_onttrekkingen=grouped_sum(mutations, ledger.mutation_reserve, is_ontt & mut_s, n_r),
    )


def carry_reserves(
    opening_first_year: np.ndarray, toevoegingen: np.ndarray, onttrekkingen: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Balances on 1 January and 31 December per variant, reserve and year; each 31-12 is the next 1-1."""
    mutation = toevoegingen - onttrekkingen  # (V, R, Y)
    closing = opening_first_year[np.newaxis, :, np.newaxis] + np.cumsum(mutation, axis=2)
    opening = np.concatenate(
        [np.broadcast_to(opening_first_year[np.newaxis, :, np.newaxis], closing[:, :, :1].shape), closing[:, :, :-1]],
        axis=2,
    )
    return opening, closing


youth_care_cost = baseline_model.youth_care_cost  # cost per variant, segment and year: p x q, the one rule


def price_volume_decomposition(prices: np.ndarray, volumes: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Split each variant's cost change against variant 0 into price, volume and interaction effects.

    (p1 − p0)·q0 + p0·(q1 − q0) + (p1 − p0)·(q1 − q0) = p1·q1 − p0·q0 exactly.
    """
    p0, q0 = prices[:1], volumes[:1]
    dp, dq = prices - p0, volumes - q0
    return dp * q0, p0 * dq, dp * dq


# Weerstandsratio classes of the NAR / Universiteit Twente table (budget conventions §5.3): the ratio is first
# rounded to two decimals (as reports print it), then A > 2.0, B >= 1.4, C >= 1.0, D >= 0.8, E >= 0.6, else F.
WEERSTAND_KLASSEN: tuple[KlasseGrens, ...] = (
    KlasseGrens("A", Decimal("2.0"), False),
    KlasseGrens("B", Decimal("1.4"), True),
    KlasseGrens("C", Decimal("1.0"), True),
    KlasseGrens("D", Decimal("0.8"), True),
    KlasseGrens("E", Decimal("0.6"), True),
)
KLASSE_F = "F"  # below every boundary

_QUOTIENT = decimal.Context(prec=28, rounding=ROUND_HALF_UP)
RATIO_DECIMALS = Decimal("0.01")


def quotient(numerator: Decimal, denominator: Decimal) -> Decimal | None:
    """A ratio that is not money (weerstandsratio, exploitatieruimte), to 28 digits; None for a zero divisor."""
    if denominator == 0:
        return None
    return _QUOTIENT.divide(Decimal(numerator), Decimal(denominator))


def shown_ratio(ratio: Decimal) -> Decimal:
    """The weerstandsratio as a report prints it, to two decimals (half away from zero): the class and the norm
    are both judged on this one figure, so a ratio printed as 1,00 is never also 'below 1,0'."""
    return ratio.quantize(RATIO_DECIMALS, rounding=ROUND_HALF_UP, context=_QUOTIENT)


def weerstand_klasse(ratio: Decimal | None) -> str:
    if ratio is None:
        return "-"
    shown = shown_ratio(ratio)
    for grens in WEERSTAND_KLASSEN:
        if shown > grens.ondergrens or (grens.inclusief and shown == grens.ondergrens):
            return grens.klasse
    return KLASSE_F


def conclusie(years: Sequence[int], structureel: Sequence[Decimal], reeel: Sequence[Decimal]) -> Conclusie:
    """The indicative test of Gemeentewet art. 203 lid 1, per jaarschijf (GTK 2020).

    A year is in evenwicht when its structureel saldo is 0 or more (structureel) and stays so without the
    stelposten, taakstellingen and uncertain lines (reëel). Repressief toezicht when the begrotingsjaar is
    structureel en reëel in evenwicht, or the last year of the meerjarenraming is; otherwise a risk of preventief
    toezicht. Status: every year in evenwicht; repressief but not every year; preventief risk.
    """
    jaren = tuple(
        JaarEvenwicht(year, s, s >= 0, r, r >= 0) for year, s, r in zip(years, structureel, reeel, strict=True)
    )
    first, last = jaren[0].in_evenwicht, jaren[-1].in_evenwicht
    if first:
        grond, toezicht = Grond.BEGROTINGSJAAR, Toezicht.REPRESSIEF
    elif last:
        grond, toezicht = Grond.LAATSTE_JAAR, Toezicht.REPRESSIEF
    else:
        grond, toezicht = Grond.GEEN, Toezicht.PREVENTIEF
    if all(j.in_evenwicht for j in jaren):
        status = Verdict.IN_EVENWICHT
    elif toezicht is Toezicht.REPRESSIEF:
        status = Verdict.NIET_ELK_JAAR
    else:
        status = Verdict.NIET_IN_EVENWICHT
    return Conclusie(jaren, toezicht, grond, status)


def longest_run(amounts: Sequence[Decimal]) -> int:
    """The most consecutive years with a non-zero amount."""
    run = longest = 0
    for amount in amounts:
        run = run + 1 if amount != 0 else 0
        longest = max(longest, run)
    return longest
