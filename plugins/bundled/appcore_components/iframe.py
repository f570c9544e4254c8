"""``st.iframe`` and the iframe elements of ``components.v1.html`` / ``.iframe``.

One way only: what runs in the frame sends nothing back. HTML runs as is,
scripts included (``st.html`` is the sanitised, frameless one).
"""
from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import Any, Literal

from appcore.plugin import AppcoreAPIError, Container, add_element, check_height, check_width

log = logging.getLogger("appcore.components")

_ABSOLUTE_URL = re.compile(r"^(https?|data):", re.I)
_HTML_SUFFIXES = (".html", ".htm", ".xhtml")
DEFAULT_HEIGHT = 150  # components.v1.html / .iframe, as Streamlit
URL_CONTENT_HEIGHT = 400  # a URL's content cannot be measured: st.iframe's height="content" falls back to this


def check_tab_index(tab_index: Any) -> None:
    if tab_index is None:
        return
    if isinstance(tab_index, bool) or not isinstance(tab_index, int):
        raise AppcoreAPIError(f"Invalid type for `tab_index`: {type(tab_index).__name__}. Supported types: int.")
    if tab_index < -1:
        raise AppcoreAPIError("Invalid `tab_index` value. Supported values: None, -1, a non-negative integer.")


def _check_pixels(name: str, value: Any) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise AppcoreAPIError(f"Invalid `{name}` value: {value!r}. Supported values: a non-negative integer or None.")
    return value


def html_element(html: str, *, width: int | None, height: int | None, scrolling: bool,
                 tab_index: int | None) -> Container:
    """The iframe of ``components.v1.html``: HTML as the frame's document."""
    check_tab_index(tab_index)
    return add_element("iframe", {
        "srcdoc": str(html), "src": None, "width": _check_pixels("width", width) or "stretch",
        "height": _check_pixels("height", height) or DEFAULT_HEIGHT, "scrolling": bool(scrolling),
        "tab_index": tab_index, "title": "st.iframe"})


def iframe_element(src: str, *, width: int | None, height: int | None, scrolling: bool,
                   tab_index: int | None) -> Container:
    """The iframe of ``components.v1.iframe``: a URL."""
    check_tab_index(tab_index)
    return add_element("iframe", {
        "srcdoc": None, "src": str(src), "width": _check_pixels("width", width) or "stretch",
        "height": _check_pixels("height", height) or DEFAULT_HEIGHT, "scrolling": bool(scrolling),
        "tab_index": tab_index, "title": "st.iframe"})


def _alt(alt: str | None) -> str:
    if alt is None:
        return "st.iframe"
    if not str(alt).strip():
        log.info("st.iframe: an empty `alt` keeps the frame's title 'st.iframe' (a frame needs a name).")
        return "st.iframe"
    return str(alt).strip()


def iframe(src: str | Path, *, width: int | Literal["stretch", "content"] = "stretch",
           height: int | Literal["stretch", "content"] = "content", tab_index: int | None = None,
           alt: str | None = None) -> Container:
    """Embed a URL (``http(s)://``, ``data:`` or ``/``-relative), HTML, or a local ``.html`` file (a ``Path``).

    ``height="content"`` sizes the frame to an HTML document's height; a URL,
    which cannot be measured, gets 400 px.
    """
    width = check_width(width, allow_content=True)
    height = check_height(height, allow_content=True)
    check_tab_index(tab_index)
    srcdoc = url = None
    if isinstance(src, Path):
        if src.suffix.lower() not in _HTML_SUFFIXES:
            raise AppcoreAPIError(
                f"st.iframe({str(src)!r}): appcore embeds local HTML files (.html, .htm, .xhtml); for another "
                "kind of file, serve it and pass its URL, or use st.image, st.pdf or st.download_button.")
        try:
            srcdoc = src.read_text(encoding="utf-8")
        except OSError as error:
            raise AppcoreAPIError(f"st.iframe could not read {str(src)!r}: {error.strerror}.") from None
    elif not isinstance(src, str):
        raise AppcoreAPIError(f"st.iframe takes a URL, HTML or a pathlib.Path, not {type(src).__name__}.")
    elif _ABSOLUTE_URL.match(src) or (src.startswith("/") and "\n" not in src and "<" not in src):
        url = src
    else:
        srcdoc = src
    if url is not None:  # cross-origin content cannot be measured
        width = "stretch" if width == "content" else width
        height = URL_CONTENT_HEIGHT if height == "content" else height
    return add_element("iframe", {"srcdoc": srcdoc, "src": url, "width": width, "height": height,
                                  "scrolling": True, "tab_index": tab_index, "title": _alt(alt)})
