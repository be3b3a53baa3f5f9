"""What the engine returns for one scenario: every figure per year, for the baseline and the scenario.

The difference is derived, never stored, so it cannot disagree with its two parts. Everything is exact Decimal
euros (ratios excepted); rounding is the report's business.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from hengelo_scenario.baseline.model import Aard, Amounts, Programma, Reserve, Soort
from hengelo_scenario.errors import Origin


@dataclass(frozen=True)
class Figure:
    """One figure for each year, in the baseline and in the scenario."""

    baseline: tuple[Decimal, ...]
    scenario: tuple[Decimal, ...]
    higher_is_voordelig: bool = True  # False for lasten: a difference on a last is V when the last falls

    @property
    def difference(self) -> tuple[Decimal, ...]:
        """Scenario minus baseline, in the figure's own direction."""
        return tuple(s - b for b, s in zip(self.baseline, self.scenario, strict=True))

    @property
    def effect(self) -> tuple[Decimal, ...]:
        """The difference signed for the budget: + is voordelig (V), - is nadelig (N)."""
        if self.higher_is_voordelig:
            return self.difference
        return tuple(-d for d in self.difference)


@dataclass(frozen=True)
class Booking:
    """One change the scenario makes to the budget, as a begrotingswijziging would book it."""

    measure: str
    description: str
    programma: str
    soort: Soort
    aard: Aard
    amounts: Amounts  # signed change of the soort: + = more lasten / baten / toevoeging / onttrekking
    reserve: str | None = None
    origin: Origin | None = None
    lever: str = "measures"  # the key of the lever (the scenario file's section) the booking comes from
    line_key: str | None = None  # the Sleutel of the baseline line a keyed lever changed, if any

    @property
    def effect(self) -> tuple[Decimal, ...]:
        """The booking's effect on the geraamd resultaat: + is voordelig."""
        if self.soort in (Soort.BAAT, Soort.ONTTREKKING):
            return self.amounts
        return tuple(-a for a in self.amounts)


@dataclass(frozen=True)
class WeerstandChange:
    """A lever's signed change of a `beschikbaar` weerstand post per year (a higher OZB uses up tax room)."""

    post: str  # WeerstandPost.naam
    amounts: Amounts  # + = more available capacity
    lever: str
    origin: Origin | None = None


@dataclass(frozen=True)
class DetailRow:
    """One row of a lever's own schedule: labels (what, programme, category ...) and an amount per year."""

    labels: tuple[str, ...]
    amounts: Amounts
    part: str = ""  # what the amounts are, e.g. "afschrijving", "rente", "indexatie", "accres"
    total: bool = False  # a subtotal or total of rows above it


@dataclass(frozen=True)
class LeverDetail:
    """A schedule a lever computed beside its bookings (the kapitaallasten per investment, the indexation per
    line), so the report can show how a booked amount was made. `kind` tells the report which table it is."""

    lever: str
    kind: str
    rows: tuple[DetailRow, ...]


@dataclass(frozen=True)
class Overview:
    """The overzicht van baten en lasten and the structural view of it, per year."""

    lasten: Figure
    baten: Figure
    saldo_baten_lasten: Figure
    toevoegingen: Figure
    onttrekkingen: Figure
    geraamd_resultaat: Figure
    structurele_lasten: Figure
    structurele_baten: Figure
    structurele_toevoegingen: Figure
    structurele_onttrekkingen: Figure
    structureel_saldo: Figure
    structurele_exploitatieruimte: Figure  # a fraction of the total baten, not money


@dataclass(frozen=True)
class ProgrammaOutcome:
    programma: Programma
    lasten: Figure
    baten: Figure
    saldo: Figure
    toevoegingen: Figure
    onttrekkingen: Figure


@dataclass(frozen=True)
class ReserveOutcome:
    reserve: Reserve
    opening: Figure  # 1 January
    toevoegingen: Figure
    onttrekkingen: Figure
    closing: Figure  # 31 December


@dataclass(frozen=True)
class WeerstandOutcome:
    beschikbaar: Figure
    benodigd: Figure
    ratio: Figure  # beschikbaar / benodigd, not money
    klasse_baseline: tuple[str, ...]
    klasse_scenario: tuple[str, ...]


@dataclass(frozen=True)
class SegmentOutcome:
    naam: str
    unit: str
    price: Figure
    volume: Figure
    cost: Figure
    price_effect: tuple[Decimal, ...]  # (p1 - p0) * q0
    volume_effect: tuple[Decimal, ...]  # p0 * (q1 - q0)
    interaction: tuple[Decimal, ...]  # (p1 - p0) * (q1 - q0)


@dataclass(frozen=True)
class JeugdhulpOutcome:
    segments: tuple[SegmentOutcome, ...]
    cost: Figure
    price_effect: tuple[Decimal, ...]
    volume_effect: tuple[Decimal, ...]
    interaction: tuple[Decimal, ...]


@dataclass(frozen=True)
class TransformatieOutcome:
    taakstelling: tuple[Decimal, ...]
    ingevuld: tuple[Decimal, ...]
    open: tuple[Decimal, ...]
    niet_gerealiseerd: Figure  # savings the budget counts on that the scenario does not realise


class Verdict(StrEnum):
    """Indicative structural-balance verdict as the province tests it (not a legal judgement)."""

    IN_EVENWICHT = "in evenwicht"  # structureel saldo >= 0 in the first year
    UITERLIJK_LAATSTE_JAAR = "uiterlijk laatste jaar"  # not in the first year, but in the last year
    NIET_IN_EVENWICHT = "niet in evenwicht"


@dataclass(frozen=True)
class Outcome:
    years: tuple[int, ...]
    scenario_name: str
    scenario_source: str
    baseline_source: str
    overview: Overview
    programmas: tuple[ProgrammaOutcome, ...]
    reserves: tuple[ReserveOutcome, ...]
    weerstand: WeerstandOutcome
    jeugdhulp: JeugdhulpOutcome
    transformatieplan: TransformatieOutcome
    verdict_baseline: Verdict
    verdict_scenario: Verdict
    bookings: tuple[Booking, ...]
    signals: tuple[str, ...] = ()  # points a supervisor would raise, in Dutch, for the memo (not errors)
    details: tuple[LeverDetail, ...] = ()  # the levers' own schedules (kapitaallasten, indexation)
    weerstand_changes: tuple[WeerstandChange, ...] = ()  # the levers' changes of the available capacity

    @property
    def algemene_reserve(self) -> ReserveOutcome | None:
        from hengelo_scenario.baseline.model import ReserveSoort

        for reserve in self.reserves:
            if reserve.reserve.soort is ReserveSoort.ALGEMEEN:
                return reserve
        return None
