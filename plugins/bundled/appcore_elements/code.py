"""st.code: a code block with a copy button and optional line numbers."""
from __future__ import annotations

import re

from appcore.plugin import Container, add_element, check_height, check_width

from ._display import check_bool

__all__ = ["code"]
ELEMENT_TYPES = {"code": "code"}


def code(body: object, language: str | None = "python", *, line_numbers: bool = False,
         wrap_lines: bool = False, height: str | int | None = "content",
         width: str | int = "stretch") -> Container:
    """A code block with a copy button; ``language=None`` shows plain monospace text."""
    check_bool("line_numbers", line_numbers)
    check_bool("wrap_lines", wrap_lines)
    # As Streamlit: drop one leading and one trailing newline, keep other whitespace.
    source = re.sub(r"\n\Z", "", re.sub(r"\A\n", "", str(body)))
    return add_element("code", {
        "body": source, "language": language or "plaintext", "line_numbers": line_numbers,
        "wrap_lines": wrap_lines, "height": check_height("content" if height is None else height, allow_content=True),
        "width": check_width(width, allow_content=True),
    })
