"""st.button."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any, Literal

from appcore.plugin import AppcoreAPIError, register_widget

__all__ = ["button"]
ELEMENT_TYPES = {"button": "button"}


def check_button_type(type: str) -> None:
    if type not in ("primary", "secondary", "tertiary"):
        raise AppcoreAPIError(f"The type argument to st.button must be \"primary\", \"secondary\", or "
                              f"\"tertiary\". The argument passed was \"{type}\".")


def button(
    label: str,
    key: str | int | None = None,
    help: str | None = None,
    on_click: Callable[..., Any] | None = None,
    args: tuple | list | None = None,
    kwargs: dict[str, Any] | None = None,
    *,
    type: Literal["primary", "secondary", "tertiary"] = "secondary",
    icon: str | None = None,
    disabled: bool = False,
    use_container_width: bool = False,
) -> bool:
    """A button; True only in the run that handles its click."""
    check_button_type(type)
    props = {"label": str(label), "help": help, "type": type, "icon": icon, "disabled": disabled,
             "use_container_width": use_container_width}
    value = register_widget(
        "button", props, key=key, default=False, trigger=True,
        id_parts={"label": label, "icon": icon, "help": help, "type": type},
        parse=_parse_click, on_change=on_click, args=args, kwargs=kwargs,
    ).value
    return value


def _parse_click(raw: Any) -> bool:
    if raw is not True:
        raise ValueError("a click is sent as true")
    return True
