"""st.toggle: a checkbox drawn as a switch (Streamlit gives both the same signature)."""
from __future__ import annotations

from appcore.plugin import Args, Bind, BoolCodec, Help, Key, Kwargs, LabelVisibility, OnChange, PersistState, Width, \
    input_widget

__all__ = ["toggle"]
ELEMENT_TYPES = {"toggle": "toggle"}


def toggle(label: str, value: bool = False, key: Key = None, help: Help = None, on_change: OnChange = "rerun",
           args: Args = None, kwargs: Kwargs = None, *, disabled: bool = False,
           label_visibility: LabelVisibility = "visible", width: Width = "content", wrap: bool | None = None,
           bind: Bind = None, persist_state: PersistState = None) -> bool:
    """A switch; returns whether it is on."""
    return input_widget("toggle", locals(), BoolCodec(value), props={"wrap": wrap}, id_parts={"value": bool(value)},
                        content_width=True).value
