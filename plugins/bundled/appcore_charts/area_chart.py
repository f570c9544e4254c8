"""st.area_chart: filled areas, unstacked unless `stack` says otherwise (as Streamlit 1.67)."""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from appcore.plugin import Container

from .line_chart import builtin_chart


def area_chart(data: Any = None, *, x: str | None = None, y: str | Sequence[str] | None = None,
               x_label: str | None = None, y_label: str | None = None, color: Any = None, stack: Any = None,
               width: Any = "stretch", height: Any = "content", use_container_width: bool | None = None,
               alt: str | None = None) -> Container:
    return builtin_chart("area", **locals())
