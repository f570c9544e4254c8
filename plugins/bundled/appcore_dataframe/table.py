"""``st.table``: a static table, every row on the page, as Streamlit 1.67 draws it.

Borders all round, none, or ``"horizontal"`` only; a plain row-number index and
the header of header-less data (a list, a numpy array, a dict of values) are
hidden unless told otherwise. A Styler's display text and colours are kept.
"""
from __future__ import annotations

from typing import Any, Literal

from appcore.plugin import Container, StreamlitValueError, add_element, check_height, check_width, to_dataframe

from ._columns import build_table, is_styler
from .dataframe import keep_table

__all__ = ["table"]


def _headerless(data: Any) -> bool:
    """Streamlit's formats drawn without a header: values, rows and arrays, not tables."""
    if isinstance(data, (list, tuple, set, frozenset)):
        items = list(data)
        return not (items and all(isinstance(i, dict) for i in items))
    if isinstance(data, dict):
        return bool(data) and not any(isinstance(v, (list, tuple, dict)) or hasattr(v, "__len__")
                                      and not isinstance(v, str) for v in data.values())
    module = type(data).__module__ or ""
    return module.startswith(("numpy", "pandas.core.arrays")) or \
        module.startswith("pyarrow") and type(data).__name__ in ("Array", "ChunkedArray")


def table(
    data: Any = None,
    *,
    border: bool | Literal["horizontal"] = True,
    width: int | Literal["stretch", "content"] = "stretch",
    height: int | Literal["content", "stretch"] = "content",
    hide_index: bool | None = None,
    hide_header: bool | None = None,
    alt: str | None = None,
) -> Container:
    """Display a static table: every row, no sorting or scrolling of its own (a fixed
    ``height`` scrolls it)."""
    import pandas as pd

    width = check_width(width, allow_content=True)
    height = check_height(height, allow_content=True)
    if isinstance(border, bool):
        border_mode = "all" if border else "none"
    elif border == "horizontal":
        border_mode = "horizontal"
    else:
        raise StreamlitValueError("border", ["True", "False", "'horizontal'"])
    if hide_index is None:
        frame = to_dataframe(data.data if is_styler(data) else data) if data is not None else pd.DataFrame()
        hide_index = isinstance(frame.index, pd.RangeIndex)
    if hide_header is None:
        hide_header = _headerless(data)
    kept = keep_table(build_table(data, hide_index=hide_index, column_order=None, column_config=None))
    positions = list(range(len(kept.frame)))
    rows = {"rows": kept.rows(positions), **kept.styled(positions)}
    props: dict[str, Any] = {
        "token": kept.token, "columns": [{"label": c.label, "kind": c.kind, "index": c.is_index}
                                         for c in kept.columns],
        "rows": rows["rows"], "border": border_mode, "hide_header": bool(hide_header),
        "width": width, "height": height, "alt": (alt or "").strip() or None,
    }
    for name in ("display", "styles"):
        if name in rows:
            props[name] = rows[name]
    return add_element("table", props)
