"""Baselines and scenarios built in code, so every engine test shows its own numbers."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from hengelo_scenario.baseline.model import (
    Aard,
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
    WeerstandPost,
    Weerstandsoort,
)
from hengelo_scenario.scenario.model import Origin

YEARS = (2025, 2026, 2027, 2028)
S, I = Aard.STRUCTUREEL, Aard.INCIDENTEEL
ORIGIN = Origin("test.yaml", 3, "measures[0]")


def d(*values: float | int | str) -> tuple[Decimal, ...]:
    """Amounts per year; a single value is repeated for every year."""
    if len(values) == 1:
        values = values * len(YEARS)
    return tuple(Decimal(str(v)) for v in values)


def last(programma: str, amounts: Sequence[Decimal], aard: Aard = S, key: str | None = None) -> Line:
    return Line(programma, f"lasten {programma}", Soort.LAST, aard, tuple(amounts), key)


def baat(programma: str, amounts: Sequence[Decimal], aard: Aard = S, key: str | None = None) -> Line:
    return Line(programma, f"baten {programma}", Soort.BAAT, aard, tuple(amounts), key)


def toevoeging(reserve: str, amounts: Sequence[Decimal], aard: Aard = I, programma: str = "AD") -> ReserveMutation:
    return ReserveMutation(reserve, programma, "toevoeging", Soort.TOEVOEGING, aard, tuple(amounts))


def onttrekking(
    reserve: str, amounts: Sequence[Decimal], aard: Aard = I, programma: str = "AD", key: str | None = None
) -> ReserveMutation:
    return ReserveMutation(reserve, programma, "onttrekking", Soort.ONTTREKKING, aard, tuple(amounts), key)


PROGRAMMAS = (
    Programma("6", "Sociaal domein"),
    Programma("1", "Veiligheid"),
    Programma("AD", "Algemene dekkingsmiddelen"),
    Programma("OH", "Overhead"),
    Programma("VPB", "Vennootschapsbelasting (Vpb)"),
    Programma("ONV", "Onvoorzien"),
)


def make_baseline(
    lines: Sequence[Line] = (),
    mutations: Sequence[ReserveMutation] = (),
    reserves: Sequence[Reserve] | None = None,
    jeugdhulp: Sequence[JeugdhulpSegment] = (),
    transformatieplan: Sequence[TransformatieOnderdeel] = (),
    weerstand: Sequence[WeerstandPost] | None = None,
    years: tuple[int, ...] = YEARS,
) -> Baseline:
    if reserves is None:
        # The bestemmingsreserve has a documented regular withdrawal, so its structural mutations count as
        # structural; the algemene reserve's never do (Commissie BBV).
        reserves = (
            Reserve("Algemene reserve", ReserveSoort.ALGEMEEN, Decimal(60_000_000), True),
            Reserve(
                "Reserve sociaal domein", ReserveSoort.BESTEMMING, Decimal(2_000_000), False, structurele_mutaties=True
            ),
        )
    if weerstand is None:
        weerstand = (WeerstandPost("Risico's", Weerstandsoort.BENODIGD, d(25_000_000)),)
    return Baseline(
        source="test.xlsx",
        years=years,
        programmas=PROGRAMMAS,
        lines=tuple(lines),
        reserves=tuple(reserves),
        mutations=tuple(mutations),
        jeugdhulp=tuple(jeugdhulp),
        transformatieplan=tuple(transformatieplan),
        weerstand=tuple(weerstand),
    )


def segment(naam: str, price: int | str, volume: int | str) -> JeugdhulpSegment:
    """A segment with the same price and volume in every year (constant prices, 0% volume growth)."""
    return JeugdhulpSegment(naam, "cliënt", d(price), d(volume))


def onderdeel(
    naam: str, amounts: Sequence[Decimal], invulling: Invulling = Invulling.INGEVULD
) -> TransformatieOnderdeel:
    return TransformatieOnderdeel(naam, "6", invulling, tuple(amounts))
