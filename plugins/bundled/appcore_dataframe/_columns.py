"""From what the user passed (data, hide_index, column_order, column_config) to the columns shown."""
from __future__ import annotations

import copy
from collections.abc import Iterable, Mapping
from typing import Any

from appcore.plugin import AppcoreAPIError, StreamlitInvalidParameterTypeError, to_dataframe

from ._frames import Column, Table, column_kind

INDEX = "_index"
_STYLE_PROPERTIES = ("background-color", "background", "color", "font-weight", "font-style",
                     "text-decoration", "text-align", "opacity")


def column_name(label: Any) -> str:
    if isinstance(label, tuple):
        return " / ".join(str(part) for part in label)
    return str(label)


def config_mapping(column_config: Mapping[Any, Any] | None) -> dict[str, dict[str, Any]]:
    """Streamlit's rules: a string is a label, None hides the column, a dict is a config."""
    if column_config is None:
        return {}
    if not isinstance(column_config, Mapping):
        raise StreamlitInvalidParameterTypeError("column_config", type(column_config).__name__, ["dict", "None"])
    out: dict[str, dict[str, Any]] = {}
    for column, config in column_config.items():
        name = column_name(column)
        if config is None:
            out[name] = {"hidden": True}
        elif isinstance(config, str):
            out[name] = {"label": config}
        elif isinstance(config, Mapping):
            out[name] = copy.deepcopy(dict(config))
        else:
            raise StreamlitInvalidParameterTypeError(
                "column_config", type(config).__name__, ["None", "str", "dict"],
                detail=f"Invalid configuration for column `{column}`.")
    return out


def is_styler(data: Any) -> bool:
    return type(data).__name__ == "Styler" and type(data).__module__.startswith("pandas")


def build_table(data: Any, *, hide_index: bool | None, column_order: Iterable[str] | None,
                column_config: Mapping[Any, Any] | None) -> Table:
    """The table to keep and draw (its token is given when the store keeps it)."""
    try:
        frame = to_dataframe(data)
    except TypeError as error:
        raise AppcoreAPIError(str(error)) from None
    configs = config_mapping(column_config)
    columns: list[Column] = []
    index_hidden = hide_index is True or configs.get(INDEX, {}).get("hidden") is True
    if not index_hidden:
        names = list(frame.index.names)
        for level, level_name in enumerate(names):
            name = INDEX if len(names) == 1 and level_name is None else \
                column_name(level_name) if level_name is not None else f"{INDEX}_{level}"
            config = configs.get(name) or (configs.get(INDEX) if len(names) == 1 else None) or {}
            if config.get("hidden") is True:
                continue
            series = frame.index.get_level_values(level)
            columns.append(Column(name, _label(config, "" if level_name is None else column_name(level_name)),
                                  column_kind(series.to_series()), -1 - level,
                                  {"pinned": True, **_shown(config)}))
    seen = set()
    data_columns = []
    for position, label in enumerate(frame.columns):
        name = column_name(label)
        if name in seen:  # duplicate labels: Streamlit shows them all
            name = f"{name} ({position})"
        seen.add(name)
        data_columns.append((position, name))
    if column_order is not None:
        order = [column_name(c) for c in column_order]
        by_name = dict((name, position) for position, name in data_columns)
        data_columns = [(by_name[name], name) for name in order if name in by_name]
    for position, name in data_columns:
        config = configs.get(name, {})
        if config.get("hidden") is True:
            continue
        columns.append(Column(name, _label(config, name), column_kind(frame.iloc[:, position]), position,
                              _shown(config)))
    for column in columns:
        column.config["chars"] = text_width(frame, column)
    table = Table("", frame, columns)
    if is_styler(data):
        table.display, table.styles = styler_text(data, frame)
    return table


def text_width(frame: Any, column: Column) -> int:
    """About how many characters the column's widest value takes, for its starting width."""
    import numpy as np
    import pandas as pd

    series = frame.index.get_level_values(-1 - column.position) if column.is_index else frame.iloc[:, column.position]
    if column.kind in ("int", "float") and len(series):
        values = series.to_numpy() if isinstance(series.dtype, np.dtype) else None
        if values is not None and values.dtype.kind == "f":
            # fmin/fmax pass over NaN without copying the column (dropna would, 8 MB a million rows).
            low, high = np.fmin.reduce(values), np.fmax.reduce(values)
        else:  # an Index's own min and max: a RangeIndex answers without making its values
            low, high = series.min(), series.max()
        if pd.isna(low) or pd.isna(high):
            return 4
        if column.kind == "int":
            return max(len(str(low)), len(str(high)))
        return max(len(f"{low:.4f}".rstrip("0")), len(f"{high:.4f}".rstrip("0")))
    longest = pd.Series(series[:500]).astype(str).str.len().max()  # NaN when every value is missing
    return int(min(60, longest)) if pd.notna(longest) else 4


def _label(config: Mapping[str, Any], default: str) -> str:
    label = config.get("label")
    return default if label is None else str(label)


def _shown(config: Mapping[str, Any]) -> dict[str, Any]:
    """What the browser needs of a config: the set entries, JSON as given."""
    return {k: v for k, v in config.items() if v is not None and k not in ("label", "hidden", "default")}


def styler_text(styler: Any, frame: Any) -> tuple[Any, Any]:
    """A Styler's display strings and per-cell CSS (only colour, background and font properties)."""
    import pandas as pd

    styler._compute()  # applies .map/.apply/.highlight_* into styler.ctx
    funcs = styler._display_funcs
    display = {}
    styles = {}
    ctx = styler.ctx
    for c in range(frame.shape[1]):
        column = frame.iloc[:, c]
        display[c] = [None if _missing(v) else str(funcs[(r, c)](v)) for r, v in enumerate(column.tolist())]
        styles[c] = [_css(ctx.get((r, c))) for r in range(len(column))]
    return pd.DataFrame(display, dtype=object), pd.DataFrame(styles, dtype=object)


def _missing(value: Any) -> bool:
    import pandas as pd

    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):  # a list or an array in a cell
        return False


def _css(entries: Any) -> str | None:
    if not entries:
        return None
    kept = []
    for prop, value in entries:
        prop, value = str(prop).strip().lower(), str(value).strip()
        if prop in _STYLE_PROPERTIES and not any(bad in value.lower() for bad in ("url(", "expression", ";", "{")):
            kept.append(f"{prop}: {value}")
    return "; ".join(kept) or None
