"""st.radio: the browser sends the index of the chosen option."""
from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from appcore.plugin import Args, Bind, Help, IndexCodec, Key, Kwargs, LabelVisibility, OnChange, PersistState, \
    Width, input_widget, invalid_type

__all__ = ["radio"]
ELEMENT_TYPES = {"radio": "radio"}


def radio(label: str, options: Any, index: int | None = 0, format_func: Callable[[Any], Any] = str, key: Key = None,
          help: Help = None, on_change: OnChange = "rerun", args: Args = None, kwargs: Kwargs = None, *,
          disabled: bool = False, horizontal: bool = False, captions: Sequence[str] | None = None,
          label_visibility: LabelVisibility = "visible", width: Width = "content", bind: Bind = None,
          persist_state: PersistState = None) -> Any:
    """A group of radio buttons; returns the chosen option (None when index=None and nothing is chosen)."""
    codec = IndexCodec(options, index, format_func)
    return input_widget("radio", locals(), codec, content_width=True, props={
        "captions": None if captions is None else [_caption(c) for c in captions][:len(codec.options)],
        "horizontal": bool(horizontal)}, id_parts={"options": codec.labels, "index": index, "horizontal": horizontal,
                                                   "captions": captions if captions is None else list(captions)}).value


def _caption(caption: Any) -> str:
    if caption is None:
        return ""
    if isinstance(caption, str):
        return caption
    raise invalid_type("captions", type(caption).__name__, ["str", "None"])
