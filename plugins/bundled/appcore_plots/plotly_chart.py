"""st.plotly_chart: a Plotly figure drawn in the browser by the vendored plotly.js
(frontend/vendor/plotly/, loaded on the first chart), with Streamlit 1.67's signature.

The figure travels as Plotly's own JSON (``plotly.io.to_json``: numpy arrays as typed
arrays, which plotly.js decodes). A figure whose data changes on a rerun is updated in
place (``Plotly.react``), keeping its zoom and pan. With ``on_select`` the chart is a
widget whose value is Streamlit's ``PlotlyState``.
"""
from __future__ import annotations

import functools
import json
from collections.abc import Callable, Iterable
from typing import Any, Literal

from appcore.plugin import (
    AppcoreAPIError, Key, StreamlitValueError, add_element, check_height, check_on_select, check_width,
    current_run, read_only_error, register_widget,
)

from ._state import PlotlySelectionState, PlotlyState

__all__ = ["plotly_chart", "PlotlyState", "PlotlySelectionState"]

SELECTION_MODES = ("box", "lasso", "points")
# plotly.js's own sizes for a figure that names none, which Streamlit takes for "content".
PLOTLY_WIDTH, PLOTLY_HEIGHT = 700, 450


def plotly_chart(figure_or_data: Any, use_container_width: bool | None = None, *,
                 width: Any = "stretch", height: Any = "content",
                 theme: Literal["streamlit"] | None = "streamlit", key: Key = None,
                 on_select: Literal["rerun", "ignore"] | Callable[..., Any] = "ignore",
                 selection_mode: str | Iterable[str] = ("points", "box", "lasso"),
                 config: dict[str, Any] | None = None, alt: str | None = None) -> Any:
    """A Plotly figure (or its data, a dict or list as Plotly takes them); returns the
    selection (``PlotlyState``) when ``on_select`` is "rerun" or a callback."""
    if use_container_width is not None:
        if use_container_width:
            width = "stretch"
        elif not isinstance(width, int):
            width = "content"
    width = check_width(width, allow_content=True)
    height = check_height(height, allow_content=True)
    if theme not in ("streamlit", None):
        raise StreamlitValueError("theme", ["'streamlit'", "None"])
    callback = check_on_select(on_select)
    selecting = on_select != "ignore"
    spec, default_template = _figure_json(figure_or_data)
    layout = spec.get("layout") or {}
    props: dict[str, Any] = {
        "spec": spec,
        "config": dict(config or {}),
        "theme": theme,
        # The page styles a figure in its own colours only where the figure chose none.
        "themed_template": theme == "streamlit" and default_template,
        # Plotly Express writes the template's colours into the traces when it builds a figure:
        # the page swaps those for its own, in the same order.
        "template_colorway": _default_colorway() if theme == "streamlit" and default_template else None,
        "width": _size(width, layout.get("width"), PLOTLY_WIDTH),
        "height": _size(height, layout.get("height"), PLOTLY_HEIGHT),
        "alt": (alt or "").strip() or None,
    }
    if not selecting:
        return add_element("plotly_chart", props, key=None if key is None else str(key))
    modes = _selection_modes(selection_mode)
    props["selection_mode"] = modes
    return _selection_widget(props, key, callback, modes).value


def _selection_modes(selection_mode: Any) -> list[str]:
    modes = {selection_mode} if isinstance(selection_mode, str) else set(selection_mode)
    if not modes <= set(SELECTION_MODES):
        raise StreamlitValueError("selection_mode", [f"'{m}'" for m in sorted(SELECTION_MODES)])
    return sorted(modes)


def _size(size: str | int, from_figure: Any, plotly_default: int) -> str | int:
    """Streamlit's "content": the figure's own size, else plotly.js's default."""
    if size != "content":
        return size
    if isinstance(from_figure, (int, float)) and not isinstance(from_figure, bool) and from_figure > 0:
        return int(from_figure)
    return plotly_default


def _figure_json(figure_or_data: Any) -> tuple[dict[str, Any], bool]:
    """The figure as plotly.js takes it, and whether its template is Plotly's default one
    (the user chose none)."""
    try:
        import plotly.io as pio
        import plotly.tools
    except ImportError:
        if isinstance(figure_or_data, dict) and "data" in figure_or_data:
            return json.loads(json.dumps(figure_or_data)), "template" not in (figure_or_data.get("layout") or {})
        raise AppcoreAPIError("st.plotly_chart needs the plotly package to read a figure, and it is not "
                              "installed. Install it with `pip install plotly`, or pass the figure as a dict "
                              "with plotly.js's `data` and `layout`.") from None
    if type(figure_or_data).__module__.startswith("matplotlib") and type(figure_or_data).__name__ == "Figure":
        figure = plotly.tools.mpl_to_plotly(figure_or_data)
    else:
        figure = plotly.tools.return_figure_from_figure_or_data(figure_or_data, validate_figure=True)
    spec = json.loads(pio.to_json(figure, validate=False))
    template = (spec.get("layout") or {}).get("template")
    return spec, template is None or template == _default_template(pio.templates.default)


def _default_colorway() -> list[str] | None:
    try:
        import plotly.io as pio
    except ImportError:
        return None
    template = _default_template(pio.templates.default) or {}
    colorway = (template.get("layout") or {}).get("colorway")
    return colorway if isinstance(colorway, list) else None


@functools.lru_cache(maxsize=4)
def _default_template(name: Any) -> Any:
    """The template a figure built with none carries, as JSON (one per default's name)."""
    import plotly.graph_objects as go
    import plotly.io as pio

    return (json.loads(pio.to_json(go.Figure(), validate=False)).get("layout") or {}).get("template")


# -- selections -----------------------------------------------------------------------------

def _empty() -> PlotlyState:
    return PlotlyState({"selection": PlotlySelectionState({"points": [], "point_indices": [], "box": [], "lasso": []})})


def _selection_widget(props: dict[str, Any], key: Key, callback: Callable[..., Any] | None,
                      modes: list[str]) -> Any:
    if key is not None and str(key) in current_run().session.state.user_set_keys:
        raise read_only_error(str(key))

    def parse(raw: Any) -> PlotlyState:
        return parse_selection(raw, modes)

    return register_widget(
        "plotly_chart", props, key=key, default=_empty(),
        id_parts={"spec": json.dumps(props["spec"], sort_keys=True, default=str),
                  "config": json.dumps(props["config"], sort_keys=True, default=str),
                  "selection_mode": modes, "theme": props["theme"], "width": props["width"],
                  "height": props["height"], "alt": props["alt"]},
        parse=parse, to_json=lambda state: json.loads(json.dumps(state)), on_change=callback,
    )


def parse_selection(raw: Any, modes: list[str]) -> PlotlyState:
    """The browser's ``{"selection": {points, point_indices, box, lasso}}``, checked:
    lists of JSON objects and point indices, and nothing from a mode the chart does not allow."""
    if raw is None:
        return _empty()
    if not isinstance(raw, dict) or not isinstance(raw.get("selection"), dict):
        raise TypeError("a chart selection is {'selection': {...}}")
    selection = raw["selection"]
    if set(selection) - {"points", "point_indices", "box", "lasso"}:
        raise ValueError(f"unknown selection fields {sorted(set(selection) - {'points', 'point_indices', 'box', 'lasso'})}")
    out: dict[str, list[Any]] = {}
    for name in ("points", "box", "lasso"):
        items = selection.get(name, [])
        if not isinstance(items, list) or not all(isinstance(item, dict) for item in items):
            raise TypeError(f"selection {name} must be a list of objects")
        out[name] = items
    indices = selection.get("point_indices", [])
    if not isinstance(indices, list) or not all(isinstance(i, int) and not isinstance(i, bool) and i >= 0
                                                for i in indices):
        raise TypeError("point_indices must be a list of non-negative integers")
    for mode in ("box", "lasso"):
        if out[mode] and mode not in modes:
            raise ValueError(f"this chart does not allow {mode} selections")
    if (out["points"] or indices) and not modes:
        raise ValueError("this chart allows no selections")
    return PlotlyState({"selection": PlotlySelectionState({
        "points": out["points"], "point_indices": indices, "box": out["box"], "lasso": out["lasso"]})})
