"""st.selectbox: the browser sends the index of the chosen option, or the text
of a new one when ``accept_new_options`` allows it."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any, Literal

from appcore.plugin import register_widget

from ._display import check_icon
from ._inputs import (
    base_props,
    check_common,
    check_comparable,
    check_filter_mode,
    check_index,
    format_options,
    keyed_identity,
    option_index,
    reset,
    stored,
    to_options,
    wire_index,
)

__all__ = ["selectbox"]
ELEMENT_TYPES = {"selectbox": "selectbox"}


def selectbox(
    label: str,
    options: Any,
    index: int | None = 0,
    format_func: Callable[[Any], str] = str,
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
    icon: str | None = None,
    accept_new_options: bool = False,
    filter_mode: Literal["fuzzy", "contains", "prefix"] | None = "fuzzy",
    width: int | Literal["stretch"] = "stretch",
    bind: Literal["query-params"] | None = None,
    persist_state: Literal["page", "session"] | None = None,
) -> Any:
    """A drop-down; returns the chosen option, a new string, or None."""
    key, callback, label = check_common(key, on_change, label, label_visibility, width, bind, persist_state)
    opt = to_options(options)
    check_comparable(opt)
    check_index(index, opt)
    if placeholder == "":
        placeholder = " "
    check_filter_mode(filter_mode, accept_new_options)
    icon = check_icon(icon) or None
    labels = format_options(opt, format_func)
    keyed_identity("selectbox", key, {"accept_new_options": accept_new_options})

    present, current = stored(key)
    if present and current is None:
        index = None
    default = opt[index] if index is not None and opt else None
    if (present and current is not None and not accept_new_options
            and option_index(opt, labels, current, format_func) is None):
        reset(key, default)
    clearable = index is None

    def parse(raw: Any) -> Any:
        if raw is None:
            if not clearable:
                raise ValueError("this selectbox always has an option chosen")
            return None
        if isinstance(raw, str):
            if not accept_new_options:
                raise TypeError("an option is sent as its index; new options need accept_new_options=True")
            return opt[labels.index(raw)] if raw in labels else raw
        return opt[wire_index(raw, len(opt))]

    def to_json(value: Any) -> int | str | None:
        if value is None:
            return None
        found = option_index(opt, labels, value, format_func)
        if found is not None:
            return found
        if accept_new_options:
            return value if isinstance(value, str) else str(format_func(value))
        raise ValueError(f"{value!r} is not one of the options")

    props = base_props(label, help, disabled, label_visibility, width, on_change)
    props.update(options=labels, placeholder=placeholder, required=bool(required), icon=icon,
                 accept_new_options=bool(accept_new_options), filter_mode=filter_mode, clearable=clearable)
    result = register_widget(
        "selectbox", props, key=key, default=default, parse=parse, to_json=to_json, on_change=callback,
        rerun_on_change=on_change != "ignore",
        args=args, kwargs=kwargs,
        id_parts={"label": label, "options": labels, "index": index, "help": help, "placeholder": placeholder,
                  "accept_new_options": accept_new_options, "filter_mode": filter_mode, "width": width,
                  "required": required, "icon": icon},
    ).value
    if result is None:
        return None
    found = option_index(opt, labels, result, format_func)
    return opt[found] if found is not None else result
