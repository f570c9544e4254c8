"""st.badge: a small coloured label, drawn as Streamlit draws it: a markdown element
whose body is the ``:color-badge[icon label]`` directive."""
from __future__ import annotations

from typing import Literal

from appcore.plugin import check_icon, Container, add_element, check_width

from ._display import clean_text, help_html
from .markdown import render_markdown

__all__ = ["badge"]


def badge(label: str, *, icon: str | None = None,
          color: Literal["red", "orange", "yellow", "blue", "green", "violet", "gray", "grey", "primary"] = "blue",
          width: str | int = "content", help: str | None = None) -> Container:
    """A badge with an optional icon; at.markdown reads its directive, as in Streamlit's AppTest."""
    shown_icon = check_icon(icon)
    escaped = str(label).replace("[", "\\[").replace("]", "\\]")
    body = f":{color}-badge[{f'{shown_icon} ' if shown_icon else ''}{escaped}]"
    return add_element("markdown", {"html": render_markdown(body), "body": body,
                                    "help": None if help is None else clean_text(help),
                                    "help_html": help_html(None if help is None else clean_text(help)),
                                    "width": check_width(width, allow_content=True), "text_alignment": "left",
                                    "wrap": True, "anchors": True})
