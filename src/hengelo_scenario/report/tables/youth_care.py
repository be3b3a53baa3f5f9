"""Youth care per segment (price × volume) and the cost change split into price, volume and interaction."""

from __future__ import annotations

from hengelo_scenario.outcome.figures import Kind
from hengelo_scenario.outcome.model import (
    Outcome,
)
from hengelo_scenario.report.tables.base import (
    Row,
    Table,
    _negate,
    _years,
)


def jeugdhulp(outcome: Outcome) -> Table:
    """Youth care per segment: price, volume and cost, baseline against scenario."""
    rows: list[Row] = []
    for s in outcome.jeugdhulp.segments:
        rows += [
            Row((s.naam, f"prijs per {s.unit} basis"), s.price.baseline, Kind.PRICE),
            Row((s.naam, f"prijs per {s.unit} scenario"), s.price.scenario, Kind.PRICE),
            Row((s.naam, "volume basis"), s.volume.baseline, Kind.VOLUME),
            Row((s.naam, "volume scenario"), s.volume.scenario, Kind.VOLUME),
            Row((s.naam, "kosten basis"), s.cost.baseline),
            Row((s.naam, "kosten scenario"), s.cost.scenario),
            Row((s.naam, "verschil"), s.cost.effect, Kind.EFFECT, section_end=True),
        ]
    per = 7
    n = len(outcome.jeugdhulp.segments)
    cost = outcome.jeugdhulp.cost
    rows += [
        Row(("Totaal jeugdzorg", "kosten basis"), cost.baseline, total_of=tuple(i * per + 4 for i in range(n))),
        Row(("Totaal jeugdzorg", "kosten scenario"), cost.scenario, total_of=tuple(i * per + 5 for i in range(n))),
        Row(
            ("Totaal jeugdzorg", "verschil"),
            cost.effect,
            Kind.EFFECT,
            tuple(i * per + 6 for i in range(n)),
            emphasis=True,
        ),
    ]
    return Table(
        "jeugdhulp",
        "Jeugdzorg per segment: prijs x volume",
        ("Segment", "Regel"),
        _years(outcome),
        tuple(rows),
        (
            "Prijzen in euro's per eenheid; volumes in eenheden (niet in duizenden).",
            "Jeugdzorg = jeugdhulp + jeugdbescherming + jeugdreclassering: het totaal omvat alle segmenten.",
        ),
    )


def jeugdhulp_verschil(outcome: Outcome) -> Table:
    """The youth-care cost change split into price, volume and interaction effects, which add up exactly."""
    j = outcome.jeugdhulp
    rows: list[Row] = []
    for s in j.segments:
        rows += [
            Row((s.naam, "prijseffect"), _negate(s.price_effect), Kind.EFFECT),
            Row((s.naam, "volume-effect"), _negate(s.volume_effect), Kind.EFFECT),
            Row((s.naam, "interactie"), _negate(s.interaction), Kind.EFFECT),
            Row((s.naam, "totaal"), s.cost.effect, Kind.EFFECT, (len(rows), len(rows) + 1, len(rows) + 2), True, True),
        ]
    n = len(j.segments)
    rows += [
        Row(("Totaal", "prijseffect"), _negate(j.price_effect), Kind.EFFECT, tuple(i * 4 for i in range(n))),
        Row(("Totaal", "volume-effect"), _negate(j.volume_effect), Kind.EFFECT, tuple(i * 4 + 1 for i in range(n))),
        Row(("Totaal", "interactie"), _negate(j.interaction), Kind.EFFECT, tuple(i * 4 + 2 for i in range(n))),
        Row(("Totaal", "totaal"), j.cost.effect, Kind.EFFECT, (4 * n, 4 * n + 1, 4 * n + 2), emphasis=True),
    ]
    return Table(
        "jeugdhulp_verschil",
        "Jeugdzorg: verschil in kosten naar prijs, volume en interactie",
        ("Segment", "Effect"),
        _years(outcome),
        tuple(rows),
        (
            "Prijseffect = (p1 − p0) × q0; volume-effect = p0 × (q1 − q0); interactie = (p1 − p0) × (q1 − q0).",
            "Hogere kosten zijn nadelig (N).",
        ),
    )
