"""st.success, st.info, st.warning, st.error: coloured message boxes with a Markdown body."""
from __future__ import annotations

from typing import Any

from appcore.plugin import check_icon, leading_icon, Container, add_element, check_width

from ._display import clean_text
from .markdown import _inline, render_markdown

__all__ = ["success", "info", "warning", "error"]
ELEMENT_TYPES = {"success": "alert", "info": "alert", "warning": "alert", "error": "alert"}


def _alert(kind: str, body: Any, icon: str | None, width: str | int, title: Any) -> Container:
    text = clean_text(body)
    if icon is not None:
        shown_icon = check_icon(icon)
    else:
        # As Streamlit: a body that starts with an emoji or :material/x: shows it as the icon.
        shown_icon, text = leading_icon(text)
    title_text = None if title is None else clean_text(title)
    return add_element(kind, {"body": text, "html": render_markdown(text), "icon": shown_icon,
                              "title": title_text, "title_html": None if title_text is None else _inline(title_text),
                              "width": check_width(width)})


def success(body: Any, *, icon: str | None = None, width: str | int = "stretch", title: Any = None) -> Container:
    """A green box for a success message."""
    return _alert("success", body, icon, width, title)


def info(body: Any, *, icon: str | None = None, width: str | int = "stretch", title: Any = None) -> Container:
    """A blue box for an informational message."""
    return _alert("info", body, icon, width, title)


def warning(body: Any, *, icon: str | None = None, width: str | int = "stretch", title: Any = None) -> Container:
    """A yellow box for a warning."""
    return _alert("warning", body, icon, width, title)


def error(body: Any, *, icon: str | None = None, width: str | int = "stretch", title: Any = None) -> Container:
    """A red box for an error message."""
    return _alert("error", body, icon, width, title)
