"""st.container: a box to draw into, optionally bordered, scrolling or horizontal."""
from __future__ import annotations

from typing import Literal

from appcore.plugin import AppcoreAPIError, Container, add_container, check_height, check_width

from ._display import check_bool, check_choice

__all__ = ["container"]
ELEMENT_TYPES = {"container": "container"}
TEST_TYPES = {"container": "flex_container"}  # Streamlit's AppTest node type

GAPS = ("xxsmall", "xsmall", "small", "medium", "large", "xlarge", "xxlarge")


def check_gap(gap: str | int | None) -> str | int | None:
    if gap is None or gap in GAPS or (isinstance(gap, int) and not isinstance(gap, bool) and gap >= 0):
        return gap
    raise AppcoreAPIError(f"Invalid `gap` value. Supported values: {', '.join(repr(g) for g in GAPS)}, "
                          f"a non-negative integer (pixels), or None. Got {gap!r}.")


def container(*, border: bool | None = None, key: str | int | None = None, width: str | int = "stretch",
              height: str | int = "content", horizontal: bool = False, wrap: bool = True,
              horizontal_alignment: Literal["left", "center", "right", "distribute"] = "left",
              vertical_alignment: Literal["top", "center", "bottom", "distribute"] = "top",
              gap: str | int | None = "small", autoscroll: bool | None = None) -> Container:
    """A container; use it with ``with`` or call elements on it."""
    check_choice("horizontal_alignment", horizontal_alignment, ("left", "center", "right", "distribute"))
    check_choice("vertical_alignment", vertical_alignment, ("top", "center", "bottom", "distribute"))
    check_bool("wrap", wrap)
    if wrap is False and not horizontal:
        raise AppcoreAPIError(
            "wrap=False cannot be used with horizontal=False: a vertical container has no horizontal row of "
            "elements to keep in a single, scrolling row. Set `horizontal=True` to use `wrap=False`, or remove "
            "the `wrap` argument.")
    height = check_height("content" if height is None else height, allow_content=True)
    # As Streamlit: a fixed height draws a border unless told otherwise.
    shown_border = border if border is not None else isinstance(height, int)
    props = {"border": bool(shown_border), "width": check_width(width, allow_content=True), "height": height,
             "horizontal": bool(horizontal), "wrap": wrap, "horizontal_alignment": horizontal_alignment,
             "vertical_alignment": vertical_alignment, "gap": check_gap(gap), "autoscroll": autoscroll}
    return add_container("container", props, key=None if key is None else str(key))
