"""st.text: plain text in a monospace font, without Markdown or HTML."""
from __future__ import annotations

from typing import Literal

from appcore.plugin import Container, add_element, check_width

from ._display import check_bool, check_choice, clean_text, help_html

__all__ = ["text"]
ELEMENT_TYPES = {"text": "text"}


def text(body: object, *, help: str | None = None, width: str | int = "content",
         text_alignment: Literal["left", "center", "right", "justify"] = "left",
         wrap: bool = True) -> Container:
    """Text as typed: no Markdown or HTML; line breaks are kept."""
    check_bool("wrap", wrap)
    check_choice("text_alignment", text_alignment, ("left", "center", "right", "justify"))
    help = None if help is None else clean_text(help)
    return add_element("text", {"body": clean_text(body), "help": help, "help_html": help_html(help),
                                "width": check_width(width, allow_content=True),
                                "text_alignment": text_alignment, "wrap": wrap})
