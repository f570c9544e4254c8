"""st.columns: a row of side-by-side containers, sized by weight."""
from __future__ import annotations

from collections.abc import Sequence
from numbers import Integral
from typing import Literal

from appcore.plugin import (AppcoreAPIError, WidthWithoutContent, add_container, check_width, invalid_type,
                            invalid_value)

from ._layout import LayoutContainer, check_gap

__all__ = ["columns"]
ELEMENT_TYPES = {"columns": "columns", "column": "column"}
TEST_TYPES = {"columns": "flex_container", "column": "column"}  # Streamlit's AppTest node types

SPEC_ERROR = ("The `spec` argument to `st.columns` must be either a positive integer (number of columns) or a "
              "list of positive numbers (width ratios of the columns). See "
              "[documentation](https://docs.streamlit.io/develop/api-reference/layout/st.columns) "
              "for more information.")
ALIGNMENTS = ("top", "center", "bottom")


def columns(spec: int | Sequence[int | float], *, gap: str | int | None = "small",
            vertical_alignment: Literal["top", "center", "bottom"] = "top", border: bool = False,
            width: WidthWithoutContent = "stretch", wrap: bool = True) -> list[LayoutContainer]:
    """``spec`` columns of equal width (an int) or of these relative widths (a list);
    each is a container to draw into (``with col:`` or ``col.write(...)``)."""
    weights = (1,) * int(spec) if isinstance(spec, Integral) else spec
    try:
        invalid = len(weights) == 0 or any(weight <= 0 for weight in weights)
    except TypeError:
        raise invalid_type("spec", type(spec).__name__, ["int", "sequence of numbers"]) from None
    if invalid:
        raise AppcoreAPIError(SPEC_ERROR)
    if not isinstance(wrap, bool):
        raise invalid_value("wrap", ["True", "False"])
    if vertical_alignment not in ALIGNMENTS:
        raise invalid_value("vertical_alignment", [f"'{a}'" for a in ALIGNMENTS], f"Got {vertical_alignment!r}.")
    gap = check_gap(gap)
    row = add_container("columns", {"gap": gap, "wrap": wrap, "width": check_width(width)})
    total = sum(weights)
    column_props = {"gap": gap, "vertical_alignment": vertical_alignment, "border": bool(border)}
    result = []
    with row:
        for weight in weights:
            column = add_container("column", {**column_props, "weight": float(weight / total)})
            result.append(LayoutContainer(column.path, column.scope))
    return result
