"""The baseline workbook's sheets and columns, defined once: the loader reads by them, the template writes them.

Sheet and column names are Dutch, because analysts fill the workbook in. Each data sheet has exactly one header
row (row 1) and data from row 2; columns are matched by header name, case-insensitively and ignoring surrounding
spaces, so their order is free. Year columns are the header cells that hold a 4-digit year (2025 or "2025").

The texts (`description`) are Dutch too: the template's `Instructie` sheet shows them to the analyst.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from hengelo_scenario.baseline.model import (
    Aard,
    Invulling,
    Onzekerheid,
    ReserveSoort,
    Resultaatbestemming,
    Soort,
    Weerstandsoort,
)

# Sheet names
INSTRUCTIE = "Instructie"
PROGRAMMAS = "Programma's"
LASTEN_BATEN = "Lasten en baten"
RESERVES = "Reserves"
MUTATIES = "Reservemutaties"
JEUGDHULP = "Jeugdhulp"
TRANSFORMATIEPLAN = "Transformatieplan"
WEERSTAND = "Weerstandsvermogen"
RISICOS = "Risico's"
INDEXEN = "Indexen"
VOORSTELLEN = "Voorstellen"
INSTELLINGEN = "Instellingen"

# Column names
CODE = "Code"
NAAM = "Naam"
BRON = "Bron"
PROGRAMMA = "Programma"
OMSCHRIJVING = "Omschrijving"
SOORT = "Soort"
AARD = "Aard"
SLEUTEL = "Sleutel"
RESERVE = "Reserve"
BEGINSTAND = "Beginstand"
WEERSTANDSCAPACITEIT = "Weerstandscapaciteit"
SEGMENT = "Segment"
EENHEID = "Eenheid"
GROOTHEID = "Grootheid"
ONDERDEEL = "Onderdeel"
INVULLING = "Invulling"
RISICO = "Risico"
KANS = "Kans"
IMPACT = "Impact"
IMPACT_MIN = "Impact min"
IMPACT_MAX = "Impact max"
INDEX = "Index"
VOORSTEL = "Voorstel"
OPGENOMEN = "Opgenomen"
DEKKING = "Dekking"
ONZEKERHEID = "Onzekerheid"
STRUCTURELE_MUTATIES = "Structurele mutaties"
INSTELLING = "Instelling"
WAARDE = "Waarde"

# The settings of sheet 'Instellingen' (each optional; a missing one takes its default).
SETTING_RESULTAATBESTEMMING = "resultaatbestemming"
SETTING_INCIDENTEEL_MAX_JAREN = "incidenteel_max_jaren"
SETTING_WEERSTANDSRATIO_NORM = "weerstandsratio_norm"
SETTINGS = (SETTING_RESULTAATBESTEMMING, SETTING_INCIDENTEEL_MAX_JAREN, SETTING_WEERSTANDSRATIO_NORM)

PRIJS = "prijs"
VOLUME = "volume"

# The keys (Sleutel) the tool itself uses to find lines and mutations.
KEY_JEUGDHULP = "jeugdhulp"
# Levers find their lines by Sleutel: the algemene uitkering (one line `algemene_uitkering`, or several whose Sleutel
# starts with it), the OZB lines (Sleutel starting with `ozb`), the onbenutte belastingcapaciteit (Weerstandsvermogen).
KEY_ALGEMENE_UITKERING = "algemene_uitkering"
KEY_OZB = "ozb"
KEY_BELASTINGCAPACITEIT = "onbenutte_belastingcapaciteit"
# An Index cell that says the line is not indexed (an empty cell means the same).
NO_INDEX = "geen"

# Allowed values, lower case as compared; the loader accepts any case and surrounding spaces.
LINE_SOORTEN: dict[str, Soort] = {"last": Soort.LAST, "baat": Soort.BAAT}
MUTATION_SOORTEN: dict[str, Soort] = {"toevoeging": Soort.TOEVOEGING, "onttrekking": Soort.ONTTREKKING}
AARDEN: dict[str, Aard] = {
    "structureel": Aard.STRUCTUREEL,
    "incidenteel": Aard.INCIDENTEEL,
    "s": Aard.STRUCTUREEL,
    "i": Aard.INCIDENTEEL,
}
RESERVE_SOORTEN: dict[str, ReserveSoort] = {
    "algemene reserve": ReserveSoort.ALGEMEEN,
    "bestemmingsreserve": ReserveSoort.BESTEMMING,
}
JA_NEE: dict[str, bool] = {"ja": True, "nee": False}
GROOTHEDEN: dict[str, str] = {PRIJS: PRIJS, VOLUME: VOLUME}
INVULLINGEN: dict[str, Invulling] = {"ingevuld": Invulling.INGEVULD, "open": Invulling.OPEN}
ONZEKERHEDEN: dict[str, Onzekerheid] = {o.value: o for o in Onzekerheid}
RESULTAATBESTEMMINGEN: dict[str, Resultaatbestemming] = {r.value: r for r in Resultaatbestemming}
WEERSTAND_SOORTEN: dict[str, Weerstandsoort] = {
    "beschikbaar": Weerstandsoort.BESCHIKBAAR,
    "benodigd": Weerstandsoort.BENODIGD,
}


@dataclass(frozen=True)
class Column:
    """A named column: what it holds (Dutch, for the Instructie sheet) and its allowed values, if a list."""

    name: str
    description: str
    allowed: tuple[str, ...] = ()
    width: int = 16
    optional: bool = False  # a sheet without this column still loads (the column was added later)


@dataclass(frozen=True)
class Sheet:
    """A data sheet: its columns in template order, with the year columns inserted at `years_at`."""

    name: str
    description: str
    columns: tuple[Column, ...]
    required: bool
    years_at: int | None = None  # index in `columns` where the year columns go; None: no year columns
    year_description: str = ""

    @property
    def has_years(self) -> bool:
        return self.years_at is not None

    @property
    def column_names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns)

    def header(self, years: Sequence[int]) -> list[str | int]:
        """Row 1 as the template writes it."""
        names: list[str | int] = [c.name for c in self.columns]
        if self.years_at is None:
            return names
        return names[: self.years_at] + list(years) + names[self.years_at :]

    def column(self, name: str) -> Column:
        for column in self.columns:
            if column.name == name:
                return column
        raise KeyError(name)


_BRON = Column(
    BRON,
    "De bron van de regel: de publicatie waar het bedrag staat (bijvoorbeeld 'Beleidsbegroting 2025-2028, "
    "Grondslagen voor de ramingen'), of 'illustratief' als het bedrag niet gepubliceerd is.",
    width=60,
)
_PROGRAMMA_REF = Column(
    PROGRAMMA,
    f"De code of de naam van een programma uit blad '{PROGRAMMAS}' (hoofdletters maken niet uit).",
    width=12,
)
_AARD = Column(
    AARD,
    "Structureel (terugkerend) of incidenteel (eenmalig, hooguit enkele jaren). S en I mogen ook.",
    ("structureel", "incidenteel"),
    width=13,
)
_YEARS_EUROS = (
    "Eén kolom per jaar, met het jaartal als kop (bijvoorbeeld 2025). Bedragen in hele euro's (centen mogen), "
    "als positief bedrag; de Soort zegt welke kant het geld op gaat. Een lege cel telt als 0."
)

PROGRAMMAS_SHEET = Sheet(
    PROGRAMMAS,
    "De programma's van de begroting en de overzichten ernaast (algemene dekkingsmiddelen, overhead, "
    "vennootschapsbelasting, onvoorzien), in de volgorde waarin ze getoond worden.",
    (
        Column(CODE, "Korte code van het programma, bijvoorbeeld 6 of AD. Uniek.", width=8),
        Column(NAAM, "Naam van het programma, bijvoorbeeld Sociaal domein. Uniek.", width=60),
        _BRON,
    ),
    required=True,
)
LASTEN_BATEN_SHEET = Sheet(
    LASTEN_BATEN,
    "De lasten en baten per programma, vóór de mutaties in reserves. Eén regel per begrotingspost.",
    (
        _PROGRAMMA_REF,
        Column(OMSCHRIJVING, "Wat de regel is, bijvoorbeeld 'Jeugdhulp (regionale inkoop)'.", width=48),
        Column(SOORT, "Last (uitgave) of baat (inkomst).", tuple(LINE_SOORTEN), width=8),
        _AARD,
        Column(
            SLEUTEL,
            "Optioneel. Een unieke naam waarmee scenario's de regel aanspreken, in kleine letters. Het programma "
            f"gebruikt zelf '{KEY_JEUGDHULP}' (de jeugdhulp, gelijk aan blad '{JEUGDHULP}'); scenario's spreken "
            "andere regels aan met hun Sleutel, zoals 'wijkaanpak' en 'fonds_leefbare_wijken'. De algemene "
            f"uitkering heeft Sleutel '{KEY_ALGEMENE_UITKERING}' (meer regels: een Sleutel die daarmee begint, "
            f"zoals '{KEY_ALGEMENE_UITKERING}_jeugd'); de OZB-regels een Sleutel die met '{KEY_OZB}' begint, zoals "
            f"'{KEY_OZB}_woningen'.",
            width=22,
        ),
        _BRON,
        Column(
            INDEX,
            f"Optioneel. De indexcategorie van de regel: een categorie uit blad '{INDEXEN}' (bijvoorbeeld lonen, "
            f"prijzen, subsidies, zorg), of leeg of '{NO_INDEX}' als de regel niet wordt geïndexeerd. Nodig voor "
            "het scenario 'indexatie' (lopende prijzen, een andere index).",
            width=30,
            optional=True,
        ),
        Column(
            ONZEKERHEID,
            "Optionele kolom, voor het reëel evenwicht. Stelpost (een verwacht bedrag dat nog niet is uitgewerkt, "
            "zoals een verwachte onderuitputting van het BTW-compensatiefonds), taakstelling (een besparing waar de "
            "begroting op rekent voordat de maatregelen er zijn) of onzeker (een andere raming die niet vast is). "
            "Leeg: een vaste raming. Het programma toont het structureel saldo met en zonder deze regels.",
            tuple(ONZEKERHEDEN),
            width=14,
            optional=True,
        ),
    ),
    required=True,
    years_at=5,
    year_description=_YEARS_EUROS
    + " Alleen op dit blad mag een bedrag negatief zijn (een stelpost of taakstelling die de lasten verlaagt). "
    "De jaren op dit blad bepalen de jaren van het hele werkboek: opeenvolgend, en elk ander blad met jaren "
    "heeft precies dezelfde jaren.",
)
RESERVES_SHEET = Sheet(
    RESERVES,
    "De reserves met hun stand op 1 januari van het eerste jaar. Precies één algemene reserve.",
    (
        Column(RESERVE, "Naam van de reserve, uniek (hoofdletters maken niet uit).", width=36),
        Column(SOORT, "Algemene reserve of bestemmingsreserve.", tuple(RESERVE_SOORTEN), width=20),
        Column(BEGINSTAND, "Stand op 1 januari van het eerste jaar, in euro's, 0 of meer.", width=16),
        Column(
            WEERSTANDSCAPACITEIT,
            "Ja als de stand meetelt in de beschikbare weerstandscapaciteit, anders nee. Leeg: ja voor de "
            "algemene reserve, nee voor een bestemmingsreserve.",
            tuple(JA_NEE),
            width=22,
        ),
        _BRON,
        Column(
            STRUCTURELE_MUTATIES,
            "Optionele kolom. Ja als de reserve structurele toevoegingen of onttrekkingen mag hebben: een "
            "dekkingsreserve voor kapitaallasten, of een bestemmingsreserve met een vastgelegde regelmatige "
            "onttrekking van minstens drie jaar (Commissie BBV, notitie structurele en incidentele baten en lasten). "
            "Leeg of nee: een structurele mutatie van deze reserve telt in het structureel saldo als incidenteel.",
            tuple(JA_NEE),
            width=20,
            optional=True,
        ),
    ),
    required=True,
)
MUTATIES_SHEET = Sheet(
    MUTATIES,
    "Toevoegingen aan en onttrekkingen uit reserves per jaar, geboekt op een programma. Optioneel blad.",
    (
        Column(RESERVE, f"Naam van een reserve uit blad '{RESERVES}'.", width=36),
        _PROGRAMMA_REF,
        Column(OMSCHRIJVING, "Waarvoor de mutatie is.", width=48),
        Column(SOORT, "Toevoeging (naar de reserve) of onttrekking (uit de reserve).", tuple(MUTATION_SOORTEN)),
        _AARD,
        Column(
            SLEUTEL,
            "Optioneel, hoeft niet uniek te zijn. Het programma gebruikt "
            "'fonds_leefbare_wijken' voor de onttrekking die het fonds voor leefbare wijken dekt.",
            width=22,
        ),
        _BRON,
    ),
    required=False,
    years_at=6,
    year_description=_YEARS_EUROS + " Bedragen zijn 0 of meer.",
)
JEUGDHULP_SHEET = Sheet(
    JEUGDHULP,
    "De jeugdhulp per segment als prijs × volume (p × q). Elk segment heeft precies één regel 'prijs' en één "
    f"regel 'volume'. Per jaar is de som van prijs × volume over de segmenten gelijk (op de cent) aan de regel "
    f"met Sleutel '{KEY_JEUGDHULP}' in blad '{LASTEN_BATEN}'. Optioneel blad.",
    (
        Column(SEGMENT, "Naam van het segment, bijvoorbeeld 'Verblijf (excl. pleegzorg)'.", width=40),
        Column(EENHEID, "De eenheid van het volume, bijvoorbeeld cliënt of traject.", width=12),
        Column(GROOTHEID, "Prijs (euro's per eenheid) of volume (aantal eenheden).", tuple(GROOTHEDEN), width=12),
        _BRON,
        Column(
            INDEX,
            f"Optioneel, op de regel 'prijs'. De indexcategorie van het tarief (een categorie uit blad '{INDEXEN}', "
            f"zoals zorg of jeugdbescherming). Leeg: de Index van de regel '{KEY_JEUGDHULP}' in blad "
            f"'{LASTEN_BATEN}'.",
            width=20,
            optional=True,
        ),
    ),
    required=False,
    years_at=3,
    year_description="Eén kolom per jaar. Prijs in euro's per eenheid (centen mogen), volume als aantal; "
    "beide 0 of meer.",
)
TRANSFORMATIEPLAN_SHEET = Sheet(
    TRANSFORMATIEPLAN,
    "De taakstelling (besparing) van het transformatieplan sociaal domein per onderdeel. De besparing zit al "
    "in de lasten van het programma; dit blad zegt welk deel is ingevuld met maatregelen en welk deel nog open "
    "is. Optioneel blad.",
    (
        Column(ONDERDEEL, "Naam van het onderdeel, uniek, bijvoorbeeld Jeugd.", width=28),
        _PROGRAMMA_REF,
        Column(INVULLING, "Ingevuld (met maatregelen) of open (nog in te vullen).", tuple(INVULLINGEN), width=12),
        _BRON,
    ),
    required=False,
    years_at=3,
    year_description="Eén kolom per jaar: de besparing waar de begroting op rekent, in euro's, 0 of meer.",
)
WEERSTAND_SHEET = Sheet(
    WEERSTAND,
    "De weerstandscapaciteit: beschikbaar (anders dan reserves, zoals onbenutte belastingcapaciteit en "
    "onvoorzien; de standen van de reserves telt het programma zelf op) en benodigd (de gekwantificeerde "
    "risico's). Minstens één regel benodigd. Optioneel blad.",
    (
        Column(ONDERDEEL, "Naam van het onderdeel.", width=40),
        Column(SOORT, "Beschikbaar of benodigd.", tuple(WEERSTAND_SOORTEN), width=14),
        _BRON,
        Column(
            SLEUTEL,
            f"Optioneel. '{KEY_BELASTINGCAPACITEIT}' op de regel onbenutte belastingcapaciteit (beschikbaar): een "
            "hogere OZB in een scenario verlaagt die met hetzelfde bedrag.",
            width=30,
            optional=True,
        ),
    ),
    required=False,
    years_at=2,
    year_description="Eén kolom per jaar, in euro's, 0 of meer.",
)

RISICOS_SHEET = Sheet(
    RISICOS,
    "Het risicoregister van de paragraaf weerstandsvermogen: per risico de kans en het financiële gevolg als "
    "het zich voordoet. `hengelo-scenario risks` simuleert het register en berekent de benodigde "
    "weerstandscapaciteit bij een zekerheid (standaard 90%). Optioneel blad.",
    (
        Column(RISICO, "Naam van het risico, uniek.", width=48),
        _PROGRAMMA_REF,
        Column(
            KANS, "De kans dat het risico zich voordoet, tussen 0% en 100% (als percentage of als getal 0-1).", width=8
        ),
        Column(IMPACT, "Het financiële gevolg in euro's als puntschatting; leeg als er een bandbreedte is.", width=14),
        Column(IMPACT_MIN, "De ondergrens van het gevolg in euro's (bij een bandbreedte), anders leeg.", width=14),
        Column(IMPACT_MAX, "De bovengrens van het gevolg in euro's (bij een bandbreedte), anders leeg.", width=14),
        _AARD,
        _BRON,
    ),
    required=False,
)
INDEXEN_SHEET = Sheet(
    INDEXEN,
    "De indexcijfers van de begroting per categorie en jaar (Grondslagen voor de ramingen), als percentage: een "
    "cel met 2,10% (opgemaakt als percentage; de waarde is 0,021). Het eerste jaar zit al in de bedragen van de "
    "begroting; de latere jaren gebruikt een scenario dat in lopende prijzen rekent. De categorie 'accres' is "
    "de groei van de algemene uitkering. Optioneel blad, nodig voor het scenario 'indexatie'.",
    (
        Column(
            INDEX, "Naam van de indexcategorie, uniek, bijvoorbeeld lonen, prijzen, subsidies, zorg, accres.", width=34
        ),
        _BRON,
    ),
    required=False,
    years_at=1,
    year_description="Eén kolom per jaar: het indexcijfer als percentage (0,021 opgemaakt als 2,10%), tussen -100% "
    "en 100%. Een lege cel telt als 0%.",
)
VOORSTELLEN_SHEET = Sheet(
    VOORSTELLEN,
    "Voorstellen nieuw beleid. Een voorstel met Opgenomen 'ja' hoort bij de begroting (de basis): zet het dan "
    f"NIET ook in blad '{LASTEN_BATEN}'. Een scenario zet voorstellen aan of uit. Optioneel blad.",
    (
        Column(VOORSTEL, "Naam van het voorstel, uniek.", width=56),
        _PROGRAMMA_REF,
        _AARD,
        Column(
            OPGENOMEN,
            "Ja als het voorstel in de begroting is opgenomen, nee als het alleen een optie is.",
            tuple(JA_NEE),
            width=12,
        ),
        Column(
            DEKKING,
            f"Optioneel. Een reserve uit blad '{RESERVES}' die het voorstel dekt (een onttrekking van hetzelfde "
            "bedrag, incidenteel). Leeg: ten laste van het begrotingssaldo.",
            width=30,
            optional=True,
        ),
        _BRON,
    ),
    required=False,
    years_at=5,
    year_description="Eén kolom per jaar: de lasten van het voorstel in euro's, 0 of meer.",
)
INSTELLINGEN_SHEET = Sheet(
    INSTELLINGEN,
    "Instellingen van de berekening, één per regel (Instelling en Waarde). Optioneel blad; een instelling die "
    f"ontbreekt krijgt haar standaardwaarde. '{SETTING_RESULTAATBESTEMMING}': 'algemene reserve' (standaard: het "
    "geraamd resultaat van elk jaar gaat naar de algemene reserve, een tekort wordt eraan onttrokken) of 'geen'; "
    f"een scenario kan dit overschrijven. '{SETTING_INCIDENTEEL_MAX_JAREN}': na hoeveel opeenvolgende jaren een "
    f"incidentele regel een 'Let op' krijgt (standaard 3). '{SETTING_WEERSTANDSRATIO_NORM}': de ondergrens voor "
    "de weerstandsratio (standaard 1,0).",
    (
        Column(INSTELLING, "De naam van de instelling.", SETTINGS, width=26),
        Column(WAARDE, "De waarde van de instelling.", width=20),
        Column(
            BRON, "Optioneel: waarom deze waarde (bijvoorbeeld een raadsbesluit over de norm).", width=60, optional=True
        ),
    ),
    required=False,
)

SHEETS: tuple[Sheet, ...] = (
    PROGRAMMAS_SHEET,
    LASTEN_BATEN_SHEET,
    RESERVES_SHEET,
    MUTATIES_SHEET,
    JEUGDHULP_SHEET,
    TRANSFORMATIEPLAN_SHEET,
    WEERSTAND_SHEET,
    RISICOS_SHEET,
    INDEXEN_SHEET,
    VOORSTELLEN_SHEET,
    INSTELLINGEN_SHEET,
)

SIGN_CONVENTION = (
    "Bedragen staan in hele euro's (centen mogen) en altijd als positief bedrag met hun soort: last, baat, "
    "toevoeging of onttrekking. Het programma rekent zelf de saldi uit, met + is voordelig (V) en - is nadelig (N). "
    "Alleen op blad 'Lasten en baten' mag een bedrag negatief zijn (een stelpost of taakstelling). Een lege "
    "bedragcel telt als 0. Formules mogen, als het werkboek in Excel of LibreOffice is opgeslagen (dan staat de "
    "berekende waarde in het bestand)."
)

_YEAR_TEXT = re.compile(r"^\d{4}$")


def as_year(value: object) -> int | None:
    """The year a header cell names (2025, 2025.0 or "2025"), or None if it is not a 4-digit year."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value if 1000 <= value <= 9999 else None
    if isinstance(value, float):
        return int(value) if value.is_integer() and 1000 <= value <= 9999 else None
    if isinstance(value, str) and _YEAR_TEXT.match(value.strip()):
        return int(value.strip())
    return None


def normalise_name(text: str) -> str:
    """How sheet and column names are compared: case-insensitive, surrounding spaces and curly quotes ignored."""
    return " ".join(text.replace("\u2019", "'").replace("\u2018", "'").split()).casefold()
