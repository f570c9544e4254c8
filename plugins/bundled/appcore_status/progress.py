"""st.progress: a bar from 0 to 100, updated in place through the handle it returns."""
from __future__ import annotations

import math
from typing import Any

from appcore.plugin import Container, add_element, check_width, invalid_type, markdown_html, out_of_range

from ._common import clean_text


def _percent(value: Any) -> int:
    """Streamlit's rule: an int is a percentage, a float a fraction (within rounding of 0.0 and 1.0)."""
    if isinstance(value, bool):  # an int to Python; Streamlit refuses it too
        raise invalid_type("value", "bool", ["int", "float"])
    if isinstance(value, int):
        if not 0 <= value <= 100:
            raise out_of_range("value", value, 0, 100)
        return value
    if isinstance(value, float):
        if not (0.0 <= value <= 1.0 or math.isclose(value, 0.0, rel_tol=1e-9, abs_tol=1e-9)
                or math.isclose(value, 1.0, rel_tol=1e-9, abs_tol=1e-9)):
            raise out_of_range("value", value, 0.0, 1.0)
        return min(100, max(0, int(value * 100)))
    raise invalid_type("value", type(value).__name__, ["int", "float"])


def progress(value: int | float, text: str | None = None, width: str | int = "stretch") -> Container:
    """A progress bar; ``bar.progress(50, text=...)`` on the returned handle moves it."""
    percent = _percent(value)
    if text is not None and not isinstance(text, str):
        raise invalid_type("text", type(text).__name__, ["str"])
    shown = None if text is None else clean_text(text)
    return add_element("progress", {"value": percent, "text": shown, "text_html": markdown_html(shown),
                                    "width": check_width(width)})
