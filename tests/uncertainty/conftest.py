"""Small baselines and scenario files for the uncertainty tests, built in code so each test shows its numbers.

The standard baseline of these tests (`small_baseline`), per year 2025-2028:
    baten (AD, structureel)                      1.000.000
    lasten jeugdhulp (6, structureel, Sleutel)     150.000 = Ambulant 100 x 1.000 + Verblijf 500 x 100
    lasten overig (1, structureel)                 900.000
    structureel saldo = geraamd resultaat = 1.000.000 − 1.050.000 = −50.000
    algemene reserve 1.000.000 on 1-1-2025, nothing booked on it; benodigd weerstand 400.000
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from hengelo_scenario.baseline.model import (
    Aard,
    JeugdhulpSegment,
    Line,
    Reserve,
    ReserveSoort,
    Soort,
    WeerstandPost,
    Weerstandsoort,
)
from tests.engine.builders import YEARS, d, make_baseline


def small_baseline():
    return make_baseline(
        lines=[
            Line("AD", "Algemene uitkering", Soort.BAAT, Aard.STRUCTUREEL, d(1_000_000)),
            Line("6", "Jeugdhulp", Soort.LAST, Aard.STRUCTUREEL, d(150_000), key="jeugdhulp"),
            Line("1", "Overig", Soort.LAST, Aard.STRUCTUREEL, d(900_000)),
        ],
        reserves=(Reserve("Algemene reserve", ReserveSoort.ALGEMEEN, Decimal(1_000_000), True),),
        jeugdhulp=(
            JeugdhulpSegment("Ambulant", "cliënt", d(100), d(1000)),
            JeugdhulpSegment("Verblijf", "cliënt", d(500), d(100)),
        ),
        weerstand=(WeerstandPost("Risico's", Weerstandsoort.BENODIGD, d(400_000)),),
    )


@pytest.fixture
def baseline():
    return small_baseline()


@pytest.fixture
def scenario_file(tmp_path):
    """scenario_file(text) -> the loaded ScenarioFile of a YAML text written to a file."""
    from hengelo_scenario.scenario.loader import load_scenario_file

    def load(text: str, name: str = "s.yaml"):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return load_scenario_file(path)

    return load


__all__ = ["YEARS", "small_baseline"]
