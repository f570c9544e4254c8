"""st.html: HTML shown as is, sanitised (no scripts or event handlers) unless
``unsafe_allow_javascript``. A ``pathlib.Path`` is read (a ``.css`` file becomes a
``<style>``); HTML that is only styles is added to the page's styles and takes no space."""
from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import Any

from appcore.plugin import AppcoreAPIError, Container, add_element, check_width

from ._display import check_bool, clean_text
from .markdown import sanitize

__all__ = ["html"]
ELEMENT_TYPES = {"html": "html"}

log = logging.getLogger("appcore.elements.html")
_COMMENTS = re.compile(r"<!--.*?-->", re.S)
_STYLES = re.compile(r"<style[^>]*>.*?</style>", re.S | re.I)
_MAX_PATH = 4096


def _only_styles(content: str) -> bool:
    return _STYLES.sub("", _COMMENTS.sub("", content)).strip() == ""


def _looks_like_a_file(text: str) -> bool:
    if len(text) > _MAX_PATH or "<" in text:
        return False
    try:
        return Path(text).is_file()
    except (OSError, ValueError):
        return False


def html(body: Any, *, width: str | int = "stretch", unsafe_allow_javascript: bool = False) -> Container:
    """HTML in the page (not an iframe), sanitised; a Path to an .html or .css file is read."""
    if callable(getattr(body, "_repr_html_", None)):
        content = body._repr_html_()
    elif isinstance(body, Path):
        content = body.read_text(encoding="utf-8")
        if body.suffix.lower() == ".css":
            content = f"<style>{content}</style>"
    else:
        if isinstance(body, str) and _looks_like_a_file(body):
            log.warning("Passing a local file path as a string to `st.html` is no longer supported. "
                        "To load a local file, pass a `pathlib.Path` object instead.")
        content = clean_text(body)
    if content == "":
        raise AppcoreAPIError("The `body` parameter is required.")
    check_bool("unsafe_allow_javascript", unsafe_allow_javascript)
    styles_only = _only_styles(content)
    shown = content if unsafe_allow_javascript and not styles_only else sanitize(content)
    return add_element("html", {"body": content, "html": shown, "styles_only": styles_only,
                                "run_scripts": bool(unsafe_allow_javascript) and not styles_only,
                                "width": check_width(width, allow_content=True)})
