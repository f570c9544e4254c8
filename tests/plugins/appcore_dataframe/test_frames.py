"""The server's sort and search over a whole frame: stable, missing values last both ways,
every column type; search ignores case and matches numbers by their text."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from appcore_dataframe._columns import build_table
from appcore_dataframe._frames import contains, sort_ranks


@pytest.mark.parametrize("values", [
    [3.0, np.nan, 1.0, 3.0, 2.0],
    [3, None, 1, 3, 2],
    ["c", None, "a", "c", "b"],
    pd.to_datetime(["2024-03-01", None, "2024-01-01", "2024-03-01", "2024-02-01"]),
    pd.Categorical(["c", None, "a", "c", "b"], categories=["a", "b", "c"]),
])
def test_sorting_is_stable_with_missing_values_last_in_both_directions(values):
    series = pd.Series(values)
    assert sort_ranks(series, True).tolist() == [2, 4, 0, 3, 1]
    assert sort_ranks(series, False).tolist() == [0, 3, 4, 2, 1]


@pytest.mark.parametrize("ascending", [True, False])
def test_a_large_column_sorts_as_a_stable_sort_would_with_or_without_ties(ascending):
    rng = np.random.default_rng(1)
    unique = rng.standard_normal(50_000)
    unique[rng.integers(0, 50_000, 500)] = np.nan  # missing rows keep their own order, last
    tied = rng.integers(0, 50, 50_000).astype(float)
    for values in (unique, tied):
        keys = values if ascending else -values
        stable = np.argsort(keys, kind="stable")
        expected = np.concatenate([stable[~np.isnan(keys[stable])], np.flatnonzero(np.isnan(values))])
        assert (sort_ranks(pd.Series(values), ascending) == expected).all()



@pytest.mark.parametrize("values", [
    np.where(np.arange(20_000) % 7 == 0, np.nan, np.random.default_rng(2).standard_normal(20_000)),
    np.random.default_rng(3).integers(0, 30, 20_000),  # ties: sorted afresh
    pd.to_datetime(np.random.default_rng(4).permutation(20_000), unit="s"),
])
def test_flipping_a_sort_gives_the_rows_a_fresh_sort_would_in_a_search_too(values):
    frame = pd.DataFrame({"v": values, "t": [f"r{i % 100}" for i in range(20_000)]})
    table = build_table(frame, hide_index=None, column_order=None, column_config=None)
    for search in ("", "r1"):
        table.order(("v", True), search)
        flipped = table.order(("v", False), search)
        fresh = build_table(frame, hide_index=None, column_order=None, column_config=None).order(("v", False), search)
        assert (flipped == fresh).all() and len(flipped) == len(fresh)


def test_booleans_and_mixed_objects_sort_too():
    assert sort_ranks(pd.Series([True, False, True]), True).tolist() == [1, 0, 2]
    assert sort_ranks(pd.Series([1, "b", 2.5], dtype=object), True).tolist() == [0, 2, 1]


def test_search_ignores_case_and_finds_numbers_by_their_text():
    assert contains(pd.Series(["Oslo", "lima", None]), "LI").tolist() == [False, True, False]
    assert contains(pd.Series([1.25, 3.5, 12.0]), "2").tolist() == [True, False, True]
    assert contains(pd.Series([[1, 2], {"k": "v"}], dtype=object), "k").tolist() == [False, True]
