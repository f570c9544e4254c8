"""st.button."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any, Literal

from appcore.plugin import AppcoreAPIError, Args, ClickCodec, Help, Key, Kwargs, Width, input_widget, invalid_type, \
    invalid_value

from ._display import check_icon

__all__ = ["button"]
ELEMENT_TYPES = {"button": "button"}


def button(label: str, key: Key = None, help: Help = None, on_click: Callable[..., Any] | None = None,
           args: Args = None, kwargs: Kwargs = None, *,
           type: Literal["primary", "secondary", "tertiary"] = "secondary", icon: str | None = None,
           icon_position: Literal["left", "right"] = "left", disabled: bool = False,
           use_container_width: bool | None = None, width: Width = "content", shortcut: str | None = None,
           wrap: bool | None = None) -> bool:
    """A button; True only in the run that handles its click."""
    if use_container_width is not None:
        width = "stretch" if use_container_width else "content"
    props = {**button_props(type, icon, icon_position, shortcut, wrap), "use_container_width": width == "stretch"}
    return input_widget("button", locals(), ClickCodec(), props=props, content_width=True,
                        id_parts={"icon": icon, "type": type, "icon_position": icon_position,
                                  "shortcut": props["shortcut"]}).value


def button_props(type: Any, icon: Any, icon_position: Any, shortcut: Any, wrap: Any) -> dict[str, Any]:
    if type not in ("primary", "secondary", "tertiary"):
        raise invalid_value("type", ["'primary'", "'secondary'", "'tertiary'"])
    if icon_position not in ("left", "right"):
        raise invalid_value("icon_position", ["'left'", "'right'"])
    return {"type": type, "icon": None if icon is None else check_icon(icon), "icon_position": icon_position,
            "shortcut": None if shortcut is None else normalize_shortcut(shortcut), "wrap": wrap}


_MODIFIERS = {"ctrl": "ctrl", "control": "ctrl", "mod": "ctrl", "cmd": "cmd", "command": "cmd", "meta": "cmd",
              "alt": "alt", "option": "alt", "shift": "shift"}
_KEYS = {"return": "enter", "spacebar": "space", "esc": "escape", "del": "delete", "arrowleft": "left",
         "arrowright": "right", "arrowup": "up", "arrowdown": "down"}
_NAMED_KEYS = {"enter", "space", "tab", "escape", "backspace", "delete", "home", "end", "pageup", "pagedown",
               "left", "right", "up", "down"}


def normalize_shortcut(shortcut: Any) -> str:
    """Streamlit's shortcut rules: modifiers in a fixed order, then one key ("ctrl+shift+k")."""
    if not isinstance(shortcut, str):
        raise invalid_type("shortcut", type(shortcut).__name__, ["str"])
    tokens = [t.strip().lower() for t in shortcut.split("+") if t.strip()]
    if not tokens:
        raise AppcoreAPIError("The `shortcut` must contain at least one key or modifier.")
    modifiers = {_MODIFIERS[t] for t in tokens if t in _MODIFIERS}
    keys = [_KEYS.get(t, t) for t in tokens if t not in _MODIFIERS]
    if len(keys) > 1:
        raise AppcoreAPIError("The `shortcut` may only specify a single non-modifier key.")
    if not keys:
        raise AppcoreAPIError("The `shortcut` must include a non-modifier key such as 'K' or 'Ctrl+K'.")
    key = keys[0]
    if not (key in _NAMED_KEYS or (len(key) == 1 and key.isalnum()) or (key[0] == "f" and key[1:].isdigit())):
        raise AppcoreAPIError("shortcut must include a single character or one of the supported keys "
                              "(e.g. Enter, Space, Tab, Escape).")
    if key in ("c", "r"):
        raise AppcoreAPIError("The `shortcut` cannot use the keys 'C' or 'R', with or without modifiers.")
    return "+".join([m for m in ("ctrl", "cmd", "alt", "shift") if m in modifiers] + [key])
