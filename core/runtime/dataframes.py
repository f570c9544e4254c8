"""Dataframe-like values, as Streamlit reads them: what counts as a table (pandas, numpy,
polars, pyarrow) and the pandas DataFrame it becomes. pandas is imported only for a value
that is a table."""
from __future__ import annotations

from typing import Any


def is_dataframe_like(obj: Any) -> bool:
    """A table Streamlit draws or sends as one: a pandas DataFrame, Series, Index, extension
    array or Styler, a 1- or 2-dimensional numpy array, a polars or pyarrow table (anything of
    theirs with ``to_pandas``); never a plain collection."""
    if obj is None or isinstance(obj, (tuple, set, str, bytes, bytearray, int, float, bool, dict, list)):
        return False
    module = type(obj).__module__ or ""
    if module.startswith("pandas"):
        import pandas as pd

        return isinstance(obj, (pd.DataFrame, pd.Series, pd.Index, pd.api.extensions.ExtensionArray)) \
            or type(obj).__name__ == "Styler"
    if module == "numpy":
        return getattr(obj, "ndim", 0) in (1, 2)
    return module.startswith(("polars", "pyarrow")) and callable(getattr(obj, "to_pandas", None))


def to_dataframe(data: Any) -> Any:
    """``data`` as a pandas DataFrame, as Streamlit converts it: a Series is its one column, an
    Index its values in a column, a Styler its data, a polars or pyarrow table through
    ``to_pandas``, a frame of the dataframe interchange protocol through pandas."""
    import pandas as pd

    if isinstance(data, pd.DataFrame):
        return data
    if isinstance(data, pd.Series):
        return data.to_frame()
    if isinstance(data, pd.Index):
        return data.to_frame(index=False)
    if type(data).__name__ == "Styler" and hasattr(data, "data"):
        return data.data
    if callable(getattr(data, "to_pandas", None)):
        return to_dataframe(data.to_pandas())
    if hasattr(data, "__dataframe__"):
        return pd.api.interchange.from_dataframe(data)
    return pd.DataFrame(data)
