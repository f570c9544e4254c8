"""st.text_area."""
from __future__ import annotations

from typing import Literal

from appcore.plugin import Args, Bind, Help, Key, Kwargs, LabelVisibility, OnChange, PersistState, TextCodec, \
    WidthWithoutContent, check_height, input_widget

__all__ = ["text_area"]
ELEMENT_TYPES = {"text_area": "text_area"}


def text_area(label: str, value: str | None = "", height: int | Literal["stretch", "content"] | None = None,
              max_chars: int | None = None, key: Key = None, help: Help = None, on_change: OnChange = "rerun",
              args: Args = None, kwargs: Kwargs = None, *, placeholder: str | None = None, disabled: bool = False,
              required: bool = False, label_visibility: LabelVisibility = "visible",
              width: WidthWithoutContent = "stretch", bind: Bind = None,
              persist_state: PersistState = None) -> str | None:
    """A multi-line text input; the browser sends its text on blur or Ctrl+Enter."""
    shown_height = check_height(height, allow_content=True) if height is not None else (
        122 if label_visibility != "collapsed" else 94)
    return input_widget("text_area", locals(), TextCodec(value, max_chars), identity={"max_chars": max_chars},
                        props={"height": shown_height, "placeholder": None if placeholder is None else str(placeholder),
                               "required": bool(required)},
                        id_parts={"value": None if value is None else str(value), "height": height,
                                  "max_chars": max_chars, "placeholder": str(placeholder), "required": required}).value
