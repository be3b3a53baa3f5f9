"""The statistics of a simulation from sorted rows: the same numbers as numpy's own, for any data."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from hengelo_scenario.uncertainty.stats import count_below, percentiles, sort_rows

# Values on a coarse grid, so rows hold many ties and limits fall exactly on them; large and small magnitudes, so
# `constant + sign * x` rounds and a limit can sit between what x and the sum would suggest.
values = st.one_of(
    st.integers(-20, 20).map(float),
    st.floats(-1e9, 1e9, allow_nan=False, allow_infinity=False),
    st.sampled_from([0.1, 0.2, 0.3, 1e-300, -1e-300, 5e15, 5e15 + 1]),
)


@settings(max_examples=300, deadline=None)
@given(
    row=hnp.arrays(float, st.integers(1, 60), elements=values),
    limit=values,
    constant=values,
    sign=st.sampled_from([1.0, -1.0]),
)
def test_count_below_is_the_comparison_counted_draw_by_draw(row, limit, constant, sign):
    ordered = np.sort(row)
    assert count_below(ordered, limit, constant, sign) == int(np.count_nonzero(constant + sign * row < limit))


@settings(max_examples=100, deadline=None)
@given(data=hnp.arrays(float, hnp.array_shapes(min_dims=2, max_dims=2, min_side=1, max_side=40), elements=values))
def test_percentiles_are_numpys_bit_for_bit(data):
    qs = [0, 5, 25, 50, 75, 95, 100]
    assert np.array_equal(percentiles(data, qs), np.percentile(data, qs, axis=1))


def test_rows_sorted_in_place_two_at_a_time_are_sorted():
    rng = np.random.default_rng(3)
    rows = rng.standard_normal((3, 150_000))  # long rows: the threaded path
    expected = np.sort(rows, axis=1)
    sort_rows(rows)
    assert np.array_equal(rows, expected)
