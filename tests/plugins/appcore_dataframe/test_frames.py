"""The server's sort and search over a whole frame: stable, missing values last both ways,
every column type; search ignores case and matches numbers by their text."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from appcore_dataframe._columns import build_table
from appcore_dataframe._frames import contains, sort_ranks, sorted_head


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



RNG = np.random.default_rng(5)
HEAD_CASES = {
    "floats": RNG.standard_normal(50_000),
    "missing": np.where(RNG.random(50_000) < 0.2, np.nan, RNG.standard_normal(50_000)),
    "ties": RNG.integers(0, 30, 50_000).astype(float),
    "infinities and missing": np.where(RNG.random(50_000) < 0.3, np.inf,
                                       np.where(RNG.random(50_000) < 0.3, np.nan, 1.0)),
    "small ints": RNG.integers(-5, 5, 50_000),
    "int extremes": np.array([np.iinfo(np.int64).min, np.iinfo(np.int64).max] * 25_000),
    "times": pd.to_datetime(RNG.integers(0, 100, 50_000), unit="D").where(RNG.random(50_000) > 0.1).to_numpy(),
    # Every sixth row (the head's sample takes every sixth of 50,000) far below or above the rest:
    # the sample's guess of where the head ends is too low, or far too high.
    "sampled rows lowest": np.where(np.arange(50_000) % 6 == 0, -1000 - RNG.random(50_000), RNG.random(50_000)),
    "sampled rows highest": np.where(np.arange(50_000) % 6 == 0, 1000 + RNG.random(50_000), RNG.random(50_000)),
}


@pytest.mark.parametrize("name", list(HEAD_CASES))
@pytest.mark.parametrize("ascending", [True, False])
def test_the_top_of_a_sorted_view_is_the_top_of_the_whole_sort(name, ascending):
    series = pd.Series(HEAD_CASES[name])
    for count in (1, 100, 2000):
        head = sorted_head(series, ascending, count)
        assert head is not None and (head == sort_ranks(series, ascending)[:count]).all(), (name, count)
    assert sorted_head(pd.Series(["b", "a"] * 100), ascending, 10) is None  # text: the whole sort


def test_a_sorted_views_first_window_comes_before_its_whole_order_and_agrees_with_it():
    frame = pd.DataFrame({"v": RNG.integers(0, 1000, 40_000), "w": RNG.standard_normal(40_000)})
    table = build_table(frame, hide_index=None, column_order=None, column_config=None)
    first = table.window(0, 100, ("v", False), "")
    assert first["total"] == 40_000 and len(first["rows"]) == 100 and first["whole_order_pending"]
    second = table.window(100, 200, ("v", False), "")  # the whole order, made for it
    assert not second["whole_order_pending"]
    expected = sort_ranks(frame["v"], False)
    assert first["positions"] + second["positions"] == expected[:200].tolist()
    again = table.window(0, 100, ("v", False), "")  # now from the kept order
    assert again["positions"] == first["positions"] and not again["whole_order_pending"]


def test_booleans_and_mixed_objects_sort_too():
    assert sort_ranks(pd.Series([True, False, True]), True).tolist() == [1, 0, 2]
    assert sort_ranks(pd.Series([1, "b", 2.5], dtype=object), True).tolist() == [0, 2, 1]


def test_search_ignores_case_and_finds_numbers_by_their_text():
    assert contains(pd.Series(["Oslo", "lima", None]), "LI").tolist() == [False, True, False]
    assert contains(pd.Series([1.25, 3.5, 12.0]), "2").tolist() == [True, False, True]
    assert contains(pd.Series([[1, 2], {"k": "v"}], dtype=object), "k").tolist() == [False, True]
