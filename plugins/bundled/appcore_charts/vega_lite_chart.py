"""st.vega_lite_chart, and the element every Vega-Lite chart is drawn as.

Every chart (line, area, bar, scatter, vega_lite, altair) is one renderer,
vega_lite_chart.js, fed ``{"spec", "datasets", "theme", "width", "height", ...}``:
the spec names its datasets and the datasets travel beside it, column by column
(_data.py), so a rerun that changes only the data updates the drawn chart in place.
"""
from __future__ import annotations

from typing import Any

from appcore.plugin import Container, add_element, check_height, check_width

CHART_TYPES = ("line_chart", "area_chart", "bar_chart", "scatter_chart", "vega_lite_chart", "altair_chart")


def sizes(width: Any, height: Any, use_container_width: bool | None, *, default_width: Any = "stretch") -> tuple[Any, Any]:
    """Streamlit's width and height of a chart, checked; `use_container_width` (deprecated) wins over `width`."""
    width = check_width(default_width if width is None else width, allow_content=True)
    height = check_height(height, allow_content=True)
    if use_container_width is not None:
        width = "stretch" if use_container_width else "content"
    return width, height


def draw_chart(element_type: str, spec: dict[str, Any], datasets: list[dict[str, Any]], *, width: Any, height: Any,
               theme: str | None = "streamlit", alt: str | None = None, **extra: Any) -> Container:
    return add_element(element_type, {"spec": spec, "datasets": datasets, "theme": theme or "", "width": width,
                                      "height": height, "use_container_width": False, "alt": alt, **extra})


def test_value(props: dict[str, Any]) -> Any:
    """What ``node.value`` reads on AppTest: None for a chart, as on Streamlit's."""
    return None
