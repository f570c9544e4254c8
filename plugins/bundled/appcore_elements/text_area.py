"""st.text_area."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any, Literal

from appcore.plugin import register_widget

from ._inputs import base_props, check_common, check_height, keyed_identity, stored

__all__ = ["text_area"]
ELEMENT_TYPES = {"text_area": "text_area"}


def text_area(
    label: str,
    value: str | None = "",
    height: int | Literal["stretch", "content"] | None = None,
    max_chars: int | None = None,
    key: str | int | None = None,
    help: str | None = None,
    on_change: Callable[..., Any] | Literal["rerun", "ignore"] | None = "rerun",
    args: tuple | list | None = None,
    kwargs: dict[str, Any] | None = None,
    *,
    placeholder: str | None = None,
    disabled: bool = False,
    required: bool = False,
    label_visibility: Literal["visible", "hidden", "collapsed"] = "visible",
    width: int | Literal["stretch"] = "stretch",
    bind: Literal["query-params"] | None = None,
    persist_state: Literal["page", "session"] | None = None,
) -> str | None:
    """A multi-line text input; the browser sends its text on blur or Ctrl+Enter."""
    key, callback, label = check_common(key, on_change, label, label_visibility, width, bind, persist_state)
    if height is not None:
        check_height(height)
    default = None if value is None else str(value)
    keyed_identity("text_area", key, {"max_chars": max_chars})
    present, current = stored(key)
    if present and current is None:
        default = None

    def parse(raw: Any) -> str | None:
        if raw is None:
            return None
        if not isinstance(raw, str):
            raise TypeError(f"text is sent as a string, got {type(raw).__name__}")
        if max_chars is not None and len(raw) > max_chars:
            raise ValueError(f"{len(raw)} characters is more than max_chars={max_chars}")
        return raw

    props = base_props(label, help, disabled, label_visibility, width, on_change)
    props.update(
        height=height if height is not None else (122 if label_visibility != "collapsed" else 94),
        max_chars=max_chars, placeholder=None if placeholder is None else str(placeholder),
        required=bool(required),
    )
    result = register_widget(
        "text_area", props, key=key, default=default, parse=parse, on_change=callback,
        rerun_on_change=on_change != "ignore", args=args, kwargs=kwargs,
        id_parts={"label": label, "value": default, "height": height, "max_chars": max_chars, "help": help,
                  "placeholder": str(placeholder), "width": width, "required": required},
    ).value
    return result
