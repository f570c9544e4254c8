"""st.selectbox: the browser sends the index of the chosen option, or the text
of a new one when ``accept_new_options`` allows it."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any, Literal

from appcore.plugin import check_icon, Args, Bind, Help, IndexCodec, Key, Kwargs, LabelVisibility, OnChange, PersistState, \
    WidthWithoutContent, input_widget


from ._inputs import check_filter_mode

__all__ = ["selectbox"]
ELEMENT_TYPES = {"selectbox": "selectbox"}


def selectbox(label: str, options: Any, index: int | None = 0, format_func: Callable[[Any], str] = str,
              key: Key = None, help: Help = None, on_change: OnChange = "rerun", args: Args = None,
              kwargs: Kwargs = None, *, placeholder: str | None = None, disabled: bool = False,
              required: bool = False, label_visibility: LabelVisibility = "visible", icon: str | None = None,
              accept_new_options: bool = False, filter_mode: Literal["fuzzy", "contains", "prefix"] | None = "fuzzy",
              width: WidthWithoutContent = "stretch", bind: Bind = None, persist_state: PersistState = None) -> Any:
    """A drop-down; returns the chosen option, a new string, or None."""
    codec = IndexCodec(options, index, format_func, accept_new=accept_new_options)
    props = {"placeholder": " " if placeholder == "" else placeholder, "required": bool(required),
             "icon": check_icon(icon) or None, "filter_mode": check_filter_mode(filter_mode, accept_new_options)}
    return input_widget("selectbox", locals(), codec, props=props, identity={"accept_new_options": accept_new_options},
                        id_parts={"options": codec.labels, "index": index, "accept_new_options": accept_new_options,
                                  "required": required, **props}).value
