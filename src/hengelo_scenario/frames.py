"""Outcomes as pandas DataFrames: one tidy long frame of every figure, and one wide frame per report table.

Built generically, so a figure added to the outcome or a table added to `report.tables.run_tables` appears here
without a change:

- `long_frame`: one row per figure, variant, programme and year, walked from the `Outcome` records. The
  figures that `compare --figure` and `expect:` name come first under their keys (`geraamd_resultaat`, ...); every
  other figure follows under its dotted place in the outcome (`programmas.saldo` with the programme's code in
  `programme`, `reserves.Reserve sociaal domein.closing`, `jeugdhulp.segments.Verblijf.cost`, ...). Variants:
  `basis`, `scenario` and `verschil` (scenario − basis, in the figure's own direction: more lasten is a positive
  verschil; the wide tables show the budget's V/N sign instead). Per-year parts that are no basis/scenario pair
  (the scenario's bookings as `bookings.<measure>.amounts`, the youth-care price and volume effects, the
  transformatieplan's taakstelling) come as `verschil` when they are a change and `basis` when baseline data.
- `table_frame`: a report `Table` with its label columns as the index and its years as columns.

Values are the engine's exact Decimals (dtype object) unless `as_float=True`. This module imports pandas; the
package imports it only when a frame is asked for.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import Any

import pandas as pd

from hengelo_scenario.outcome.figures import FIGURES
from hengelo_scenario.outcome.model import Figure, Outcome
from hengelo_scenario.records import field_names, is_record

__all__ = ["LONG_COLUMNS", "long_frame", "table_frame"]

LONG_COLUMNS = ("figure", "variant", "programme", "year", "value")
BASIS, SCENARIO, VERSCHIL = "basis", "scenario", "verschil"


def _value(value: Any, as_float: bool) -> Any:
    if isinstance(value, Decimal) and as_float:
        return float(value)
    return value


def _name_of(item: Any) -> tuple[str, str | None]:
    """How an item of a tuple of outcomes is named in the path, and its programme code if it is a programme."""
    programma = getattr(item, "programma", None)
    if programma is not None and hasattr(programma, "code"):
        return "", str(programma.code)
    measure = getattr(item, "measure", None)  # a booking: named by its measure, on its programme
    if isinstance(measure, str):
        return measure, str(programma) if programma is not None else None
    reserve = getattr(item, "reserve", None)
    if reserve is not None and hasattr(reserve, "naam"):
        return str(reserve.naam), None
    return str(getattr(item, "naam", "")), None


def _walk(node: Any, path: tuple[str, ...], programme: str | None, n_years: int) -> Iterator[tuple]:
    """(figure path, programme, Figure or per-year tuple) for every per-year figure under `node`."""
    for name in field_names(node):
        value = getattr(node, name)
        here = (*path, name)
        if isinstance(value, Figure):
            yield here, programme, value
        elif is_record(value):
            yield from _walk(value, here, programme, n_years)
        elif isinstance(value, tuple) and value and all(is_record(v) for v in value):
            for item in value:
                name, code = _name_of(item)
                yield from _walk(item, (*here, name) if name else here, code or programme, n_years)
        elif isinstance(value, tuple) and len(value) == n_years and all(isinstance(v, Decimal | None) for v in value):
            yield here, programme, value


def _is_effect(path: tuple[str, ...]) -> bool:
    """A per-year part that is a change (a booking, a price or volume effect), not baseline data."""
    return path[0] == "bookings" or "effect" in path[-1] or path[-1] == "interaction"


def long_frame(outcome: Outcome, *, as_float: bool = False) -> pd.DataFrame:
    """Every figure of the outcome, one row per figure, variant, programme and year (see the module docstring)."""
    rows: list[tuple[Any, ...]] = []
    seen: set[int] = set()

    def add(name: str, programme: str | None, figure: Figure | tuple[Decimal | None, ...], effect: bool) -> None:
        variants: tuple[tuple[str, tuple[Decimal | None, ...]], ...]
        if isinstance(figure, Figure):
            seen.add(id(figure))
            variants = ((BASIS, figure.baseline), (SCENARIO, figure.scenario), (VERSCHIL, figure.difference))
        else:
            variants = ((VERSCHIL if effect else BASIS, figure),)
        for variant, values in variants:
            for year, value in zip(outcome.years, values, strict=True):
                rows.append((name, variant, programme, year, _value(value, as_float)))

    for key, spec in FIGURES.items():
        figure = spec.get(outcome)
        if figure is not None:
            add(key, None, figure, False)
    for path, programme, figure in _walk(outcome, (), None, len(outcome.years)):
        if isinstance(figure, Figure) and id(figure) in seen:
            continue
        add(".".join(path).removeprefix("overview."), programme, figure, _is_effect(path))
    frame = pd.DataFrame(rows, columns=list(LONG_COLUMNS))
    if as_float:
        frame["value"] = frame["value"].astype(float)
    return frame


def table_frame(table: Any, *, as_float: bool = False) -> pd.DataFrame:
    """A report table (`report.tables.Table`) as a wide frame: label columns as the index, years as columns.

    Cells hold exact Decimals, text (the waardering rows) or None (a ratio without a denominator); with
    `as_float` the Decimals become floats. `frame.attrs` keeps the table's key, title and notes.
    """
    years = [int(h) if str(h).isdigit() else h for h in table.value_headers]
    index = pd.MultiIndex.from_tuples([row.labels for row in table.rows], names=list(table.label_headers))
    if len(table.label_headers) == 1:
        index = pd.Index([row.labels[0] for row in table.rows], name=table.label_headers[0])
    data = [[_value(v, as_float) for v in row.values] for row in table.rows]
    frame = pd.DataFrame(data, index=index, columns=years)
    frame.attrs.update({"key": table.key, "title": table.title, "notes": tuple(table.notes)})
    return frame
