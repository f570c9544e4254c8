"""st.text_input."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any, Literal

from appcore.plugin import AppcoreAPIError, register_widget

__all__ = ["text_input"]
ELEMENT_TYPES = {"text_input": "text_input"}


def text_input(
    label: str,
    value: str | None = "",
    max_chars: int | None = None,
    key: str | int | None = None,
    type: Literal["default", "password"] = "default",
    help: str | None = None,
    autocomplete: str | None = None,
    on_change: Callable[..., Any] | None = None,
    args: tuple | list | None = None,
    kwargs: dict[str, Any] | None = None,
    *,
    placeholder: str | None = None,
    disabled: bool = False,
    label_visibility: Literal["visible", "hidden", "collapsed"] = "visible",
    icon: str | None = None,
    width: str | int = "stretch",
) -> str | None:
    if type not in ("default", "password"):
        raise AppcoreAPIError(f"'{type}' is not a valid text_input type. Valid types are 'default' and 'password'.")
    default = None if value is None else str(value)
    if max_chars is not None and default is not None and len(default) > max_chars:
        raise AppcoreAPIError(f"The default value '{default}' is longer than max_chars={max_chars}.")

    def parse(raw: Any) -> str | None:
        if raw is None:
            return None
        if not isinstance(raw, str):
            raise TypeError("text is sent as a string")
        if max_chars is not None and len(raw) > max_chars:
            raise ValueError(f"longer than max_chars={max_chars}")
        return raw

    props = {"label": str(label), "max_chars": max_chars, "type": type, "help": help,
             "autocomplete": autocomplete, "placeholder": placeholder, "disabled": disabled,
             "label_visibility": label_visibility, "icon": icon}
    result = register_widget(
        "text_input", props, key=key, default=default, parse=parse, on_change=on_change, args=args,
        kwargs=kwargs,
        id_parts={"label": label, "value": default, "max_chars": max_chars, "type": type, "help": help,
                  "autocomplete": autocomplete, "placeholder": placeholder},
    ).value
    return result
