"""The tables a session shows, kept on the server, and the windows of rows its tab asks for.

Each ``st.dataframe`` keeps its frame here under a random token, by the place it
was drawn: a rerun that draws an equal frame at the same place keeps the token
(so the element is identical and is not sent again), another frame takes a new
one. The tab reads rows with ``GET /_appcore/dataframe/{session}/{token}``:
``start``/``end`` (positions in the view), ``sort`` (``<column>:asc|desc``),
``search`` (text, case-insensitive, any shown column) and ``format=csv`` for the
whole view as a download. Sort and search run here over the whole frame; their
row order is kept for the next window.
"""
from __future__ import annotations

import datetime as dt
import math
import secrets
import threading
from dataclasses import dataclass, field
from typing import Any

from appcore.plugin import StashKey

WINDOW_MAX = 2000          # rows one request may ask for
KEPT_PER_SESSION = 64      # tables a session keeps (the newest); older tokens answer 404


@dataclass
class Column:
    """One shown column: the index levels first, then the data's columns in order."""

    name: str              # as column_config and column_order name it ("_index" for a lone index)
    label: str
    kind: str              # int float bool datetime date time timedelta text list object
    position: int          # into the frame's columns, or -1 - level for an index level
    config: dict[str, Any] = field(default_factory=dict)

    @property
    def is_index(self) -> bool:
        return self.position < 0


@dataclass
class Table:
    token: str
    frame: Any                         # pandas DataFrame, as given (pandas copies on write)
    columns: list[Column]
    display: Any = None                # a Styler's display strings (a DataFrame of str), or None
    styles: Any = None                 # a Styler's CSS per cell (a DataFrame of str), or None
    orders: dict[tuple, Any] = field(default_factory=dict)  # (sort, search) -> row positions
    # One view is worked out at a time: a click that flips the sort while the first order is still
    # being made waits for it and reverses it, instead of sorting the frame again beside it.
    ordering: threading.Lock = field(default_factory=threading.Lock, repr=False, compare=False)

    def series(self, column: Column) -> Any:
        if column.is_index:
            return self.frame.index.get_level_values(-1 - column.position).to_series(index=None)
        return self.frame.iloc[:, column.position]

    def order(self, sort: tuple[str, bool] | None, search: str) -> Any:
        """The frame's row positions in this view (searched, then sorted), cached per view: the
        frame's own order as a range, the others as int32 arrays (4 MB a million rows)."""
        import numpy as np

        count = len(self.frame)
        if sort is None and not search:
            return range(count)
        key = (sort, search)
        with self.ordering:
            cached = self.orders.get(key)
            if cached is not None:
                return cached
            found = self._matches(search) if search else None
            ranks = None
            if sort is not None:
                name, ascending = sort
                column = next((c for c in self.columns if c.name == name), None)
                if column is not None:
                    series = self.series(column)
                    flipped = self.orders.get(((name, not ascending), ""))
                    ranks = reversed_ranks(series, flipped) if flipped is not None else None
                    if ranks is None:
                        ranks = sort_ranks(series, ascending)
            if ranks is None:
                positions = np.flatnonzero(found) if found is not None else np.arange(count)
            else:
                positions = ranks[found[ranks]] if found is not None else ranks
            if count < 2**31:
                positions = positions.astype(np.int32, copy=False)
            if len(self.orders) >= 4:
                self.orders.pop(next(iter(self.orders)))
            self.orders[key] = positions
            return positions

    def _matches(self, search: str) -> Any:
        """Rows where any shown column's text holds ``search``, ignoring case (Arrow's kernels
        when pyarrow is installed: a million rows in well under a second)."""
        import numpy as np

        found = np.zeros(len(self.frame), dtype=bool)
        numeric_text = all(ch in "0123456789.,-+eE " for ch in search)
        for column in self.columns:
            if column.kind in ("int", "float") and not numeric_text and self.display is None:
                continue  # a number's text has no letters: no need to write a million of them out
            if self.display is not None and not column.is_index:
                values = self.display.iloc[:, column.position]
            else:
                values = self.series(column)
            found |= contains(values, search)
        return found

    def rows(self, positions: Any) -> list[list[Any]]:
        """The cells of the rows at ``positions``, column by column as the browser draws them."""
        columns = [[cell(v, c.kind) for v in self.series(c).iloc[positions].tolist()] for c in self.columns]
        return [list(row) for row in zip(*columns)] if columns else [[] for _ in positions]

    def styled(self, positions: Any) -> dict[str, Any]:
        """A Styler's display text and CSS for those rows (index columns have none)."""
        if self.display is None:
            return {}
        shown = [c for c in self.columns]
        out: dict[str, Any] = {}
        for name, source in (("display", self.display), ("styles", self.styles)):
            if source is None:
                continue
            block = source.iloc[positions]
            out[name] = [[None if c.is_index else _text(row[c.position]) for c in shown]
                         for row in block.itertuples(index=False, name=None)]
        return out

    def window(self, start: int, end: int, sort: tuple[str, bool] | None, search: str) -> dict[str, Any]:
        """Rows ``start`` to ``end`` of the view. ``"whole_order_pending"`` is True when they came
        from the top of a sort not yet made: the caller then makes it (``order``)."""
        order = self.head(sort, end) if start == 0 and sort is not None and not search else None
        pending = order is not None
        if order is None:
            order = self.order(sort, search)
            total = len(order)
        else:
            total = len(self.frame)
        start = max(0, min(start, len(order)))
        end = max(start, min(end, len(order), start + WINDOW_MAX))
        positions = order[start:end]
        return {"total": int(total), "start": start, "positions": [int(p) for p in positions],
                "rows": self.rows(positions), **self.styled(positions), "whole_order_pending": pending}

    def head(self, sort: tuple[str, bool], count: int) -> Any:
        """The first ``count`` rows of a sorted view not worked out yet, found without sorting
        the frame (the page shows the top of a view it has just sorted; the caller has the
        whole order made next, for the windows that follow). None where the view is kept
        already, or the column is not plain numbers or times."""
        if (sort, "") in self.orders:
            return None
        column = next((c for c in self.columns if c.name == sort[0]), None)
        return sorted_head(self.series(column), sort[1], count) if column is not None else None

    def csv(self, sort: tuple[str, bool] | None, search: str) -> str:
        """The view as CSV: the shown columns under their labels, in the view's order."""
        import pandas as pd

        order = self.order(sort, search)
        data = {c.label: self.series(c).iloc[order].to_numpy() for c in self.columns}
        return pd.DataFrame(data).to_csv(index=False)


def sort_ranks(series: Any, ascending: bool) -> Any:
    """Row positions in the column's order, stable, missing values last (either direction)."""
    import numpy as np
    import pandas as pd

    values = series.to_numpy() if not isinstance(series.dtype, pd.CategoricalDtype) else None
    if values is not None and values.dtype.kind in "iufbmM":
        keys, missing = _sort_keys(values, ascending)
    else:  # text, categories, objects: rank by sorted unique values
        try:
            codes, _ = pd.factorize(series, sort=True, use_na_sentinel=True)
        except TypeError:  # mixed types: as text
            codes, _ = pd.factorize(series.astype(str), sort=True)
        keys, missing = _sort_keys(codes, ascending)[0], codes < 0
    order = _stable_argsort(keys)
    present = ~missing[order]
    return np.concatenate([order[present], np.flatnonzero(missing)])  # missing rows in their own order


def sorted_head(series: Any, ascending: bool, count: int) -> Any:
    """``sort_ranks(series, ascending)[:count]`` in one pass for a plain numeric or time column
    (a partition, then a sort of ``count`` rows), or None when that does not apply: another
    dtype, a count near the column's length, or fewer present values than ``count``."""
    import numpy as np

    values = series.to_numpy()
    if values.dtype.kind not in "iufmM" or count <= 0 or count * 4 > len(values):
        return None
    keys, missing = _sort_keys(values, ascending)
    any_missing = bool(missing.any())
    if any_missing and len(values) - int(missing.sum()) < count:
        return None
    chosen = _below_sampled_cut(keys, missing if any_missing else None, count)
    if chosen is not None:
        return chosen[np.lexsort((chosen, keys[chosen]))][:count]
    if any_missing:
        keys = np.where(missing, np.inf if keys.dtype.kind == "f" else np.iinfo(np.int64).max, keys)
    chosen = np.argpartition(keys, count - 1)[:count]
    threshold = keys[chosen].max()
    # A stable sort takes every row below the cut, then the tied ones at it in their order.
    below = np.flatnonzero(keys < threshold)
    tied = np.flatnonzero(keys == threshold)
    tied = tied[~missing[tied]]
    chosen = np.concatenate([below, tied[:count - len(below)]])
    return chosen[np.lexsort((chosen, keys[chosen]))]


SAMPLE = 8192  # keys a sorted head looks at to guess where its rows end


def _below_sampled_cut(keys: Any, missing: Any | None, count: int) -> Any:
    """The present rows whose keys are at or below a cut taken from an evenly spaced sample, so
    that a few times ``count`` rows fall below it: one pass over the column, where a partition
    takes several (a million floats: about 2 ms against 10). They hold the ``count`` smallest
    keys, ties at the cut included, when there are at least ``count`` of them; None when the
    sample guessed too low, or so high that sorting them would cost more than the partition.
    ``missing`` is the missing values' mask, None when there are none."""
    import numpy as np

    step = max(1, len(keys) // SAMPLE)
    sample = keys[::step] if missing is None else keys[::step][~missing[::step]]
    wanted = min(len(sample) - 1, 4 * count * len(sample) // len(keys) + 16)
    if wanted < 0:
        return None
    cut = np.partition(sample, wanted)[wanted]
    chosen = np.flatnonzero(keys <= cut)  # NaN keys (missing floats) are never at or below it
    if missing is not None:
        chosen = chosen[~missing[chosen]]
    if not count <= len(chosen) <= 64 * count + 4096:
        return None
    return chosen


def reversed_ranks(series: Any, ranks: Any) -> Any:
    """``sort_ranks(series, not ascending)`` from ``sort_ranks(series, ascending)``, in one pass:
    the present rows backwards, the missing ones still last in their own order. None where two
    values tie (a stable sort keeps tied rows in their order both ways) or the column is not numeric."""
    import numpy as np

    values = series.to_numpy()
    if values.dtype.kind not in "iufmM":
        return None
    missing = int(_sort_keys(values, True)[1].sum())
    present = ranks[:len(ranks) - missing][::-1]
    ordered = values[present]
    if len(ordered) > 1 and bool((ordered[1:] == ordered[:-1]).any()):
        return None
    return np.concatenate([present, ranks[len(ranks) - missing:]])


def _sort_keys(values: Any, ascending: bool) -> tuple[Any, Any]:
    """A numeric, boolean or time array's sort keys in that direction (an order-reversing key
    keeps ties in their order, as a stable sort must) and its missing values' mask."""
    import numpy as np

    if values.dtype.kind in "mM":
        keys, missing = values.view("i8"), np.isnat(values)
    elif values.dtype.kind == "f":
        keys, missing = values, np.isnan(values)
    else:
        keys, missing = values, np.zeros(len(values), dtype=bool)
    if not ascending:
        keys = -keys if keys.dtype.kind == "f" else ~keys.astype(np.int64)
    return keys, missing


def _stable_argsort(keys: Any) -> Any:
    """``np.argsort(keys, kind="stable")``, sooner: a quicksort is four times faster on a million
    floats and gives the same order wherever no two keys tie, which one pass over the sorted
    keys tells (missing values aside: the caller puts those last in their own order)."""
    import numpy as np

    order = np.argsort(keys, kind="quicksort")
    ordered = keys[order]
    if len(ordered) > 1 and bool((ordered[1:] == ordered[:-1]).any()):
        order = np.argsort(keys, kind="stable")
    return order


def contains(values: Any, search: str) -> Any:
    """A boolean array: each value's text holds ``search``, ignoring case."""
    try:
        import pyarrow as pa
        import pyarrow.compute as pc
    except ImportError:
        pa = None
    if pa is not None:
        try:
            array = pa.array(values, from_pandas=True)
            if not pa.types.is_string(array.type) and not pa.types.is_large_string(array.type):
                array = pc.cast(array, pa.string())
            return pc.fill_null(pc.match_substring(array, search, ignore_case=True), False).to_numpy(
                zero_copy_only=False)
        except (pa.ArrowInvalid, pa.ArrowTypeError, pa.ArrowNotImplementedError, TypeError, ValueError):
            pass
    return values.astype(str).str.contains(search, case=False, regex=False, na=False).to_numpy()


def _text(value: Any) -> str | None:
    return None if value is None or value == "" else str(value)


def cell(value: Any, kind: str) -> Any:
    """One value as JSON the browser draws: numbers, booleans, ISO dates, lists, text; NaN is None."""
    if value is None:
        return None
    if isinstance(value, float):
        return None if math.isnan(value) else value if math.isfinite(value) else ("∞" if value > 0 else "-∞")
    if isinstance(value, (bool, int, str)):
        return value
    if hasattr(value, "isoformat"):  # datetime, date, time, Timestamp
        try:
            import pandas as pd

            if value is pd.NaT:
                return None
        except ImportError:
            pass
        if isinstance(value, dt.datetime) or type(value).__name__ == "Timestamp":
            return value.isoformat(sep=" ")
        return value.isoformat()
    if hasattr(value, "item") and getattr(value, "ndim", 1) == 0:  # numpy scalars
        return cell(value.item(), kind)
    if isinstance(value, dict):
        return {str(k): cell(v, "object") for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)) or hasattr(value, "tolist"):
        items = value.tolist() if hasattr(value, "tolist") else list(value)
        return [cell(v, "object") for v in items]
    if isinstance(value, (bytes, bytearray)):
        return value.decode("utf-8", "replace")
    if type(value).__name__ in ("Timedelta", "timedelta"):
        return str(value)
    if type(value).__name__ == "NAType":
        return None
    try:
        number = float(value)  # Decimal, Fraction
        return number if math.isfinite(number) else None
    except (TypeError, ValueError):
        return str(value)


def column_kind(series: Any) -> str:
    import pandas as pd

    t = series.dtype
    if pd.api.types.is_bool_dtype(t):
        return "bool"
    if pd.api.types.is_integer_dtype(t):
        return "int"
    if pd.api.types.is_float_dtype(t) or pd.api.types.is_complex_dtype(t):
        return "float"
    if pd.api.types.is_datetime64_any_dtype(t):
        return "datetime"
    if pd.api.types.is_timedelta64_dtype(t):
        return "timedelta"
    if isinstance(t, pd.CategoricalDtype) or pd.api.types.is_string_dtype(t) and t != object:
        return "text"
    sample = series.dropna().head(20).tolist()
    if sample and all(isinstance(v, dt.datetime) for v in sample):
        return "datetime"
    if sample and all(isinstance(v, dt.date) for v in sample):
        return "date"
    if sample and all(isinstance(v, dt.time) for v in sample):
        return "time"
    if sample and all(isinstance(v, bool) for v in sample):
        return "bool"
    if sample and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in sample):
        return "float" if any(isinstance(v, float) for v in sample) else "int"
    if sample and all(isinstance(v, (list, tuple)) or hasattr(v, "tolist") and getattr(v, "ndim", 0) == 1
                      for v in sample):
        return "list"
    if sample and all(isinstance(v, dict) for v in sample):
        return "object"
    return "text"


class TableStore:
    """A session's tables, by place and by token (the script thread writes, the server reads)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._by_place: dict[str, Table] = {}
        self._by_token: dict[str, Table] = {}

    def keep(self, place: str, table: Table, same: Any) -> Table:
        """Keep ``table`` for ``place``; when ``same(old)`` says the table there shows the same,
        the old one stays (with its token and its cached orders)."""
        with self._lock:
            old = self._by_place.get(place)
            if old is not None and same(old):
                return old
            table.token = secrets.token_urlsafe(16)
            self._by_place.pop(place, None)  # to the end: newest last
            self._by_place[place] = table
            self._by_token[table.token] = table
            while len(self._by_place) > KEPT_PER_SESSION:
                dropped = self._by_place.pop(next(iter(self._by_place)))
                self._by_token.pop(dropped.token, None)
            live = {t.token for t in self._by_place.values()}
            for token in [t for t in self._by_token if t not in live]:
                del self._by_token[token]
            return table

    def get(self, token: str) -> Table | None:
        with self._lock:
            return self._by_token.get(token)


TABLES = StashKey[TableStore]("dataframe.tables")


def store_of(session: Any) -> TableStore:
    store = session.stash.get(TABLES)
    if store is None:
        store = session.stash.setdefault(TABLES, TableStore())
    return store
