"""The budget rules, once, over arrays with a leading variant axis.

Every function here takes numpy arrays shaped (variants, ..., years) and works the same for object arrays of
Decimal (exact euros, what `run` uses) and float arrays (fast, for sweeps of thousands of variants). Variant 0
is conventionally the baseline. This is the only home of the formulas of domain brief §3:

    saldo van baten en lasten = Σ baten − Σ lasten
    geraamd resultaat         = saldo − Σ toevoegingen + Σ onttrekkingen
    structureel saldo         = (structurele baten − structurele lasten)
                                + (structurele onttrekkingen − structurele toevoegingen)
    reserve on 31-12          = reserve on 1-1 + toevoegingen − onttrekkingen; 1-1 of a year = 31-12 before it
    weerstandsratio           = beschikbare / benodigde weerstandscapaciteit
"""

from __future__ import annotations

import decimal
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

import numpy as np

from hengelo_scenario.outcome.model import Verdict


@dataclass(frozen=True)
class Ledger:
    """Lines (lasten/baten) and reserve mutations of every variant, with their attributes.

    line_amounts: (V, L, Y); mutation_amounts: (V, M, Y). Attribute arrays have one entry per line/mutation.
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
    weerstand_beschikbaar_delta: np.ndarray | None = None  # (V, Y) levers' changes of the capacity other than reserves


@dataclass(frozen=True)
class Totals:
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
    line_s, mut_s = ledger.line_structural, ledger.mutation_structural

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

    n_p = ledger.n_programmas
    n_r = len(ledger.reserve_opening)
    reserve_toev = grouped_sum(mutations, ledger.mutation_reserve, is_toev, n_r)
    reserve_ontt = grouped_sum(mutations, ledger.mutation_reserve, is_ontt, n_r)
    opening, closing = carry_reserves(ledger.reserve_opening, reserve_toev, reserve_ontt)

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


def youth_care_cost(prices: np.ndarray, volumes: np.ndarray) -> np.ndarray:
    """Cost per variant, segment and year: p x q (domain brief rule 4)."""
    return prices * volumes


def price_volume_decomposition(prices: np.ndarray, volumes: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Split each variant's cost change against variant 0 into price, volume and interaction effects.

    (p1 − p0)·q0 + p0·(q1 − q0) + (p1 − p0)·(q1 − q0) = p1·q1 − p0·q0 exactly.
    """
    p0, q0 = prices[:1], volumes[:1]
    dp, dq = prices - p0, volumes - q0
    return dp * q0, p0 * dq, dp * dq


# Weerstandsratio classes of the NAR / Universiteit Twente table (budget conventions §5.3): the ratio is first
# rounded to two decimals (as reports print it), then A > 2.0, B >= 1.4, C >= 1.0, D >= 0.8, E >= 0.6, else F.
WEERSTAND_KLASSEN: tuple[tuple[str, Decimal, bool, str], ...] = (
    ("A", Decimal("2.0"), False, "uitstekend"),
    ("B", Decimal("1.4"), True, "ruim voldoende"),
    ("C", Decimal("1.0"), True, "voldoende"),
    ("D", Decimal("0.8"), True, "matig"),
    ("E", Decimal("0.6"), True, "onvoldoende"),
)
KLASSE_F = ("F", "ruim onvoldoende")


_QUOTIENT = decimal.Context(prec=28, rounding=ROUND_HALF_UP)


def quotient(numerator: Decimal, denominator: Decimal) -> Decimal | None:
    """A ratio that is not money (weerstandsratio, exploitatieruimte), to 28 digits; None for a zero divisor."""
    if denominator == 0:
        return None
    return _QUOTIENT.divide(Decimal(numerator), Decimal(denominator))


def weerstand_klasse(ratio: Decimal | None) -> str:
    if ratio is None:
        return "-"
    shown = ratio.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP, context=_QUOTIENT)
    for klasse, boundary, inclusive, _ in WEERSTAND_KLASSEN:
        if shown > boundary or (inclusive and shown == boundary):
            return klasse
    return KLASSE_F[0]


def weerstand_omschrijving(klasse: str) -> str:
    for name, _, _, text in WEERSTAND_KLASSEN:
        if name == klasse:
            return text
    return KLASSE_F[1] if klasse == KLASSE_F[0] else ""


def verdict(structureel_saldo: tuple[Decimal, ...]) -> Verdict:
    """Indicative provincial test: structurally balanced in the first year, or at the latest in the last."""
    if structureel_saldo[0] >= 0:
        return Verdict.IN_EVENWICHT
    if structureel_saldo[-1] >= 0:
        return Verdict.UITERLIJK_LAATSTE_JAAR
    return Verdict.NIET_IN_EVENWICHT


INCIDENTAL_MAX_YEARS = 3  # Commissie BBV: incidental is roughly three years at most, or explicitly temporary
WEERSTAND_NORM = Decimal("1.0")  # a common council norm (class C); there is no legal one


def signals(
    years: tuple[int, ...],
    incidental_lasten: list[tuple[str, tuple[Decimal, ...]]],
    ratio: tuple[Decimal, ...],
) -> tuple[str, ...]:
    """What a supervisor would point at, beyond the formulas: long 'incidental' costs and a thin buffer."""
    found = []
    for name, amounts in incidental_lasten:
        run = longest = 0
        for amount in amounts:
            run = run + 1 if amount != 0 else 0
            longest = max(longest, run)
        if longest > INCIDENTAL_MAX_YEARS:
            found.append(
                f"'{name}' is incidenteel geraamd in {longest} opeenvolgende jaren; de provincie ziet dat "
                "waarschijnlijk als structureel."
            )
    low = [str(y) for y, r in zip(years, ratio, strict=True) if not r.is_nan() and r < WEERSTAND_NORM]
    if low:
        norm = str(WEERSTAND_NORM).replace(".", ",")
        found.append(f"Weerstandsratio onder {norm} (ondergrens waardering C) in {', '.join(low)}.")
    return tuple(found)
