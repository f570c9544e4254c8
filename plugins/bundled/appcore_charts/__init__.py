"""Bundled plugin: charts. For now ``st.line_chart``, drawn as plain SVG; the
charts issue replaces the renderer with Vega-Lite behind the same API."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from appcore.plugin import ElementType, hookimpl

from .line_chart import line_chart

HERE = Path(__file__).parent


@hookimpl
def appcore_register_elements() -> list[ElementType]:
    return [ElementType("line_chart", HERE / "line_chart.js", extra={"test_type": "vega_lite_chart"})]


@hookimpl
def appcore_register_api() -> dict[str, Any]:
    return {"line_chart": line_chart}
