"""st.toggle: a checkbox drawn as a switch."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any, Literal

from .checkbox import draw_check

__all__ = ["toggle"]
ELEMENT_TYPES = {"toggle": "toggle"}


def toggle(
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
    """A switch; returns whether it is on."""
    return draw_check("toggle", label, value, key, help, on_change, args, kwargs, disabled, label_visibility,
                      width, wrap, bind, persist_state)
