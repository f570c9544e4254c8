"""st.link_button: a link that looks like a button; with on_click="rerun" or a callback
the click also reaches the server (a trigger widget), else it only opens the URL."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any, Literal

from appcore.plugin import Args, ClickCodec, button_props, Container, Help, Key, Kwargs, Width, add_element, check_width, \
    container_width, input_widget, invalid_value

from ._display import help_html


__all__ = ["link_button"]
ELEMENT_TYPES = {"link_button": "link_button"}
TEST_VALUES = {"link_button": lambda props: props["label"]}  # Streamlit's AppTest reads the label


def link_button(label: str, url: str, *, key: Key = None,
                on_click: Callable[..., Any] | Literal["rerun", "ignore"] = "ignore", args: Args = None,
                kwargs: Kwargs = None, help: Help = None,
                type: Literal["primary", "secondary", "tertiary"] = "secondary", icon: str | None = None,
                icon_position: Literal["left", "right"] = "left", disabled: bool = False,
                use_container_width: bool | None = None, width: Width = "content", shortcut: str | None = None,
                wrap: bool | None = None) -> bool | Container:
    """A link styled as a button: returns the element, or with ``on_click`` whether it was clicked."""
    if not callable(on_click) and on_click not in ("rerun", "ignore"):
        raise invalid_value("on_click", ["'rerun'", "'ignore'", "a callback function"])
    width = container_width(use_container_width, width)
    props = {**button_props(type, icon, icon_position, shortcut, wrap), "url": str(url)}
    if not callable(on_click) and on_click == "ignore":
        label_text = "" if label is None else str(label)
        return add_element("link_button", {"label": label_text, "help": help, "help_html": help_html(help),
                                           "disabled": bool(disabled),
                                           "width": check_width(width, allow_content=True), **props})
    params = {**locals(), "on_click": None if on_click == "rerun" else on_click}
    return input_widget("link_button", params, ClickCodec(), props=props, content_width=True, id_parts={
        "url": str(url), "icon": icon, "type": type, "icon_position": icon_position,
        "shortcut": props["shortcut"]}).value
