"""``st.dataframe``: a table in a scrolling grid, sortable, searchable, downloadable.

A frame of up to INLINE_ROWS rows travels whole with the element; a larger one
sends its first HEAD_ROWS and the browser asks the server for the windows it
scrolls to (``_frames.py``). Sorting, search and the CSV download run on the
server over the whole frame either way.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, Literal

from appcore.plugin import (
    Container,
    Key,
    StreamlitIncompatibleParametersError,
    StreamlitValueError,
    add_element,
    check_height,
    check_width,
    current_run,
    input_widget,
    next_place,
    to_dataframe,
)

from ._columns import build_table
from ._frames import Table, store_of
from ._selection import ROW_MODES, DataframeState, SelectionCodec, normalize_modes

__all__ = ["dataframe"]

INLINE_ROWS = 1000   # a frame this long or shorter travels whole
HEAD_ROWS = 100      # what a longer one sends with the element, for its first paint


def same_table(new: Table) -> Any:
    """Whether a kept table shows what ``new`` shows (then its token, and the element, stay)."""
    def same(old: Table) -> bool:
        if old.columns != new.columns:
            return False
        if (old.display is None) != (new.display is None):
            return False
        if old.frame is not new.frame:
            if old.frame.shape != new.frame.shape or not old.frame.columns.equals(new.frame.columns) \
                    or not old.frame.index.equals(new.frame.index):
                return False
            try:
                if not old.frame.equals(new.frame):
                    return False
            except (TypeError, ValueError):
                return False
        if new.display is not None and not (old.display.equals(new.display) and old.styles.equals(new.styles)):
            return False
        return True
    return same


def keep_table(table: Table) -> Table:
    """Keep the table in the session, by the place it is drawn at."""
    session = current_run().session
    return store_of(session).keep(repr(next_place()), table, same_table(table))


def table_props(table: Table, *, inline_rows: int = INLINE_ROWS, head_rows: int = HEAD_ROWS) -> dict[str, Any]:
    total = len(table.frame)
    shown = total if total <= inline_rows else head_rows
    first = table.window(0, shown, None, "")
    columns = [{"name": c.name, "label": c.label, "kind": c.kind, "index": c.is_index, **c.config}
               for c in table.columns]
    props: dict[str, Any] = {"token": table.token, "total_rows": total, "columns": columns,
                             "rows": first["rows"], "windowed": total > inline_rows}
    for name in ("display", "styles"):
        if name in first:
            props[name] = first[name]
    return props


def grid_size(width: Any, height: Any, use_container_width: bool | None) -> tuple[Any, Any]:
    """A grid's width and height checked as Streamlit checks them (``use_container_width``: 1.67's
    deprecated spelling of ``width``)."""
    if use_container_width is not None:
        width = "stretch" if use_container_width else width if isinstance(width, int) else "content"
    width = check_width(width, allow_content=True)
    if height != "auto":
        height = check_height(height, allow_content=True)
    return width, height


def _has_range_index(data: Any) -> bool:
    import pandas as pd

    try:
        return isinstance(to_dataframe(data).index, pd.RangeIndex)
    except TypeError:
        return False


def dataframe(
    data: Any = None,
    width: int | Literal["stretch", "content"] = "stretch",
    height: int | Literal["auto", "content", "stretch"] = "auto",
    *,
    use_container_width: bool | None = None,
    hide_index: bool | None = None,
    column_order: Iterable[str] | None = None,
    column_config: Mapping[Any, Any] | None = None,
    key: Key | None = None,
    on_select: Any = "ignore",
    selection_mode: str | Iterable[str] = "multi-row",
    selection_default: Any = None,
    row_height: int | None = None,
    placeholder: str | None = None,
    lazy: bool | None = None,
    alt: str | None = None,
) -> Container | DataframeState:
    """Display a dataframe as an interactive table: pandas (DataFrame, Series, Index, Styler),
    numpy, dict, list, pyarrow, polars, or anything with ``to_pandas()`` or ``__dataframe__``.
    Large frames are windowed on the server (``lazy`` is accepted and changes nothing).
    With ``on_select="rerun"`` (or a callback) it returns the selection: ``event.selection.rows``
    (positions in ``data``), ``.columns`` (names), ``.cells`` ((row, name) tuples)."""
    selecting = on_select != "ignore"
    if selection_default is not None and not selecting:
        raise StreamlitIncompatibleParametersError(
            "selection_default", "on_select='ignore'",
            explanation="Set `on_select` to `'rerun'` or a callback to use `selection_default`.")
    if not (on_select in ("ignore", "rerun") or callable(on_select)):
        raise StreamlitValueError("on_select", ["'ignore'", "'rerun'", "a callback function"])
    modes = normalize_modes(selection_mode) if selecting else set()
    width, height = grid_size(width, height, use_container_width)
    if hide_index is None and modes & ROW_MODES and _has_range_index(data):
        hide_index = True  # Streamlit hides a plain row number next to the row checkboxes
    table = keep_table(build_table(data, hide_index=hide_index, column_order=column_order,
                                   column_config=column_config))
    props = table_props(table)
    props.update(width=width, height=height, row_height=row_height, placeholder=placeholder,
                 alt=(alt or "").strip() or None)
    if selecting:
        names = [c.name for c in table.columns if not c.is_index]
        codec = SelectionCodec(modes, len(table.frame), names, selection_default)
        params = {"key": key, "on_change": on_select, "width": width}
        return input_widget("dataframe", params, codec, props=props, content_width=True, id_parts={
            "columns": names, "selection_mode": sorted(modes), "token": table.token}).value
    return add_element("dataframe", props, key=None if key is None else str(key))
