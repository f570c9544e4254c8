"""st.altair_chart: an Altair chart, drawn from the Vega-Lite spec Altair writes for it.

Altair is the user's: this module never imports it before a chart is drawn. The
DataFrames a chart holds are taken as they are (a data transformer of our own names
them), not turned into rows by Altair, and go to the page as datasets like every chart's.
"""
from __future__ import annotations

import contextlib
import itertools
import threading
from collections.abc import Callable, Iterable
from typing import Any

from .vega_lite_chart import spec_chart

# Altair's data transformers are process-wide: one chart is written at a time.
_WRITING = threading.Lock()
_names = itertools.count()


def altair_chart(altair_chart: Any, *, width: Any = None, height: Any = "content",
                 use_container_width: bool | None = None, theme: str | None = "streamlit",
                 key: str | int | None = None, on_select: str | Callable[..., Any] = "ignore",
                 selection_mode: str | Iterable[str] | None = None, alt: str | None = None) -> Any:
    spec, frames = _to_spec(altair_chart)
    return spec_chart("altair_chart", spec, None, width=width, height=height,
                      use_container_width=use_container_width, theme=theme, key=key, on_select=on_select,
                      selection_mode=selection_mode, alt=alt, frames=frames)


def _to_spec(chart: Any) -> tuple[dict[str, Any], dict[str, Any]]:
    """The chart's spec and the frames it names. An object that is no chart fails at
    ``to_dict`` as on Streamlit."""
    to_dict = chart.to_dict
    frames: dict[str, Any] = {}

    def keep_frame(data: Any) -> dict[str, Any]:
        if hasattr(data, "columns") or hasattr(data, "__dataframe__"):
            name = f"appcore-frame-{next(_names)}"
            frames[name] = data
            return {"name": name}
        import altair

        return altair.default_data_transformer(data)

    import altair

    themes = getattr(altair, "theme", None) or altair.themes  # altair.theme since Altair 5.5
    with _WRITING:
        registry = altair.data_transformers
        registry.register("appcore", keep_frame)
        with registry.enable("appcore"), contextlib.ExitStack() as stack:
            if themes.active == "default":  # Altair's default look gives way to the chart's theme
                stack.enter_context(themes.enable("none"))
            spec = to_dict()
    return spec, frames
