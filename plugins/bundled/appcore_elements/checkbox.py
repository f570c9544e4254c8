"""st.checkbox (st.toggle shares its checks, in toggle.py)."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any, Literal

from appcore.plugin import register_widget

from ._inputs import base_props, check_common

__all__ = ["checkbox"]
ELEMENT_TYPES = {"checkbox": "checkbox"}


def checkbox(
    label: str,
    value: bool = False,
    key: str | int | None = None,
    help: str | None = None,
    on_change: Callable[..., Any] | Literal["rerun", "ignore"] | None = "rerun",
    args: tuple | list | None = None,
    kwargs: dict[str, Any] | None = None,
    *,
    disabled: bool = False,
    label_visibility: Literal["visible", "hidden", "collapsed"] = "visible",
    width: int | Literal["stretch", "content"] = "content",
    wrap: bool | None = None,
    bind: Literal["query-params"] | None = None,
    persist_state: Literal["page", "session"] | None = None,
) -> bool:
    """A checkbox; returns whether it is checked."""
    return draw_check("checkbox", label, value, key, help, on_change, args, kwargs, disabled, label_visibility,
                      width, wrap, bind, persist_state)


def draw_check(type: str, label: Any, value: Any, key: Any, help: Any, on_change: Any, args: Any, kwargs: Any,
               disabled: bool, label_visibility: str, width: Any, wrap: bool | None, bind: Any,
               persist_state: Any) -> bool:
    key, callback, label = check_common(key, on_change, label, label_visibility, width, bind, persist_state, allow_content=True)
    default = bool(value)
    props = base_props(label, help, disabled, label_visibility, width, on_change)
    props["wrap"] = wrap
    result = register_widget(
        type, props, key=key, default=default, parse=_parse_bool, to_json=bool,
        on_change=callback,
        rerun_on_change=on_change != "ignore", args=args, kwargs=kwargs,
        id_parts={"label": label, "value": default, "help": help, "width": width},
    ).value
    return bool(result)


def _parse_bool(raw: Any) -> bool:
    if not isinstance(raw, bool):
        raise TypeError(f"a checkbox is sent as true or false, got {type(raw).__name__}")
    return raw
