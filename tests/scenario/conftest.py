"""Helpers for scenario tests: tiny YAML files written inline, and a small baseline built in code."""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest

from hengelo_scenario.baseline.model import (
    Baseline,
    Invulling,
    JeugdhulpSegment,
    Line,
    Programma,
    Reserve,
    ReserveMutation,
    ReserveSoort,
    Soort,
    TransformatieOnderdeel,
)
from hengelo_scenario.errors import Problem, ScenarioError
from hengelo_scenario.scenario.loader import load_scenario_file
from hengelo_scenario.scenario.model import Scenario
from hengelo_scenario.scenario.resolve import resolve
from tests.engine.builders import YEARS, I, S, d


def make_baseline(
    *,
    jeugdhulp: bool = True,
    wijkaanpak: bool = True,
    leefbare_wijken: bool = True,
    transformatieplan: bool = True,
) -> Baseline:
    """A small baseline with the lines, reserves, segments and onderdelen the scenario language addresses."""
    lines = [
        Line("1", "Openbare orde en veiligheid", Soort.LAST, S, d(20_000_000)),
        Line("6", "Jeugdhulp", Soort.LAST, S, d(30_000_000), key="jeugdhulp"),
        Line("AD", "Algemene uitkering", Soort.BAAT, S, d(250_000_000)),
    ]
    if wijkaanpak:
        lines.append(Line("6", "Wijkaanpak", Soort.LAST, I, d(503_000, 509_000, 0, 0), key="wijkaanpak"))
    mutations = []
    if leefbare_wijken:
        lines.append(
            Line("6", "Fonds leefbare wijken", Soort.LAST, I, d(100_000, 100_000, 0, 0), key="fonds_leefbare_wijken")
        )
        mutations.append(
            ReserveMutation(
                "Algemene reserve",
                "6",
                "Onttrekking fonds leefbare wijken",
                Soort.ONTTREKKING,
                I,
                d(100_000, 100_000, 0, 0),
                key="fonds_leefbare_wijken",
            )
        )
    segments = (
        (
            JeugdhulpSegment("Ambulant incl. jeugd-GGZ", "cliënt", d(10_000), d(1_500)),
            JeugdhulpSegment("Verblijf (excl. pleegzorg)", "cliënt", d(75_000), d(100)),
            JeugdhulpSegment("Pleegzorg", "cliënt", d(25_000), d(60)),
        )
        if jeugdhulp
        else ()
    )
    onderdelen = (
        (
            TransformatieOnderdeel("Jeugd", "6", Invulling.INGEVULD, d(0, 3_000_000, 3_000_000, 3_000_000)),
            TransformatieOnderdeel("Wmo", "6", Invulling.OPEN, d(0, 96_000, 96_000, 96_000)),
        )
        if transformatieplan
        else ()
    )
    return Baseline(
        source="test.xlsx",
        years=YEARS,
        programmas=(
            Programma("1", "Veiligheid"),
            Programma("6", "Sociaal domein"),
            Programma("9", "Bestuur en ondersteuning"),
            Programma("AD", "Algemene dekkingsmiddelen"),
        ),
        lines=tuple(lines),
        reserves=(
            Reserve("Algemene reserve", ReserveSoort.ALGEMEEN, Decimal(60_000_000), True),
            Reserve("Reserve sociaal domein", ReserveSoort.BESTEMMING, Decimal(2_000_000), False),
        ),
        mutations=tuple(mutations),
        jeugdhulp=segments,
        transformatieplan=onderdelen,
    )


@pytest.fixture
def baseline() -> Baseline:
    return make_baseline()


Write = Callable[..., Path]


@pytest.fixture
def write(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Write:
    """write(text, name="s.yaml"): the dedented text as a file in tmp_path (also the working folder)."""
    monkeypatch.chdir(tmp_path)

    def _write(text: str, name: str = "s.yaml") -> Path:
        path = Path(name)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
        return path

    return _write


def load_and_resolve(path: Path, baseline: Baseline | None = None) -> Scenario:
    return resolve(load_scenario_file(path), baseline or make_baseline())


def problems_of(path: Path, baseline: Baseline | None = None) -> tuple[Problem, ...]:
    """The problems a file has, loading and resolving it; fails the test if it has none."""
    with pytest.raises(ScenarioError) as caught:
        load_and_resolve(path, baseline)
    return caught.value.problems


def one_problem(path: Path, baseline: Baseline | None = None) -> Problem:
    problems = problems_of(path, baseline)
    assert len(problems) == 1, "\n".join(str(p) for p in problems)
    return problems[0]
