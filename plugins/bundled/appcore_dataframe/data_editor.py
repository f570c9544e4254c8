"""``st.data_editor``: the grid of ``st.dataframe`` with editable cells, rows to add and delete.

The widget's value is Streamlit's edit record, kept in ``st.session_state[key]``:
``{"edited_rows": {position: {column: value}}, "added_rows": [{column: value}],
"deleted_rows": [position]}`` (positions in the input). Each run applies it to
the input and returns the result in the input's type. Every value from the
page is checked against its column (type, options, bounds, ``disabled``).
"""
from __future__ import annotations

import datetime as dt
import hashlib
import math
import re
from collections.abc import Iterable, Mapping
from typing import Any, Literal

from appcore.plugin import (
    Args,
    Codec,
    Key,
    Kwargs,
    StreamlitValueError,
    input_widget,
    read_only_error,
)

from ._columns import build_table, is_styler
from ._frames import Column, Table
from .dataframe import grid_size, keep_table, table_props

__all__ = ["data_editor"]

NUM_ROWS = ("fixed", "dynamic", "add", "delete")
MAX_ADDED_ROWS = 10_000


def _number(value: Any, kind: str, config: Mapping[str, Any]) -> Any:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise ValueError(f"{value!r} is not a number")
    tc = config.get("type_config") or {}
    low, high = tc.get("min_value"), tc.get("max_value")
    if low is not None and value < low or high is not None and value > high:
        raise ValueError(f"{value!r} is outside [{low}, {high}]")
    if kind == "int":
        if value != int(value):
            raise ValueError(f"{value!r} is not a whole number")
        return int(value)
    return float(value)


def parse_cell(value: Any, column: Column) -> Any:
    """One value from the page for ``column``, as the column's Python type; ValueError if it is not one."""
    if value is None:
        if column.config.get("required"):
            raise ValueError(f"column {column.name!r} requires a value")
        return None
    kind, config = column.kind, column.config
    tc = config.get("type_config") or {}
    options = tc.get("options")
    if tc.get("type") == "selectbox" and options is not None:
        if value not in [o["value"] for o in options]:
            raise ValueError(f"{value!r} is not an option of {column.name!r}")
        return value
    if kind in ("int", "float"):
        return _number(value, kind, config)
    if kind == "bool":
        if not isinstance(value, bool):
            raise ValueError(f"{value!r} is not true or false")
        return value
    if kind in ("datetime", "date", "time"):
        if not isinstance(value, str):
            raise ValueError(f"{value!r} is not an ISO date or time")
        if kind == "date":
            return dt.date.fromisoformat(value[:10])
        if kind == "time":
            return dt.time.fromisoformat(value)
        import pandas as pd

        return pd.Timestamp(value)
    if kind == "list":
        if not isinstance(value, list) or not all(isinstance(v, (str, int, float, bool)) for v in value):
            raise ValueError(f"{value!r} is not a list of values")
        return value
    if not isinstance(value, str):
        raise ValueError(f"{value!r} is not text")
    max_chars = tc.get("max_chars")
    if max_chars is not None and len(value) > max_chars:
        raise ValueError(f"{value!r} is longer than {max_chars} characters")
    if tc.get("validate") and not _matches(tc["validate"], value):
        raise ValueError(f"{value!r} does not match {column.name!r}'s pattern {tc['validate']!r}")
    return value


def _matches(pattern: str, text: str) -> bool:
    """A TextColumn's ``validate``, tested as the page tests it (a search; a pattern Python
    cannot compile lets everything through, as one JavaScript cannot does there)."""
    try:
        return re.search(pattern, text) is not None
    except re.error:
        return True


class EditCodec(Codec):
    """The edit record; only what the column definitions allow is taken."""

    def __init__(self, table: Table, num_rows: str, locked: set[str], key: str | None):
        self.total = len(table.frame)
        self.by_name = {c.name: c for c in table.columns}
        self.editable = {c.name for c in table.columns if not c.is_index and c.name not in locked
                         and not c.config.get("disabled") and c.kind != "object"}
        self.index_editable = {c.name for c in table.columns if c.is_index and num_rows in ("dynamic", "add")}
        self.adds = num_rows in ("dynamic", "add")
        self.deletes = num_rows in ("dynamic", "delete")
        self.key = key
        self.default = {"edited_rows": {}, "added_rows": [], "deleted_rows": []}

    def parse(self, raw: Any) -> dict[str, Any]:
        if not isinstance(raw, dict) or set(raw) - {"edited_rows", "added_rows", "deleted_rows"}:
            raise ValueError("an edit record is {edited_rows, added_rows, deleted_rows}")
        edited: dict[int, dict[str, Any]] = {}
        for row, changes in (raw.get("edited_rows") or {}).items():
            position = int(row)
            if not 0 <= position < self.total or not isinstance(changes, dict):
                raise ValueError(f"no row {row!r} to edit")
            edited[position] = {}
            for name, value in changes.items():
                if name not in self.editable:
                    raise ValueError(f"column {name!r} cannot be edited")
                edited[position][name] = parse_cell(value, self.by_name[name])
        added = raw.get("added_rows") or []
        if added and not self.adds or not isinstance(added, list) or len(added) > MAX_ADDED_ROWS:
            raise ValueError("rows cannot be added here")
        rows = []
        for row in added:
            if not isinstance(row, dict):
                raise ValueError("an added row is {column: value}")
            parsed = {}
            for name, value in row.items():
                if name not in self.editable and name not in self.index_editable:
                    raise ValueError(f"column {name!r} cannot be set")
                parsed[name] = parse_cell(value, self.by_name[name])
            rows.append(parsed)
        deleted = raw.get("deleted_rows") or []
        if deleted and not self.deletes or not isinstance(deleted, list) \
                or not all(type(p) is int and 0 <= p < self.total for p in deleted):
            raise ValueError("rows cannot be deleted here")
        return {"edited_rows": edited, "added_rows": rows, "deleted_rows": sorted(set(deleted))}

    def to_json(self, value: Any) -> Any:
        from ._frames import cell

        return {"edited_rows": {str(p): {n: cell(v, "object") for n, v in changes.items()}
                                for p, changes in value["edited_rows"].items()},
                "added_rows": [{n: cell(v, "object") for n, v in row.items()} for row in value["added_rows"]],
                "deleted_rows": list(value["deleted_rows"])}

    def keep(self, stored: Any, by_user: bool) -> Any:
        if by_user:
            raise read_only_error(self.key or "")
        return self.parse(self.to_json(stored))

    def returned(self, value: Any) -> Any:
        return value  # the record itself stays in session_state; the call returns the edited data


def apply_edits(table: Table, record: Mapping[str, Any]) -> Any:
    """The input with the record applied: cells, then deletions, then added rows."""
    import pandas as pd

    frame = table.frame.copy()
    by_name = {c.name: c for c in table.columns}
    for position, changes in record["edited_rows"].items():
        for name, value in changes.items():
            column = by_name[name]
            series = frame.iloc[:, column.position]
            if value is None and column.kind == "int":
                frame[frame.columns[column.position]] = series.astype("float64")
            elif column.kind == "int" and isinstance(value, float):
                value = int(value)
            frame.iat[position, column.position] = value
    if record["deleted_rows"]:
        frame = frame.drop(frame.index[record["deleted_rows"]])
    for row in record["added_rows"]:
        values = {}
        for c in table.columns:
            if c.is_index:
                continue
            default = (c.config.get("default") if "default" in c.config else None)
            values[frame.columns[c.position]] = row.get(c.name, default)
        label = next((row[c.name] for c in table.columns if c.is_index and c.name in row), None)
        if label is None:
            if isinstance(frame.index, pd.RangeIndex) or len(frame) == 0:
                label = (frame.index.max() + 1) if len(frame) else 0
            elif pd.api.types.is_integer_dtype(frame.index.dtype):
                label = int(frame.index.max()) + 1
            else:
                continue  # Streamlit skips a row it cannot give an index value
        if label in frame.index:
            continue
        for col, value in values.items():  # a missing value widens the column as pandas would
            if value is None and frame[col].dtype.kind in "bi":
                frame[col] = frame[col].astype(object if frame[col].dtype.kind == "b" else "float64")
        frame.loc[label] = [values.get(col) for col in frame.columns]
    return frame


def as_input_type(data: Any, frame: Any) -> Any:
    """The edited frame in the type the script passed, as Streamlit returns it."""
    import pandas as pd

    if data is None or isinstance(data, pd.DataFrame) or is_styler(data):
        return frame
    if isinstance(data, pd.Series):
        return frame.iloc[:, 0]
    if isinstance(data, pd.Index):
        return pd.Index(frame.iloc[:, 0])
    module = type(data).__module__ or ""
    if module.startswith("numpy"):
        return frame["value"].to_numpy() if getattr(data, "ndim", 2) == 1 else frame.to_numpy()
    if module.startswith("pyarrow"):
        import pyarrow as pa

        return pa.Table.from_pandas(frame, preserve_index=False)
    if module.startswith("polars"):
        import polars as pl

        return pl.from_pandas(frame)
    if isinstance(data, dict):
        if list(frame.columns) == ["value"] and not all(isinstance(v, (list, tuple)) for v in data.values()):
            return dict(zip(frame.index, frame["value"].tolist()))
        return {c: frame[c].tolist() for c in frame.columns}
    if isinstance(data, (list, tuple, set)):
        items = list(data)
        if items and all(isinstance(i, dict) for i in items):
            return frame.to_dict("records")
        if list(frame.columns) == ["value"]:
            return frame["value"].tolist()
        return frame.to_numpy().tolist()
    return frame


def data_editor(
    data: Any,
    *,
    width: int | Literal["stretch", "content"] = "stretch",
    height: int | Literal["auto", "content", "stretch"] = "auto",
    use_container_width: bool | None = None,
    hide_index: bool | None = None,
    column_order: Iterable[str] | None = None,
    column_config: Mapping[Any, Any] | None = None,
    num_rows: Literal["fixed", "dynamic", "add", "delete"] = "fixed",
    disabled: bool | Iterable[str | int] = False,
    key: Key | None = None,
    on_change: Any = "rerun",
    args: Args | None = None,
    kwargs: Kwargs | None = None,
    row_height: int | None = None,
    placeholder: str | None = None,
    alt: str | None = None,
) -> Any:
    """Display a table the person can edit; returns the edited data in the input's type and
    keeps the edit record in ``st.session_state[key]``."""
    import pandas as pd

    if num_rows not in NUM_ROWS:
        raise StreamlitValueError("num_rows", [f"'{n}'" for n in NUM_ROWS])
    width, height = grid_size(width, height, use_container_width)
    all_locked = disabled is True
    locked = set() if isinstance(disabled, bool) else {str(d) for d in disabled}
    if hide_index is None and num_rows in ("dynamic", "add"):
        from appcore.plugin import to_dataframe

        hide_index = isinstance(to_dataframe(data.data if is_styler(data) else data).index, pd.RangeIndex) or None
    table = keep_table(build_table(data, hide_index=hide_index, column_order=column_order,
                                   column_config=column_config))
    if locked:  # positions name columns too, as Streamlit takes them
        locked |= {c.name for c in table.columns if not c.is_index and str(c.position) in locked}
    props = table_props(table)
    codec = EditCodec(table, num_rows, locked if not all_locked else {c.name for c in table.columns}, key=None
                      if key is None else str(key))
    props.update(height=height, row_height=row_height, placeholder=placeholder, alt=(alt or "").strip() or None,
                 editing_mode=num_rows, editable=sorted(codec.editable),
                 index_editable=sorted(codec.index_editable))
    params = {"key": key, "on_change": on_change, "args": args, "kwargs": kwargs, "width": width,
              "disabled": all_locked}
    widget = input_widget("data_editor", params, codec, props=props, content_width=True, id_parts={
        "columns": [c.name for c in table.columns], "num_rows": num_rows, "token": table.token,
        "editable": sorted(codec.editable)}, identity=_keyed_identity(table, num_rows, codec))
    return as_input_type(data, apply_edits(table, widget.value))


def _keyed_identity(table: Any, num_rows: str, codec: EditCodec) -> dict[str, Any]:
    """What makes a keyed editor start over with no edits, as in Streamlit 1.67: with a fixed
    number of rows, a change of the data's shape (columns, their kinds, the row count, a
    non-default index, what is editable), so edits live through value changes; with rows to add
    or delete, any change of the data (its token is new), so edits saved back into the data are
    not applied to it a second time."""
    import pandas as pd

    if num_rows != "fixed":
        return {"data": table.token}
    index = table.frame.index
    default_index = isinstance(index, pd.RangeIndex) and index.start == 0 and index.step == 1
    # A digest of the index's values in order, hashed by pandas (a repr would cost seconds a
    # rerun for a million-row index).
    digest = None if default_index else hashlib.blake2b(
        pd.util.hash_pandas_object(index, index=False).to_numpy().tobytes(), digest_size=16).hexdigest()
    return {"columns": [(c.name, c.kind) for c in table.columns], "rows": len(table.frame),
            "index": digest, "editable": sorted(codec.editable)}
