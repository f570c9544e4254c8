"""st.popover: a button that opens a floating panel to draw into."""
from __future__ import annotations

from typing import Literal

from appcore.plugin import (Args, BoolCodec, Help, Key, Kwargs, OnChange, Width, add_container, check_icon,
                            check_width, container_width, input_widget, invalid_value, markdown_html)

from ._layout import LayoutContainer, container_of, required, stateful

__all__ = ["popover"]
ELEMENT_TYPES = {"popover": "popover"}
TEST_TYPES = {"popover": "popover"}


def popover(label: str, *, type: Literal["primary", "secondary", "tertiary"] = "secondary", help: Help = None,
            icon: str | None = None, disabled: bool = False, use_container_width: bool | None = None,
            width: Width = "content", wrap: bool | None = None, key: Key = None, on_change: OnChange = "ignore",
            args: Args = None, kwargs: Kwargs = None) -> LayoutContainer:
    """A button; clicking it opens a panel with what is drawn into the popover. A click
    outside the panel or Esc closes it.

    With ``on_change`` (a callback or "rerun") it is a widget: ``.open`` says whether it
    is open and opening or closing it reruns the app."""
    if label is None:
        raise required("label")
    width = container_width(use_container_width, width)
    if type not in ("primary", "secondary", "tertiary"):
        raise invalid_value("type", ["'primary'", "'secondary'", "'tertiary'"])
    props = {"type": type, "icon": check_icon(icon) or None, "wrap": wrap}
    if stateful(on_change):
        widget = input_widget("popover", locals(), BoolCodec(False), props=props, content_width=True,
                              id_parts={"type": type, "icon": props["icon"], "disabled": bool(disabled)})
        return container_of(widget, widget.value)
    shown = {**props, "label": str(label), "label_html": markdown_html(str(label)), "help": help or None,
             "disabled": bool(disabled), "width": check_width(width, allow_content=True)}
    box = add_container("popover", shown, key=None if key is None else str(key))
    return LayoutContainer(box.path, box.scope)
