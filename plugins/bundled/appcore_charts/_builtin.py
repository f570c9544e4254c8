"""The Vega-Lite specs of st.line_chart, area_chart, bar_chart and scatter_chart.

The same specs Streamlit 1.67 sends for the same calls (tests/plugins/appcore_charts/
streamlit_specs.json holds what it sent, and a test compares): the data is made long
(one row per point, "color -- streamlit-generated" naming the series) when more than
one column is drawn, every field gets the Vega-Lite type its dtype says, and each
chart can be zoomed and panned (an interval selection bound to the scales).
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from appcore.plugin import AppcoreAPIError, StreamlitValueError

from ._data import HOVER_STEP, thin_lines, to_frame

INDEX = "index -- streamlit-generated"
COLOR = "color -- streamlit-generated"
VALUE = "value -- streamlit-generated"
MISSING_FIELD = "DOES_NOT_EXIST -- streamlit-generated"
SCHEMA = "https://vega.github.io/schema/vega-lite/v6.4.1.json"
LEGEND = {"titlePadding": 5, "offset": 5, "orient": "bottom"}
SIZE_LEGEND = {"titlePadding": 0.5, "offset": 5, "orient": "bottom"}
STACKS = (True, False, "normalize", "center", "layered", None)
DEFAULT_SIZE = 100

COLOR_HELP = """

The color argument can be:

* A hex string like "#ffaa00" or "#ffaa0088".
* An RGB or RGBA tuple with the red, green, blue, and alpha
  components specified as ints from 0 to 255 or floats from 0.0 to
  1.0.
* The name of a column.
* Or a list of colors, matching the number of y columns to draw."""


def column_not_found(name: Any, frame: Any) -> AppcoreAPIError:
    columns = ", ".join(str(c) for c in frame.columns)
    return AppcoreAPIError(f'Data does not have a column named `"{name}"`. Available columns are `{columns}`')


def vl_type(series: Any) -> str:
    import pandas as pd

    if pd.api.types.is_bool_dtype(series):
        return "nominal"
    if pd.api.types.is_numeric_dtype(series):
        return "quantitative"
    if pd.api.types.is_datetime64_any_dtype(series):
        return "temporal"
    return "nominal"


def is_integer(series: Any) -> bool:
    import pandas as pd

    return pd.api.types.is_integer_dtype(series) and not pd.api.types.is_bool_dtype(series)


def css_color(value: Any) -> str | None:
    """A colour argument as CSS, or None when it is not one."""
    if isinstance(value, str):
        digits = value[1:]
        if value.startswith("#") and len(digits) in (3, 4, 6, 8) and all(c in "0123456789abcdefABCDEF" for c in digits):
            return value
        return None
    if isinstance(value, (tuple, list)) and len(value) in (3, 4) and all(
            isinstance(c, (int, float)) and not isinstance(c, bool) for c in value):
        as_floats = any(isinstance(c, float) for c in value[:3])
        rgb = [round(c * 255) if as_floats else int(c) for c in value[:3]]
        if not all(0 <= c <= 255 for c in rgb):
            return None
        if len(value) == 3:
            return f"rgb({rgb[0]}, {rgb[1]}, {rgb[2]})"
        alpha = value[3] if isinstance(value[3], float) else value[3] / 255
        return f"rgba({rgb[0]}, {rgb[1]}, {rgb[2]}, {alpha})"
    return None


def _encoding(field: str, series: Any, *, title: str, grid: bool, vtype: str | None = None) -> dict[str, Any]:
    axis: dict[str, Any] = {"grid": grid}
    if is_integer(series):
        axis["tickMinStep"] = 1
    return {"axis": axis, "field": field, "scale": {}, "title": title, "type": vtype or vl_type(series)}


def _tip(field: str, series: Any, title: str | None = None) -> dict[str, Any]:
    tip = {"field": field, "type": vl_type(series)}
    if title is not None:
        tip["title"] = title
    return tip


def chart_spec(kind: str, data: Any, *, x: str | None, y: str | Sequence[str] | None, x_label: str | None,
               y_label: str | None, color: Any, size: Any = None, stack: Any = None, horizontal: bool = False,
               sort: bool | str = True, width: Any = None, height: Any = None
               ) -> tuple[dict[str, Any], Any, dict[int, Any]]:
    """(spec, frame, layer_frames): the Vega-Lite spec of a built-in chart, the dataset it
    draws, and the layers (by index) that draw another one: a thinned line's hover layer."""
    if kind in ("area", "bar") and not (stack is None or isinstance(stack, bool)
                                        or isinstance(stack, str) and stack in STACKS):
        raise StreamlitValueError("stack", ["True", "False", "'normalize'", "'center'", "'layered'", "None"])
    frame = to_frame(data)
    top = {"height": height if isinstance(height, int) else 0, "width": width if isinstance(width, int) else 0,
           "$schema": SCHEMA, "autosize": {"type": "fit", "contains": "padding"}}
    if len(frame.columns) == 0:
        return _empty_spec(kind, x_label, y_label, top), frame, {}

    def check(name: Any) -> None:
        if name not in frame.columns:
            raise column_not_found(name, frame)

    if x is not None:
        check(x)
    y_given = [y] if isinstance(y, str) else list(y) if y is not None else []
    for name in y_given:
        check(name)

    color_field: str | None = None
    colors: list[str] = []
    if color is not None:
        if isinstance(color, str) and color in frame.columns:
            color_field = color
        else:
            given = list(color) if isinstance(color, list) or (isinstance(color, tuple) and
                                                               css_color(color) is None) else [color]
            for item in given:
                if css_color(item) is None:
                    raise AppcoreAPIError(f"This does not look like a valid color argument: `{item}`.{COLOR_HELP}")
            colors = [css_color(item) for item in given]  # type: ignore[misc]
    size_field: str | None = None
    size_value: float | None = DEFAULT_SIZE if kind == "scatter" else None
    if kind == "scatter" and size is not None:
        if isinstance(size, str) and size in frame.columns:
            size_field = size
        elif isinstance(size, (int, float)) and not isinstance(size, bool):
            size_value = size
        else:
            raise StreamlitValueError("size", ["a column name", "a number"], detail=f"Got {size!r}.")
    if kind == "bar" and isinstance(sort, str):
        check(sort[1:] if sort.startswith("-") else sort)

    if x is None:
        x_field = INDEX if frame.index.name is None else str(frame.index.name)
        frame = frame.rename_axis(x_field).reset_index()
    else:
        x_field = x
    y_columns = y_given or [c for c in frame.columns if c not in (x_field, color_field, size_field)]
    melted = len(y_columns) > 1
    if colors and len(colors) != (len(y_columns) if not color_field else 0):
        raise AppcoreAPIError(f"The list of colors `{_list_repr(colors, color)}` must have the same length as the "
                              f"list of columns to be colored `{y_columns}`.")

    keep = list(dict.fromkeys([x_field, *(c for c in (color_field, size_field) if c)]))
    if melted:
        long = frame[keep + [c for c in y_columns if c not in keep]].melt(
            id_vars=keep, value_vars=y_columns, var_name=COLOR, value_name=VALUE)
        if long[VALUE].dtype == object:
            long[VALUE] = long[VALUE].map(lambda v: v if v is None else str(v))
        order = list(dict.fromkeys([x_field, COLOR, *(c for c in (color_field, size_field) if c), VALUE]))
        frame = long[order]
        y_field, series_field = VALUE, COLOR
    else:
        frame = frame[list(dict.fromkeys(keep + y_columns))]
        y_field, series_field = y_columns[0], color_field

    x_title = x_label if x_label is not None else (x if x is not None else "")
    y_title = y_label if y_label is not None else (y_given[0] if len(y_given) == 1 else "")
    category = "ordinal" if kind == "bar" else None
    x_enc = _encoding(x_field, frame[x_field], title=x_title, grid=False, vtype=category)
    y_enc = _encoding(y_field, frame[y_field], title=y_title, grid=True)
    encoding: dict[str, Any] = {}
    if melted:
        color_enc: dict[str, Any] = {"field": COLOR, "legend": LEGEND, "title": " ", "type": "nominal"}
        if colors:
            color_enc["scale"] = {"domain": list(y_columns), "range": colors}
        encoding["color"] = color_enc
    elif color_field:
        encoding["color"] = {"field": color_field, "legend": LEGEND, "type": vl_type(frame[color_field])}
    elif colors:
        encoding["color"] = {"value": colors[0]}
    tooltip = [_tip(x_field, frame[x_field], "index" if x_field == INDEX else None)]
    if melted:
        # Streamlit types the melted values' tooltip as numbers even where the axis is nominal.
        tooltip += [{"field": VALUE, "title": "value", "type": "quantitative"},
                    {"field": COLOR, "title": "color", "type": "nominal"}]
    else:
        tooltip.append(_tip(y_field, frame[y_field]))
    if color_field:
        tooltip.append(_tip(color_field, frame[color_field]))
    if size_field:
        tooltip.append(_tip(size_field, frame[size_field]))
    coloured = series_field is not None

    if kind == "area":
        if coloured:
            encoding["opacity"] = {"value": 0.7}
        y_enc["stack"] = False if stack is None else stack
    if kind == "bar":
        if stack == "layered":
            y_enc["stack"] = False
            if coloured:
                encoding["opacity"] = {"value": 0.7}
        elif stack is not None:
            y_enc["stack"] = stack
        if sort is False:
            x_enc["sort"] = None
        elif isinstance(sort, str):
            descending = sort.startswith("-")
            x_enc["sort"] = {"field": sort[1:] if descending else sort, "order": "descending" if descending else "ascending"}
    if kind == "scatter":
        if size_field:
            encoding["size"] = {"field": size_field, "legend": SIZE_LEGEND, "title": size_field,
                                "type": vl_type(frame[size_field])}
        else:
            encoding["size"] = {"value": size_value}
    encoding["tooltip"] = tooltip
    if kind == "bar" and horizontal:
        encoding["x"], encoding["y"] = y_enc, x_enc
    else:
        encoding["x"], encoding["y"] = x_enc, y_enc
    if kind == "bar" and stack is False and coloured:
        offset = {"field": series_field}
        encoding["xOffset"], encoding["yOffset"] = ({}, offset) if horizontal else (offset, {})

    rows = len(frame)
    if kind in ("line", "area") and not y_enc.get("stack"):  # stacked areas need every series' x
        frame = thin_lines(frame, x_field, y_field, series_field)
    zoom = {"name": "param_2" if kind == "line" else "param_1",
            "select": {"type": "interval", "encodings": ["x", "y"]}, "bind": "scales"}
    if kind != "line":
        mark = {"area": "area", "bar": "bar", "scatter": "circle"}[kind]
        return {"mark": {"type": mark}, "encoding": encoding, "params": [zoom], **top}, frame, {}
    # A line chart shows its nearest point under the pointer: an invisible layer of points
    # that a hover selection picks from, and a third layer that draws the picked one.
    zoom["views"] = ["view_1"]
    hover = {"name": "param_1", "select": {"type": "point", "clear": "mouseleave", "fields": [x_field],
                                           "nearest": True, "on": "mousemove"}, "views": ["view_2"]}
    layers = [
        {"mark": {"type": "line"}, "encoding": encoding, "name": "view_1"},
        {"mark": {"type": "point", "opacity": 0}, "encoding": encoding, "name": "view_2"},
        {"mark": {"type": "point", "filled": True, "size": 65}, "encoding": encoding,
         "transform": [{"filter": {"param": "param_1", "empty": False}}]},
    ]
    hover_points = {1: frame.iloc[::HOVER_STEP]} if len(frame) < rows else {}
    return ({"layer": layers, "config": {"legend": {"symbolType": "stroke"}}, "params": [hover, zoom], **top},
            frame, hover_points)


def _list_repr(colors: list[str], given: Any) -> str:
    return repr(list(given) if isinstance(given, list) else [given])


def _empty_spec(kind: str, x_label: str | None, y_label: str | None, top: dict[str, Any]) -> dict[str, Any]:
    mark = {"line": "line", "area": "area", "bar": "bar", "scatter": "circle"}[kind]
    def axis(grid: bool, label: str | None) -> dict[str, Any]:
        return {"axis": {"grid": grid}, "field": MISSING_FIELD, "scale": {}, "title": label or "",
                "type": "quantitative"}
    return {"mark": {"type": mark}, "encoding": {"x": axis(False, x_label), "y": axis(True, y_label)},
            "params": [{"name": "param_1", "select": {"type": "interval", "encodings": ["x", "y"]}, "bind": "scales"}],
            **top}
