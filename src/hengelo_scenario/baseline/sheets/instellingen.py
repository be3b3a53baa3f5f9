"""Sheet 'Instellingen': one optional setting per row, each at most once."""

from __future__ import annotations

from hengelo_scenario.baseline import layout
from hengelo_scenario.baseline.model import Instellingen
from hengelo_scenario.baseline.sheets.cells import Reader, Table
from hengelo_scenario.money import to_decimal


def read(reader: Reader, table: Table | None) -> Instellingen:
    """Sheet 'Instellingen': one setting per row; every setting optional, each at most once."""
    found: dict[str, object] = {}
    seen: dict[str, int] = {}
    for row, values in reader.rows(table):
        assert table is not None
        name = reader.choice(table, row, values, layout.INSTELLING, {k: k for k in layout.SETTINGS})
        reader.unique(table, row, layout.INSTELLING, name, seen, "a setting")
        if name is None:
            continue
        where = table.where(row, table.columns[layout.WAARDE])
        index = table.columns[layout.WAARDE]
        raw = values[index] if index < len(values) else None
        if name == layout.SETTING_RESULTAATBESTEMMING:
            chosen = reader.choice(table, row, values, layout.WAARDE, layout.RESULTAATBESTEMMINGEN)
            if chosen is not None:
                found[name] = chosen
            continue
        number = None if isinstance(raw, bool) or not isinstance(raw, int | float | str) else raw
        try:
            value = to_decimal(str(number).strip().replace(",", ".")) if number is not None else None
        except (ArithmeticError, ValueError):
            value = None
        if name == layout.SETTING_INCIDENTEEL_MAX_JAREN:
            if value is None or not value.is_finite() or value != value.to_integral_value() or value < 1:
                reader.problem(
                    where,
                    name,
                    "a whole number of years, 1 or more (default 3)",
                    f"{raw!r}",
                    code="baseline.setting",
                )
            else:
                found[name] = int(value)
        else:
            if value is None or not value.is_finite() or value <= 0:
                reader.problem(
                    where, name, "a ratio above 0, such as 1,0 (default)", f"{raw!r}", code="baseline.setting"
                )
            else:
                found[name] = value
    return Instellingen(**found)  # type: ignore[arg-type]
