"""The table ``st.write`` draws for a DataFrame, Series, Index or array.

A first, simple element: an HTML table of the first MAX_ROWS rows. It is not
(yet) the public ``st.dataframe``, which wants a virtual-scrolling grid fed by
windows of rows from the server (DESIGN.md, section 6).
"""
from __future__ import annotations

from typing import Any

from appcore.plugin import Container, add_element, to_dataframe

from ._display import json_safe

__all__: list[str] = []
ELEMENT_TYPES = {"dataframe": "dataframe"}

MAX_ROWS = 1000


def _label(value: Any) -> Any:
    if isinstance(value, tuple):
        return [json_safe(v) for v in value]
    return json_safe(value)


def dataframe_props(data: Any, max_rows: int = MAX_ROWS) -> dict[str, Any]:
    import pandas as pd

    frame = to_dataframe(data)
    head = frame.iloc[:max_rows]
    columns = [" / ".join(map(str, c)) if isinstance(c, tuple) else str(c) for c in head.columns]
    return {
        "columns": columns,
        "index": [_label(i) for i in head.index],
        "index_names": [None if n is None else str(n) for n in head.index.names],
        "rows": [[json_safe(v) for v in row] for row in head.itertuples(index=False, name=None)],
        "numeric": [bool(pd.api.types.is_numeric_dtype(t) and not pd.api.types.is_bool_dtype(t))
                    for t in head.dtypes],
        "total_rows": len(frame),
    }


def frame_from_props(props: dict[str, Any]) -> Any:
    """The table as AppTest reads it: a DataFrame of the rows sent."""
    import pandas as pd

    return pd.DataFrame(props["rows"], columns=props["columns"], index=props["index"])


TEST_VALUES = {"dataframe": frame_from_props}


def dataframe(data: Any) -> Container:
    return add_element("dataframe", dataframe_props(data))
