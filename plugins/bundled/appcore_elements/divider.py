"""st.divider: a horizontal rule."""
from __future__ import annotations

from appcore.plugin import Container, add_element, check_width


__all__ = ["divider"]
ELEMENT_TYPES = {"divider": "divider"}


def divider(*, width: str | int = "stretch") -> Container:
    """A horizontal rule."""
    return add_element("divider", {"width": check_width(width)})
