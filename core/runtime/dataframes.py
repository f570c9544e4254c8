"""Tables as Streamlit takes them: what counts as a dataframe, and a pandas DataFrame of it.

Every element that takes ``data`` (``st.dataframe``, ``st.table``, ``st.write``,
charts, components) asks these two functions, so a polars frame or a numpy
array means the same thing everywhere. pandas is imported on first use.
"""
from __future__ import annotations

import warnings
from collections.abc import Iterable, Mapping
from typing import Any

__all__ = ["is_dataframe_like", "to_dataframe"]

_TABLE_MODULES = ("pandas", "numpy", "pyarrow", "polars", "modin", "dask", "pyspark", "snowflake", "xarray")


def is_dataframe_like(obj: Any) -> bool:
    """True for what Streamlit draws as a table when written: a pandas DataFrame, Series, Index
    or Styler, a 1-D/2-D numpy array, a pyarrow or polars table, anything with ``to_pandas()``
    or the dataframe interchange protocol. Plain lists, dicts and scalars are not."""
    if obj is None or isinstance(obj, (tuple, set, frozenset, str, bytes, bytearray, int, float, bool, list, dict)):
        return False
    module = type(obj).__module__ or ""
    if module.startswith("pandas"):
        return type(obj).__name__ in ("DataFrame", "Series", "Index", "Styler") \
            or hasattr(obj, "dtype") and hasattr(obj, "__len__")
    if module.startswith("numpy"):
        return getattr(obj, "ndim", 0) in (1, 2)
    if module.startswith(_TABLE_MODULES):
        return callable(getattr(obj, "to_pandas", None)) or hasattr(obj, "__dataframe__")
    return hasattr(obj, "__dataframe__") or hasattr(obj, "__arrow_c_stream__")


def to_dataframe(data: Any) -> Any:
    """``data`` as a pandas DataFrame, by Streamlit 1.67's rules: a Series or an Index is one
    column, a 1-D array or a plain list is the column ``value``, a dict of scalars is the column
    ``value`` indexed by its keys, a dict of lists or a list of dicts/rows is columns; a Styler
    gives its data. Raises ``TypeError`` naming the type for what is no table (a string)."""
    import pandas as pd

    if data is None:
        return pd.DataFrame()
    if isinstance(data, pd.DataFrame):
        return data
    if isinstance(data, pd.Series):
        return data.to_frame()
    if isinstance(data, pd.Index):
        return data.to_frame(index=False)
    if type(data).__name__ == "Styler" and isinstance(getattr(data, "data", None), pd.DataFrame):
        return data.data
    if isinstance(data, (str, bytes, bytearray)) or not _iterable_or_table(data):
        raise TypeError(f"Unable to convert object of type `{type(data)}` to `pandas.DataFrame`.")
    module = type(data).__module__ or ""
    if module.startswith("numpy"):
        if data.ndim == 1:
            return pd.DataFrame({"value": data})
        return pd.DataFrame(data)
    if callable(getattr(data, "to_pandas", None)):
        return to_dataframe(data.to_pandas())
    if hasattr(data, "__arrow_c_stream__"):  # the Arrow PyCapsule interface
        import pyarrow as pa

        return pa.table(data).to_pandas()
    if hasattr(data, "__dataframe__"):
        with warnings.catch_warnings():  # pandas 3 deprecates the protocol; it still reads it
            warnings.simplefilter("ignore")
            return pd.api.interchange.from_dataframe(data)
    if isinstance(data, Mapping):
        values = list(data.values())
        if values and all(_scalar(v) for v in values):
            return pd.DataFrame({"value": values}, index=list(data.keys()))
        return pd.DataFrame(data)
    items = list(data)
    if items and all(_scalar(v) for v in items):
        return pd.DataFrame({"value": items})
    return pd.DataFrame(items)


def _iterable_or_table(data: Any) -> bool:
    return isinstance(data, (Iterable, Mapping)) or callable(getattr(data, "to_pandas", None)) \
        or hasattr(data, "__dataframe__") or hasattr(data, "__arrow_c_stream__")


def _scalar(value: Any) -> bool:
    return value is None or isinstance(value, (str, bytes, int, float, bool, complex)) \
        or getattr(value, "ndim", None) == 0
