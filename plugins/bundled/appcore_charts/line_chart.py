"""st.line_chart: one line per column, x from the index or a column."""
from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

from appcore.plugin import AppcoreAPIError, Container, add_element

MAX_POINTS = 5000


def line_chart(
    data: Any = None,
    *,
    x: str | None = None,
    y: str | Sequence[str] | None = None,
    x_label: str | None = None,
    y_label: str | None = None,
    color: str | Sequence[str] | None = None,
    width: int | None = None,
    height: int | None = None,
    use_container_width: bool = True,
) -> Container:
    import pandas as pd

    frame = data if isinstance(data, pd.DataFrame) else pd.DataFrame(data if data is not None else {})
    if x is not None and x not in frame.columns:
        raise AppcoreAPIError(f"line_chart: x={x!r} is not a column of the data; columns: {list(frame.columns)}.")
    columns = [y] if isinstance(y, str) else list(y) if y is not None else [c for c in frame.columns if c != x]
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise AppcoreAPIError(f"line_chart: y={missing} not in the data; columns: {list(frame.columns)}.")
    frame = frame.tail(MAX_POINTS)
    xs = frame[x] if x is not None else frame.index
    colors = [color] if isinstance(color, str) else list(color or [])
    series = [{"name": str(c), "values": [_number(v) for v in frame[c]],
               "color": colors[i] if i < len(colors) else None} for i, c in enumerate(columns)]
    return add_element("line_chart", {
        "x": [_label(v) for v in xs], "series": series,
        "x_label": x_label if x_label is not None else (x or ""), "y_label": y_label or "",
        "width": width, "height": height or 300, "use_container_width": use_container_width,
    })


def _number(value: Any) -> float | None:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None


def _label(value: Any) -> Any:
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value.item() if hasattr(value, "item") else value
