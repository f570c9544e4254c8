"""st.color_picker: a hex colour such as ``"#00ffaa"``."""
from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, Literal

from appcore.plugin import AppcoreAPIError, register_widget

from ._inputs import base_props, check_common, reset, stored, type_error

__all__ = ["color_picker"]
ELEMENT_TYPES = {"color_picker": "color_picker"}

_HEX = re.compile(r"^#(?:[0-9a-fA-F]{3}){1,2}$")


def color_picker(
    label: str,
    value: str | None = None,
    key: str | int | None = None,
    help: str | None = None,
    on_change: Callable[..., Any] | Literal["rerun", "ignore"] | None = "rerun",
    args: tuple | list | None = None,
    kwargs: dict[str, Any] | None = None,
    *,
    disabled: bool = False,
    label_visibility: Literal["visible", "hidden", "collapsed"] = "visible",
    width: int | Literal["stretch", "content"] = "content",
    bind: Literal["query-params"] | None = None,
    persist_state: Literal["page", "session"] | None = None,
) -> str:
    """A colour swatch that opens the browser's colour picker; returns a hex string."""
    key, callback, label = check_common(key, on_change, label, label_visibility, width, bind, persist_state, allow_content=True)
    if isinstance(width, int) and width < 40:
        width = 40
    id_parts = {"label": label, "value": str(value), "help": help, "width": width}
    if value is None:
        value = "#000000"
    if not isinstance(value, str):
        raise type_error("value", type(value).__name__, ["str"], "Pass a hex string like `'#00FFAA'` or `'#000'`.")
    if not _HEX.match(value):
        raise AppcoreAPIError(f"'{value}' is not a valid hex code for colors. Valid ones are like '#00FFAA' or '#000'.")
    present, current = stored(key)
    if present and not (isinstance(current, str) and _HEX.match(current)):
        reset(key, value)

    def parse(raw: Any) -> str:
        if not isinstance(raw, str):
            raise TypeError(f"a colour is sent as a hex string, got {type(raw).__name__}")
        color = raw if raw.startswith("#") else f"#{raw}"
        if not _HEX.match(color):
            raise ValueError(f"{raw!r} is not a hex colour")
        return color

    props = base_props(label, help, disabled, label_visibility, width, on_change)
    result = register_widget(
        "color_picker", props, key=key, default=value, parse=parse, on_change=callback,
        rerun_on_change=on_change != "ignore", args=args, kwargs=kwargs,
        id_parts=id_parts,
    ).value
    return result
