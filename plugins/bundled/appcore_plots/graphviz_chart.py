"""st.graphviz_chart: a Graphviz graph (a ``graphviz`` Graph, Digraph or Source, or DOT
text) laid out and drawn in the browser by the vendored Viz.js (Graphviz compiled to
WebAssembly, loaded on the first graph), so no Graphviz program is needed on the server."""
from __future__ import annotations

from typing import Any

from appcore.plugin import Container, Width, add_element, check_height, check_width, container_width, invalid_type

__all__ = ["graphviz_chart"]

ENGINES = ("circo", "dot", "fdp", "neato", "nop", "nop1", "nop2", "osage", "patchwork", "sfdp", "twopi")


def graphviz_chart(figure_or_dot: Any, use_container_width: bool | None = None, *,
                   width: Width = "content", height: Any = "content", alt: str | None = None) -> Container:
    """A graph drawn from its DOT source with the engine it names (``dot`` for text)."""
    width = container_width(use_container_width, width)
    width = check_width(width, allow_content=True)
    height = check_height(height, allow_content=True)
    dot, engine = _dot_of(figure_or_dot)
    return add_element("graphviz_chart", {"spec": dot, "engine": engine, "width": width, "height": height,
                                          "alt": (alt or "").strip() or None})


def _dot_of(figure_or_dot: Any) -> tuple[str, str]:
    if isinstance(figure_or_dot, str):
        return figure_or_dot, "dot"
    module = type(figure_or_dot).__module__ or ""
    source = getattr(figure_or_dot, "source", None)
    if module.split(".")[0] == "graphviz" and isinstance(source, str):
        engine = getattr(figure_or_dot, "engine", "dot")
        return source, engine if engine in ENGINES else "dot"
    raise invalid_type("figure_or_dot", type(figure_or_dot).__name__,
                       ["graphviz.Graph", "graphviz.Digraph", "graphviz.Source", "str"])
