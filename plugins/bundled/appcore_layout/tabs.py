"""st.tabs: containers shown one at a time under a row of tab labels."""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from appcore.plugin import (Args, Bind, Codec, Key, Kwargs, OnChange, WidthWithoutContent, add_container,
                            check_height, check_width, input_widget, invalid_type, invalid_value, markdown_html)

from ._layout import LayoutContainer, required, stateful

__all__ = ["tabs"]
ELEMENT_TYPES = {"tabs": "tabs", "tab": "tab"}
TEST_TYPES = {"tabs": "tab_container", "tab": "tab"}


class TabCodec(Codec):
    """The open tab, by its label (as Streamlit: the browser sends the label)."""

    def __init__(self, labels: Sequence[str], default: str):
        self.labels = frozenset(labels)
        self.default = default

    def parse(self, raw: Any) -> str:
        if not isinstance(raw, str) or raw not in self.labels:
            raise ValueError("not one of the tabs' labels")
        return raw

    def keep(self, stored: Any, by_user: bool) -> Any:
        return self.parse(stored)  # a label no longer among the tabs starts over from the default


def tabs(tabs: Sequence[str], *, width: WidthWithoutContent = "stretch", height: str | int = "content",
         default: str | None = None, key: Key = None, on_change: OnChange = "ignore", args: Args = None,
         kwargs: Kwargs = None, bind: Bind = None) -> tuple[LayoutContainer, ...]:
    """One container per label; the person sees one at a time.

    With ``on_change`` (a callback or "rerun") the tabs are a widget: each tab's
    ``.open`` says whether it is the open one, ``st.session_state[key]`` holds its
    label, and switching tabs reruns the app. Otherwise the browser alone keeps the
    open tab across reruns."""
    if not tabs:
        raise required("tabs", "Provide at least one tab label.")
    if default and default not in tabs:
        raise invalid_value("default", ["a tab label from `tabs`"], f"`{default}` is not in the list of tabs.")
    for label in tabs:
        if not isinstance(label, str):
            raise invalid_type("tabs", type(label).__name__, ["a string for each tab label"])
    labels = list(tabs)
    if bind is not None and bind != "query-params":
        raise invalid_value("bind", ["'query-params'", "None"])
    if bind == "query-params":
        if not all(labels):
            raise invalid_value("tabs", ["non-empty labels"], "Tab labels must be non-empty when bind='query-params'.")
        if len(set(labels)) != len(labels):
            raise invalid_value("tabs", ["unique labels"], "Tab labels must be unique when bind='query-params'.")
    default_label = default or labels[0]
    props = {"tabs": labels, "tabs_html": [markdown_html(label) for label in labels],
             "default": labels.index(default_label), "width": check_width(width),
             "height": check_height(height, allow_content=True)}
    if stateful(on_change) or bind == "query-params":
        widget = input_widget("tabs", locals(), TabCodec(labels, default_label), props=props,
                              id_parts={"tabs": tuple(labels), "height": props["height"], "default": default})
        open_label = widget.value
        row = LayoutContainer(widget.handle.path, widget.handle.scope)
    else:
        open_label = None
        box = add_container("tabs", props, key=None if key is None else str(key))
        row = LayoutContainer(box.path, box.scope)
    result = []
    with row:
        for label in labels:
            tab = add_container("tab", {"label": label, "label_html": markdown_html(label)})
            result.append(LayoutContainer(tab.path, tab.scope, None if open_label is None else label == open_label))
    return tuple(result)
