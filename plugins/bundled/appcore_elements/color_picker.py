"""st.color_picker: a hex colour such as ``"#00ffaa"``."""
from __future__ import annotations

from appcore.plugin import Args, Bind, ColorCodec, Help, Key, Kwargs, LabelVisibility, OnChange, PersistState, \
    Width, input_widget

__all__ = ["color_picker"]
ELEMENT_TYPES = {"color_picker": "color_picker"}


def color_picker(label: str, value: str | None = None, key: Key = None, help: Help = None,
                 on_change: OnChange = "rerun", args: Args = None, kwargs: Kwargs = None, *, disabled: bool = False,
                 label_visibility: LabelVisibility = "visible", width: Width = "content", bind: Bind = None,
                 persist_state: PersistState = None) -> str:
    """A colour swatch that opens the browser's colour picker; returns a hex string."""
    if isinstance(width, int) and width < 40:
        width = 40  # Streamlit widens a narrow picker before it checks the width
    return input_widget("color_picker", locals(), ColorCodec(value), id_parts={"value": str(value)},
                        content_width=True).value
