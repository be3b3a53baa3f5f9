"""What a scenario lever is: one section of a scenario file, from its schema to the bookings it makes.

A lever module in this package defines a `Lever` and names it `LEVER`; the registry (`levers/__init__.py`) finds
it. Everything the tool knows about the lever lives in that one module:

- `key` and `model`: the section's key at the top level of a scenario file and its pydantic model (the JSON
  Schema, the "did you mean" for its keys, and where `extends` merges it whole);
- `resolve(section, ctx)`: the section checked against the baseline (names, years, "changes no number"), every
  problem reported through `ctx` at the file and line that wrote it; returns the resolved change, or None;
- `bookings(change, baseline)`: the change as a begrotingswijziging books it: signed amounts per year on
  (programma, soort, aard[, reserve]);
- for levers that act on youth care's price × volume instead of on amounts, `youth_care_factors` and
  `youth_care_booking`: the engine multiplies the segments' prices and volumes by the factors and books the cost
  change (with several such levers, each books what it adds on top of the levers before it, in registry order);
- `weerstand_changes(change, baseline)`: changes of the available weerstandscapaciteit other than reserves (an
  OZB rise lowers the onbenutte belastingcapaciteit); the engine adds them to the `beschikbaar` posts;
- `details(change, baseline, bookings)`: a schedule beside the bookings (kapitaallasten per investment, indexation per
  line) for the report to show;
- `variations(change, baseline)` and `vary(...)`: the numbers of the lever that `sweep`, `tornado`, `solve` and the
  scenario's `uncertainty:` block may move by a value x on top of the scenario (`<key>.<path>`, README "Uncertainty
  and sensitivity"). `vary` returns the resolved change with x added; the float path takes the bookings per unit of
  x from the difference of the exact bookings, so a variation must move the bookings linearly in x (up to the cent
  rounding the lever itself does) and need say nothing else; a lever on p × q also gives `youth_care_slopes`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

if TYPE_CHECKING:
    from decimal import Decimal

    from hengelo_scenario.baseline.model import Amounts, Baseline
    from hengelo_scenario.errors import Origin
    from hengelo_scenario.outcome.model import Booking, LeverDetail, WeerstandChange
    from hengelo_scenario.scenario.context import ResolveContext
    from hengelo_scenario.scenario.model import Factors

__all__ = ["Lever", "Variation", "YouthCareFactors"]

YouthCareFactors = tuple[tuple["Factors", ...], tuple["Factors", ...]]  # (price, volume) per segment and year


@dataclass(frozen=True)
class Variation:
    """A number of a lever's change that a sensitivity or simulation moves by x on top of the scenario.

    Its dotted path is `<lever key>.<path>` (optionally followed by `.YEAR` when `per_year`); x is in percentage
    points when `percent` (x = 0.01 is one point), else in euros. `low` and `high` bound x when the lever's own
    rules do (`Lever.variation_range`); `vary` is only asked for values within them.
    """

    path: str  # after the lever key: "tarief", "lines.ozb_woningen", "Nieuwbouw IKC.amount"
    label: str  # Dutch, for tables and charts
    percent: bool
    per_year: bool = True
    item: int | None = None  # which line, proposal or investment, for the lever's own use
    field: str = ""  # which number of it, for the lever's own use


class Lever:
    """One section of a scenario file. Subclasses set the class attributes and implement `resolve` and `bookings`."""

    key: ClassVar[str]  # the key at the top level of a scenario file, e.g. "wijkaanpak"
    order: ClassVar[int]  # reading order in tables, bookings and the bridge chart; the registry sorts by it
    model: ClassVar[Any]  # the pydantic type of the section: a model, or list[Model] for a list of items
    description: ClassVar[str]  # one line for the JSON Schema
    examples: ClassVar[list[Any]] = []  # examples of the whole section for the JSON Schema (models carry their own)
    empty: ClassVar[Any] = None  # what a scenario holds for the lever when its file does not mention it
    whole: ClassVar[tuple[tuple[str, ...], ...]] = ()  # sub-paths `extends` takes whole from the child ('*': any)
    merge_by_name: ClassVar[bool] = False  # a list of items that `extends` merges by their `name`

    def resolve(self, section: Any, ctx: ResolveContext) -> Any | None:
        """The section checked against the baseline; None when `ctx` got a problem (or nothing changes)."""
        raise NotImplementedError

    def bookings(self, change: Any, baseline: Baseline) -> list[Booking]:
        """The bookings of a resolved change (an error, with the line, when they change no number)."""
        raise NotImplementedError

    def youth_care_factors(self, change: Any, baseline: Baseline) -> YouthCareFactors | None:
        """Price and volume factors per youth-care segment and year, for a lever that acts on p × q."""
        return None

    def youth_care_booking(self, change: Any, baseline: Baseline, cost_change: Amounts) -> Booking | None:
        """The booking of the youth-care cost change this lever caused (the engine computed it from p × q)."""
        return None

    def weerstand_changes(self, change: Any, baseline: Baseline) -> list[WeerstandChange]:
        """Signed changes of `beschikbaar` weerstand posts per year (default: none)."""
        return []

    def details(self, change: Any, baseline: Baseline, bookings: Sequence[Booking] = ()) -> list[LeverDetail]:
        """The lever's own schedules, shown beside its bookings (default: none); `bookings` are the scenario's."""
        return []

    def variations(self, change: Any, baseline: Baseline) -> list[Variation]:
        """The numbers of this lever that may be varied, for this baseline and the scenario's change (or `empty`)."""
        return []

    def vary(
        self,
        change: Any,
        baseline: Baseline,
        variation: Variation,
        x: Decimal,
        years: tuple[bool, ...],
        origin: Origin,
        scenario: Any = None,
    ) -> Any:
        """The change with the variation moved by x in the years marked True (`change` may be the lever's `empty`).

        `scenario` is the whole resolved scenario, for a lever whose change depends on another's (an index that
        youth-care tariffs follow unless the jeugdhulp section sets their price)."""
        raise NotImplementedError

    def variation_range(
        self, change: Any, baseline: Baseline, variation: Variation, years: tuple[bool, ...], scenario: Any = None
    ) -> tuple[Decimal | None, Decimal | None]:
        """The values x the variation may take in those years, (low, high), None for no bound."""
        return None, None

    def youth_care_slopes(
        self, change: Any, baseline: Baseline, variation: Variation, years: tuple[bool, ...], scenario: Any = None
    ) -> tuple[tuple[Decimal, ...], ...] | None:
        """For a lever that acts on p × q: per segment and year k, the tariff factor becoming × (1 + k·x) when the
        variation moves by x (None: youth care does not move). The float path multiplies each variant's p × q."""
        return None

    def origin_of(self, change: Any) -> Any:
        """Where the change was written (for a youth-care change that moved no price or volume)."""
        return getattr(change, "origin", None)
