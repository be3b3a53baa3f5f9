"""The `uncertainty:` block of a scenario file, as pydantic models with the same located errors as the rest.

    uncertainty:
      jeugdhulp:                       # replaces the scenario's own youth-care levers, draw by draw
        price:  {growth: {distribution: normal, mean: 4.96%, sd: 1.5%}, from: 2026}
        volume: {growth: {distribution: triangular, low: 0%, mode: 3%, high: 7%}, from: 2026}
        segments:
          Verblijf: {volume: {growth: {distribution: pert, low: 1%, mode: 5%, high: 12%}, from: 2026}}
        correlation:
          volume: {matrix: [[1, 0.5], [0.5, 1]], segments: [Ambulant, Verblijf]}
      levers:                          # any numeric lever by dotted path, moved on top of the scenario
        transformatieplan.realisatie: {distribution: uniform, low: -40%, high: 0%}
      weerstand: {benodigd: risicoregister, zekerheid: 90%}
      reserve_floor: 15000000
      draws: 100000
      seed: 42

Values are checked here as far as they can be without the baseline (a percentage has a % sign, sd ≥ 0,
low ≤ mode ≤ high, a correlation matrix is square, symmetric, with ones on the diagonal and positive
semi-definite); `uncertainty.resolve` checks names, years and lever paths against the baseline.

These models do not import `scenario.schema` (which imports them); messages use its helpers at validation time.
They live in the scenario layer so the schema can validate the block on loading; `uncertainty.schema` re-exports
them.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Annotated, Any, ClassVar

from pydantic import BaseModel, ConfigDict, Field, PlainValidator, WithJsonSchema, model_validator
from pydantic_core import PydanticCustomError

from hengelo_scenario.money import parse_percentage, to_decimal

__all__ = [
    "Correlation",
    "DistributionModel",
    "Quantity",
    "UncertainChange",
    "UncertainJeugdhulp",
    "UncertainSegment",
    "UncertaintyModel",
    "WeerstandModel",
]

DISTRIBUTIONS = ("normal", "lognormal", "uniform", "triangular", "pert")
PARAMETERS = {
    "normal": ("mean", "sd"),
    "lognormal": ("mean", "sd"),
    "uniform": ("low", "high"),
    "triangular": ("low", "mode", "high"),
    "pert": ("low", "mode", "high"),
}
JEUGD_LEVERS = ("price", "volume", "regie_op_toegang")
BENODIGD_CHOICES = ("risicoregister", "werkboek")
PSD_TOLERANCE = 1e-10


def _error(expected: str, found: str, hint: str = "", field: str = "") -> PydanticCustomError:
    return PydanticCustomError(
        "scenario",
        "expected {expected}, found {found}",
        {"expected": expected, "found": found, "hint": hint, "field": field},
    )


def _describe(value: Any) -> str:
    from hengelo_scenario.scenario.values import describe

    return describe(value)


@dataclass(frozen=True)
class Quantity:
    """A number as written: a percentage ("3%", kept as the fraction 0.03) or a plain number (euros)."""

    value: Decimal
    percent: bool

    def __str__(self) -> str:
        if self.percent:
            from hengelo_scenario.money import format_percentage

            return format_percentage(self.value)
        return format(self.value, "f")


def _quantity(value: Any) -> Quantity:
    expected = 'a percentage such as "3%" or an amount in euros such as 250000'
    if isinstance(value, bool) or value is None or isinstance(value, dict | list):
        raise _error(expected, _describe(value))
    if isinstance(value, float):
        value = to_decimal(value)
    if isinstance(value, int):
        return Quantity(Decimal(value), False)
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise _error(expected, _describe(value))
        return Quantity(value, False)
    if isinstance(value, str):
        try:
            return Quantity(parse_percentage(value), True)
        except (ValueError, ArithmeticError):
            raise _error(
                expected, _describe(value), "write a number followed by %, such as 3% or -2,5%, or plain euros"
            ) from None
    raise _error(expected, _describe(value))


def _year(value: Any) -> int:
    if isinstance(value, int) and not isinstance(value, bool) and 1000 <= value <= 9999:
        return int(value)
    if isinstance(value, str) and value.strip().isdigit() and len(value.strip()) == 4:
        return int(value.strip())
    raise _error("a year such as 2026", _describe(value))


def _choice(value: Any, options: tuple[str, ...]) -> str:
    expected = "one of: " + ", ".join(options)
    if not isinstance(value, str):
        raise _error(expected, _describe(value))
    text = " ".join(value.split()).lower()
    if text in options:
        return text
    from hengelo_scenario.scenario.values import suggest

    raise _error(expected, _describe(value), suggest(text, options))


def _distribution_name(value: Any) -> str:
    return _choice(value, DISTRIBUTIONS)


MAX_DRAWS = 100_000_000  # the same bound as `simulate --draws`: beyond it a run would take many minutes


def _count(value: Any) -> int:
    if isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= MAX_DRAWS:
        return int(value)
    raise _error(f"a whole number from 1 to {MAX_DRAWS}", _describe(value), "write it without quotes or separators")


def _seed(value: Any) -> int:
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        return int(value)
    raise _error("a whole number of 0 or more", _describe(value))


def _correlation_value(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
        raise _error("a correlation between -1 and 1", _describe(value))
    number = float(value)
    if not -1.0 <= number <= 1.0:
        raise _error("a correlation between -1 and 1", _describe(value))
    return number


def _name(value: Any) -> str:
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, str) and value.strip():
        return value.strip()
    raise _error("a name", _describe(value))


_QUANTITY_JSON: dict[str, Any] = {
    "type": ["string", "number"],
    "description": 'A percentage with a % sign ("3%") for rates and shares, plain euros (250000) for amounts.',
    "examples": ["3%", "1.5%", 250000],
}
QuantityValue = Annotated[Any, PlainValidator(_quantity), WithJsonSchema(_QUANTITY_JSON)]
YearKey = Annotated[int, PlainValidator(_year), WithJsonSchema({"type": "string", "pattern": "^[0-9]{4}$"})]
YearValue = Annotated[int, PlainValidator(_year), WithJsonSchema({"type": "integer", "examples": [2026]})]
DistributionName = Annotated[
    str, PlainValidator(_distribution_name), WithJsonSchema({"type": "string", "enum": list(DISTRIBUTIONS)})
]
Count = Annotated[int, PlainValidator(_count), WithJsonSchema({"type": "integer", "minimum": 1, "maximum": MAX_DRAWS})]
Seed = Annotated[int, PlainValidator(_seed), WithJsonSchema({"type": "integer", "minimum": 0})]
CorrelationValue = Annotated[
    float, PlainValidator(_correlation_value), WithJsonSchema({"type": "number", "minimum": -1, "maximum": 1})
]
Name = Annotated[str, PlainValidator(_name), WithJsonSchema({"type": "string", "minLength": 1})]
Certainty = Annotated[
    Any,
    PlainValidator(lambda v: _certainty(v)),
    WithJsonSchema({"type": "string", "examples": ["90%"], "description": "A certainty between 50% and 99.9%."}),
]
Amount = Annotated[Any, PlainValidator(lambda v: _amount(v)), WithJsonSchema({"type": "number", "minimum": 0})]
BenodigdChoice = Annotated[
    str,
    PlainValidator(lambda v: _choice(v, BENODIGD_CHOICES)),
    WithJsonSchema({"type": "string", "enum": list(BENODIGD_CHOICES)}),
]
JeugdLever = Annotated[str, PlainValidator(lambda v: _choice(v, JEUGD_LEVERS)), WithJsonSchema({"type": "string"})]


def _certainty(value: Any) -> Decimal:
    quantity = _quantity(value)
    if not quantity.percent:
        raise _error('a certainty as a percentage, such as "90%"', _describe(value), "write it with a % sign")
    if not Decimal("0.5") <= quantity.value < 1:
        raise _error("a certainty of at least 50% and below 100%", str(quantity), "90% is common practice")
    return quantity.value


def _amount(value: Any) -> Decimal:
    quantity = _quantity(value)
    if quantity.percent or quantity.value < 0:
        raise _error("an amount of 0 or more euros", _describe(value), "write plain euros, such as 15000000")
    return quantity.value


class _Model(BaseModel):
    """Unknown keys are refused, like every section of a scenario file."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True, hide_input_in_errors=False)

    expected: ClassVar[str] = "a mapping"
    hint: ClassVar[str] = ""


class DistributionModel(_Model):
    """One uncertain value: a distribution and its parameters."""

    model_config = ConfigDict(
        title="Distribution",
        json_schema_extra={
            "examples": [
                {"distribution": "normal", "mean": "3%", "sd": "1%"},
                {"distribution": "triangular", "low": "0%", "mode": "3%", "high": "8%"},
            ]
        },
    )
    expected: ClassVar[str] = "a distribution: `distribution:` and its parameters"
    hint: ClassVar[str] = "write for example `{distribution: normal, mean: 3%, sd: 1%}`"

    distribution: DistributionName = Field(description="normal, lognormal, uniform, triangular or pert.")
    mean: QuantityValue | None = Field(None, description="normal and lognormal: the expected value.")
    sd: QuantityValue | None = Field(None, description="normal and lognormal: the standard deviation, 0 or more.")
    low: QuantityValue | None = Field(None, description="uniform, triangular, pert: the lowest value.")
    mode: QuantityValue | None = Field(None, description="triangular, pert: the most likely value.")
    high: QuantityValue | None = Field(None, description="uniform, triangular, pert: the highest value.")

    @model_validator(mode="after")
    def _parameters(self) -> DistributionModel:
        wanted = PARAMETERS[self.distribution]
        for name in ("mean", "sd", "low", "mode", "high"):
            given = getattr(self, name) is not None
            if name in wanted and not given:
                raise _error(
                    f"the parameters of a {self.distribution} distribution: {', '.join(wanted)}",
                    f"no {name}",
                    f"add `{name}:`",
                    field=name,
                )
            if name not in wanted and given:
                raise _error(
                    f"only {', '.join(wanted)} for a {self.distribution} distribution",
                    f"`{name}`",
                    f"remove `{name}`, or choose another distribution",
                    field=name,
                )
        values = {name: getattr(self, name) for name in wanted}
        units = {q.percent for q in values.values()}
        if len(units) > 1:
            raise _error(
                "every parameter in the same unit (all percentages, or all euros)",
                ", ".join(f"{k} {v}" for k, v in values.items()),
                "write each of them with a % sign, or none of them",
            )
        if "sd" in values and values["sd"].value < 0:
            raise _error("a standard deviation of 0 or more", str(values["sd"]), field="sd")
        if "low" in values and values["low"].value > values["high"].value:
            raise _error("low at most high", f"low {values['low']} above high {values['high']}", field="low")
        if "mode" in values and not values["low"].value <= values["mode"].value <= values["high"].value:
            raise _error(
                "a mode between low and high",
                f"mode {values['mode']} outside {values['low']} .. {values['high']}",
                field="mode",
            )
        return self

    def values(self) -> dict[str, Quantity]:
        return {name: getattr(self, name) for name in PARAMETERS[self.distribution]}


class UncertainChange(_Model):
    """An uncertain youth-care lever: an annual `growth` (from a year on) or a change `per_year`."""

    model_config = ConfigDict(title="Uncertain change")
    expected: ClassVar[str] = "an uncertain change: `growth:` (with `from:`) or `per_year:`"
    hint: ClassVar[str] = "write for example `growth: {distribution: normal, mean: 3%, sd: 1%}`"

    growth: DistributionModel | None = Field(None, description="The annual growth, drawn once per draw.")
    per_year: dict[YearKey, DistributionModel] | None = Field(
        None, description="The change in each year named, drawn per year; years not named: 0%."
    )
    from_: YearValue | None = Field(None, alias="from", description="First year of the growth. Only with growth.")

    @model_validator(mode="after")
    def _one_form(self) -> UncertainChange:
        if (self.growth is None) == (self.per_year is None):
            raise _error(
                "either growth or per_year",
                "both" if self.growth is not None else "neither",
                "write `growth: {distribution: ...}` or `per_year: {2026: {distribution: ...}}`",
            )
        if self.from_ is not None and self.growth is None:
            raise _error("from only together with growth", "from with per_year", "remove `from`", field="from")
        return self


class UncertainSegment(_Model):
    model_config = ConfigDict(title="Uncertain segment levers")
    expected: ClassVar[str] = "the segment's uncertain levers: price, volume or regie_op_toegang"

    price: UncertainChange | None = None
    volume: UncertainChange | None = None
    regie_op_toegang: UncertainChange | None = None


class Correlation(_Model):
    """A correlation matrix between segments for one lever (of the standard normals behind the draws)."""

    model_config = ConfigDict(title="Correlation")
    expected: ClassVar[str] = "a correlation: `matrix:` and optionally `segments:`"
    hint: ClassVar[str] = "write for example `matrix: [[1, 0.5], [0.5, 1]]` and `segments: [Ambulant, Verblijf]`"

    segments: list[Name] | None = Field(None, description="The segments in matrix order; default: all, in order.")
    matrix: list[list[CorrelationValue]] = Field(description="Square, symmetric, ones on the diagonal, PSD.")

    @model_validator(mode="after")
    def _valid(self) -> Correlation:
        import numpy as np

        n = len(self.matrix)
        for i, row in enumerate(self.matrix):
            if len(row) != n:
                raise _error(f"a square matrix: {n} rows of {n} numbers", f"row {i + 1} has {len(row)}", field="matrix")
        if self.segments is not None and len(self.segments) != n:
            raise _error(f"one segment per row of the matrix ({n})", f"{len(self.segments)} segments", field="segments")
        m = np.array(self.matrix, dtype=float).reshape(n, n)
        for i in range(n):
            if m[i, i] != 1.0:
                raise _error("ones on the diagonal", f"{m[i, i]:g} in row {i + 1}", field="matrix")
            for j in range(i):
                if m[i, j] != m[j, i]:
                    raise _error(
                        "a symmetric matrix",
                        f"{m[i, j]:g} in row {i + 1}, column {j + 1} but {m[j, i]:g} in row {j + 1}, column {i + 1}",
                        field="matrix",
                    )
        smallest = float(np.linalg.eigvalsh(m).min()) if n else 0.0
        if smallest < -PSD_TOLERANCE:
            raise _error(
                "a positive semi-definite matrix (no negative eigenvalue)",
                f"smallest eigenvalue {smallest:.4g}",
                "the correlations contradict each other (for example A~B and A~C strongly positive, B~C negative); "
                "weaken them",
                field="matrix",
            )
        return self


class UncertainJeugdhulp(_Model):
    """Uncertain youth care: each lever here replaces the scenario's own lever of the same name, per draw."""

    model_config = ConfigDict(title="Uncertain jeugdhulp")
    expected: ClassVar[str] = "uncertain youth-care levers: price, volume, regie_op_toegang, segments, correlation"

    price: UncertainChange | None = None
    volume: UncertainChange | None = None
    regie_op_toegang: UncertainChange | None = None
    segments: dict[Name, UncertainSegment] | None = None
    correlation: dict[JeugdLever, Correlation] | None = Field(
        None, description="Per lever: a correlation between segments; without it a general lever is one draw."
    )


class WeerstandModel(_Model):
    model_config = ConfigDict(title="Uncertain weerstandsvermogen")
    expected: ClassVar[str] = "`benodigd:` (risicoregister or werkboek) and optionally `zekerheid:`"

    benodigd: BenodigdChoice = Field(
        "werkboek",
        description="risicoregister: the benodigde weerstandscapaciteit simulated from the workbook's risk "
        "register at the certainty `zekerheid`; werkboek: the workbook's fixed figure.",
    )
    zekerheid: Certainty = Field(Decimal("0.9"), description="Certainty for the risk register; default 90%.")


class UncertaintyModel(_Model):
    """What is uncertain in the scenario, for `simulate` and `tornado`; `run` does not use it."""

    model_config = ConfigDict(title="Uncertainty")
    expected: ClassVar[str] = "the uncertainty block: jeugdhulp, levers, weerstand, reserve_floor, draws, seed"
    hint: ClassVar[str] = "write the parts indented under `uncertainty:`"

    jeugdhulp: UncertainJeugdhulp | None = None
    levers: dict[Name, DistributionModel] | None = Field(
        None, description="Any numeric lever by dotted path (see `sweep`), moved on top of the scenario per draw."
    )
    weerstand: WeerstandModel | None = None
    reserve_floor: Amount | None = Field(None, description="Floor for the algemene reserve in euros.")
    draws: Count | None = Field(None, description="Default number of draws for simulate.")
    seed: Seed | None = Field(None, description="Default seed for simulate.")
