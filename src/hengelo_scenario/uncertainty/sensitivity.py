"""Sensitivity of one figure: a grid of one or two levers (sweep), each input from low to high (tornado), and
the lever value at which a figure reaches a target (solve).

Sweep and tornado evaluate many points through the float path; solve works on the exact engine (`run` on the
scenario with the lever moved), so its answer is exact where the figure is linear in the lever.
"""

from __future__ import annotations

import decimal
from collections.abc import Sequence
from decimal import Decimal

import numpy as np

from hengelo_scenario.baseline.model import Baseline
from hengelo_scenario.money import parse_percentage
from hengelo_scenario.records import Record
from hengelo_scenario.scenario.model import Scenario
from hengelo_scenario.uncertainty import levers, sampling, variants
from hengelo_scenario.uncertainty.distributions import Distribution, Kind
from hengelo_scenario.uncertainty.levers import LeverError, LeverKind, LeverRef
from hengelo_scenario.uncertainty.model import UncertaintySpec, Variable

__all__ = [
    "Axis",
    "SensitivityError",
    "SolveResult",
    "SweepResult",
    "TornadoBar",
    "parse_vary",
    "solve",
    "sweep",
    "tornado",
]

MAX_POINTS = 201
QUOTIENT = decimal.Context(prec=28, rounding=decimal.ROUND_HALF_EVEN)


class SensitivityError(ValueError):
    """A sweep, tornado or solve that cannot be done as asked; the message says why and what would work."""


class Axis(Record, frozen=True):
    ref: LeverRef
    values: tuple[Decimal, ...]


def _number(text: str, ref: LeverRef, what: str, option: str) -> Decimal:
    text = text.strip()
    if ref.kind.percent:
        try:
            return parse_percentage(text)
        except (ValueError, ArithmeticError):
            raise SensitivityError(
                f"{option}: {what} of {ref.path} must be a percentage such as -5% or +15%, found '{text}'"
            ) from None
    try:
        value = Decimal(text.replace("+", ""))
    except decimal.InvalidOperation:
        raise SensitivityError(
            f"{option}: {what} of {ref.path} must be euros such as -100000, found '{text}'"
        ) from None
    if not value.is_finite():
        raise SensitivityError(f"{option}: {what} of {ref.path} must be a number, found '{text}'")
    return value


def _format(value: Decimal, ref: LeverRef) -> str:
    if ref.kind.percent:
        from hengelo_scenario.money import format_percentage

        return format_percentage(value)
    return format(value, "f")


def check_in_range(
    ref: LeverRef, values: Sequence[Decimal], baseline: Baseline, scenario: Scenario, option: str
) -> None:
    low, high = levers.valid_range(ref, baseline, scenario)
    for v in values:
        if (low is not None and v < low) or (high is not None and v > high):
            lo = _format(low, ref) if low is not None else "-∞"
            hi = _format(high, ref) if high is not None else "+∞"
            bounds = f"{lo} .. {hi}"
            raise SensitivityError(f"{option}: {_format(v, ref)} is outside the valid range of {ref.path} ({bounds})")


def parse_vary(text: str, baseline: Baseline, scenario: Scenario, option: str = "--vary") -> Axis:
    """'jeugdhulp.price=-5%..+15%:1%' (a range with a step) or 'wijkaanpak.amounts=0..100000:25000'."""
    path, sep, spec = text.partition("=")
    if not sep or not path.strip():
        raise SensitivityError(
            f"{option}: expected PATH=LOW..HIGH:STEP, such as jeugdhulp.price=-5%..+15%:1%, found '{text}'"
        )
    try:
        ref = levers.parse(path, baseline, scenario)
    except LeverError as error:
        raise SensitivityError(f"{option}: {error}") from None
    low_text, dots, rest = spec.partition("..")
    high_text, colon, step_text = rest.partition(":")
    if not dots or not colon:
        raise SensitivityError(
            f"{option}: expected {path.strip()}=LOW..HIGH:STEP, such as -5%..+15%:1%, found '{spec}'"
        )
    low = _number(low_text, ref, "the low end", option)
    high = _number(high_text, ref, "the high end", option)
    step = _number(step_text, ref, "the step", option)
    if step <= 0:
        raise SensitivityError(f"{option}: the step must be above 0, found '{step_text.strip()}'")
    if low > high:
        raise SensitivityError(f"{option}: the low end {low_text.strip()} is above the high end {high_text.strip()}")
    count = int((high - low) / step) + 1
    if count > MAX_POINTS:
        raise SensitivityError(f"{option}: {count} points on {ref.path}; at most {MAX_POINTS}: take a larger step")
    values = tuple(low + k * step for k in range(count))
    check_in_range(ref, values, baseline, scenario, option)
    return Axis(ref, values)


class SweepResult(Record, frozen=True):
    figure: str
    year: int
    axes: tuple[Axis, ...]
    values: np.ndarray  # (len(axis 0),) or (len(axis 0), len(axis 1)), float euros
    base: float  # the scenario itself
    structureel: np.ndarray  # same shape: the structureel saldo of the year, where balance is lost or regained

    @property
    def balanced(self) -> np.ndarray:
        """Structurally balanced (structureel saldo ≥ 0) at each grid point."""
        return self.structureel >= 0


def _figure(totals: object, key: str, y: int) -> np.ndarray:
    try:
        return totals.figure(key)[:, y]  # type: ignore[attr-defined]
    except KeyError:
        raise SensitivityError(f"--figure: {key} cannot be computed for many variants") from None


def sweep(baseline: Baseline, scenario: Scenario, axes: Sequence[Axis], figure: str, year: int) -> SweepResult:
    if not 1 <= len(axes) <= 2:
        raise SensitivityError("--vary: give one or two levers")
    if len(axes) == 2 and axes[0].ref == axes[1].ref:
        raise SensitivityError(f"--vary: {axes[0].ref.path} is given twice; vary two different levers")
    y = baseline.years.index(year)
    model = variants.build(baseline, scenario, [a.ref for a in axes])
    grids = np.meshgrid(*[np.array([float(v) for v in a.values]) for a in axes], indexing="ij")
    shifts = np.stack([g.ravel() for g in grids], axis=1)
    totals = variants.evaluate(model, shifts.shape[0], shifts)
    values = _figure(totals, figure, y).reshape(grids[0].shape)
    base = float(_figure(variants.evaluate(model, 1), figure, y)[0])
    structureel = totals.structureel_saldo[:, y].reshape(grids[0].shape)
    return SweepResult(figure, year, tuple(axes), values, base, structureel)


# --- tornado ---------------------------------------------------------------------------------------------------

# Without an uncertainty block: each input moved on top of the scenario, on its own.
DEFAULT_TORNADO: tuple[tuple[str, str, str], ...] = (
    ("jeugdhulp.price", "-2%", "+5%"),
    ("jeugdhulp.volume", "-5%", "+5%"),
    ("jeugdhulp.regie_op_toegang", "0%", "+5%"),
    ("transformatieplan.realisatie", "-25%", "0%"),
)
SEGMENT_VOLUME_RANGE = ("-10%", "+10%")


class TornadoBar(Record, frozen=True):
    label: str
    low_text: str
    high_text: str
    at_low: float
    at_high: float

    @property
    def swing(self) -> float:
        return abs(self.at_high - self.at_low)


class TornadoResult(Record, frozen=True):
    figure: str
    year: int
    base: float
    bars: tuple[TornadoBar, ...]  # largest swing first
    source: str  # "standaard" or "onzekerheid"


def default_tornado_variables(baseline: Baseline, scenario: Scenario) -> list[tuple[Variable, str, str]]:
    found: list[tuple[Variable, str, str]] = []
    entries = list(DEFAULT_TORNADO)
    entries += [(f"jeugdhulp.segments.{s.naam}.volume", *SEGMENT_VOLUME_RANGE) for s in baseline.jeugdhulp]
    for path, low, high in entries:
        try:
            ref = levers.parse(path, baseline, scenario)
        except LeverError:
            continue  # the baseline has no such part (no transformatieplan, say)
        lo, hi = parse_percentage(low), parse_percentage(high)
        try:
            check_in_range(ref, (lo, hi), baseline, scenario, "tornado")
        except SensitivityError:
            continue
        dist = Distribution(Kind.UNIFORM, float(lo), float(hi))
        found.append((Variable(ref.path, ref.label, dist, lever=ref), low, high))
    return found


def tornado(
    baseline: Baseline, scenario: Scenario, spec: UncertaintySpec | None, figure: str, year: int
) -> TornadoResult:
    """Each input from low to high with the others at the scenario; the block's inputs at their P5 and P95."""
    y = baseline.years.index(year)
    if spec is not None and spec.variables:
        rows = []
        for v in spec.variables:
            lo, hi = (float(x) for x in v.distribution.ppf(np.array([0.05, 0.95])))
            percent = v.lever is None or v.lever.kind is not LeverKind.AMOUNT
            text = (
                (lambda x: f"{x * 100:+.1f}%".replace(".", ","))
                if percent
                else (lambda x: f"{x:,.0f}".replace(",", "."))
            )
            rows.append((v, lo, hi, f"P5 {text(lo)}", f"P95 {text(hi)}"))
        source = "onzekerheid"
    else:
        rows = [
            (v, v.distribution.low, v.distribution.high, lo, hi)
            for v, lo, hi in default_tornado_variables(baseline, scenario)
        ]
        source = "standaard"
    if not rows:
        raise SensitivityError("tornado: the scenario and baseline have no uncertain input to move")
    base_spec = spec or UncertaintySpec()
    base_model = variants.build(baseline, scenario)
    base = float(_figure(variants.evaluate(base_model, 1), figure, y)[0])
    bars = []
    for variable, lo, hi, lo_text, hi_text in rows:
        single = UncertaintySpec(
            variables=(Variable(variable.name, variable.label, variable.distribution, variable.jeugd, variable.lever),),
            scenario_price=base_spec.scenario_price,
            scenario_volume=base_spec.scenario_volume,
            scenario_regie=base_spec.scenario_regie,
        )
        if variable.jeugd is not None and single.scenario_price is None:
            raise SensitivityError("tornado: youth-care inputs need the scenario's own factors")
        model = variants.build(baseline, scenario, single.levers)
        price, volume, shifts = sampling.inputs(single, np.array([[lo, hi]]))
        values = _figure(variants.evaluate(model, 2, shifts, price, volume), figure, y)
        bars.append(TornadoBar(variable.label, lo_text, hi_text, float(values[0]), float(values[1])))
    bars.sort(key=lambda b: -b.swing)
    return TornadoResult(figure, year, base, tuple(bars), source)


# --- solve -------------------------------------------------------------------------------------------------------


class SolveResult(Record, frozen=True):
    ref: LeverRef
    figure: str
    year: int
    target: Decimal
    value: Decimal  # the lever value
    linear: bool  # solved exactly from the linear relation (else by bisection)
    at_value: Decimal  # the figure, exactly, at `value` (rounded to 28 digits for a ratio)
    at_zero: Decimal  # the figure in the scenario itself
    slope: Decimal | None  # change of the figure per unit of the lever (per 100 percentage points, or per euro)


def _exact_figure(baseline: Baseline, scenario: Scenario, ref: LeverRef, x: Decimal, figure: str, y: int) -> Decimal:
    from hengelo_scenario.engine import run
    from hengelo_scenario.outcome.figures import FIGURES

    outcome = run(baseline, levers.apply(baseline, scenario, {ref: x}))
    found = FIGURES[figure].get(outcome)
    if found is None:
        raise SensitivityError(f"--target: the baseline has no {figure}")
    return found.scenario[y]


def solve(
    baseline: Baseline, scenario: Scenario, ref: LeverRef, figure: str, target: Decimal, year: int
) -> SolveResult:
    y = baseline.years.index(year)
    low, high = levers.valid_range(ref, baseline, scenario)
    h = Decimal("0.1") if ref.kind.percent else Decimal(100_000)
    if high is not None and 0 < high < 2 * h:  # three points within the range, so linearity can be seen
        h = high / 2
    f0 = _exact_figure(baseline, scenario, ref, Decimal(0), figure, y)
    f1 = _exact_figure(baseline, scenario, ref, h, figure, y)
    f2 = _exact_figure(baseline, scenario, ref, 2 * h, figure, y) if high is None or 2 * h <= high else None
    linear = f2 is not None and (f2 - f1) == (f1 - f0)

    def bounds_text() -> str:
        lo = _format(low, ref) if low is not None else "-∞"
        hi = _format(high, ref) if high is not None else "+∞"
        return f"{lo} .. {hi}"

    if f1 == f0 and (f2 is None or f2 == f0):
        raise SensitivityError(
            f"{figure} in {year} does not depend on {ref.path} (it stays {f0:,.2f}); choose another lever"
        )
    if linear:
        slope = QUOTIENT.divide(f1 - f0, h)
        x = QUOTIENT.divide(target - f0, slope)
        if (low is not None and x < low) or (high is not None and x > high):
            shown = _format(x.quantize(Decimal("0.0001") if ref.kind.percent else Decimal(1)), ref)
            per = slope * (Decimal("0.01") if ref.kind.percent else 1)
            unit = "percentage point" if ref.kind.percent else "euro"
            raise SensitivityError(
                f"no value of {ref.path} in its valid range ({bounds_text()}) gives {figure} = {target} in {year}: "
                f"it would take {shown} (the figure is {f0:,.2f} in the scenario and changes by {per:,.2f} per {unit})"
            )
        at = _exact_figure(baseline, scenario, ref, x, figure, y)
        return SolveResult(ref, figure, year, target, x, True, at, f0, slope)
    # Not linear (a ratio, say): bisection on the exact engine within the valid range.
    lo = low if low is not None else Decimal(-10) if ref.kind.percent else Decimal("-1e9")
    hi = high if high is not None else Decimal(10) if ref.kind.percent else Decimal("1e9")
    g_lo = _exact_figure(baseline, scenario, ref, lo, figure, y) - target
    g_hi = _exact_figure(baseline, scenario, ref, hi, figure, y) - target
    if g_lo == 0:
        return SolveResult(ref, figure, year, target, lo, False, target, f0, None)
    if (g_lo > 0) == (g_hi > 0):
        raise SensitivityError(
            f"no value of {ref.path} in {_format(lo, ref)} .. {_format(hi, ref)} gives {figure} = {target} in "
            f"{year}: the figure runs from {g_lo + target:,.4f} to {g_hi + target:,.4f} there"
        )
    for _ in range(90):
        mid = QUOTIENT.divide(lo + hi, 2)
        g_mid = _exact_figure(baseline, scenario, ref, mid, figure, y) - target
        if g_mid == 0 or hi - lo < Decimal("1e-12"):
            break
        if (g_mid > 0) == (g_lo > 0):
            lo, g_lo = mid, g_mid
        else:
            hi = mid
    at = _exact_figure(baseline, scenario, ref, mid, figure, y)
    return SolveResult(ref, figure, year, target, mid, False, at, f0, None)
