"""The values an analyst writes by hand in a scenario file, checked one by one: percentages, amounts, years, names.

Every validator raises a `PydanticCustomError` of type ``"scenario"`` (made by `scenario_error`) whose context
carries the texts of the message: ``expected``, ``found``, ``hint`` and, for a check on a whole section, the
``field`` inside it that is wrong. The loader turns those into `Problem`s with file and line. The lever sections
(`hengelo_scenario.levers`) and the file's top level (`scenario.schema`) are built from these types, and every
section model derives from `StrictModel`, which forbids unknown keys.
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
from pydantic_core import PydanticCustomError

from hengelo_scenario.baseline.model import Aard, Soort
from hengelo_scenario.money import parse_percentage, to_decimal
from hengelo_scenario.text import excerpt

__all__ = [
    "PERCENT_JSON",
    "TAG_PREFIX",
    "YEAR_PATTERN",
    "AardOrPerYear",
    "AardValue",
    "Change",
    "ExpectedValue",
    "FigureKey",
    "Name",
    "NewAmount",
    "Percentage",
    "ProgrammaRef",
    "Reference",
    "Share",
    "ShareOrPerYear",
    "SignedAmount",
    "SoortValue",
    "StrictModel",
    "Text",
    "YearKey",
    "YearValue",
    "bare_number_hint",
    "describe",
    "scenario_error",
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
        return excerpt(value) if value.strip() else "empty text"  # short and visible: input is never quoted whole
    if isinstance(value, Decimal):
        exponent = value.as_tuple().exponent
        return format(value, "f") if isinstance(exponent, int) and abs(exponent) < 30 else str(value)
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


def scenario_error(expected: str, found: str, hint: str = "", field: str = "") -> PydanticCustomError:
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


MAX_PERCENTAGE = Decimal(10)  # 1000%: beyond it a percentage is a typing error, and exact powers grow huge


def _percentage(value: Any, *, minimum_zero: bool = False) -> Decimal:
    expected = 'a percentage such as "6%"'
    if isinstance(value, bool) or value is None or isinstance(value, dict | list):
        raise scenario_error(expected, describe(value))
    if isinstance(value, float):
        value = to_decimal(value)
    if isinstance(value, int | Decimal) and Decimal(value).is_finite():
        raise scenario_error(expected, _number_text(value), bare_number_hint(value))
    if not isinstance(value, str):
        raise scenario_error(expected, describe(value))
    try:
        fraction = parse_percentage(value)
    except (ValueError, ArithmeticError):
        raise scenario_error(
            expected,
            describe(value),
            "write a number followed by %, such as 6%, -2.5% or 4,89% (no thousands separators)",
        ) from None
    if minimum_zero and fraction < 0:
        raise scenario_error(
            "a share of 0% or more", describe(value), "a realised share is 0% (nothing) up to 100% (all)"
        )
    if abs(fraction) > MAX_PERCENTAGE:  # too many decimals are reported where they are used (resolve)
        raise scenario_error(
            "a percentage from -1000% to 1000%",
            describe(value),
            "a growth or change of more than tenfold a year is a typing error",
        )
    return fraction


def _share(value: Any) -> Decimal:
    return _percentage(value, minimum_zero=True)


def _amount(value: Any, *, signed: bool) -> Decimal:
    expected = "a number of euros"
    if isinstance(value, bool):
        raise scenario_error(expected, describe(value), "write an amount such as 250000")
    if isinstance(value, str):
        raise scenario_error(
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
            raise scenario_error(expected, describe(value))
        exponent = amount.as_tuple().exponent
        if isinstance(exponent, int) and exponent < -2:
            text = format(amount, "f")
            if exponent == -3:
                whole = text.replace(".", "").lstrip("-").lstrip("0") or "0"
                sign = "-" if amount < 0 else ""
                hint = f"{text} looks like a Dutch thousands separator: write {sign}{whole} (no separators)"
            else:
                hint = "euros have at most 2 decimals (cents)"
            raise scenario_error("an amount in euros with at most 2 decimals", text, hint)
    else:
        raise scenario_error(expected, describe(value), "write an amount such as 250000")
    if not signed and amount < 0:
        raise scenario_error(
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
        raise scenario_error(expected, str(value))
    if isinstance(value, str) and value.strip().isdigit() and len(value.strip()) == 4:
        return int(value.strip())
    raise scenario_error(expected, describe(value))


def _figure_key(value: Any) -> str:
    """A key of `expect:`: one of the outcome figures that `compare --figure` knows (report.comparison.FIGURES)."""
    from hengelo_scenario.outcome.figures import FIGURES

    keys = list(FIGURES)
    expected = "a figure: one of " + ", ".join(keys)
    if not isinstance(value, str):
        raise scenario_error(expected, describe(value), "write the figure's key, such as geraamd_resultaat")
    if value in FIGURES:
        return value
    raise scenario_error(expected, describe(value), suggest(value.replace(" ", "_"), keys) or suggest(value, keys))


def _expected_value(value: Any) -> Decimal | str:
    """An expected figure as written: a number (euros or a ratio), or a percentage text (kept as text).

    Which of the two a figure takes, and how many decimals, depends on the figure: `resolve` checks that.
    """
    expected = 'the figure\'s value: euros such as 830772.60, a ratio such as 2.38, or a percentage such as "0,5%"'
    if isinstance(value, bool) or value is None or isinstance(value, dict | list):
        raise scenario_error(expected, describe(value))
    if isinstance(value, float):
        value = to_decimal(value)
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise scenario_error(expected, describe(value))
        return value
    if isinstance(value, str):
        try:
            parse_percentage(value)
        except (ValueError, ArithmeticError):
            raise scenario_error(
                expected,
                describe(value),
                "write euros as a plain number without quotes, € sign or separators, such as 830772.60",
            ) from None
        return value
    raise scenario_error(expected, describe(value))


def _text(value: Any) -> str:
    if isinstance(value, str):
        return value
    hint = "put the text in quotes" if isinstance(value, int | Decimal | bool) else ""
    raise scenario_error("text", describe(value), hint)


def _name(value: Any) -> str:
    text = _text(value)
    if not text.strip():
        raise scenario_error("a name", "empty text")
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
    raise scenario_error('a programme code or name, such as 6 or "Sociaal domein"', describe(value))


def _choice(value: Any, options: tuple[str, ...]) -> str:
    expected = "one of: " + ", ".join(options)
    if not isinstance(value, str):
        raise scenario_error(expected, describe(value))
    text = " ".join(value.split()).lower()
    if text in options:
        return text
    raise scenario_error(expected, describe(value), suggest(text, options))


def _aard(value: Any) -> Aard:
    return Aard(_choice(value, tuple(a.value for a in Aard)))


def _soort(value: Any) -> Soort:
    return Soort(_choice(value, tuple(s.value for s in Soort)))


PERCENT_JSON: dict[str, Any] = {
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

Percentage = Annotated[Decimal, PlainValidator(_percentage), WithJsonSchema(PERCENT_JSON)]
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

    # defer_build: a section's validators are built when a file first has that section (see scenario.schema)
    model_config = ConfigDict(
        extra="forbid", frozen=True, populate_by_name=True, hide_input_in_errors=False, defer_build=True
    )

    expected: ClassVar[str] = "a mapping"
    hint: ClassVar[str] = ""
    place: ClassVar[str] = ""  # where in a file the section stands, for "'x' belongs under ..." hints


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
            raise scenario_error(
                "either per_year or growth",
                "both",
                "keep one: per_year for changes year by year, growth for a compounding annual change",
            )
        if self.per_year is None and self.growth is None:
            if self.from_ is not None:
                raise scenario_error(
                    "growth together with from", "from without growth", "add `growth: 3%` (for example)"
                )
            raise scenario_error("per_year or growth", "neither", "write `growth: 3%` or `per_year: {2026: 5%}`")
        if self.from_ is not None and self.growth is None:
            raise scenario_error("from only together with growth", "from with per_year", "remove `from`", field="from")
        return self
