"""Build the shipped, ILLUSTRATIVE baseline workbook data/hengelo-begroting-2025-2028.xlsx.

    python tools/build_baseline.py [--output PATH]

The per-programme figures of Hengelo's Beleidsbegroting 2025-2028 could not be obtained (the project's research
notes on Hengelo's published figures list them as not found). This script therefore writes an illustrative
baseline calibrated to published magnitudes. Every figure that IS published is entered exactly, with its source in
the `Bron` column; every other figure says "illustratief". An analyst at the municipality replaces the workbook
with the real one; the tool reads that without code changes.

How each figure was calibrated
------------------------------
Published, entered exactly (Bron names the publication):
- Wijkaanpak: € 503.000 (2025) and € 509.000 (2026), nothing yet for 2027-2028; incidenteel, programme 6, Sleutel
  `wijkaanpak` (Beleidsbegroting 2025-2028, Strategische agenda, dwarsthema wijkgerichte aanpak; Zomernota
  2024-2028).
- Motie M15 Fonds voor leefbare wijken: € 100.000 in 2025 and 2026 ten laste van de algemene reserve: a last
  (incidenteel, programme 6) and an onttrekking from the Algemene reserve, both with Sleutel
  `fonds_leefbare_wijken` (same source).
- Transformatieplan sociaal domein: taakstelling rising to € 6,9 mln in 2026, of which € 96.000 still open in 2026
  (Strategische agenda, Toekomstbestendig sociaal domein). 2027-2028 continue at € 6,9 mln (illustratief); 2025 is
  an illustrative € 5,4 mln; the split over onderdelen is illustratief, with Werk en inkomen (€ 525.000) and Wmo
  (€ 1,1 mln) at the structural savings the Jaarstukken 2023 report for them.
- Onvoorzien: € 100.000 structureel and € 66.000 incidenteel in 2025 (Grondslagen voor de ramingen); the
  structural € 100.000 continues in 2026-2028 (illustratief continuation), the incidental part is 0 later.
- Algemene dekkingsmiddelen: the structural stelpost of € 2,8 mln for lower use of the BTW-compensatiefonds, and
  the stelpost Wmo-indexering of € 371.000 in 2026 rising to "bijna € 1,1 miljoen" (entered as € 1.100.000) in
  2028, 0 in 2025; 2027 (€ 735.000) is illustratief, halfway (Overige ontwikkelingen, risico's en financiële
  positie).
- Youth care: the 2025 prices are an illustrative 2024 price times the published index, 4,89% for care products
  and 4,96% for jeugdbescherming en jeugdreclassering; 2026-2028 are in constant prices and the volume growth is 0%
  (both published assumptions of the Grondslagen voor de ramingen). The 2024 prices and the volumes are
  illustratief, chosen so the total is about € 32 mln (Hengelo's youth-care costs were € 19 mln in 2015 and € 28 mln
  in 2019, and have risen since). The line `jeugdhulp` of programme 6 is written as exactly Σ prijs × volume per
  year, computed here with Decimal (a number, not a formula).

- Indexen (sheet `Indexen`): the 2025 rates of the Grondslagen voor de ramingen exactly (prijzen 2,10%, lonen 4,60%,
  subsidies 3,77%, gemeenschappelijke regelingen 5,65%, zorg 4,89%, jeugdbescherming 4,96%); 2026-2028 continue them
  (illustratief: the budget counts those years in constant prices and publishes no rates); the accres of the
  algemene uitkering 2,5% a year (illustratief).

Illustrative, calibrated to published magnitudes:
- Scale: total lasten about € 384 mln in 2025 (begrotingsomzet about € 379 mln in 2024, "zo'n 380 miljoen"). Local
  taxes follow the 2023 heffingsopbrengsten (OZB, riool- and afvalstoffenheffing, leges) plus two years of
  growth; the algemene uitkering is the balancing item that makes the budget close.
- Algemene reserve on 1 January 2025: € 58 mln (about € 45 mln in 2022, about € 60 mln late 2025).
- Bestemmingsreserves: Reserve sociaal domein (incidental transformation budget), Reserve onderwijshuisvesting
  (a structural storting towards the € 50 mln extra for onderwijshuisvesting up to 2030, and structural
  onttrekkingen for the rising kapitaallasten), Reserve dekking kapitaallasten (a dekkingsreserve with structural
  onttrekkingen) and Reserve Spoorzone (incidental onttrekkingen for the area development).
- The result: geraamd resultaat slightly positive every year (a closing budget); structureel saldo positive in
  2025 and small in 2026-2028 (the 2024-2027 budget showed structural deficits of € 1,4 mln in 2026 and € 2,9 mln in
  2027; the 2025-2028 figures are not known), so a high youth-care scenario makes it clearly negative. No reserve
  goes below zero. `check()` asserts all this, so a change that breaks it fails the build.
- Weerstandsvermogen: beschikbaar other than reserves is the unused tax capacity (illustratief, Sleutel
  `onbenutte_belastingcapaciteit`, which the OZB lever lowers) and onvoorzien; benodigd about € 25 mln
  (illustratief), so the ratio rates A with the algemene reserve.
- The index category of each line (column `Index`, `LINE_INDEX` below) is illustratief; the OZB niet-woningen
  (€ 16,95 mln) is split into eigenaren and gebruikers as the 2023 heffingsopbrengsten (8.792 : 5.824).
- Voorstellen nieuw beleid: the five youth-care proposals of paragraph 5.2.6 (their names and amounts were not found
  published; illustratief, along the three lines of the Strategische agenda), together € 1,8 mln a year, all
  opgenomen: they replace the single line "Nieuw beleid jeugd" of earlier versions, so every total is unchanged.
- Risk register (sheet Risico's, illustratief): 13 risks with a chance and an impact range, whose simulated value
  at 90% certainty is within 5% of the fixed € 25 mln benodigd (`check()` simulates it with numpy).

The build is deterministic (fixed document and zip timestamps) and atomic (a temporary file, then a rename); every
amount is a Decimal, written as the number it is.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from hengelo_scenario.baseline import layout  # noqa: E402
from hengelo_scenario.baseline.template import new_workbook, save_workbook  # noqa: E402
from hengelo_scenario.levers.leefbare_wijken import SLEUTEL as LEEFBARE_WIJKEN  # noqa: E402
from hengelo_scenario.levers.wijkaanpak import LEVER as WIJKAANPAK  # noqa: E402
from hengelo_scenario.money import exact  # noqa: E402
from hengelo_scenario.resources import BASELINE_FILE_NAME  # noqa: E402

YEARS = (2025, 2026, 2027, 2028)
OUTPUT = ROOT / "data" / BASELINE_FILE_NAME

# Sources, as they appear in the Bron column.
ILL = "illustratief"
BB = "Beleidsbegroting 2025-2028"
STRATEGISCH = f"{BB}, Strategische agenda"
WIJKAANPAK_BRON = f"{STRATEGISCH}, dwarsthema wijkgerichte aanpak: Zomernota 2024-2028"
M15_BRON = f"{STRATEGISCH}, dwarsthema wijkgerichte aanpak: motie M15 Zomernota 2024-2028"
TRANSFORMATIE_BRON = f"{STRATEGISCH}, Toekomstbestendig sociaal domein"
GRONDSLAGEN = f"{BB}, Grondslagen voor de ramingen"
ONTWIKKELINGEN = f"{BB}, Overige ontwikkelingen, risico's en financiële positie"
PROGRAMMAPLAN = f"{BB}, programmaplan"
BBV = "Besluit begroting en verantwoording (BBV), art. 8: verplicht overzicht"


def money(*values: int | str) -> tuple[Decimal, ...]:
    """Amounts per year; one value is repeated for every year."""
    if len(values) == 1:
        values = values * len(YEARS)
    if len(values) != len(YEARS):
        raise ValueError(values)
    return tuple(Decimal(str(v)) for v in values)


# --- Programma's ----------------------------------------------------------------------------------------------

PROGRAMMAS: tuple[tuple[str, str, str], ...] = (
    ("1", "Veiligheid", f"{PROGRAMMAPLAN} 5.2.1"),
    ("2", "Verkeer, vervoer en waterstaat", f"{PROGRAMMAPLAN} 5.2.2"),
    ("3", "Economie", f"{PROGRAMMAPLAN} 5.2.3"),
    ("4", "Onderwijs", f"{PROGRAMMAPLAN} 5.2.4"),
    ("5", "Sport, cultuur en recreatie", f"{PROGRAMMAPLAN} 5.2.5"),
    ("6", "Sociaal domein", f"{PROGRAMMAPLAN} 5.2.6"),
    ("7", "Volksgezondheid, milieu en duurzaamheid", f"{PROGRAMMAPLAN} 5.2.7"),
    ("8", "Volkshuisvesting, ruimtelijke ordening en stedelijke vernieuwing", f"{PROGRAMMAPLAN} 5.2.8"),
    ("9", "Bestuur en ondersteuning", f"{PROGRAMMAPLAN} 5.2.9"),
    ("AD", "Algemene dekkingsmiddelen", f"{BBV} algemene dekkingsmiddelen"),
    ("OH", "Overhead", f"{BBV} overhead"),
    ("VPB", "Vennootschapsbelasting (Vpb)", f"{BBV} vennootschapsbelasting"),
    ("ONV", "Onvoorzien", f"{BBV} onvoorzien"),
)


# --- Jeugdhulp: p x q per segment -----------------------------------------------------------------------------

INDEX_ZORG = Decimal("1.0489")  # ondersteuningsbehoeften, modules, beschikbaarheidsvoorzieningen, PGB
INDEX_JB = Decimal("1.0496")  # jeugdbescherming en jeugdreclassering


@dataclass(frozen=True)
class Segment:
    naam: str
    eenheid: str
    prijs_2024: Decimal  # illustratief
    index: Decimal  # published, 2025
    volume: Decimal  # illustratief, constant (0% volume growth, published)

    @property
    def prijs_2025(self) -> Decimal:
        with exact():
            return self.prijs_2024 * self.index

    @property
    def prices(self) -> tuple[Decimal, ...]:
        return (self.prijs_2025,) * len(YEARS)  # 2026-2028 in constant prices

    @property
    def volumes(self) -> tuple[Decimal, ...]:
        return (self.volume,) * len(YEARS)


SEGMENTS = (
    Segment("Ambulant incl. jeugd-GGZ", "cliënt", Decimal(5600), INDEX_ZORG, Decimal(2350)),
    Segment("Daghulp", "cliënt", Decimal(13800), INDEX_ZORG, Decimal(260)),
    Segment("Verblijf (excl. pleegzorg)", "cliënt", Decimal(86000), INDEX_ZORG, Decimal(95)),
    Segment("Pleegzorg", "cliënt", Decimal(18500), INDEX_ZORG, Decimal(120)),
    Segment("Jeugdbescherming en jeugdreclassering", "maatregel", Decimal(7400), INDEX_JB, Decimal(480)),
)


def jeugdhulp_total() -> tuple[Decimal, ...]:
    with exact():
        return tuple(sum((s.prices[y] * s.volumes[y] for s in SEGMENTS), Decimal(0)) for y in range(len(YEARS)))


# --- Lasten en baten ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class LineRow:
    programma: str
    omschrijving: str
    soort: str  # last | baat
    aard: str  # structureel | incidenteel
    amounts: tuple[Decimal, ...]
    sleutel: str = ""
    bron: str = ILL
    onzekerheid: str = ""  # stelpost | taakstelling | onzeker; empty: firm


def S_last(p: str, text: str, amounts: tuple[Decimal, ...], sleutel: str = "", bron: str = ILL) -> LineRow:
    return LineRow(p, text, "last", "structureel", amounts, sleutel, bron)


def I_last(p: str, text: str, amounts: tuple[Decimal, ...], sleutel: str = "", bron: str = ILL) -> LineRow:
    return LineRow(p, text, "last", "incidenteel", amounts, sleutel, bron)


def S_baat(p: str, text: str, amounts: tuple[Decimal, ...], bron: str = ILL) -> LineRow:
    return LineRow(p, text, "baat", "structureel", amounts, "", bron)


def I_baat(p: str, text: str, amounts: tuple[Decimal, ...], bron: str = ILL) -> LineRow:
    return LineRow(p, text, "baat", "incidenteel", amounts, "", bron)


# The algemene uitkering is the balancing item (illustratief): the 2026 dip is the "ravijnjaar" in the
# gemeentefonds, 2027-2028 recover partly.
ALGEMENE_UITKERING = money(210_568_000, 209_097_000, 207_633_000, 207_868_000)

LINES: tuple[LineRow, ...] = (
    # 1 Veiligheid
    S_last("1", "Bijdrage Veiligheidsregio Twente (brandweer en crisisbeheersing)", money(7_940_000)),
    S_last("1", "Openbare orde en veiligheid, toezicht en handhaving", money(3_180_000)),
    S_last("1", "Veiligheidshuis en aanpak ondermijning", money(650_000)),
    S_baat("1", "Leges en vergunningen APV", money(145_000)),
    # 2 Verkeer, vervoer en waterstaat
    S_last("2", "Wegen, straten, pleinen en openbare verlichting", money(14_650_000)),
    S_last("2", "Water, bruggen en kades", money(1_850_000)),
    S_last("2", "Parkeren", money(2_310_000)),
    S_last("2", "Openbaar vervoer en verkeersveiligheid", money(1_380_000)),
    I_last("2", "Mobiliteitsprojecten (incidenteel)", money(650_000, 0, 0, 0)),
    S_baat("2", "Parkeerbelasting en parkeervergunningen", money(2_480_000)),
    S_baat("2", "Havengelden", money(510_000)),
    # 3 Economie
    S_last("3", "Economische ontwikkeling en ondernemersloket", money(3_270_000)),
    S_last("3", "Beheer bedrijventerreinen", money(1_540_000)),
    S_last("3", "Markten en bedrijveninvesteringszones (BIZ)", money(640_000)),
    S_last("3", "Regionale samenwerking economie (Agenda voor Twente)", money(1_420_000)),
    S_baat("3", "Marktgelden en BIZ-bijdragen", money(460_000)),
    S_baat("3", "Erfpacht en opbrengsten bedrijventerreinen", money(1_120_000)),
    # 4 Onderwijs
    S_last(
        "4",
        "Onderwijshuisvesting (kapitaallasten en beheer)",
        money(9_850_000, 10_150_000, 10_450_000, 10_750_000),
    ),
    S_last("4", "Leerlingenvervoer", money(2_460_000)),
    S_last("4", "Onderwijsbeleid en onderwijsachterstanden", money(4_720_000)),
    S_last("4", "Voorschoolse voorziening peuters", money(2_850_000)),
    S_baat("4", "Rijksbijdrage onderwijsachterstandenbeleid", money(3_150_000)),
    S_baat("4", "Huur gymlokalen en medegebruik", money(380_000)),
    # 5 Sport, cultuur en recreatie
    S_last("5", "Sportaccommodaties en sportstimulering", money(8_730_000)),
    S_last("5", "Cultuur, bibliotheek en theater", money(9_460_000)),
    S_last("5", "Openbaar groen en recreatie", money(7_180_000)),
    S_last("5", "Zwembaden", money(3_450_000)),
    S_baat("5", "Huren sportaccommodaties", money(2_240_000)),
    S_baat("5", "Opbrengsten cultuur en evenementen", money(890_000)),
    S_baat("5", "Entreegelden zwembaden", money(1_250_000)),
    # 6 Sociaal domein
    S_last(
        "6",
        "Jeugdhulp (regionale inkoop, prijs × volume)",
        jeugdhulp_total(),
        layout.KEY_JEUGDHULP,
        f"{ILL}: som van prijs × volume van blad '{layout.JEUGDHULP}'",
    ),
    S_last("6", "Jeugd overig (lokale jeugdhulp, toegang en preventie)", money(6_350_000)),
    S_last("6", "Wmo: maatwerkvoorzieningen en huishoudelijke ondersteuning", money(24_800_000)),
    S_last("6", "Wmo: begeleiding en dagbesteding", money(9_800_000)),
    S_last("6", "Wmo: hulpmiddelen, woonvoorzieningen en vervoer", money(6_900_000)),
    S_last("6", "Participatiewet: bijstandsuitkeringen (BUIG)", money(41_200_000)),
    S_last("6", "Overige inkomensvoorzieningen (Bbz, IOAW, IOAZ)", money(3_200_000)),
    S_last("6", "Sociale werkvoorziening en re-integratie", money(16_400_000)),
    S_last("6", "Inburgering en statushouders", money(2_600_000)),
    S_last("6", "Samenkracht, sociale basis en basisondersteuning", money(10_450_000)),
    S_last("6", "Schulddienstverlening en minimabeleid", money(6_900_000)),
    I_last("6", "Wijkaanpak", money(503_000, 509_000, 0, 0), WIJKAANPAK.sleutel, WIJKAANPAK_BRON),
    I_last(
        "6",
        "Fonds voor leefbare wijken (motie M15), ten laste van de algemene reserve",
        money(100_000, 100_000, 0, 0),
        LEEFBARE_WIJKEN,
        M15_BRON,
    ),
    I_last("6", "Transformatiebudget sociaal domein (incidenteel)", money(1_200_000, 800_000, 0, 0)),
    S_baat("6", "Rijksbijdrage BUIG (bijstandsuitkeringen)", money(39_450_000)),
    S_baat("6", "Rijksbijdrage overige inkomensvoorzieningen", money(2_900_000)),
    S_baat("6", "Rijksbijdrage inburgering", money(2_100_000)),
    S_baat("6", "Rijksbijdrage sociale werkvoorziening en re-integratie", money(8_700_000)),
    S_baat("6", "Eigen bijdragen Wmo, verhaal en terugvorderingen", money(1_350_000)),
    # 7 Volksgezondheid, milieu en duurzaamheid
    S_last("7", "Riolering", money(9_860_000)),
    S_last("7", "Afvalinzameling en -verwerking", money(10_940_000)),
    S_last("7", "Volksgezondheid (GGD Twente)", money(3_720_000)),
    S_last("7", "Milieubeheer", money(1_960_000)),
    S_last("7", "Begraafplaatsen", money(760_000)),
    S_last("7", "Duurzaamheid en energietransitie", money(1_350_000)),
    S_last("7", "Bijdrage Omgevingsdienst Twente", money(1_680_000)),
    I_last("7", "Programma Duurzaam Hengelo 2050 (incidenteel)", money(850_000, 850_000, 0, 0)),
    S_baat("7", "Rioolheffing", money(12_340_000)),
    S_baat("7", "Afvalstoffenheffing", money(11_420_000)),
    S_baat("7", "Begraafrechten", money(610_000)),
    I_baat("7", "Rijksbijdrage klimaat- en energiemiddelen (incidenteel)", money(900_000, 0, 0, 0)),
    # 8 Volkshuisvesting, ruimtelijke ordening en stedelijke vernieuwing
    S_last("8", "Ruimtelijke ordening en Omgevingswet", money(3_420_000)),
    S_last("8", "Wonen en bouwen, vergunningverlening", money(3_610_000)),
    S_last("8", "Stedelijke vernieuwing en wijkontwikkeling", money(2_150_000)),
    I_last("8", "Grondexploitaties: kosten", money(30_000_000, 27_000_000, 24_000_000, 22_000_000)),
    I_last("8", "Gebiedsontwikkeling Spoorzone (incidenteel)", money(1_500_000, 1_500_000, 1_000_000, 1_000_000)),
    I_baat(
        "8",
        "Grondexploitaties: opbrengsten grondverkoop en winstneming",
        money(31_200_000, 27_900_000, 24_800_000, 22_600_000),
    ),
    S_baat("8", "Leges omgevingsvergunningen", money(2_310_000)),
    # 9 Bestuur en ondersteuning
    S_last("9", "Bestuursorganen en bestuursondersteuning", money(4_380_000)),
    S_last("9", "Burgerzaken", money(3_050_000)),
    S_last("9", "Belastingen: heffing en invordering", money(1_870_000)),
    S_last("9", "Vastgoedbeheer gemeentelijke gebouwen", money(5_200_000)),
    I_last("9", "Digitale transformatie en dienstverlening (incidenteel)", money(600_000, 0, 0, 0)),
    S_baat("9", "Leges burgerzaken", money(1_160_000)),
    S_baat("9", "Huuropbrengsten gemeentelijk vastgoed", money(3_900_000)),
    # Algemene dekkingsmiddelen
    LineRow(
        "AD",
        "Algemene uitkering gemeentefonds",
        "baat",
        "structureel",
        ALGEMENE_UITKERING,
        layout.KEY_ALGEMENE_UITKERING,
    ),
    LineRow("AD", "OZB woningen", "baat", "structureel", money(14_280_000), "ozb_woningen"),
    # OZB niet-woningen € 16,95 mln split as the 2023 heffingsopbrengsten (eigenaren 8.792, gebruikers 5.824)
    LineRow(
        "AD", "OZB niet-woningen eigenaren", "baat", "structureel", money(10_200_000), "ozb_niet_woningen_eigenaren"
    ),
    LineRow(
        "AD", "OZB niet-woningen gebruikers", "baat", "structureel", money(6_750_000), "ozb_niet_woningen_gebruikers"
    ),
    S_baat("AD", "Overige belastingen (hondenbelasting, toeristenbelasting, precario)", money(1_150_000)),
    S_baat("AD", "Dividenden", money(1_620_000)),
    S_baat("AD", "Treasury: rente-opbrengsten en doorberekende rente", money(2_780_000)),
    LineRow(
        "AD",
        "Stelpost lagere inzet BTW-compensatiefonds",
        "baat",
        "structureel",
        money(2_800_000),
        bron=ONTWIKKELINGEN,
        onzekerheid="stelpost",
    ),
    LineRow(
        "AD",
        "Stelpost Wmo-indexering (verwachte rijksbijdrage)",
        "baat",
        "structureel",
        money(0, 371_000, 735_000, 1_100_000),
        bron=f"{ONTWIKKELINGEN} (2026: € 371.000; 2028: bijna € 1,1 miljoen); 2025 en 2027 illustratief",
        onzekerheid="stelpost",
    ),
    S_last("AD", "Treasury: rentelasten", money(3_350_000)),
    S_last("AD", "Stelpost loon- en prijsontwikkeling", money(1_250_000)),
    LineRow(
        "AD",
        "Taakstelling inkoopvoordeel (verlaagt de lasten)",
        "last",
        "structureel",
        money(-300_000),
        bron=f"{ILL}: een algemene taakstelling inkoopvoordeel, zoals begrotingen die kennen; nog niet ingevuld",
        onzekerheid="taakstelling",
    ),
    # Overhead
    S_last("OH", "Overhead: personeel, huisvesting, ICT en bedrijfsvoering", money(39_800_000)),
    I_last("OH", "Overhead: vervanging ICT-infrastructuur (incidenteel)", money(450_000, 0, 0, 0)),
    S_baat("OH", "Overhead: doorberekend aan grondexploitaties en derden", money(620_000)),
    # Vennootschapsbelasting
    S_last("VPB", "Vennootschapsbelasting", money(60_000)),
    # Onvoorzien
    S_last(
        "ONV",
        "Onvoorzien structureel",
        money(100_000),
        bron=f"{GRONDSLAGEN} (2025); 2026-2028 illustratief voortgezet",
    ),
    I_last("ONV", "Onvoorzien incidenteel", money(66_000, 0, 0, 0), bron=f"{GRONDSLAGEN} (2025: € 66.000)"),
)


# --- Reserves and their mutations -----------------------------------------------------------------------------

ALGEMENE_RESERVE = "Algemene reserve"

# The last column: may the reserve carry structural mutations (Commissie BBV notitie structurele en incidentele
# baten en lasten)? Yes for the dekkingsreserve for kapitaallasten and for the onderwijshuisvesting reserve, whose
# regular withdrawal for the kapitaallasten runs 2025-2028 (at least three years); no for the others.
RESERVES: tuple[tuple[str, str, Decimal, str, str, str], ...] = (
    (ALGEMENE_RESERVE, "algemene reserve", Decimal(58_000_000), "ja", f"{ILL} (circa € 60 mln eind 2025)", "nee"),
    ("Reserve sociaal domein", "bestemmingsreserve", Decimal(4_200_000), "nee", ILL, "nee"),
    ("Reserve onderwijshuisvesting", "bestemmingsreserve", Decimal(6_000_000), "nee", ILL, "ja"),
    ("Reserve dekking kapitaallasten", "bestemmingsreserve", Decimal(31_500_000), "nee", ILL, "ja"),
    ("Reserve Spoorzone", "bestemmingsreserve", Decimal(5_200_000), "nee", ILL, "nee"),
)

# Sheet Instellingen: the defaults, written out so an analyst sees where to change them.
INSTELLINGEN: tuple[tuple[str, object, str], ...] = (
    (
        layout.SETTING_RESULTAATBESTEMMING,
        "algemene reserve",
        "standaard: een tekort wordt gedekt uit de algemene reserve (zo dekte Hengelo het tekort van 2023)",
    ),
    (
        layout.SETTING_INCIDENTEEL_MAX_JAREN,
        3,
        "standaard: Commissie BBV, notitie structurele en incidentele baten en lasten (hooguit drie jaar)",
    ),
    (layout.SETTING_WEERSTANDSRATIO_NORM, 1.0, f"{ILL}: een gangbare norm (ondergrens waardering C)"),
)


@dataclass(frozen=True)
class MutationRow:
    reserve: str
    programma: str
    omschrijving: str
    soort: str  # toevoeging | onttrekking
    aard: str
    amounts: tuple[Decimal, ...]
    sleutel: str = ""
    bron: str = ILL


MUTATIONS: tuple[MutationRow, ...] = (
    MutationRow(
        ALGEMENE_RESERVE,
        "6",
        "Dekking fonds voor leefbare wijken (motie M15)",
        "onttrekking",
        "incidenteel",
        money(100_000, 100_000, 0, 0),
        LEEFBARE_WIJKEN,
        M15_BRON,
    ),
    MutationRow(
        "Reserve sociaal domein",
        "6",
        "Dekking transformatiebudget sociaal domein",
        "onttrekking",
        "incidenteel",
        money(1_200_000, 800_000, 0, 0),
    ),
    MutationRow(
        "Reserve onderwijshuisvesting",
        "4",
        "Storting voor onderwijshuisvesting (€ 50 mln extra tot 2030)",
        "toevoeging",
        "structureel",
        money(1_500_000),
        bron=f"{ILL}; € 50 mln extra tot 2030 uit {ONTWIKKELINGEN}",
    ),
    MutationRow(
        "Reserve onderwijshuisvesting",
        "4",
        "Dekking kapitaallasten nieuwbouw en renovatie scholen",
        "onttrekking",
        "structureel",
        money(600_000, 900_000, 1_200_000, 1_500_000),
    ),
    MutationRow(
        "Reserve dekking kapitaallasten",
        "9",
        "Dekking kapitaallasten investeringen (dekkingsreserve)",
        "onttrekking",
        "structureel",
        money(1_450_000),
    ),
    MutationRow(
        "Reserve Spoorzone",
        "8",
        "Dekking gebiedsontwikkeling Spoorzone",
        "onttrekking",
        "incidenteel",
        money(1_500_000, 1_500_000, 1_000_000, 1_000_000),
    ),
)


# --- Transformatieplan and weerstandsvermogen -----------------------------------------------------------------

TAAKSTELLING = money(5_400_000, 6_900_000, 6_900_000, 6_900_000)
OPEN = money(0, 96_000, 0, 0)
_SPLIT = f"{ILL} (verdeling van de taakstelling uit {TRANSFORMATIE_BRON})"

TRANSFORMATIEPLAN: tuple[tuple[str, str, str, tuple[Decimal, ...], str], ...] = (
    ("Werk en inkomen", "6", "ingevuld", money(525_000), f"{_SPLIT}; niveau als Jaarstukken 2023"),
    ("Wmo", "6", "ingevuld", money(1_100_000), f"{_SPLIT}; niveau als Jaarstukken 2023"),
    ("Jeugd", "6", "ingevuld", money(3_175_000, 4_379_000, 4_475_000, 4_475_000), _SPLIT),
    ("Sociale basis", "6", "ingevuld", money(600_000, 800_000, 800_000, 800_000), _SPLIT),
    (
        "Nog in te vullen",
        "6",
        "open",
        OPEN,
        f"{TRANSFORMATIE_BRON} (€ 96.000 in 2026; taakstelling € 6,9 mln in 2026)",
    ),
)

WEERSTAND_KEYS = {"Onbenutte belastingcapaciteit": layout.KEY_BELASTINGCAPACITEIT}
WEERSTAND: tuple[tuple[str, str, tuple[Decimal, ...], str], ...] = (
    ("Onbenutte belastingcapaciteit", "beschikbaar", money(6_200_000), ILL),
    (
        "Post onvoorzien",
        "beschikbaar",
        money(166_000, 100_000, 100_000, 100_000),
        f"{GRONDSLAGEN} (2025); 2026-2028 illustratief voortgezet",
    ),
    ("Risico's sociaal domein (jeugdhulp, Wmo, participatie)", "benodigd", money(9_500_000), ILL),
    ("Risico's grondexploitaties", "benodigd", money(6_000_000), ILL),
    ("Overige risico's (garanties, verbonden partijen, claims)", "benodigd", money(9_500_000), ILL),
)

# The risk register (sheet Risico's): ILLUSTRATIVE. Kans, impact (min-max or a point), aard. The tool simulates
# it (hengelo-scenario risks); its 90% value (about € 25 mln) is close to the fixed benodigde capaciteit above.
RISK_BRON = f"{ILL} (risicoregister; categorieën als {ONTWIKKELINGEN})"
RISICOS: tuple[tuple[str, str, str, tuple[int, int] | int, str], ...] = (
    ("Jeugdhulp: volumegroei boven de raming (open einde)", "6", "50%", (3_000_000, 9_000_000), "structureel"),
    ("Jeugdhulp: tariefindexatie hoger dan geraamd", "6", "50%", (1_500_000, 4_500_000), "structureel"),
    (
        "Wmo: groei huishoudelijke ondersteuning (abonnementstarief)",
        "6",
        "50%",
        (1_500_000, 3_500_000),
        "structureel",
    ),
    (
        "Participatie: uitkeringslasten hoger dan het rijksbudget (BUIG)",
        "6",
        "30%",
        (1_500_000, 4_500_000),
        "incidenteel",
    ),
    (
        "Transformatieplan: besparing niet of niet tijdig gerealiseerd",
        "6",
        "40%",
        (1_000_000, 3_000_000),
        "structureel",
    ),
    (
        "Grondexploitaties: lagere grondopbrengsten en vertraging",
        "8",
        "30%",
        (3_000_000, 12_000_000),
        "incidenteel",
    ),
    ("Spoorzone: hogere kosten van sanering en infrastructuur", "8", "20%", (1_500_000, 7_500_000), "incidenteel"),
    (
        "Garantstellingen en geldleningen (sport, zorg, woningbouw)",
        "AD",
        "10%",
        (3_000_000, 9_000_000),
        "incidenteel",
    ),
    (
        "Verbonden partijen (veiligheidsregio, GGD, afvalverwerking)",
        "9",
        "30%",
        (1_000_000, 3_500_000),
        "structureel",
    ),
    ("Claims en juridische procedures", "9", "20%", (1_000_000, 4_000_000), "incidenteel"),
    (
        "Algemene uitkering: herverdeling gemeentefonds vanaf 2027",
        "AD",
        "40%",
        (1_500_000, 7_500_000),
        "structureel",
    ),
    ("Loon- en prijsstijging boven de geraamde index", "OH", "50%", (1_500_000, 4_500_000), "structureel"),
    ("Cyberincident of langdurige uitval van ICT", "OH", "10%", 2_000_000, "incidenteel"),
)

# --- Indexen: the Grondslagen voor de ramingen, and the index category of each line -------------------------

INDEX_BRON_2025 = f"{GRONDSLAGEN} (2025)"
# name, rate per year (fraction), Bron. 2025 is published; 2026-2028 continue the 2025 rate (illustratief): the
# budget itself counts 2026-2028 in constant prices and publishes no later rates. The accres of the algemene
# uitkering is illustratief for every year (about what the gemeentefonds grew in the circulaires of 2024-2025).
INDEXEN: tuple[tuple[str, tuple[Decimal, ...], str], ...] = (
    ("lonen", money("0.046"), f"{INDEX_BRON_2025}: 4,60%; 2026-2028 {ILL} (2025 voortgezet)"),
    ("prijzen", money("0.021"), f"{INDEX_BRON_2025}: 2,10%; 2026-2028 {ILL} (2025 voortgezet)"),
    ("subsidies", money("0.0377"), f"{INDEX_BRON_2025}: 3,77%; 2026-2028 {ILL} (2025 voortgezet)"),
    (
        "gemeenschappelijke regelingen",
        money("0.0565"),
        f"{INDEX_BRON_2025}: 5,65%; 2026-2028 {ILL} (2025 voortgezet)",
    ),
    ("zorg", money("0.0489"), f"{INDEX_BRON_2025}: 4,89% (jeugd en Wmo, zorgproducten en PGB); 2026-2028 {ILL}"),
    (
        "jeugdbescherming",
        money("0.0496"),
        f"{INDEX_BRON_2025}: 4,96% (jeugdbescherming en jeugdreclassering); 2026-2028 {ILL}",
    ),
    ("accres", money("0.025"), f"{ILL}: accres algemene uitkering"),
)

# The index category of each line (illustratief: the budget does not publish it per line). Lines not named here
# are not indexed: rijksbijdragen, grondexploitaties, kapitaallasten, treasury, stelposten and incidental lines.
LINE_INDEX: dict[str, str] = {
    "Bijdrage Veiligheidsregio Twente (brandweer en crisisbeheersing)": "gemeenschappelijke regelingen",
    "Openbare orde en veiligheid, toezicht en handhaving": "lonen",
    "Veiligheidshuis en aanpak ondermijning": "subsidies",
    "Leges en vergunningen APV": "prijzen",
    "Wegen, straten, pleinen en openbare verlichting": "prijzen",
    "Water, bruggen en kades": "prijzen",
    "Parkeren": "prijzen",
    "Openbaar vervoer en verkeersveiligheid": "prijzen",
    "Parkeerbelasting en parkeervergunningen": "prijzen",
    "Havengelden": "prijzen",
    "Economische ontwikkeling en ondernemersloket": "lonen",
    "Beheer bedrijventerreinen": "prijzen",
    "Markten en bedrijveninvesteringszones (BIZ)": "prijzen",
    "Regionale samenwerking economie (Agenda voor Twente)": "gemeenschappelijke regelingen",
    "Marktgelden en BIZ-bijdragen": "prijzen",
    "Leerlingenvervoer": "prijzen",
    "Onderwijsbeleid en onderwijsachterstanden": "subsidies",
    "Voorschoolse voorziening peuters": "subsidies",
    "Huur gymlokalen en medegebruik": "prijzen",
    "Sportaccommodaties en sportstimulering": "prijzen",
    "Cultuur, bibliotheek en theater": "subsidies",
    "Openbaar groen en recreatie": "prijzen",
    "Zwembaden": "prijzen",
    "Huren sportaccommodaties": "prijzen",
    "Opbrengsten cultuur en evenementen": "prijzen",
    "Entreegelden zwembaden": "prijzen",
    "Jeugdhulp (regionale inkoop, prijs × volume)": "zorg",
    "Jeugd overig (lokale jeugdhulp, toegang en preventie)": "zorg",
    "Wmo: maatwerkvoorzieningen en huishoudelijke ondersteuning": "zorg",
    "Wmo: begeleiding en dagbesteding": "zorg",
    "Wmo: hulpmiddelen, woonvoorzieningen en vervoer": "prijzen",
    "Sociale werkvoorziening en re-integratie": "lonen",
    "Samenkracht, sociale basis en basisondersteuning": "subsidies",
    "Schulddienstverlening en minimabeleid": "prijzen",
    "Eigen bijdragen Wmo, verhaal en terugvorderingen": "prijzen",
    "Riolering": "prijzen",
    "Afvalinzameling en -verwerking": "prijzen",
    "Volksgezondheid (GGD Twente)": "gemeenschappelijke regelingen",
    "Milieubeheer": "prijzen",
    "Begraafplaatsen": "prijzen",
    "Duurzaamheid en energietransitie": "prijzen",
    "Bijdrage Omgevingsdienst Twente": "gemeenschappelijke regelingen",
    "Rioolheffing": "prijzen",
    "Afvalstoffenheffing": "prijzen",
    "Begraafrechten": "prijzen",
    "Ruimtelijke ordening en Omgevingswet": "lonen",
    "Wonen en bouwen, vergunningverlening": "lonen",
    "Stedelijke vernieuwing en wijkontwikkeling": "prijzen",
    "Leges omgevingsvergunningen": "prijzen",
    "Bestuursorganen en bestuursondersteuning": "lonen",
    "Burgerzaken": "lonen",
    "Belastingen: heffing en invordering": "lonen",
    "Vastgoedbeheer gemeentelijke gebouwen": "prijzen",
    "Leges burgerzaken": "prijzen",
    "Huuropbrengsten gemeentelijk vastgoed": "prijzen",
    "Algemene uitkering gemeentefonds": "accres",
    "OZB woningen": "prijzen",
    "OZB niet-woningen eigenaren": "prijzen",
    "OZB niet-woningen gebruikers": "prijzen",
    "Overige belastingen (hondenbelasting, toeristenbelasting, precario)": "prijzen",
    "Overhead: personeel, huisvesting, ICT en bedrijfsvoering": "lonen",
}


# --- Voorstellen nieuw beleid: the five youth-care proposals of paragraph 5.2.6 ------------------------------

VOORSTEL_BRON = (
    f"{ILL}: de vijf voorstellen nieuw beleid jeugd van {PROGRAMMAPLAN} 5.2.6 (namen en bedragen niet gepubliceerd "
    "gevonden; samen € 1,8 mln per jaar, de drie lijnen van de Strategische agenda)"
)


@dataclass(frozen=True)
class VoorstelRow:
    naam: str
    programma: str
    aard: str
    opgenomen: str  # ja | nee
    amounts: tuple[Decimal, ...]
    dekking: str = ""
    bron: str = VOORSTEL_BRON


VOORSTELLEN: tuple[VoorstelRow, ...] = (
    VoorstelRow(
        "Jeugd: omslag in denken en doen (normaliseren en preventie)", "6", "structureel", "ja", money(400_000)
    ),
    VoorstelRow("Jeugd: praktijkondersteuners jeugd bij huisartsen", "6", "structureel", "ja", money(450_000)),
    VoorstelRow("Jeugd: toegangsteam en casusregie (regie op toegang)", "6", "structureel", "ja", money(350_000)),
    VoorstelRow("Jeugd: versterken sociale basis voor jeugdigen", "6", "structureel", "ja", money(350_000)),
    VoorstelRow("Jeugd: versnelling transformatieplan jeugdhulp", "6", "structureel", "ja", money(250_000)),
)


INTRO = (
    "LET OP: dit is een ILLUSTRATIEF basiswerkboek voor de meerjarenbegroting 2025-2028 van de gemeente Hengelo. "
    "De bedragen per programma uit de Beleidsbegroting 2025-2028 waren niet beschikbaar. Bedragen met Bron "
    "'illustratief' zijn NIET de werkelijke cijfers van Hengelo: ze zijn afgestemd op gepubliceerde groottes "
    "(begrotingsomzet circa € 379 miljoen in 2024, algemene reserve circa € 60 miljoen eind 2025).",
    "Wat wel gepubliceerd is, staat er exact in met zijn bron: de wijkaanpak (€ 503.000 in 2025, € 509.000 in "
    "2026), motie M15 Fonds voor leefbare wijken (€ 100.000 in 2025 en 2026 ten laste van de algemene reserve), de "
    "taakstelling van het transformatieplan (€ 6,9 miljoen in 2026, waarvan € 96.000 nog open), onvoorzien "
    "(€ 100.000 structureel en € 66.000 incidenteel in 2025), de stelposten BTW-compensatiefonds (€ 2,8 miljoen) en "
    "Wmo-indexering (€ 371.000 in 2026 tot bijna € 1,1 miljoen in 2028) en de indexcijfers en volumegroei voor de "
    "jeugdhulp.",
    "Voor de scenario's met de grote hefbomen van 2025-2028: blad 'Indexen' heeft de indexcijfers van de Grondslagen "
    "voor de ramingen 2025 (2026-2028 illustratief voortgezet, accres illustratief), kolom 'Index' op 'Lasten en "
    "baten' de indexcategorie van elke regel, Sleutel 'algemene_uitkering' en 'ozb_...' de regels die de scenario's "
    "algemene uitkering en OZB aanspreken, en blad 'Voorstellen' de vijf voorstellen nieuw beleid jeugd van "
    "paragraaf 5.2.6 (illustratief, samen € 1,8 miljoen per jaar).",
    "Een analist van de gemeente vervangt dit werkboek door het echte, met dezelfde bladen en kolommen; "
    "hengelo-scenario werkt daarop zonder aanpassing. Gemaakt met tools/build_baseline.py.",
)


# --- the workbook ---------------------------------------------------------------------------------------------


def cell_value(amount: Decimal) -> int | float:
    """The number to write: an int if whole, else a float that reads back as exactly this Decimal."""
    if amount == amount.to_integral_value():
        return int(amount)
    number = float(amount)
    if Decimal(repr(number)) != amount:
        raise ValueError(f"{amount} cannot be written exactly as a spreadsheet number")
    return number


def _years(amounts: Sequence[Decimal]) -> dict[str | int, object]:
    return {year: cell_value(a) for year, a in zip(YEARS, amounts, strict=True)}


def sheet_rows() -> dict[str, list[dict[str | int, object]]]:
    """The data rows of every sheet, as {column header: value}; the workbook orders them like the template."""
    rows: dict[str, list[dict[str | int, object]]] = {
        layout.PROGRAMMAS: [
            {layout.CODE: code, layout.NAAM: naam, layout.BRON: bron} for code, naam, bron in PROGRAMMAS
        ],
        layout.LASTEN_BATEN: [
            {
                layout.PROGRAMMA: x.programma,
                layout.OMSCHRIJVING: x.omschrijving,
                layout.SOORT: x.soort,
                layout.AARD: x.aard,
                layout.SLEUTEL: x.sleutel or None,
                **_years(x.amounts),
                layout.BRON: x.bron,
                layout.INDEX: LINE_INDEX.get(x.omschrijving),
                layout.ONZEKERHEID: x.onzekerheid or None,
            }
            for x in LINES
        ],
        layout.RESERVES: [
            {
                layout.RESERVE: naam,
                layout.SOORT: soort,
                layout.BEGINSTAND: cell_value(stand),
                layout.WEERSTANDSCAPACITEIT: ws,
                layout.BRON: bron,
                layout.STRUCTURELE_MUTATIES: structureel,
            }
            for naam, soort, stand, ws, bron, structureel in RESERVES
        ],
        layout.MUTATIES: [
            {
                layout.RESERVE: m.reserve,
                layout.PROGRAMMA: m.programma,
                layout.OMSCHRIJVING: m.omschrijving,
                layout.SOORT: m.soort,
                layout.AARD: m.aard,
                layout.SLEUTEL: m.sleutel or None,
                **_years(m.amounts),
                layout.BRON: m.bron,
            }
            for m in MUTATIONS
        ],
        layout.JEUGDHULP: [],
        layout.TRANSFORMATIEPLAN: [
            {
                layout.ONDERDEEL: naam,
                layout.PROGRAMMA: prog,
                layout.INVULLING: invulling,
                **_years(a),
                layout.BRON: bron,
            }
            for naam, prog, invulling, a, bron in TRANSFORMATIEPLAN
        ],
        layout.WEERSTAND: [
            {
                layout.ONDERDEEL: naam,
                layout.SOORT: soort,
                **_years(a),
                layout.BRON: bron,
                layout.SLEUTEL: WEERSTAND_KEYS.get(naam),
            }
            for naam, soort, a, bron in WEERSTAND
        ],
        layout.RISICOS: [
            {
                layout.RISICO: naam,
                layout.PROGRAMMA: prog,
                layout.KANS: float(Decimal(kans.rstrip("%")) / 100),
                layout.IMPACT: impact if isinstance(impact, int) else None,
                layout.IMPACT_MIN: impact[0] if isinstance(impact, tuple) else None,
                layout.IMPACT_MAX: impact[1] if isinstance(impact, tuple) else None,
                layout.AARD: aard,
                layout.BRON: RISK_BRON,
            }
            for naam, prog, kans, impact, aard in RISICOS
        ],
        layout.INDEXEN: [{layout.INDEX: naam, **_years(rates), layout.BRON: bron} for naam, rates, bron in INDEXEN],
        layout.VOORSTELLEN: [
            {
                layout.VOORSTEL: v.naam,
                layout.PROGRAMMA: v.programma,
                layout.AARD: v.aard,
                layout.OPGENOMEN: v.opgenomen,
                layout.DEKKING: v.dekking or None,
                **_years(v.amounts),
                layout.BRON: v.bron,
            }
            for v in VOORSTELLEN
        ],
        layout.INSTELLINGEN: [
            {layout.INSTELLING: k, layout.WAARDE: v, layout.BRON: bron} for k, v, bron in INSTELLINGEN
        ],
    }
    for s in SEGMENTS:
        index = f"{(s.index - 1) * 100:.2f}".replace(".", ",")
        prijs_2024 = f"{s.prijs_2024:,.0f}".replace(",", ".")
        rows[layout.JEUGDHULP] += [
            {
                layout.SEGMENT: s.naam,
                layout.EENHEID: s.eenheid,
                layout.GROOTHEID: layout.PRIJS,
                **_years(s.prices),
                layout.INDEX: "zorg" if s.index == INDEX_ZORG else "jeugdbescherming",
                layout.BRON: f"{ILL}: prijs 2024 € {prijs_2024} × index {index}% ({GRONDSLAGEN}); 2026-2028 constante "
                f"prijzen ({GRONDSLAGEN})",
            },
            {
                layout.SEGMENT: s.naam,
                layout.EENHEID: s.eenheid,
                layout.GROOTHEID: layout.VOLUME,
                **_years(s.volumes),
                layout.INDEX: None,
                layout.BRON: f"{ILL}: volume; volumegroei 0% ({GRONDSLAGEN})",
            },
        ]
    return rows


def build_workbook():
    """The workbook: the template's sheets and Instructie (with the illustrative notice), filled in."""
    workbook = new_workbook(YEARS, INTRO)
    rows = sheet_rows()
    for spec in layout.SHEETS:
        sheet = workbook[spec.name]
        header = spec.header(YEARS)
        for row in rows[spec.name]:
            if set(row) != set(header):
                raise ValueError(f"{spec.name}: columns {sorted(map(str, row))} are not {header}")
            sheet.append([row[name] for name in header])
        for column, name in enumerate(header, start=1):
            if isinstance(name, int) and spec.name == layout.INDEXEN:
                for (cell,) in sheet.iter_rows(min_row=2, min_col=column, max_col=column):
                    cell.number_format = "0.00%"
            elif isinstance(name, int) or name in (
                layout.BEGINSTAND,
                layout.IMPACT,
                layout.IMPACT_MIN,
                layout.IMPACT_MAX,
            ):
                for (cell,) in sheet.iter_rows(min_row=2, min_col=column, max_col=column):
                    whole = isinstance(cell.value, int)
                    cell.number_format = "#,##0" if whole else "#,##0.00"
            if name == layout.KANS:
                for (cell,) in sheet.iter_rows(min_row=2, min_col=column, max_col=column):
                    cell.number_format = "0%"
    return workbook


# --- the plausibility checks ----------------------------------------------------------------------------------


def totals() -> dict[str, tuple[Decimal, ...]]:
    """The baseline's totals per year, computed from the data above (independently of the loader and engine)."""

    def add(items, pick) -> tuple[Decimal, ...]:
        with exact():
            return tuple(sum((pick(i)[y] for i in items), Decimal(0)) for y in range(len(YEARS)))

    def of(items, **attrs):
        return [i for i in items if all(getattr(i, k) == v for k, v in attrs.items())]

    lines = [*LINES, *(S_last(v.programma, v.naam, v.amounts) for v in VOORSTELLEN if v.opgenomen == "ja")]
    assert all(v.aard == "structureel" and not v.dekking for v in VOORSTELLEN), "totals() counts them as such"
    result = {
        "lasten": add(of(lines, soort="last"), lambda x: x.amounts),
        "baten": add(of(lines, soort="baat"), lambda x: x.amounts),
        "toevoegingen": add(of(MUTATIONS, soort="toevoeging"), lambda x: x.amounts),
        "onttrekkingen": add(of(MUTATIONS, soort="onttrekking"), lambda x: x.amounts),
        "structurele lasten": add(of(lines, soort="last", aard="structureel"), lambda x: x.amounts),
        "structurele baten": add(of(lines, soort="baat", aard="structureel"), lambda x: x.amounts),
        "structurele toevoegingen": add(of(MUTATIONS, soort="toevoeging", aard="structureel"), lambda x: x.amounts),
        "structurele onttrekkingen": add(of(MUTATIONS, soort="onttrekking", aard="structureel"), lambda x: x.amounts),
    }
    with exact():
        result["saldo van baten en lasten"] = tuple(
            b - x for b, x in zip(result["baten"], result["lasten"], strict=True)
        )
        result["geraamd resultaat"] = tuple(
            s - t + o
            for s, t, o in zip(
                result["saldo van baten en lasten"], result["toevoegingen"], result["onttrekkingen"], strict=True
            )
        )
        result["structureel saldo"] = tuple(
            b - x + o - t
            for b, x, o, t in zip(
                result["structurele baten"],
                result["structurele lasten"],
                result["structurele onttrekkingen"],
                result["structurele toevoegingen"],
                strict=True,
            )
        )
    return result


def reserve_balances() -> dict[str, tuple[Decimal, ...]]:
    """Each reserve's balance on 31 December of every year."""
    balances = {}
    for naam, _soort, stand, _ws, _bron, _structureel in RESERVES:
        closing = []
        with exact():
            for y in range(len(YEARS)):
                for m in MUTATIONS:
                    if m.reserve == naam:
                        stand += m.amounts[y] if m.soort == "toevoeging" else -m.amounts[y]
                closing.append(stand)
        balances[naam] = tuple(closing)
    return balances


def check() -> None:
    """The calibration targets of the module docstring; raises AssertionError if a figure breaks one."""
    t = totals()
    million = Decimal(1_000_000)
    assert Decimal(380) * million <= t["lasten"][0] <= Decimal(390) * million, t["lasten"][0]
    for y in range(len(YEARS)):
        assert 0 < t["geraamd resultaat"][y] < 2 * million, ("geraamd resultaat", YEARS[y], t["geraamd resultaat"][y])
    assert t["structureel saldo"][0] > 0, t["structureel saldo"][0]
    for y in range(1, len(YEARS)):
        assert Decimal("-1.5") * million <= t["structureel saldo"][y] <= 2 * million, t["structureel saldo"][y]
    for naam, closing in reserve_balances().items():
        assert min(closing) >= 0, (naam, closing)
    total = jeugdhulp_total()
    assert Decimal(31) * million < total[0] < Decimal(33) * million, total
    with exact():
        for y in range(len(YEARS)):
            parts = [a[y] for _n, _p, inv, a, _b in TRANSFORMATIEPLAN if inv == "ingevuld"]
            assert sum(parts, Decimal(0)) == TAAKSTELLING[y] - OPEN[y], YEARS[y]
    descriptions = {x.omschrijving for x in LINES}
    assert set(LINE_INDEX) <= descriptions, set(LINE_INDEX) - descriptions
    assert set(LINE_INDEX.values()) <= {naam for naam, _r, _b in INDEXEN}
    benodigd = sum(a[0] for _n, soort, a, _b in WEERSTAND if soort == "benodigd")
    assert benodigd == Decimal(25) * million, benodigd
    p90 = risk_register_p90()
    assert Decimal("0.95") * benodigd <= p90 <= Decimal("1.05") * benodigd, p90


def risk_register_p90(draws: int = 200_000, seed: int = 2025) -> Decimal:
    """The register's 90% value by a plain numpy simulation (independent of the tool's own `risks`)."""
    import numpy as np

    rng = np.random.default_rng(seed)
    total = np.zeros(draws)
    for _naam, _prog, kans, impact, _aard in RISICOS:
        low, high = impact if isinstance(impact, tuple) else (impact, impact)
        occurs = rng.random(draws) < float(Decimal(kans.rstrip("%")) / 100)
        total += occurs * rng.uniform(low, high, draws)
    return Decimal(round(float(np.quantile(total, 0.9))))


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=OUTPUT, help=f"default: {OUTPUT.relative_to(ROOT)}")
    args = parser.parse_args(argv)
    check()
    save_workbook(build_workbook(), args.output)
    print(f"Wrote {args.output}")
    for name, values in totals().items():
        print(f"  {name:<28}" + "".join(f"{v:>16,.2f}" for v in values))
    print(f"  {'algemene reserve 31-12':<28}" + "".join(f"{v:>16,.2f}" for v in reserve_balances()[ALGEMENE_RESERVE]))


if __name__ == "__main__":
    main()
