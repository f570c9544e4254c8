"""st.vega_lite_chart, and the element every Vega-Lite chart is drawn as.

Every chart (line, area, bar, scatter, vega_lite, altair) is one renderer,
vega_lite_chart.js, fed ``{"spec", "datasets", "data", "theme", "width", "height", ...}``:
the spec names its datasets and the datasets travel beside it, column by column
(_data.py), so a rerun that changes only the data updates the drawn chart in place.
``data`` is the chart's unnamed dataset (``st.vega_lite_chart(df, spec)``), the one its
spec draws when it names none.

With ``on_select="rerun"`` (or a callback) the chart is a widget: its value is a
``VegaLiteState`` whose ``selection`` holds each selection parameter's state.
"""
from __future__ import annotations

import copy
import json
from collections.abc import Callable, Iterable
from typing import Any

from appcore.plugin import (
    AppcoreAPIError,
    Container,
    ReadOnlyState,
    StreamlitValueError,
    add_element,
    check_height,
    check_on_select,
    check_width,
    container_width,
    current_run,
    read_only_error,
    register_widget,
)

from ._data import encode_dataset, to_frame

CHART_TYPES = ("line_chart", "area_chart", "bar_chart", "scatter_chart", "vega_lite_chart", "altair_chart")
AUTOSIZE = {"type": "fit", "contains": "padding"}
# Specs of several views take the width their views ask for; one view takes the container's.
COMPOSITE = ("hconcat", "vconcat", "concat", "facet", "repeat")
NO_SELECTIONS = (
    "Selections are activated, but the provided chart spec does not have any selections defined. To add "
    "selections to `st.altair_chart`, check out the documentation [here](https://altair-viz.github.io/user_guide/"
    "interactions.html#selections-capturing-chart-interactions). For adding selections to `st.vega_lite_chart`, "
    "take a look at the specification [here](https://vega.github.io/vega-lite/docs/selection.html).")


class VegaLiteState(ReadOnlyState):
    """What a chart with ``on_select`` returns: ``{"selection": {param: state}}``. A point
    selection's state is a list of the picked points' fields, an interval's each field's
    ``[low, high]``; an empty selection is ``{}``."""


def sizes(width: Any, height: Any, use_container_width: bool | None, *, default_width: Any = "stretch") -> tuple[Any, Any]:
    """Streamlit's width and height of a chart, checked; `use_container_width` (deprecated) wins over `width`."""
    width = check_width(default_width if width is None else width, allow_content=True)
    height = check_height(height, allow_content=True)
    width = container_width(use_container_width, width)
    return width, height


def chart_props(spec: dict[str, Any], datasets: list[dict[str, Any]], *, width: Any, height: Any,
                theme: str | None = "streamlit", alt: str | None = None, data: dict[str, Any] | None = None,
                use_container_width: bool = False) -> dict[str, Any]:
    return {"spec": spec, "datasets": datasets, "data": data, "theme": theme or "", "width": width,
            "height": height, "use_container_width": use_container_width, "alt": alt, "selection_mode": []}


def draw_chart(element_type: str, spec: dict[str, Any], datasets: list[dict[str, Any]], **options: Any) -> Container:
    return add_element(element_type, chart_props(spec, datasets, **options))


def vega_lite_chart(data: Any = None, spec: dict[str, Any] | None = None, *, width: Any = None,
                    height: Any = "content", use_container_width: bool | None = None, theme: str | None = "streamlit",
                    key: str | int | None = None, on_select: str | Callable[..., Any] = "ignore",
                    selection_mode: str | Iterable[str] | None = None, alt: str | None = None) -> Any:
    if isinstance(data, dict) and spec is None:  # st.vega_lite_chart({spec}): the spec alone
        data, spec = None, data
    return spec_chart("vega_lite_chart", spec, data, width=width, height=height,
                      use_container_width=use_container_width, theme=theme, key=key, on_select=on_select,
                      selection_mode=selection_mode, alt=alt)


def spec_chart(element_type: str, spec: dict[str, Any] | None, data: Any, *, width: Any, height: Any,
               use_container_width: bool | None, theme: str | None, key: Any, on_select: Any, selection_mode: Any,
               alt: str | None, frames: dict[str, Any] | None = None) -> Any:
    """Draw a chart from a user's Vega-Lite spec: its inline values and named datasets are
    taken out and sent as datasets; ``frames`` are named DataFrames its spec refers to."""
    if theme not in ("streamlit", None):
        raise StreamlitValueError("theme", ["'streamlit'", "None"])
    if not spec:
        raise AppcoreAPIError("The `spec` parameter is required. Vega-Lite charts require a non-empty spec dict.")
    spec = copy.deepcopy(spec)
    inline = spec.get("data")
    if isinstance(inline, dict) and "values" in inline and data is None:
        data = spec.pop("data")["values"]
    named = dict(spec.pop("datasets", None) or {})
    named.update(frames or {})
    datasets, renamed = [], {}
    for name, values in named.items():
        dataset = encode_dataset(to_frame(values))
        renamed[name] = dataset["name"]
        datasets.append(dataset)
    if renamed:
        _rename_data(spec, renamed)
    spec.setdefault("autosize", dict(AUTOSIZE))
    unnamed = encode_dataset(to_frame(data)) if data is not None else None
    composite = any(k in spec for k in COMPOSITE)
    width, height = sizes(width, height, use_container_width, default_width="content" if composite else "stretch")
    props = chart_props(spec, datasets, width=width, height=height, theme=theme, alt=alt, data=unnamed,
                        use_container_width=bool(use_container_width))
    callback = check_on_select(on_select)
    if on_select == "ignore":
        return add_element(element_type, props)
    modes = _selection_modes(spec, selection_mode)
    if key is not None and str(key) in current_run().session.state.user_set_keys:
        raise read_only_error(str(key))  # a selection is the person's, never the script's
    props["selection_mode"] = modes
    codec = SelectionCodec(modes, key)
    widget = register_widget(
        element_type, props, key=key, default=codec.default, parse=codec.parse, to_json=codec.to_json,
        id_parts={"spec": _shape(spec, [d["name"] for d in datasets]), "selection_mode": modes},
        on_change=callback)
    return widget.value


def _rename_data(node: Any, renamed: dict[str, str]) -> None:
    """Point every ``{"data": {"name": old}}`` in the spec at the dataset's new name."""
    if isinstance(node, dict):
        data = node.get("data")
        if isinstance(data, dict) and data.get("name") in renamed:
            node["data"] = {**data, "name": renamed[data["name"]]}
        for value in node.values():
            _rename_data(value, renamed)
    elif isinstance(node, list):
        for value in node:
            _rename_data(value, renamed)


def _shape(spec: dict[str, Any], names: list[str]) -> str:
    """The spec with its datasets named by position: what stays when only the data changes."""
    text = json.dumps(spec, sort_keys=True, default=str)
    for i, name in enumerate(names):
        text = text.replace(json.dumps(name), f'"dataset {i}"')
    return text


def _selection_params(node: Any) -> list[str]:
    """The names of the selection parameters anywhere in a spec (its views' too), in order."""
    found: list[str] = []
    if isinstance(node, dict):
        for param in node.get("params", []) or []:
            if isinstance(param, dict) and "select" in param and "name" in param:
                found.append(str(param["name"]))
        for key, value in node.items():
            if key != "params" and isinstance(value, (dict, list)):
                found += _selection_params(value)
    elif isinstance(node, list):
        for value in node:
            found += _selection_params(value)
    return list(dict.fromkeys(found))


def _selection_modes(spec: dict[str, Any], selection_mode: Any) -> list[str]:
    available = _selection_params(spec)
    if not available:
        raise AppcoreAPIError(NO_SELECTIONS)
    if selection_mode is None:
        return available
    wanted = [selection_mode] if isinstance(selection_mode, str) else list(selection_mode)
    for name in wanted:
        if name not in available:
            raise AppcoreAPIError(f"Selection parameter '{name}' is not defined in the chart spec. "
                                  f"Available selection parameters are: {set(available)}.")
    return list(dict.fromkeys(wanted))


class SelectionCodec:
    """A chart's selection: ``{"selection": {param: list | dict}}`` from the page, each
    param one of the chart's selection modes; anything else is refused."""

    def __init__(self, modes: list[str], key: Any):
        self.modes = modes
        self.key = key
        self.default = self.parse({"selection": {}})

    def parse(self, raw: Any) -> VegaLiteState:
        if not isinstance(raw, dict) or set(raw) - {"selection"} or not isinstance(raw.get("selection", {}), dict):
            raise ValueError("a chart's value is {'selection': {param: state}}")
        given = raw.get("selection", {})
        unknown = set(given) - set(self.modes)
        if unknown:
            raise ValueError(f"not selection parameters of this chart: {sorted(unknown)}")
        selection = {}
        for name in sorted(self.modes):
            state = given.get(name, {})
            if not isinstance(state, (dict, list)) or isinstance(state, list) and not all(
                    isinstance(p, dict) for p in state):
                raise ValueError(f"selection {name!r}: a list of points or a mapping of fields")
            selection[name] = state
        return VegaLiteState({"selection": selection})

    def to_json(self, value: Any) -> Any:
        return value
