"""st.radio: the browser sends the index of the chosen option."""
from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Literal

from appcore.plugin import register_widget

from ._inputs import (
    base_props,
    check_common,
    check_comparable,
    check_index,
    format_options,
    option_index,
    reset,
    stored,
    to_options,
    type_error,
    wire_index,
)

__all__ = ["radio"]
ELEMENT_TYPES = {"radio": "radio"}


def radio(
    label: str,
    options: Any,
    index: int | None = 0,
    format_func: Callable[[Any], Any] = str,
    key: str | int | None = None,
    help: str | None = None,
    on_change: Callable[..., Any] | Literal["rerun", "ignore"] | None = "rerun",
    args: tuple | list | None = None,
    kwargs: dict[str, Any] | None = None,
    *,
    disabled: bool = False,
    horizontal: bool = False,
    captions: Sequence[str] | None = None,
    label_visibility: Literal["visible", "hidden", "collapsed"] = "visible",
    width: int | Literal["stretch", "content"] = "content",
    bind: Literal["query-params"] | None = None,
    persist_state: Literal["page", "session"] | None = None,
) -> Any:
    """A group of radio buttons; returns the chosen option (None when index=None and nothing is chosen)."""
    key, callback, label = check_common(key, on_change, label, label_visibility, width, bind, persist_state, allow_content=True)
    opt = to_options(options)
    check_comparable(opt)
    labels = format_options(opt, format_func)
    check_index(index, opt)
    caption_texts = None if captions is None else [_caption(c) for c in captions][:len(opt)]

    present, current = stored(key)
    if present and current is None:
        index = None
    default = opt[index] if index is not None and opt else None
    if present and current is not None and option_index(opt, labels, current, format_func) is None:
        reset(key, default)
    clearable = index is None

    def parse(raw: Any) -> Any:
        if raw is None:
            if not clearable and opt:
                raise ValueError("this radio always has an option chosen")
            return None
        return opt[wire_index(raw, len(opt))]

    def to_json(value: Any) -> int | None:
        if value is None:
            return None
        found = option_index(opt, labels, value, format_func)
        if found is None:
            raise ValueError(f"{value!r} is not one of the options")
        return found

    props = base_props(label, help, disabled, label_visibility, width, on_change)
    props.update(options=labels, captions=caption_texts, horizontal=bool(horizontal))
    result = register_widget(
        "radio", props, key=key, default=default, parse=parse, to_json=to_json, on_change=callback,
        rerun_on_change=on_change != "ignore", args=args,
        kwargs=kwargs,
        id_parts={"label": label, "options": labels, "index": index, "help": help, "horizontal": horizontal,
                  "captions": captions if captions is None else list(captions), "width": width},
    ).value
    if result is None or not opt:
        return None
    found = option_index(opt, labels, result, format_func)
    return opt[found] if found is not None else result


def _caption(caption: Any) -> str:
    if caption is None:
        return ""
    if isinstance(caption, str):
        return caption
    raise type_error("captions", type(caption).__name__, ["str", "None"])
