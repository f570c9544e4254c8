"""st.checkbox."""
from __future__ import annotations

from appcore.plugin import Args, Bind, BoolCodec, Help, Key, Kwargs, LabelVisibility, OnChange, PersistState, Width, \
    input_widget

__all__ = ["checkbox"]
ELEMENT_TYPES = {"checkbox": "checkbox"}


def checkbox(label: str, value: bool = False, key: Key = None, help: Help = None, on_change: OnChange = "rerun",
             args: Args = None, kwargs: Kwargs = None, *, disabled: bool = False,
             label_visibility: LabelVisibility = "visible", width: Width = "content", wrap: bool | None = None,
             bind: Bind = None, persist_state: PersistState = None) -> bool:
    """A checkbox; returns whether it is checked."""
    return input_widget("checkbox", locals(), BoolCodec(value), props={"wrap": wrap}, id_parts={"value": bool(value)},
                        content_width=True).value
