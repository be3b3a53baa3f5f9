"""The scenario file as pydantic models: what may be written where, checked field by field.

Every model forbids unknown keys. Values that a financial analyst writes by hand (percentages, amounts in euros,
years, programme references) are checked by our own validators, which raise a `PydanticCustomError` of type
``"scenario"`` whose context carries the texts of the message: ``expected``, ``found``, ``hint`` and, for a
check on a whole section, the ``field`` inside it that is wrong. The loader turns those into `Problem`s with
file and line.

`json_schema()` is the JSON Schema that `hengelo-scenario schema` publishes, for editors that check and complete
YAML (for example the YAML extension of VS Code).
"""

from __future__ import annotations

import difflib
from decimal import Decimal
from typing import Annotated, Any, ClassVar, Union

from pydantic import (
    BaseModel,
    ConfigDict,
    Discriminator,
    Field,
    PlainValidator,
    Tag,
    WithJsonSchema,
    model_validator,
)
from pydantic.json_schema import GenerateJsonSchema, JsonSchemaValue
from pydantic_core import PydanticCustomError, core_schema

from hengelo_scenario.baseline.model import Aard, Soort
from hengelo_scenario.money import parse_percentage, to_decimal
from hengelo_scenario.uncertainty.schema import UncertaintyModel

__all__ = [
    "AmountsSection",
    "Change",
    "ExpectedValue",
    "Jeugdhulp",
    "LeefbareWijken",
    "MeasureModel",
    "ScenarioModel",
    "SegmentLevers",
    "Transformatieplan",
    "bare_number_hint",
    "describe",
    "json_schema",
    "suggest",
]

YEAR_PATTERN = "^[0-9]{4}$"
PERCENT_PATTERN = r"^\s*[+-]?\s*[0-9]+([.,][0-9]+)?\s*%\s*$"
SHARE_PATTERN = r"^\s*\+?\s*[0-9]+([.,][0-9]+)?\s*%\s*$"
TAG_PREFIX = "§"  # union branch tags in pydantic's error locations; never a key in a file


# --- texts for messages ---------------------------------------------------------------------------------------


def describe(value: Any) -> str:
    """A value as a message shows it: text in quotes, YAML's own words for booleans and nothing."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return f"'{value}'" if value.strip() else "empty text"
    if isinstance(value, Decimal):
        return format(value, "f") if abs(value.as_tuple().exponent) < 30 else str(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, dict):
        keys = ", ".join(str(k) for k in list(value)[:6])
        return f"a mapping ({keys})" if keys else "an empty mapping"
    if isinstance(value, list):
        return f"a list of {len(value)}" if value else "an empty list"
    return str(value)


def suggest(word: str, candidates: list[str] | tuple[str, ...]) -> str:
    """'did you mean 'volume'?' for a close match (case-insensitive), else ''."""
    text = " ".join(str(word).split()).casefold()
    if not text:
        return ""
    forms: dict[str, str] = {}
    for candidate in candidates:
        forms.setdefault(candidate.casefold(), candidate)
        short = candidate.split("(")[0].strip().casefold()  # "Verblijf (excl. pleegzorg)" -> "verblijf"
        if short:
            forms.setdefault(short, candidate)
    matches = difflib.get_close_matches(text, list(forms), n=1, cutoff=0.6)
    if matches:
        return f"did you mean '{forms[matches[0]]}'?"
    containing = [c for c in candidates if len(text) >= 3 and text in c.casefold()]
    return f"did you mean '{containing[0]}'?" if len(containing) == 1 else ""


def _error(expected: str, found: str, hint: str = "", field: str = "") -> PydanticCustomError:
    return PydanticCustomError(
        "scenario",
        "expected {expected}, found {found}",
        {"expected": expected, "found": found, "hint": hint, "field": field},
    )


# --- hand-written values --------------------------------------------------------------------------------------


def _number_text(value: Decimal | int) -> str:
    return describe(Decimal(value) if isinstance(value, int) else value)


_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve")


def _in_words(number: Decimal) -> str:
    if number == number.to_integral_value() and 0 <= number < len(_WORDS):
        return _WORDS[int(number)]
    return format(number, "f")


def bare_number_hint(value: Decimal | int) -> str:
    number = Decimal(value)
    bare = _number_text(value)
    as_percent = format((number * 100).normalize(), "f")
    if abs(number) < 1 and number != 0:
        words = _in_words((number * 100).normalize())
        return f"write {as_percent}% for {words} percent; {bare} could mean {as_percent}% or {bare}%"
    return f"write {bare}% for {_in_words(number)} percent; a bare {bare} could mean {bare}% or {as_percent}%"


def _percentage(value: Any, *, minimum_zero: bool = False) -> Decimal:
    expected = 'a percentage such as "6%"'
    if isinstance(value, bool) or value is None or isinstance(value, dict | list):
        raise _error(expected, describe(value))
    if isinstance(value, float):
        value = to_decimal(value)
    if isinstance(value, int | Decimal) and Decimal(value).is_finite():
        raise _error(expected, _number_text(value), bare_number_hint(value))
    if not isinstance(value, str):
        raise _error(expected, describe(value))
    try:
        fraction = parse_percentage(value)
    except (ValueError, ArithmeticError):
        raise _error(
            expected,
            describe(value),
            "write a number followed by %, such as 6%, -2.5% or 4,89% (no thousands separators)",
        ) from None
    if minimum_zero and fraction < 0:
        raise _error("a share of 0% or more", describe(value), "a realised share is 0% (nothing) up to 100% (all)")
    return fraction


def _share(value: Any) -> Decimal:
    return _percentage(value, minimum_zero=True)


def _amount(value: Any, *, signed: bool) -> Decimal:
    expected = "a number of euros"
    if isinstance(value, bool):
        raise _error(expected, describe(value), "write an amount such as 250000")
    if isinstance(value, str):
        raise _error(
            expected,
            describe(value),
            "write the amount as a plain number without quotes, € sign or separators, such as 509000",
        )
    if isinstance(value, float):
        value = to_decimal(value)
    if isinstance(value, int):
        amount = Decimal(value)
    elif isinstance(value, Decimal):
        amount = value
        if not amount.is_finite():
            raise _error(expected, describe(value))
        exponent = amount.as_tuple().exponent
        if isinstance(exponent, int) and exponent < -2:
            text = format(amount, "f")
            if exponent == -3:
                whole = text.replace(".", "").lstrip("-").lstrip("0") or "0"
                sign = "-" if amount < 0 else ""
                hint = f"{text} looks like a Dutch thousands separator: write {sign}{whole} (no separators)"
            else:
                hint = "euros have at most 2 decimals (cents)"
            raise _error("an amount in euros with at most 2 decimals", text, hint)
    else:
        raise _error(expected, describe(value), "write an amount such as 250000")
    if not signed and amount < 0:
        raise _error(
            "an amount of 0 or more euros",
            _number_text(amount),
            "this is the new amount for the year (0 stops it); only measures take signed changes",
        )
    return amount


def _signed_amount(value: Any) -> Decimal:
    return _amount(value, signed=True)


def _new_amount(value: Any) -> Decimal:
    return _amount(value, signed=False)


def _year(value: Any) -> int:
    expected = "a year such as 2026"
    if isinstance(value, int) and not isinstance(value, bool):
        if 1000 <= value <= 9999:
            return int(value)
        raise _error(expected, str(value))
    if isinstance(value, str) and value.strip().isdigit() and len(value.strip()) == 4:
        return int(value.strip())
    raise _error(expected, describe(value))


def _figure_key(value: Any) -> str:
    """A key of `expect:`: one of the outcome figures that `compare --figure` knows (report.comparison.FIGURES)."""
    from hengelo_scenario.outcome.figures import FIGURES

    keys = list(FIGURES)
    expected = "a figure: one of " + ", ".join(keys)
    if not isinstance(value, str):
        raise _error(expected, describe(value), "write the figure's key, such as geraamd_resultaat")
    if value in FIGURES:
        return value
    raise _error(expected, describe(value), suggest(value.replace(" ", "_"), keys) or suggest(value, keys))


def _expected_value(value: Any) -> Decimal | str:
    """An expected figure as written: a number (euros or a ratio), or a percentage text (kept as text).

    Which of the two a figure takes, and how many decimals, depends on the figure: `resolve` checks that.
    """
    expected = 'the figure\'s value: euros such as 830772.60, a ratio such as 2.38, or a percentage such as "0,5%"'
    if isinstance(value, bool) or value is None or isinstance(value, dict | list):
        raise _error(expected, describe(value))
    if isinstance(value, float):
        value = to_decimal(value)
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise _error(expected, describe(value))
        return value
    if isinstance(value, str):
        try:
            parse_percentage(value)
        except (ValueError, ArithmeticError):
            raise _error(
                expected,
                describe(value),
                "write euros as a plain number without quotes, € sign or separators, such as 830772.60",
            ) from None
        return value
    raise _error(expected, describe(value))


def _text(value: Any) -> str:
    if isinstance(value, str):
        return value
    hint = "put the text in quotes" if isinstance(value, int | Decimal | bool) else ""
    raise _error("text", describe(value), hint)


def _name(value: Any) -> str:
    text = _text(value)
    if not text.strip():
        raise _error("a name", "empty text")
    return text.strip()


def _reference(value: Any) -> str:
    """A name that refers to something in the baseline (segment, onderdeel, reserve): text, or a number as text."""
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return _name(value)


def _programma(value: Any) -> str:
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, str) and value.strip():
        return value.strip()
    raise _error('a programme code or name, such as 6 or "Sociaal domein"', describe(value))


def _choice(value: Any, options: tuple[str, ...]) -> str:
    expected = "one of: " + ", ".join(options)
    if not isinstance(value, str):
        raise _error(expected, describe(value))
    text = " ".join(value.split()).lower()
    if text in options:
        return text
    raise _error(expected, describe(value), suggest(text, options))


def _aard(value: Any) -> Aard:
    return Aard(_choice(value, tuple(a.value for a in Aard)))


def _soort(value: Any) -> Soort:
    return Soort(_choice(value, tuple(s.value for s in Soort)))


_PERCENT_JSON: dict[str, Any] = {
    "type": "string",
    "pattern": PERCENT_PATTERN,
    "description": 'A percentage, always with a % sign: "6%", "-2.5%" or "4,89%". A bare number is refused.',
    "examples": ["3%", "-2.5%", "4,89%"],
}
_SHARE_JSON: dict[str, Any] = {
    "type": "string",
    "pattern": SHARE_PATTERN,
    "description": "A share of 0% or more, with a % sign: 100% is fully realised, 80% falls 20% short.",
    "examples": ["80%", "100%", "50%"],
}
_AMOUNT_JSON: dict[str, Any] = {
    "type": "number",
    "description": "Euros: a whole number, or at most 2 decimals. No thousands separators (509000, not 509.000).",
    "examples": [250000, -50000],
}
_NEW_AMOUNT_JSON: dict[str, Any] = {
    "type": "number",
    "minimum": 0,
    "description": "The new amount in euros for the year (0 stops it). No thousands separators.",
    "examples": [509000, 0],
}
_AARD_JSON: dict[str, Any] = {
    "type": "string",
    "enum": [a.value for a in Aard],
    "description": "structureel (recurring) or incidenteel (one-off).",
}

Percentage = Annotated[Decimal, PlainValidator(_percentage), WithJsonSchema(_PERCENT_JSON)]
Share = Annotated[Decimal, PlainValidator(_share), WithJsonSchema(_SHARE_JSON)]
SignedAmount = Annotated[Decimal, PlainValidator(_signed_amount), WithJsonSchema(_AMOUNT_JSON)]
NewAmount = Annotated[Decimal, PlainValidator(_new_amount), WithJsonSchema(_NEW_AMOUNT_JSON)]
YearKey = Annotated[int, PlainValidator(_year), WithJsonSchema({"type": "string", "pattern": YEAR_PATTERN})]
YearValue = Annotated[
    int,
    PlainValidator(_year),
    WithJsonSchema({"type": "integer", "minimum": 1000, "maximum": 9999, "examples": [2026]}),
]
Text = Annotated[str, PlainValidator(_text), WithJsonSchema({"type": "string"})]
Name = Annotated[str, PlainValidator(_name), WithJsonSchema({"type": "string", "minLength": 1})]
Reference = Annotated[str, PlainValidator(_reference), WithJsonSchema({"type": "string", "minLength": 1})]
ProgrammaRef = Annotated[
    str,
    PlainValidator(_programma),
    WithJsonSchema(
        {
            "type": ["integer", "string"],
            "description": "A programme of the baseline, by code (6) or by name (Sociaal domein).",
            "examples": [6, "Sociaal domein"],
        }
    ),
]
AardValue = Annotated[Aard, PlainValidator(_aard), WithJsonSchema(_AARD_JSON)]
FigureKey = Annotated[str, PlainValidator(_figure_key), WithJsonSchema({"type": "string"})]
ExpectedValue = Annotated[
    Decimal | str,
    PlainValidator(_expected_value),
    WithJsonSchema({"type": ["number", "string"]}),  # refined per figure in `json_schema()`
]
SoortValue = Annotated[
    Soort,
    PlainValidator(_soort),
    WithJsonSchema(
        {
            "type": "string",
            "enum": [s.value for s in Soort],
            "description": "last, baat, toevoeging (to a reserve) or onttrekking (from a reserve).",
        }
    ),
]


def _one_or_per_year(value: Any) -> str:
    return f"{TAG_PREFIX}years" if isinstance(value, dict) else f"{TAG_PREFIX}one"


def _per_year_or_one(one: Any, per_year: Any) -> Any:
    """One value for every year, or a mapping of years to values; errors name the year, not the branch."""
    return Annotated[
        Union[Annotated[one, Tag(f"{TAG_PREFIX}one")], Annotated[per_year, Tag(f"{TAG_PREFIX}years")]],  # noqa: UP007
        Discriminator(_one_or_per_year),
    ]


ShareOrPerYear = _per_year_or_one(Share, dict[YearKey, Share])
AardOrPerYear = _per_year_or_one(AardValue, dict[YearKey, AardValue])


# --- the sections ---------------------------------------------------------------------------------------------


class StrictModel(BaseModel):
    """Unknown keys are refused; `expected`/`hint` describe the section when something else stands there."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True, hide_input_in_errors=False)

    expected: ClassVar[str] = "a mapping"
    hint: ClassVar[str] = ""


class Change(StrictModel):
    """A change against the baseline per year: `per_year`, or `growth` (optionally `from` a year)."""

    model_config = ConfigDict(
        title="Change",
        json_schema_extra={
            "oneOf": [{"required": ["per_year"]}, {"required": ["growth"]}],
            "dependentRequired": {"from": ["growth"]},
            "examples": [{"growth": "3%", "from": 2026}, {"per_year": {"2026": "2%", "2027": "4%"}}],
        },
    )
    expected: ClassVar[str] = "a change: `per_year:` or `growth:` on the lines below"
    hint: ClassVar[str] = "write for example `growth: 3%` or `per_year: {2026: 5%}` indented under this key"

    per_year: dict[YearKey, Percentage] | None = Field(
        None,
        title="Change per year",
        description="Change against the baseline in each year named; years not named: 0%.",
        examples=[{"2025": "3%", "2026": "5%"}],
    )
    growth: Percentage | None = Field(
        None,
        title="Annual growth",
        description="A compounding change each year from `from` on: factor (1 + growth)^(year - from + 1).",
        examples=["3%"],
    )
    from_: YearValue | None = Field(
        None,
        alias="from",
        title="Growth from year",
        description="First year of the growth (default: the first baseline year). Only with `growth`.",
    )

    @model_validator(mode="after")
    def _one_form(self) -> Change:
        if self.per_year is not None and self.growth is not None:
            raise _error(
                "either per_year or growth",
                "both",
                "keep one: per_year for changes year by year, growth for a compounding annual change",
            )
        if self.per_year is None and self.growth is None:
            if self.from_ is not None:
                raise _error("growth together with from", "from without growth", "add `growth: 3%` (for example)")
            raise _error("per_year or growth", "neither", "write `growth: 3%` or `per_year: {2026: 5%}`")
        if self.from_ is not None and self.growth is None:
            raise _error("from only together with growth", "from with per_year", "remove `from`", field="from")
        return self


class SegmentLevers(StrictModel):
    """One youth-care segment's own levers; each replaces the general lever of the same name for it."""

    model_config = ConfigDict(title="Segment levers")
    expected: ClassVar[str] = "the segment's levers: price, volume or regie_op_toegang"
    hint: ClassVar[str] = "write for example `volume: {growth: 5%}` indented under the segment name"

    price: Change | None = Field(None, description="Price change for this segment only.")
    volume: Change | None = Field(None, description="Volume change for this segment only.")
    regie_op_toegang: Change | None = Field(
        None, description="Reduction of this segment's volume by control of access (0% to 100%)."
    )


class Jeugdhulp(StrictModel):
    """Youth care paid per effort: cost = price x volume per segment."""

    model_config = ConfigDict(
        title="Jeugdhulp",
        json_schema_extra={"examples": [{"price": {"growth": "4.96%", "from": 2026}, "volume": {"growth": "3%"}}]},
    )
    expected: ClassVar[str] = "the jeugdhulp levers: price, volume, regie_op_toegang, segments, aard, programma"
    hint: ClassVar[str] = "write the levers indented under `jeugdhulp:`"

    price: Change | None = Field(
        None, description="Change of the price per unit, for all segments.", examples=[{"growth": "2%"}]
    )
    volume: Change | None = Field(
        None, description="Change of the volume, for all segments.", examples=[{"per_year": {"2026": "3%"}}]
    )
    regie_op_toegang: Change | None = Field(
        None,
        title="Regie op toegang",
        description="A REDUCTION of the volume by control of access, between 0% and 100%: factor 1 - c.",
        examples=[{"per_year": {"2026": "2%", "2027": "4%"}}],
    )
    segments: dict[Reference, SegmentLevers] | None = Field(
        None,
        description="Levers per segment (segment names from the baseline, any case).",
        examples=[{"Verblijf": {"volume": {"growth": "5%"}}}],
    )
    aard: AardValue = Field(Aard.STRUCTUREEL, description="Default structureel: a lasting overrun is structural.")
    programma: ProgrammaRef | None = Field(
        None, description="Programme to book on; default: the programme of the baseline line `jeugdhulp`."
    )


class AmountsSection(StrictModel):
    """New amounts for a baseline line addressed by its Sleutel; years not named keep the baseline."""

    model_config = ConfigDict(
        title="Amounts",
        json_schema_extra={
            "anyOf": [{"required": ["amounts"]}, {"required": ["aard"]}],
            "examples": [{"amounts": {"2027": 509000, "2028": 509000}, "aard": "structureel"}],
        },
    )
    expected: ClassVar[str] = "a mapping with amounts and/or aard"
    hint: ClassVar[str] = "write for example `amounts: {2027: 509000}` indented under this key"
    requires_one_of: ClassVar[tuple[str, ...]] = ("amounts", "aard")

    amounts: dict[YearKey, NewAmount] | None = Field(
        None,
        description="New amount in euros for each year named (0 stops it); other years keep the baseline.",
        examples=[{"2027": 509000, "2028": 509000}],
    )
    aard: AardOrPerYear | None = Field(
        None,
        description="structureel or incidenteel: one value for the years named in amounts, or per year.",
        examples=["structureel", {"2027": "structureel"}],
    )

    @model_validator(mode="after")
    def _something(self) -> AmountsSection:
        if all(getattr(self, name) is None for name in self.requires_one_of):
            raise _error(
                "at least one of: " + ", ".join(self.requires_one_of),
                "none of them",
                "give new amounts, or remove the section",
            )
        return self


class LeefbareWijken(AmountsSection):
    """The fund for leefbare wijken (motie M15), and what covers it."""

    model_config = ConfigDict(
        title="Fonds leefbare wijken",
        json_schema_extra={
            "anyOf": [{"required": ["amounts"]}, {"required": ["aard"]}, {"required": ["dekking"]}],
            "examples": [{"amounts": {"2027": 100000}, "dekking": "algemene reserve"}],
        },
    )
    expected: ClassVar[str] = "a mapping with amounts, aard and/or dekking"
    requires_one_of: ClassVar[tuple[str, ...]] = ("amounts", "aard", "dekking")

    dekking: Reference | None = Field(
        None,
        description="What covers the fund: `begrotingssaldo`, `algemene reserve`, or the name of a reserve. "
        "Default: as in the baseline.",
        examples=["algemene reserve", "begrotingssaldo"],
    )


class Transformatieplan(StrictModel):
    """How much of the transformatieplan's savings target is realised."""

    model_config = ConfigDict(
        title="Transformatieplan",
        json_schema_extra={
            "anyOf": [{"required": ["realisatie"]}, {"required": ["onderdelen"]}],
            "examples": [{"realisatie": "80%"}, {"onderdelen": {"Jeugd": "50%"}}],
        },
    )
    expected: ClassVar[str] = "a mapping with realisatie and/or onderdelen"
    hint: ClassVar[str] = "write for example `realisatie: 80%` indented under `transformatieplan:`"

    realisatie: ShareOrPerYear | None = Field(
        None,
        description="Share of the savings target realised, for all onderdelen: one share, or per year "
        "(years not named: 100%).",
        examples=["80%", {"2026": "80%", "2027": "90%"}],
    )
    onderdelen: dict[Reference, ShareOrPerYear] | None = Field(
        None,
        description="Share per onderdeel (names from the baseline); replaces `realisatie` for that onderdeel.",
        examples=[{"Jeugd": "50%"}],
    )
    aard: AardValue = Field(Aard.STRUCTUREEL, description="Default structureel.")

    @model_validator(mode="after")
    def _something(self) -> Transformatieplan:
        if self.realisatie is None and self.onderdelen is None:
            raise _error(
                "at least one of: realisatie, onderdelen", "none of them", "write for example `realisatie: 80%`"
            )
        return self


class MeasureModel(StrictModel):
    """Any other measure: a signed change in euros per year on a programme's lasten or baten, or a reserve."""

    model_config = ConfigDict(
        title="Measure",
        json_schema_extra={
            "allOf": [
                {
                    "if": {"properties": {"soort": {"enum": ["toevoeging", "onttrekking"]}}, "required": ["soort"]},
                    "then": {"required": ["reserve"], "not": {"required": ["dekking"]}},
                    "else": {"not": {"required": ["reserve"]}},
                },
                {
                    "if": {"properties": {"soort": {"const": "baat"}}, "required": ["soort"]},
                    "then": {"not": {"required": ["dekking"]}},
                },
            ],
            "examples": [
                {
                    "name": "Extra handhavers",
                    "programma": 1,
                    "soort": "last",
                    "amounts": {"2025": 250000, "2026": 250000},
                    "aard": "structureel",
                }
            ],
        },
    )
    expected: ClassVar[str] = "a measure: name, programma, soort, amounts, ..."
    hint: ClassVar[str] = "each measure is a list item starting with `- name:`"

    name: Name = Field(description="Unique within the scenario.", examples=["Extra handhavers"])
    description: Text = Field("", description="Free text.")
    programma: ProgrammaRef = Field(description="Programme code or name.")
    soort: SoortValue = Field(description="last | baat | toevoeging | onttrekking.")
    amounts: dict[YearKey, SignedAmount] = Field(
        description="SIGNED change in euros per year: + is more of the soort (a saving is a negative last). "
        "Years not named: 0.",
        examples=[{"2025": 250000, "2026": 250000}],
    )
    aard: AardValue | None = Field(
        None, description="Default: structureel for last/baat, incidenteel for toevoeging/onttrekking."
    )
    reserve: Reference | None = Field(
        None, description="Required for toevoeging/onttrekking; not allowed for last/baat."
    )
    dekking: Reference | None = Field(
        None,
        description="Only for soort last: a reserve whose onttrekking covers it (default: the begrotingssaldo).",
        examples=["algemene reserve"],
    )

    @model_validator(mode="after")
    def _reserve_fits_soort(self) -> MeasureModel:
        if self.soort.is_reserve_mutation:
            if self.reserve is None:
                raise _error(
                    f"the reserve for a {self.soort.value}",
                    "nothing",
                    "add `reserve:` with the name of a reserve in the baseline",
                    field="reserve",
                )
            if self.dekking is not None:
                raise _error(
                    "dekking only on a measure with soort last",
                    f"dekking on a {self.soort.value}",
                    "remove `dekking`; a toevoeging or onttrekking names its reserve with `reserve:`",
                    field="dekking",
                )
        else:
            if self.reserve is not None:
                raise _error(
                    f"no reserve on a {self.soort.value} (only a toevoeging or onttrekking has one)",
                    describe(self.reserve),
                    "to pay a last from a reserve, write `dekking:` instead",
                    field="reserve",
                )
            if self.dekking is not None and self.soort is not Soort.LAST:
                raise _error(
                    "dekking only on a measure with soort last",
                    f"dekking on a {self.soort.value}",
                    "remove `dekking`: a baat needs no cover",
                    field="dekking",
                )
        return self


class ScenarioModel(StrictModel):
    """A scenario file, after `extends` is merged in."""

    model_config = ConfigDict(
        title="Hengelo budget scenario",
        json_schema_extra={
            "description": "A scenario for the multi-year budget 2025-2028 of the municipality of Hengelo: "
            "changes against the baseline workbook. Percentages are text with a % sign; amounts are euros.",
        },
    )
    expected: ClassVar[str] = "a scenario: a mapping with at least `name:`"
    hint: ClassVar[str] = "start the file with a line such as `name: Jeugdhulp hoog`"

    name: Name = Field(description="The scenario's name, as tables and memos show it.", examples=["Jeugdhulp hoog"])
    description: Text = Field("", description="What the scenario models, and why.")
    author: Text = Field("", description="Who wrote it.", examples=["Team Financiën"])
    extends: Name | None = Field(
        None,
        description="Another scenario this one builds on: a bare name (looked up next to this file, in "
        "./scenarios/, then among the shipped scenarios) or a path relative to this file.",
        examples=["basis", "jeugd_hoog"],
    )
    baseline: Name | None = Field(
        None,
        description="Baseline workbook, relative to this file. The command line's --baseline wins.",
        examples=["../data/hengelo-begroting-2025-2028.xlsx"],
    )
    jeugdhulp: Jeugdhulp | None = Field(None, description="Youth care: price, volume and regie op toegang.")
    wijkaanpak: AmountsSection | None = Field(
        None, description="The baseline line with Sleutel `wijkaanpak`: new amounts and/or aard."
    )
    leefbare_wijken: LeefbareWijken | None = Field(
        None, description="The baseline line with Sleutel `fonds_leefbare_wijken`: amounts, aard, dekking."
    )
    transformatieplan: Transformatieplan | None = Field(
        None, description="Share of the transformatieplan savings target that is realised."
    )
    measures: list[MeasureModel] | None = Field(
        None, description="Any other measures, each a list item starting with `- name:`."
    )
    uncertainty: UncertaintyModel | None = Field(
        None, description="What is uncertain, for `simulate` and `tornado` (distributions); `run` ignores it."
    )
    expect: dict[FigureKey, dict[YearKey, ExpectedValue]] | None = Field(
        None,
        description="Figures this scenario must produce, per year, for `hengelo-scenario check`: the scenario's "
        "own figure (not the difference against the baseline). Euros with at most 2 decimals; weerstandsratio a "
        'number such as 2.38 and structurele_exploitatieruimte a percentage such as "0,5%", both compared at '
        "the decimals written. Not inherited through `extends`.",
        examples=[
            {"geraamd_resultaat": {"2025": 830772.60, "2026": 290772.60}, "algemene_reserve": {"2028": 57600000}}
        ],
    )


# --- the JSON Schema ------------------------------------------------------------------------------------------


class _WithoutNull(GenerateJsonSchema):
    """Optional fields are simply left out of a file; the schema does not advertise `null` for them."""

    def nullable_schema(self, schema: core_schema.NullableSchema) -> JsonSchemaValue:
        return self.generate_inner(schema["schema"])


def json_schema() -> dict[str, Any]:
    """The JSON Schema of a scenario file (draft 2020-12), with titles, descriptions and examples."""
    schema = ScenarioModel.model_json_schema(by_alias=True, mode="validation", schema_generator=_WithoutNull)
    _expect_schema(schema["properties"]["expect"])
    _close_year_maps(schema)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        **schema,
    }


def _expect_schema(node: dict[str, Any]) -> None:
    """`expect:` lists every figure key, each with the form of value it takes (euros, a ratio, a percentage)."""
    from hengelo_scenario.outcome.figures import FIGURES, Kind

    value_schemas: dict[Kind, dict[str, Any]] = {
        Kind.MONEY: {
            "type": "number",
            "description": "The scenario's figure in euros, at most 2 decimals (830772.60; no separators).",
        },
        Kind.RATIO: {"type": "number", "description": "A ratio such as 2.38, compared at the decimals written."},
        Kind.PERCENT: {
            **_PERCENT_JSON,
            "description": 'A percentage such as "0,5%", compared at the decimals written.',
        },
    }
    node.pop("additionalProperties", None)
    node.pop("propertyNames", None)
    node["properties"] = {
        key: {
            "type": "object",
            "title": spec.label,
            "description": f"{spec.label}: the scenario's figure per year.",
            "patternProperties": {YEAR_PATTERN: value_schemas[spec.kind]},
        }
        for key, spec in FIGURES.items()
    }
    node["additionalProperties"] = False


def _close_year_maps(node: Any) -> None:
    """Year-keyed mappings accept only four-digit year keys."""
    if isinstance(node, dict):
        if YEAR_PATTERN in node.get("patternProperties", {}):
            node.setdefault("additionalProperties", False)
            node.pop("propertyNames", None)
        for value in node.values():
            _close_year_maps(value)
    elif isinstance(node, list):
        for value in node:
            _close_year_maps(value)
