"""st.button."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any, Literal

from appcore.plugin import Args, ClickCodec, Help, Key, Kwargs, Width, button_props, container_width, input_widget

__all__ = ["button"]
ELEMENT_TYPES = {"button": "button"}


def button(label: str, key: Key = None, help: Help = None, on_click: Callable[..., Any] | None = None,
           args: Args = None, kwargs: Kwargs = None, *,
           type: Literal["primary", "secondary", "tertiary"] = "secondary", icon: str | None = None,
           icon_position: Literal["left", "right"] = "left", disabled: bool = False,
           use_container_width: bool | None = None, width: Width = "content", shortcut: str | None = None,
           wrap: bool | None = None) -> bool:
    """A button; True only in the run that handles its click."""
    width = container_width(use_container_width, width)
    props = {**button_props(type, icon, icon_position, shortcut, wrap), "use_container_width": width == "stretch"}
    return input_widget("button", locals(), ClickCodec(), props=props, content_width=True,
                        id_parts={"icon": icon, "type": type, "icon_position": icon_position,
                                  "shortcut": props["shortcut"]}).value
