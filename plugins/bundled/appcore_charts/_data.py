"""A chart's data: what the user passes, as a DataFrame, and as the columns the page gets.

The browser gets each dataset column by column (one JSON list per column, far smaller
than a list of row objects), a text column of few distinct values as codes into its
labels, dates as epoch milliseconds (what Vega's temporal fields take).
"""
from __future__ import annotations

import datetime as dt
import hashlib
from typing import Any

import orjson

# The conversion every table-taking element uses (appcore.plugin): the charts take the same inputs.
from appcore.plugin import to_dataframe

__all__ = ["to_frame", "encode_dataset", "thin_lines"]

# Above this many rows a line is drawn from its M4 points (thin_lines).
THIN_ABOVE = 10_000
BUCKETS = 2_000  # x buckets per line: a chart narrower than this many pixels draws the same lines
# A thinned line chart's hover layer (the nearest point under the pointer) takes one of its
# points in this many: still about one a pixel column on a 1,000-pixel chart, and Vega's
# hover machinery, most of the time a 100,000-point chart takes to draw, works on an eighth.
HOVER_STEP = 8


def to_frame(data: Any) -> Any:
    """The user's data as a DataFrame with string column names, as Streamlit's charts see it:
    a flat list or 1-D array is one column named "value"."""
    import numpy as np
    import pandas as pd

    if data is None:
        return pd.DataFrame()
    if (isinstance(data, (list, tuple)) and data and not isinstance(data[0], (list, tuple, dict))) or (
            isinstance(data, np.ndarray) and data.ndim == 1):
        return pd.DataFrame({"value": data})
    frame = to_dataframe(data)
    if not all(isinstance(c, str) for c in frame.columns):
        frame = frame.set_axis([str(c) for c in frame.columns], axis=1)
    return frame


def _column(series: Any) -> Any:
    import pandas as pd

    if pd.api.types.is_datetime64_any_dtype(series):
        if getattr(series.dt, "tz", None) is not None:
            series = series.dt.tz_convert("UTC").dt.tz_localize(None)
        millis = series.astype("datetime64[ms]").astype("int64").astype(object)
        return millis.where(series.notna(), None).tolist()
    if pd.api.types.is_timedelta64_dtype(series):
        return (series.dt.total_seconds() * 1000).astype(object).where(series.notna(), None).tolist()
    if pd.api.types.is_bool_dtype(series) or pd.api.types.is_integer_dtype(series) and not series.hasnans:
        return series.tolist()
    if pd.api.types.is_numeric_dtype(series):
        values = series.astype("float64")
        return values.astype(object).where(values.notna(), None).tolist()
    codes, labels = pd.factorize(series, use_na_sentinel=True)
    labels = [_scalar(v) for v in labels]
    if len(labels) * 2 <= len(series):  # few distinct values: codes into labels (-1 for a missing one)
        return {"codes": codes.tolist(), "labels": labels}
    return [None if c < 0 else labels[c] for c in codes]


def _scalar(value: Any) -> Any:
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    if isinstance(value, (dt.datetime, dt.date, dt.time)):
        return value.isoformat()
    if hasattr(value, "item"):
        return value.item()
    return str(value)


def encode_dataset(frame: Any) -> dict[str, Any]:
    """``{"name", "columns", "values"}``; the name is a digest of the contents, as
    Streamlit names its datasets, so an unchanged dataset is recognised."""
    columns = [str(c) for c in frame.columns]
    values = [_column(frame.iloc[:, i]) for i in range(len(columns))]
    digest = hashlib.md5(orjson.dumps([columns, values]), usedforsecurity=False).hexdigest()
    return {"name": digest, "columns": columns, "values": values}


def thin_lines(frame: Any, x_field: str, y_field: str, series_field: str | None) -> Any:
    """The rows of a long line chart that draw it: per line and per x bucket, the first, the last,
    the lowest and the highest point (M4, Jugel et al. 2014). At one bucket per pixel column
    or finer the drawn lines are the same; a 100,000-point chart is drawn from 8,000 points,
    in a few milliseconds instead of seconds of Vega's dataflow. Frames with missing x or
    y values (gaps in the line) and text x axes are kept whole."""
    import numpy as np
    import pandas as pd

    if len(frame) <= THIN_ABOVE:
        return frame
    x, y = frame[x_field], frame[y_field]
    if not (pd.api.types.is_numeric_dtype(y) and (pd.api.types.is_numeric_dtype(x)
                                                   or pd.api.types.is_datetime64_any_dtype(x))):
        return frame
    if pd.api.types.is_bool_dtype(x) or x.isna().any() or y.isna().any():
        return frame
    xs = x.to_numpy().view("i8") if x.dtype.kind == "M" else x.to_numpy(dtype="float64")
    low, high = xs.min(), xs.max()
    if low == high:
        return frame
    bucket = ((xs - low) / (high - low) * (BUCKETS - 1)).astype(np.int64)
    key = bucket if series_field is None else pd.factorize(frame[series_field])[0] * BUCKETS + bucket
    points = pd.DataFrame({"key": key, "x": xs, "y": y.to_numpy(dtype="float64")})
    grouped = points.groupby("key", sort=False)
    keep = np.unique(np.concatenate([grouped[column].idxmin().to_numpy() for column in ("x", "y")]
                                    + [grouped[column].idxmax().to_numpy() for column in ("x", "y")]))
    return frame.iloc[keep]
