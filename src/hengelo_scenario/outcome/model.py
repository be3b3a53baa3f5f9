"""What the engine returns for one scenario: every figure per year, for the baseline and the scenario.

The difference is derived, never stored, so it cannot disagree with its two parts. Everything is exact Decimal
euros (ratios excepted); rounding is the report's business.
"""

from __future__ import annotations

import decimal
from decimal import Decimal
from enum import StrEnum

from hengelo_scenario.baseline.model import Aard, Amounts, Programma, Reserve, Soort
from hengelo_scenario.errors import Origin
from hengelo_scenario.records import Record

_WIDE = decimal.Context(prec=10_000)  # differences of exact euros are exact (ratios are quotients already)


class Figure(Record, frozen=True):
    """One figure for each year, in the baseline and in the scenario."""

    baseline: tuple[Decimal, ...]
    scenario: tuple[Decimal, ...]
    higher_is_voordelig: bool = True  # False for lasten: a difference on a last is V when the last falls

    @property
    def difference(self) -> tuple[Decimal, ...]:
        """Scenario minus baseline, in the figure's own direction: exact, however many digits (not the default
        context's 28). A ratio's NaN stays NaN."""
        with decimal.localcontext(_WIDE):
            return tuple(s - b for b, s in zip(self.baseline, self.scenario, strict=True))

    @property
    def effect(self) -> tuple[Decimal, ...]:
        """The difference signed for the budget: + is voordelig (V), - is nadelig (N)."""
        if self.higher_is_voordelig:
            return self.difference
        with decimal.localcontext(_WIDE):
            return tuple(-d for d in self.difference)


class Booking(Record, frozen=True):
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


class WeerstandChange(Record, frozen=True):
    """A lever's signed change of a `beschikbaar` weerstand post per year (a higher OZB uses up tax room)."""

    post: str  # WeerstandPost.naam
    amounts: Amounts  # + = more available capacity
    lever: str
    origin: Origin | None = None


class DetailRow(Record, frozen=True):
    """One row of a lever's own schedule: labels (what, programme, category ...) and an amount per year."""

    labels: tuple[str, ...]
    amounts: Amounts
    part: str = ""  # what the amounts are, e.g. "afschrijving", "rente", "indexatie", "accres"
    total: bool = False  # a subtotal or total of rows above it


class LeverDetail(Record, frozen=True):
    """A schedule a lever computed beside its bookings (the kapitaallasten per investment, the indexation per
    line), so the report can show how a booked amount was made. `kind` tells the report which table it is."""

    lever: str
    kind: str
    rows: tuple[DetailRow, ...]


class Overview(Record, frozen=True):
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
    mutaties_reserves: Figure  # onttrekkingen − toevoegingen: the step from saldo to geraamd resultaat
    reeel_structureel_saldo: Figure  # structureel saldo without stelposten, taakstellingen, uncertain lines


class ProgrammaOutcome(Record, frozen=True):
    programma: Programma
    lasten: Figure
    baten: Figure
    saldo: Figure
    toevoegingen: Figure
    onttrekkingen: Figure


class ReserveOutcome(Record, frozen=True):
    reserve: Reserve
    opening: Figure  # 1 January
    toevoegingen: Figure
    onttrekkingen: Figure
    closing: Figure  # 31 December
    resultaat: Figure | None = None  # the geraamd resultaat taken up (resultaatbestemming): + added, − withdrawn
    structurele_toevoegingen: Figure | None = None  # counted structural (BBV art. 19d)
    structurele_onttrekkingen: Figure | None = None


class KlasseGrens(Record, frozen=True):
    """A class of the weerstandsratio table and its lower boundary (inclusief: a ratio equal to it qualifies)."""

    klasse: str
    ondergrens: Decimal
    inclusief: bool


class WeerstandOutcome(Record, frozen=True):
    beschikbaar: Figure
    benodigd: Figure
    ratio: Figure  # beschikbaar / benodigd, not money
    klasse_baseline: tuple[str, ...]
    klasse_scenario: tuple[str, ...]
    grenzen: tuple[KlasseGrens, ...] = ()  # A..E with their lower boundaries; below the last is F
    norm: Decimal = Decimal("1.0")  # the workbook's norm for the ratio (setting weerstandsratio_norm)
    decimalen: int = 2  # the ratio is rounded to this many decimals before class and norm are applied


class SegmentOutcome(Record, frozen=True):
    naam: str
    unit: str
    price: Figure
    volume: Figure
    cost: Figure
    price_effect: tuple[Decimal, ...]  # (p1 - p0) * q0
    volume_effect: tuple[Decimal, ...]  # p0 * (q1 - q0)
    interaction: tuple[Decimal, ...]  # (p1 - p0) * (q1 - q0)


class JeugdhulpOutcome(Record, frozen=True):
    segments: tuple[SegmentOutcome, ...]
    cost: Figure
    price_effect: tuple[Decimal, ...]
    volume_effect: tuple[Decimal, ...]
    interaction: tuple[Decimal, ...]


class TransformatieOutcome(Record, frozen=True):
    taakstelling: tuple[Decimal, ...]
    ingevuld: tuple[Decimal, ...]
    open: tuple[Decimal, ...]
    niet_gerealiseerd: Figure  # savings the budget counts on that the scenario does not realise


class Verdict(StrEnum):
    """The overall status of the structural-balance test: what the terminal colours (green, amber, red)."""

    IN_EVENWICHT = "in evenwicht"  # every year structureel en reëel in evenwicht
    NIET_ELK_JAAR = "niet elk jaar in evenwicht"  # repressief toezicht indicated, but a year falls short
    NIET_IN_EVENWICHT = "niet in evenwicht"  # neither the begrotingsjaar nor the last year: preventief risk


class Toezicht(StrEnum):
    """Indication of the kind of provincial toezicht (Gemeentewet art. 203 lid 1), not a legal judgement."""

    REPRESSIEF = "repressief"
    PREVENTIEF = "risico op preventief"


class Grond(StrEnum):
    """Which year carries the repressief indication."""

    BEGROTINGSJAAR = "begrotingsjaar"
    LAATSTE_JAAR = "laatste jaar"
    GEEN = "geen"


class JaarEvenwicht(Record, frozen=True):
    """One jaarschijf: its structureel saldo and whether it balances, also without the uncertain items."""

    year: int
    structureel_saldo: Decimal
    structureel: bool  # structureel saldo >= 0
    reeel_saldo: Decimal  # structureel saldo without stelposten, taakstellingen and uncertain lines
    reeel: bool

    @property
    def in_evenwicht(self) -> bool:
        return self.structureel and self.reeel


class Conclusie(Record, frozen=True):
    """The structural-balance verdict as data; the report turns it into the sentences of a raadsvoorstel."""

    jaren: tuple[JaarEvenwicht, ...]
    toezicht: Toezicht
    grond: Grond
    status: Verdict

    @property
    def tekort_jaren(self) -> tuple[int, ...]:
        """The years with a structural deficit."""
        return tuple(j.year for j in self.jaren if not j.structureel)


class SignalKind(StrEnum):
    """What a supervisor would point at beyond the formulas (a "Let op" in the report)."""

    INCIDENTEEL_LANG = "incidenteel-lang"  # incidental in more consecutive years than the threshold
    WEERSTAND_ONDER_NORM = "weerstand-onder-norm"
    STRUCTUREEL_ALS_INCIDENTEEL = "structureel-als-incidenteel"  # structural mutation of a reserve that may not
    ONZEKERE_POST = "onzekere-post"  # a stelpost, taakstelling or uncertain line (reëel evenwicht)
    OPEN_TAAKSTELLING = "open-taakstelling"
    RESERVE_NEGATIEF = "reserve-negatief"  # the algemene reserve below zero after taking up the deficits


class Signal(Record, frozen=True):
    """A structured "Let op": its kind and the data the sentence needs (the report writes the sentence)."""

    kind: SignalKind
    subject: str = ""  # the line, measure or reserve it is about
    years: tuple[int, ...] = ()
    amounts: tuple[Decimal, ...] = ()  # per year of the outcome, where the signal has amounts
    number: Decimal | None = None  # a threshold, norm or count
    detail: str = ""  # e.g. the reserve of a mutation, the kind of onzekerheid
    in_baseline: bool = False  # the item is in the baseline workbook (not only in the scenario)


class Effects(Record, frozen=True):
    """One booking's (or a measure's, or all bookings') effect per year: + is voordelig."""

    saldo: tuple[Decimal, ...]  # on the saldo van baten en lasten
    resultaat: tuple[Decimal, ...]  # on the geraamd resultaat
    structureel: tuple[Decimal, ...]  # on the structureel saldo


class BbvOverzichten(Record, frozen=True):
    """The figures of the overviews a toezichthouder starts from (BBV art. 19c, 19d and the bridge)."""

    incidentele_lasten: Figure  # totals, for the bridge
    incidentele_baten: Figure
    incidentele_toevoegingen: Figure
    incidentele_onttrekkingen: Figure
    programma_incidentele_lasten: tuple[Figure, ...]  # per programme, in the order of Outcome.programmas
    programma_incidentele_baten: tuple[Figure, ...]
    saldo_incidenteel: Figure  # incidentele baten − incidentele lasten
    saldo_incidentele_mutaties: Figure  # incidentele onttrekkingen − incidentele toevoegingen
    onzekere_posten: Figure  # effect on the structureel saldo of the stelposten, taakstellingen, open taakstelling
    reeel_structureel_saldo: Figure


class Outcome(Record, frozen=True):
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
    conclusie_baseline: Conclusie
    conclusie_scenario: Conclusie
    bookings: tuple[Booking, ...]
    signals: tuple[Signal, ...] = ()  # points a supervisor would raise (not errors); the report words them
    booking_effects: tuple[Effects, ...] = ()  # aligned with bookings
    measure_effects: tuple[tuple[str, Effects], ...] = ()  # per measure name, in order of first booking
    effects: Effects | None = None  # all bookings together: equals the overview's differences
    bbv: BbvOverzichten | None = None
    resultaatbestemming_baseline: bool = True
    resultaatbestemming_scenario: bool = True
    details: tuple[LeverDetail, ...] = ()  # the levers' own schedules (kapitaallasten, indexation)
    weerstand_changes: tuple[WeerstandChange, ...] = ()  # the levers' changes of the available capacity

    @property
    def verdict_baseline(self) -> Verdict:
        return self.conclusie_baseline.status

    @property
    def verdict_scenario(self) -> Verdict:
        return self.conclusie_scenario.status

    @property
    def algemene_reserve(self) -> ReserveOutcome | None:
        from hengelo_scenario.baseline.model import ReserveSoort

        for reserve in self.reserves:
            if reserve.reserve.soort is ReserveSoort.ALGEMEEN:
                return reserve
        return None
