"""st.feedback: thumbs, faces or stars; returns the index of the one chosen, or None."""
from __future__ import annotations

from typing import Any, Literal

from appcore.plugin import Args, Bind, Codec, Key, Kwargs, OnChange, PersistState, Width, input_widget, \
    invalid_value, out_of_range

__all__ = ["feedback"]
ELEMENT_TYPES = {"feedback": "feedback"}

_COUNTS = {"thumbs": 2, "faces": 5, "stars": 5}


class FeedbackCodec(Codec):
    """An index among ``count`` icons or None; a click on the chosen one clears it."""

    clearable = True

    def __init__(self, count: int, default: int | None):
        self.count, self.default = count, default

    def parse(self, raw: Any) -> int | None:
        if raw is None:
            return None
        if isinstance(raw, bool) or not isinstance(raw, int):
            raise TypeError(f"feedback is sent as an index, got {type(raw).__name__}")
        if not 0 <= raw < self.count:
            raise ValueError(f"index {raw} is outside the {self.count} options")
        return raw

    def keep(self, stored: Any, by_user: bool) -> Any:
        return self.parse(stored)

    def query_item(self, text: str) -> int:
        return int(text)

    def props(self) -> dict[str, Any]:
        return {"count": self.count}


def feedback(options: Literal["thumbs", "faces", "stars"] = "thumbs", *, key: Key = None, default: int | None = None,
             disabled: bool = False, on_change: OnChange = "rerun", args: Args = None, kwargs: Kwargs = None,
             width: Width = "content", bind: Bind = None, persist_state: PersistState = None) -> int | None:
    """A row of thumbs (0 down, 1 up), faces or stars (0 to 4) to rate with."""
    if options not in _COUNTS:
        raise invalid_value("options", ["'thumbs'", "'faces'", "'stars'"])
    count = _COUNTS[options]
    if default is not None and not 0 <= default < count:
        raise out_of_range("default", default, 0, count - 1)
    # No label in Streamlit's signature: the kind names the group for assistive technology.
    params = {**locals(), "label": f"{options} feedback"}
    return input_widget("feedback", params, FeedbackCodec(count, default), content_width=True,
                        props={"options": options}, identity={"options": options},
                        id_parts={"options": options, "default": default}).value
