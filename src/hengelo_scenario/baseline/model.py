"""The budget baseline as small immutable objects: what the workbook says, validated, in exact euros.

Amounts are positive magnitudes with their `Soort` (rule 7 of the domain brief); a saldo is derived later by the
engine with one sign rule. Every amount tuple is aligned with `Baseline.years`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from typing import Any

from hengelo_scenario.records import Record


class Soort(StrEnum):
    """The kind of an amount: lasten and baten before reserves, reserve mutations below the line."""

    LAST = "last"
    BAAT = "baat"
    TOEVOEGING = "toevoeging"
    ONTTREKKING = "onttrekking"

    @property
    def is_reserve_mutation(self) -> bool:
        return self in (Soort.TOEVOEGING, Soort.ONTTREKKING)


class Aard(StrEnum):
    """Structureel (recurring) or incidenteel (one-off, roughly three years at most)."""

    STRUCTUREEL = "structureel"
    INCIDENTEEL = "incidenteel"

    @property
    def letter(self) -> str:
        return "S" if self is Aard.STRUCTUREEL else "I"


class ReserveSoort(StrEnum):
    ALGEMEEN = "algemene reserve"
    BESTEMMING = "bestemmingsreserve"


class Weerstandsoort(StrEnum):
    BESCHIKBAAR = "beschikbaar"
    BENODIGD = "benodigd"


class Invulling(StrEnum):
    """Whether a part of the transformatieplan savings target is filled with measures or still open."""

    INGEVULD = "ingevuld"
    OPEN = "open"


class Onzekerheid(StrEnum):
    """Why a line is less than firm, for the reëel evenwicht (GTK 2020: the province may correct the saldo for it).

    A stelpost is an expected amount not yet worked out (an expected BTW-compensatiefonds onderuitputting, an
    expected rijksbijdrage); a taakstelling is a saving counted on before the measures exist; onzeker is any
    other estimate the analyst does not count as firm. An unmarked line is firm.
    """

    STELPOST = "stelpost"
    TAAKSTELLING = "taakstelling"
    ONZEKER = "onzeker"


class Resultaatbestemming(StrEnum):
    """Where each year's geraamd resultaat goes: into the algemene reserve (a deficit withdrawn), or nowhere."""

    ALGEMENE_RESERVE = "algemene reserve"
    GEEN = "geen"


Amounts = tuple[Decimal, ...]


class Programma(Record, frozen=True):
    """A programme of the budget, or one of the overviews beside them (algemene dekkingsmiddelen, overhead...)."""

    code: str
    naam: str


class Line(Record, frozen=True):
    """One budget line: lasten or baten of a programme in each year."""

    programma: str  # Programma.code
    description: str
    soort: Soort  # LAST or BAAT
    aard: Aard
    amounts: Amounts
    key: str | None = None  # how scenarios address the line, e.g. "jeugdhulp", "wijkaanpak"
    source: str = ""
    row: int | None = None  # worksheet row, for messages
    index: str | None = None  # the index category (a name from sheet Indexen), None: not indexed
    onzekerheid: Onzekerheid | None = None  # None: a firm estimate


class Reserve(Record, frozen=True):
    naam: str
    soort: ReserveSoort
    opening_balance: Decimal  # on 1 January of the first year
    counts_as_weerstand: bool  # its balance is part of the available weerstandscapaciteit
    source: str = ""
    row: int | None = None
    # May carry structural mutations (Commissie BBV notitie structurele en incidentele baten en lasten 2018: a
    # dekkingsreserve for kapitaallasten, or a bestemmingsreserve with a documented regular withdrawal for at
    # least three years). A structural mutation of any other reserve counts as incidental.
    structurele_mutaties: bool = False


class ReserveMutation(Record, frozen=True):
    """A toevoeging to or onttrekking from a reserve, booked on a programme (taakveld 0.10)."""

    reserve: str  # Reserve.naam
    programma: str
    description: str
    soort: Soort  # TOEVOEGING or ONTTREKKING
    aard: Aard
    amounts: Amounts
    key: str | None = None
    source: str = ""
    row: int | None = None


def youth_care_cost(prices: Any, volumes: Any) -> Any:
    """The p x q rule (domain brief rule 4): cost = price per unit x volume, for Decimals or numpy arrays alike.

    Defined once, here beside the segment it applies to, so that both the loader (its reconciliation of the
    segments with the `jeugdhulp` line) and the engine (`engine.rules.youth_care_cost` is this function) use it,
    while the baseline layer never imports the engine above it.
    """
    return prices * volumes


class JeugdhulpSegment(Record, frozen=True):
    """A youth-care segment paid per effort: cost = price per unit x volume (p x q)."""

    naam: str
    unit: str
    prices: Amounts
    volumes: tuple[Decimal, ...]
    source: str = ""
    row: int | None = None
    index: str | None = None  # the tariff's index category; None: that of the `jeugdhulp` line


class TransformatieOnderdeel(Record, frozen=True):
    """A part of the transformatieplan savings target (taakstelling), already inside the programme's lasten."""

    naam: str
    programma: str
    invulling: Invulling
    amounts: Amounts  # the saving the budget counts on, positive
    source: str = ""
    row: int | None = None


class WeerstandPost(Record, frozen=True):
    """A component of the available weerstandscapaciteit other than reserves, or of the required one."""

    naam: str
    soort: Weerstandsoort
    amounts: Amounts
    source: str = ""
    row: int | None = None
    key: str | None = None  # e.g. "onbenutte_belastingcapaciteit", which a higher OZB lowers


class IndexReeks(Record, frozen=True):
    """An index category of the budget (Grondslagen voor de ramingen): its rate per year, as a fraction."""

    naam: str
    rates: tuple[Decimal, ...]  # 0.021 for 2,10%; the first year's rate is already in the budget's amounts
    source: str = ""
    row: int | None = None


class Voorstel(Record, frozen=True):
    """A proposal for new policy (voorstel nieuw beleid): lasten per year; opgenomen ones are in the baseline."""

    naam: str
    programma: str
    aard: Aard
    amounts: Amounts
    opgenomen: bool
    dekking: str | None = None  # a reserve that covers it (an incidental onttrekking), None: the begrotingssaldo
    source: str = ""
    row: int | None = None

    @property
    def key(self) -> str:
        """The Sleutel of the baseline line (and cover) an opgenomen proposal becomes."""
        return VOORSTEL_KEY_PREFIX + " ".join(self.naam.split()).casefold()


VOORSTEL_KEY_PREFIX = "voorstel:"


class Risico(Record, frozen=True):
    """A risk of the register (paragraaf weerstandsvermogen): if it occurs (chance `kans`), it costs between
    impact_min and impact_max (equal for a point estimate)."""

    naam: str
    programma: str
    kans: Decimal  # 0 to 1
    impact_min: Decimal
    impact_max: Decimal
    aard: Aard
    source: str = ""
    row: int | None = None


class Instellingen(Record, frozen=True):
    """Settings of the workbook's optional sheet 'Instellingen'; each default is what the README explains."""

    resultaatbestemming: Resultaatbestemming = Resultaatbestemming.ALGEMENE_RESERVE
    incidenteel_max_jaren: int = 3  # Commissie BBV: incidental is roughly three years at most
    weerstandsratio_norm: Decimal = Decimal("1.0")  # a common council norm (lower bound of class C)


@dataclass(frozen=True)
class Baseline:
    """Everything the engine needs from the workbook, validated and in exact euros."""

    source: str  # the workbook's file name, for headers and provenance
    years: tuple[int, ...]
    programmas: tuple[Programma, ...]
    lines: tuple[Line, ...]
    reserves: tuple[Reserve, ...]
    mutations: tuple[ReserveMutation, ...]
    jeugdhulp: tuple[JeugdhulpSegment, ...] = ()
    transformatieplan: tuple[TransformatieOnderdeel, ...] = ()
    weerstand: tuple[WeerstandPost, ...] = ()
    sha256: str = field(default="", compare=False)
    risicos: tuple[Risico, ...] = ()  # the risk register (sheet Risico's), optional
    indexen: tuple[IndexReeks, ...] = ()  # sheet Indexen
    voorstellen: tuple[Voorstel, ...] = ()  # sheet Voorstellen; the opgenomen ones are also in lines/mutations
    instellingen: Instellingen = field(default_factory=Instellingen)

    def programma(self, code: str) -> Programma:
        for programma in self.programmas:
            if programma.code == code:
                return programma
        raise KeyError(code)

    def line(self, key: str) -> Line | None:
        for line in self.lines:
            if line.key == key:
                return line
        return None

    def lines_with_prefix(self, prefix: str) -> tuple[Line, ...]:
        """The lines whose Sleutel is `prefix` or starts with it (the OZB lines, the algemene uitkering)."""
        return tuple(x for x in self.lines if x.key is not None and x.key.startswith(prefix))

    def index_reeks(self, naam: str) -> IndexReeks | None:
        for reeks in self.indexen:
            if reeks.naam == naam:
                return reeks
        return None

    def mutations_with_key(self, key: str) -> tuple[ReserveMutation, ...]:
        return tuple(m for m in self.mutations if m.key == key)

    def reserve(self, naam: str) -> Reserve:
        for reserve in self.reserves:
            if reserve.naam == naam:
                return reserve
        raise KeyError(naam)

    @property
    def algemene_reserve(self) -> Reserve | None:
        for reserve in self.reserves:
            if reserve.soort is ReserveSoort.ALGEMEEN:
                return reserve
        return None

    def year_index(self, year: int) -> int:
        return self.years.index(year)
