"""What every report table is made of: rows and tables as data, the Dutch labels, and small helpers."""

from __future__ import annotations

from decimal import Decimal

from hengelo_scenario.baseline.model import Soort
from hengelo_scenario.outcome.figures import Kind
from hengelo_scenario.outcome.model import (
    Figure,
    Grond,
    Outcome,
    Verdict,
)
from hengelo_scenario.records import Record
from hengelo_scenario.report import numbers

Value = Decimal | str | None


class Row(Record, frozen=True):
    labels: tuple[str, ...]
    values: tuple[Value, ...]
    kind: Kind = Kind.MONEY
    total_of: tuple[int, ...] = ()  # indices of the rows this row is the sum of
    emphasis: bool = False
    section_end: bool = False


class Table(Record, frozen=True):
    key: str  # file and sheet name
    title: str
    label_headers: tuple[str, ...]
    value_headers: tuple[str, ...]
    rows: tuple[Row, ...]
    notes: tuple[str, ...] = ()


BASIS, SCENARIO, VERSCHIL = "basis", "scenario", "verschil"


SOORT_LABEL = {
    Soort.LAST: "lasten",
    Soort.BAAT: "baten",
    Soort.TOEVOEGING: "toevoeging reserve",
    Soort.ONTTREKKING: "onttrekking reserve",
}


STATUS_TEXT = {
    Verdict.IN_EVENWICHT: "elk jaar structureel en reëel in evenwicht",
    Verdict.NIET_ELK_JAAR: "niet elk jaar structureel en reëel in evenwicht",
    Verdict.NIET_IN_EVENWICHT: "niet structureel en reëel in evenwicht in het begrotingsjaar {first} en in het laatste "
    "jaar {last}",
}


TOEZICHT_TEXT = {
    Grond.BEGROTINGSJAAR: "repressief toezicht: het begrotingsjaar {first} is structureel en reëel in evenwicht",
    Grond.LAATSTE_JAAR: "repressief toezicht: de meerjarenraming is uiterlijk in {last} structureel en reëel in "
    "evenwicht",
    Grond.GEEN: "risico op preventief toezicht: in {first} {first_kort}, in {last} {last_kort}",
}


KLASSE_OMSCHRIJVING = {
    "A": "uitstekend",
    "B": "ruim voldoende",
    "C": "voldoende",
    "D": "matig",
    "E": "onvoldoende",
    "F": "ruim onvoldoende",
}


ONZEKERHEID_LABEL = {"stelpost": "Stelpost", "taakstelling": "Taakstelling", "onzeker": "Onzekere raming"}


ZONDER_ONZEKER = "zonder stelposten en taakstellingen"


def _years(outcome: Outcome) -> tuple[str, ...]:
    return tuple(str(y) for y in outcome.years)


def figure_rows(label: str, figure: Figure, kind: Kind = Kind.MONEY) -> list[Row]:
    """Basis, scenario and verschil of one figure; the verschil of an amount is read as V/N."""
    difference: tuple[Value, ...]
    if kind is Kind.MONEY:
        difference, difference_kind = figure.effect, Kind.EFFECT
    else:
        difference = _nan_safe_difference(figure)
        difference_kind = Kind.PERCENTAGE_POINT if kind is Kind.PERCENT else kind
    return [
        Row((label, BASIS), figure.baseline, kind),
        Row((label, SCENARIO), figure.scenario, kind),
        Row((label, VERSCHIL), difference, difference_kind, section_end=True),
    ]


def _nan_safe_difference(figure: Figure) -> tuple[Value, ...]:
    """The figure's own difference, with '-' (None) where a ratio has no value."""
    return tuple(None if d.is_nan() else d for d in figure.difference)


def _negate(values: tuple[Decimal, ...]) -> tuple[Decimal, ...]:
    return tuple(-v for v in values)


def _euro(value: Decimal) -> str:
    return "€\u00a0" + numbers.dutch_number(value)  # a no-break space: the amount never wraps from its sign


def _years_text(years: tuple[int, ...]) -> str:
    return ", ".join(str(y) for y in years)


def _amounts_text(years: tuple[int, ...], amounts: tuple[Decimal, ...]) -> str:
    shown = [(y, a) for y, a in zip(years, amounts, strict=True) if a != 0]
    if shown and len({a for _, a in shown}) == 1 and len(shown) == len(years):
        return f"{_euro(shown[0][1])} per jaar"
    return "; ".join(f"{y}: {_euro(a)}" for y, a in shown)
