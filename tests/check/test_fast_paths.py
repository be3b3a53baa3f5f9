"""The quick ways `check` writes and compares figures give what the plain Decimal ways give, value for value."""

from __future__ import annotations

import decimal
from decimal import ROUND_HALF_UP, Decimal

import pytest
from hypothesis import event, given, settings
from hypothesis import strategies as st

from hengelo_scenario.check.compare import compare_snapshots
from hengelo_scenario.check.snapshot import (
    Header,
    Row,
    RowKind,
    Snapshot,
    money_text,
    number_text,
    parse_snapshot,
    reads_back_unchanged,
    render_snapshot,
    snapshot_of,
)
from hengelo_scenario.errors import ScenarioError
from hengelo_scenario.records import replace


@pytest.fixture(scope="module")
def shipped_outcomes():
    from hengelo_scenario.baseline import load_baseline
    from hengelo_scenario.engine import run_many
    from hengelo_scenario.resources import shipped_baseline, shipped_scenarios_dir
    from hengelo_scenario.scenario.loader import load_scenario_file
    from hengelo_scenario.scenario.resolve import resolve

    baseline = load_baseline(shipped_baseline())
    paths = sorted(shipped_scenarios_dir().glob("*.yaml"))
    return run_many(baseline, [resolve(load_scenario_file(path), baseline) for path in paths])


CENT = Decimal("0.01")


def _normalized(value: Decimal) -> Decimal:
    digits = len(value.as_tuple().digits)
    return value.normalize(decimal.Context(prec=max(digits, 28), rounding=ROUND_HALF_UP))


def reference_money_text(value: Decimal) -> str:
    """money_text as it was written first: normalize with every digit, then quantize to cents if shorter."""
    if value.is_nan():
        return "-"
    if value == 0:
        return "0.00"
    normal = _normalized(value)
    exponent = normal.as_tuple().exponent
    if isinstance(exponent, int) and exponent >= -2:
        normal = normal.quantize(CENT)
    return format(normal, "f")


def reference_number_text(value: Decimal) -> str:
    if value.is_nan():
        return "-"
    if value == 0:
        return "0"
    return format(_normalized(value), "f")


amounts = st.one_of(
    st.decimals(allow_nan=True, allow_infinity=True, places=None, min_value=None, max_value=None),
    st.decimals(min_value=Decimal("-1e12"), max_value=Decimal("1e12"), places=2),
    st.builds(
        lambda digits, exponent, sign: Decimal((sign, digits, exponent)),
        st.lists(st.integers(0, 9), min_size=1, max_size=40).map(tuple),
        st.integers(-40, 10),
        st.integers(0, 1),
    ),
)


def _result(function, value):
    """The text, or the kind of error: an amount beyond the exact context's 28 digits (1E+26 euros, far above
    anything a budget or the input limits allow) raises in both ways, and must raise the same."""
    import decimal

    try:
        return function(value)
    except decimal.DecimalException as error:
        return type(error)


@given(amounts)
def test_money_text_is_the_decimal_way(value):
    assert _result(money_text, value) == _result(reference_money_text, value)


@given(amounts)
def test_number_text_is_the_decimal_way(value):
    assert _result(number_text, value) == _result(reference_number_text, value)


def test_money_text_examples_worked_out_by_hand():
    assert money_text(Decimal("-0.5")) == "-0.50"
    assert money_text(Decimal("1.2300")) == "1.23"
    assert money_text(Decimal("1.23400")) == "1.234"
    assert money_text(Decimal("7E+2")) == "700.00"
    assert number_text(Decimal("7E+2")) == "700"
    assert number_text(Decimal("-0.0500")) == "-0.05"


HEADER = Header("hengelo-scenario 0", "s.yaml", "a" * 64, "b.xlsx", "b" * 64)


def _snapshot(*values: str, kind: RowKind = RowKind.MONEY) -> Snapshot:
    return Snapshot(HEADER, (2025, 2026), (Row("overzicht", "saldo", values, kind),))


def test_the_same_text_matches_and_other_text_is_still_compared_by_value():
    assert compare_snapshots(_snapshot("1.00", "2.50"), _snapshot("1.00", "2.50"), Decimal(0), "f") == ()
    # written differently, the same amount: compared as numbers, as before the shortcut
    assert compare_snapshots(_snapshot("1.0", "2.5"), _snapshot("1.00", "2.50"), Decimal(0), "f") == ()
    (moved,) = compare_snapshots(_snapshot("1.00", "2.50"), _snapshot("1.00", "2.51"), Decimal(0), "f")
    assert (moved.year, moved.expected, moved.found) == (2026, Decimal("2.50"), Decimal("2.51"))
    assert compare_snapshots(_snapshot("1.00", "2.50"), _snapshot("1.00", "2.51"), Decimal("0.01"), "f") == ()
    (text,) = compare_snapshots(_snapshot("A", "B", kind=RowKind.TEXT), _snapshot("A", "C", kind=RowKind.TEXT), 0, "f")
    assert (text.expected, text.found) == ("B", "C")


# --- a stored snapshot that is exactly the rendered text is not parsed again -----------------------------------

CLEAN = ["lasten", "programma 1 Veiligheid", "oordeel", "structureel evenwicht", "x:", "[x]", "#", "]", "2025"]
ODD = ["a  b", " a", "b ", "", "a\nb", "a\x85b", "reserve [Algemene reserve]", "- x", "Infinity"]
figures = st.one_of(
    st.decimals(min_value=Decimal("-1e15"), max_value=Decimal("1e15"), places=2),
    st.decimals(min_value=Decimal("-10"), max_value=Decimal("10"), places=12),
    st.just(Decimal("NaN")),
)
ODD_VALUES = ["-", "A", "ja", "a b", "", " 5", "-Infinity", "Infinity", "1e5", "2025", "]", "x:y"]


def mostly(clean: list, odd: list):
    """Mostly well-formed, so that many examples reach the case under test; now and then something odd."""
    return st.integers(0, 9).flatmap(lambda i: st.sampled_from(odd if i == 5 else clean))


VALUES = st.integers(0, 19).flatmap(
    lambda i: st.sampled_from(ODD_VALUES) if i == 5 else figures.map(money_text if i > 6 else number_text)
)


@st.composite
def snapshots(draw):
    years = draw(mostly([(2025, 2026, 2027, 2028), (2025,)], [(), (999, 1000), (2025, 10000)]))
    header = Header(
        draw(mostly(["hengelo-scenario 0.1.0"], ["x  y", " t"])),
        draw(mostly(["s.yaml", "mijn scenario.yaml", ""], ["a\nb.yaml", "s.yaml "])),
        draw(mostly(["a" * 64, ""], ["a b"])),
        "b.xlsx",
        "b" * 64,
        tuple(
            draw(
                st.lists(
                    st.tuples(mostly(["p.yaml", "", "a b.yaml"], [" p"]), mostly(["c" * 64], ["", "c d"])), max_size=2
                )
            )
        ),
    )
    rows = []
    for _ in range(draw(st.integers(0, 6))):
        section = draw(mostly(CLEAN, ODD))
        label = draw(mostly(CLEAN, ODD))
        width = draw(mostly([len(years)], [1, len(years) + 1]))
        values = tuple(draw(st.lists(VALUES, min_size=width, max_size=width)))
        rows.append(Row(section, label, values, draw(st.sampled_from(list(RowKind)))))
    if draw(st.booleans()):
        rows.append(Row("oordeel", "structureel evenwicht", (draw(mostly(["ja", "nee", ""], [" ja", "a b"])),)))
    return Snapshot(header, years, tuple(rows))


@settings(max_examples=500, deadline=None)
@given(snapshots())
def test_a_snapshot_that_reads_back_unchanged_compares_equal_to_its_own_text(snapshot):
    """What `check` relies on when it skips parsing a stored file equal to the rendered text."""
    if not reads_back_unchanged(snapshot):
        event("parsed as always")
        return
    event("reads back unchanged")
    parsed = parse_snapshot(render_snapshot(snapshot), "s.txt")  # never raises for such a snapshot
    assert parsed.header == snapshot.header
    assert parsed.years == snapshot.years
    assert compare_snapshots(parsed, snapshot, Decimal(0), "s.txt") == ()


def test_the_snapshots_of_the_shipped_scenarios_read_back_unchanged(shipped_outcomes):
    for outcome in shipped_outcomes:
        assert reads_back_unchanged(snapshot_of(outcome, HEADER))


def _reads_back(snapshot: Snapshot) -> bool:
    try:
        parsed = parse_snapshot(render_snapshot(snapshot), "s.txt")
    except ScenarioError:
        return False
    return (parsed.header, parsed.years) == (snapshot.header, snapshot.years) and not compare_snapshots(
        parsed, snapshot, Decimal(0), "s.txt"
    )


def _variants(snapshot: Snapshot):
    """The shipped snapshot with one odd thing in it: each odd label, section, value, header field or year."""
    first, rest = snapshot.rows[0], snapshot.rows[1:]
    width = len(snapshot.years)
    for odd in ODD:
        yield replace(snapshot, rows=(replace(first, label=odd), *rest))
        yield replace(snapshot, rows=(replace(first, section=odd), *rest))
        yield replace(snapshot, header=replace(snapshot.header, scenario_file=odd))
        yield replace(snapshot, header=replace(snapshot.header, extends=((odd, "c" * 64),)))
    for odd in ODD_VALUES:
        yield replace(snapshot, rows=(replace(first, values=(odd,) * width), *rest))
        yield replace(snapshot, header=replace(snapshot.header, extends=(("p.yaml", odd),)))
        yield replace(snapshot, rows=(*snapshot.rows[:-1], replace(snapshot.rows[-1], values=(odd,))))
    for years in [(), (999, 1000, 1001, 1002), (2025, 2026, 2027, 10000)]:
        yield replace(snapshot, years=years)
    yield replace(snapshot, rows=(replace(first, values=first.values[:-1]), *rest))
    yield replace(snapshot, rows=(snapshot.rows[-1],))


def test_every_odd_snapshot_that_passes_for_unchanged_does_read_back_unchanged(shipped_outcomes):
    snapshot = snapshot_of(shipped_outcomes[0], HEADER)
    variants = list(_variants(snapshot))
    for variant in variants:
        if reads_back_unchanged(variant):
            assert _reads_back(variant), variant
    assert sum(map(reads_back_unchanged, variants)) >= 5  # some odd ones do read back (a '#' label, '' file name)


@pytest.mark.parametrize(
    "change",
    [
        lambda s: replace(s, years=()),
        lambda s: replace(s, header=replace(s.header, scenario_file="a  b.yaml")),
        lambda s: replace(s, rows=(replace(s.rows[0], label="lasten "), *s.rows[1:])),
        lambda s: replace(s, rows=(replace(s.rows[0], values=("1.00", "a b", "3.00", "4.00")), *s.rows[1:])),
        lambda s: replace(s, rows=(replace(s.rows[0], values=("-Infinity",) * 4), *s.rows[1:])),
    ],
)
def test_what_does_not_read_back_unchanged_is_parsed(change, shipped_outcomes):
    snapshot = snapshot_of(shipped_outcomes[0], HEADER)
    assert reads_back_unchanged(snapshot)
    assert not reads_back_unchanged(change(snapshot))


def test_a_row_of_amounts_is_formatted_by_value_whatever_was_formatted_before(shipped_outcomes):
    """The row cache is keyed by value: 1.5 and 1.50 are one key, and must (and do) give one text."""
    header = HEADER
    first = snapshot_of(shipped_outcomes[0], header)
    again = snapshot_of(shipped_outcomes[0], header)
    assert first == again
    rows = snapshot_of(
        replace(
            shipped_outcomes[0],
            transformatieplan=replace(
                shipped_outcomes[0].transformatieplan,
                taakstelling=(Decimal("1.5"), Decimal("2"), Decimal("NaN"), Decimal("-0.125")),
                ingevuld=(Decimal("1.50"), Decimal("2.000"), Decimal("NaN"), Decimal("-0.1250")),
            ),
        ),
        header,
    ).by_key()
    expected = ("1.50", "2.00", "-", "-0.125")
    assert rows[("transformatieplan", "taakstelling")].values == expected
    assert rows[("transformatieplan", "ingevuld")].values == expected
