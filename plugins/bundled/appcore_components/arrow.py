"""Dataframes to and from the three Arrow IPC streams of Streamlit's component protocol.

A table travels as ``{data, index, columns}``: the values, the index labels and
the column labels, each its own Arrow IPC stream (what the component library's
``ArrowTable`` reads and ``serialize()`` writes). pyarrow is needed only when a
dataframe crosses the bridge.
"""
from __future__ import annotations

from typing import Any

from appcore.plugin import AppcoreAPIError, to_dataframe
from appcore.plugin import is_dataframe_like as _is_table

PYARROW_MISSING = (
    "To pass a dataframe to or from a custom component, install PyArrow: `pip install pyarrow`.")


def _pyarrow() -> Any:
    try:
        import pyarrow
    except ImportError:
        raise AppcoreAPIError(PYARROW_MISSING) from None
    return pyarrow


def is_dataframe_like(obj: Any) -> bool:
    """What Streamlit sends as a dataframe argument: a table (``appcore.plugin.is_dataframe_like``)
    or a mapping of column name to Series."""
    if isinstance(obj, dict):
        return bool(obj) and all(type(v).__module__.startswith("pandas") and type(v).__name__ == "Series"
                                 for v in obj.values())
    return _is_table(obj)


def _stream(frame: Any) -> bytes:
    pa = _pyarrow()
    table = pa.Table.from_pandas(frame)
    sink = pa.BufferOutputStream()
    with pa.ipc.new_stream(sink, table.schema) as writer:
        writer.write_table(table)
    return sink.getvalue().to_pybytes()


def _labels(labels: Any) -> Any:
    import pandas as pd

    return pd.DataFrame([list(v) if isinstance(v, tuple) else v for v in labels])


def table_to_ipc(data: Any) -> bytes:
    """One Arrow IPC stream of anything dataframe-like, its index kept as pandas metadata."""
    return _stream(to_dataframe(data))


def dataframe_to_ipc(data: Any) -> dict[str, bytes]:
    """``{data, index, columns}`` Arrow IPC streams of anything dataframe-like, as Streamlit sends them."""
    frame = to_dataframe(data)
    return {"data": _stream(frame), "index": _stream(_labels(frame.index)),
            "columns": _stream(_labels(frame.columns))}


def _read(blob: bytes) -> Any:
    pa = _pyarrow()
    return pa.ipc.open_stream(pa.py_buffer(blob)).read_all().to_pandas()


def _axis(labels: Any, length: int) -> Any:
    import pandas as pd

    if len(labels) != length or labels.shape[1] == 0:
        return None
    if labels.shape[1] == 1:
        return pd.Index(labels.iloc[:, 0].tolist())
    return pd.MultiIndex.from_arrays([labels[c].tolist() for c in labels.columns])


def ipc_to_dataframe(data: bytes, index: bytes, columns: bytes) -> Any:
    """The pandas DataFrame a component sent with ``ArrowTable.serialize()``."""
    frame = _read(data)
    rows, names = _axis(_read(index), len(frame)), _axis(_read(columns), frame.shape[1])
    if rows is not None:
        frame.index = rows
    if names is not None:
        frame.columns = names
    return frame
