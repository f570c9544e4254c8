"""st.expander: a labelled box the person opens and closes."""
from __future__ import annotations

import operator
from typing import Any, Literal

from appcore.plugin import (Args, BoolCodec, Bind, Key, Kwargs, OnChange, WidthWithoutContent, add_container,
                            check_icon, check_width, input_widget, invalid_value, markdown_html)

from ._layout import LayoutContainer, container_of, required, stateful

__all__ = ["expander"]
ELEMENT_TYPES = {"expander": "expander"}
TEST_TYPES = {"expander": "expander"}

TYPES = ("default", "compact", "step")


def expander(label: str, expanded: bool = False, *, key: Key = None, icon: str | None = None,
             type: Literal["default", "compact", "step"] = "default", width: WidthWithoutContent = "stretch",
             on_change: OnChange = "ignore", args: Args = None, kwargs: Kwargs = None,
             bind: Bind = None) -> LayoutContainer:
    """A box with a header the person clicks to show or hide what is drawn into it.

    With ``on_change`` (a callback or "rerun") it is a widget: ``.open`` says whether it
    is open, ``st.session_state[key]`` holds it, and opening it reruns the app.
    Otherwise the browser alone keeps it open or closed across reruns."""
    props = _props(label, expanded, icon, type)
    if stateful(on_change) or bind == "query-params":
        widget = input_widget("expander", locals(), BoolCodec(props["expanded"]), props=props,
                              id_parts={"expanded": props["expanded"], "icon": props["icon"], "type": type})
        return container_of(widget, widget.value)
    if bind is not None:
        raise invalid_value("bind", ["'query-params'", "None"])
    shown = {**props, "label": label, "label_html": markdown_html(label), "width": check_width(width)}
    box = add_container("expander", shown, key=None if key is None else str(key))
    return LayoutContainer(box.path, box.scope)


def _props(label: Any, expanded: Any, icon: Any, type: Any) -> dict[str, Any]:
    if label is None:
        raise required("label")
    if not isinstance(label, str):
        raise TypeError("bad argument type for built-in operation")  # Streamlit's (its protobuf's) own
    if type not in TYPES:
        raise invalid_value("type", [repr(t) for t in TYPES])
    return {"expanded": bool(operator.index(expanded)), "icon": check_icon(icon) or None, "type": type}

