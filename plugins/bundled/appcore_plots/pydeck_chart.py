"""st.pydeck_chart: a pydeck ``Deck`` drawn in the browser by the vendored deck.gl
(frontend/vendor/deck/ and deck_json/, loaded on the first chart), with Streamlit 1.67's
signature, errors and ``deck_gl_json_chart`` node.

The deck travels as pydeck's own JSON (``Deck.to_json()``: layers by ``@@type``,
accessors as ``@@=`` expressions), which deck.gl's JSON converter turns into layers in
the page. Its layers draw without network; the basemap (Carto or Mapbox tiles) is not
drawn, see docs/differences.md. With ``on_select`` the chart is a widget whose value is
Streamlit's ``PydeckState``: the picked objects' indices and objects, by layer id.
"""
from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any, Literal

from appcore.plugin import (
    Key, StreamlitInvalidParameterTypeError, StreamlitValueError, add_element, check_height, check_on_select,
    check_width, current_run, read_only_error, register_widget,
)

from ._state import PydeckSelectionState, PydeckState

__all__ = ["pydeck_chart", "PydeckState", "PydeckSelectionState"]

# What Streamlit draws for ``st.pydeck_chart()``: the whole world, no layers.
EMPTY_MAP = {"initialViewState": {"latitude": 0, "longitude": 0, "pitch": 0, "zoom": 1}}
SELECTION_MODES = ("multi-object", "single-object")


def pydeck_chart(pydeck_obj: Any = None, *, width: Any = "stretch", use_container_width: bool | None = None,
                 height: Any = 500, selection_mode: Literal["single-object", "multi-object"] = "single-object",
                 on_select: Literal["rerun", "ignore"] | Callable[..., Any] = "ignore", key: Key = None,
                 alt: str | None = None) -> Any:
    """A pydeck Deck (or None, an empty world map); returns the selection (``PydeckState``)
    when ``on_select`` is "rerun" or a callback."""
    if use_container_width:
        width = "stretch"
    width = check_width(width)
    height = check_height(height)
    spec = json.loads(json.dumps(EMPTY_MAP) if pydeck_obj is None else pydeck_obj.to_json())
    tooltip = _tooltip(pydeck_obj)
    props: dict[str, Any] = {
        "spec": spec,
        "tooltip": tooltip,
        "width": width,
        "height": height,
        "alt": (alt or "").strip() or None,
    }
    callback = check_on_select(on_select)
    if on_select == "ignore":
        return add_element("pydeck_chart", props, key=None if key is None else str(key))
    props["selection_mode"] = _selection_mode(selection_mode)
    if key is not None and str(key) in current_run().session.state.user_set_keys:
        raise read_only_error(str(key))
    # A keyed chart keeps its selection when its data changes (the key is its identity); an
    # unkeyed one is a new widget when anything it shows changes.
    id_parts = {"selection_mode": props["selection_mode"], "spec": json.dumps(spec, sort_keys=True),
                "alt": props["alt"], "use_container_width": use_container_width}
    return register_widget(
        "pydeck_chart", props, key=key, default=_empty(), id_parts=id_parts,
        parse=lambda raw: parse_selection(raw, props["selection_mode"]),
        to_json=lambda state: json.loads(json.dumps(state)), on_change=callback,
    ).value


def _selection_mode(selection_mode: Any) -> str:
    if not isinstance(selection_mode, str):
        raise StreamlitInvalidParameterTypeError("selection_mode", type(selection_mode).__name__, ["str"],
                                                 detail="Selection mode must be a single value.")
    if selection_mode not in SELECTION_MODES:
        raise StreamlitValueError("selection_mode", [f"'{mode}'" for mode in SELECTION_MODES])
    return selection_mode


def _tooltip(pydeck_obj: Any) -> Any:
    """The Deck's ``tooltip`` argument (a dict, or True for every field), as pydeck keeps it."""
    if pydeck_obj is None:
        return None
    widget = getattr(pydeck_obj, "deck_widget", None)  # pydeck with its Jupyter extra
    tooltip = getattr(widget, "tooltip", None) if widget is not None else getattr(pydeck_obj, "_tooltip", None)
    return tooltip if isinstance(tooltip, dict) or tooltip is True else None


def _empty() -> PydeckState:
    return PydeckState({"selection": PydeckSelectionState({"indices": {}, "objects": {}})})


def parse_selection(raw: Any, mode: str) -> PydeckState:
    """The browser's ``{"selection": {"indices": {layer: [i, ...]}, "objects": {layer: [...]}}}``,
    checked: the same layers in both, indices that are non-negative integers, one object each,
    and at most one object in all in "single-object" mode."""
    if raw is None:
        return _empty()
    if not isinstance(raw, dict) or not isinstance(raw.get("selection"), dict):
        raise TypeError("a map selection is {'selection': {'indices': ..., 'objects': ...}}")
    selection = raw["selection"]
    indices, objects = selection.get("indices", {}), selection.get("objects", {})
    if set(selection) - {"indices", "objects"} or not isinstance(indices, dict) or not isinstance(objects, dict):
        raise TypeError("a map selection has only 'indices' and 'objects', each by layer id")
    if set(indices) != set(objects):
        raise ValueError("a map selection names the same layers in 'indices' and 'objects'")
    for layer, picked in indices.items():
        if not isinstance(picked, list) or not all(isinstance(i, int) and not isinstance(i, bool) and i >= 0
                                                   for i in picked):
            raise TypeError(f"the indices of layer {layer!r} must be a list of non-negative integers")
        if not isinstance(objects[layer], list) or len(objects[layer]) != len(picked):
            raise ValueError(f"layer {layer!r} needs one object for each index")
    if mode == "single-object" and sum(len(picked) for picked in indices.values()) > 1:
        raise ValueError("a single-object map selects one object at most")
    return PydeckState({"selection": PydeckSelectionState({"indices": indices, "objects": objects})})
