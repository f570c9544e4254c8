"""st.markdown, st.title, st.header, st.subheader, st.caption."""
from __future__ import annotations

import re
from functools import lru_cache

import nh3
from markdown_it import MarkdownIt

from appcore.plugin import AppcoreAPIError, Container, add_element

from ._markdown_colors import add_colors

__all__ = ["markdown", "title", "header", "subheader", "caption"]
ELEMENT_TYPES = {"markdown": "markdown", "caption": "markdown", "title": "heading", "header": "heading", "subheader": "heading"}

_safe = add_colors(MarkdownIt("commonmark", {"html": False, "linkify": False}).enable("table").enable("strikethrough"))
_unsafe = add_colors(MarkdownIt("commonmark", {"html": True}).enable("table").enable("strikethrough"))

_DIVIDER_COLORS = ("blue", "green", "orange", "red", "violet", "gray", "grey", "rainbow")


@lru_cache(maxsize=4096)
def render_markdown(body: str, unsafe_allow_html: bool = False) -> str:
    """Markdown to HTML: raw HTML escaped, or with unsafe_allow_html kept but sanitised."""
    if not unsafe_allow_html:
        return _safe.render(body)
    return nh3.clean(_unsafe.render(body), attributes={"*": {"style", "class", "id", "title"}},
                     link_rel=None, tags=nh3.ALLOWED_TAGS | {"style", "span", "div", "font"},
                     clean_content_tags={"script"})


def _inline(body: str) -> str:
    html = render_markdown(body)
    # a one-paragraph body renders inline inside headings and captions
    match = re.fullmatch(r"<p>(.*)</p>\n?", html, re.S)
    return match.group(1) if match else html


def _anchor(body: str, anchor: str | bool | None) -> str | None:
    if anchor is False:
        return None
    if isinstance(anchor, str):
        return anchor
    slug = re.sub(r"[^\w\- ]", "", body).strip().lower().replace(" ", "-")
    return slug or None


def _divider(divider: bool | str) -> str | None:
    if divider is False or divider is None:
        return None
    if divider is True:
        return "auto"
    if divider not in _DIVIDER_COLORS:
        raise AppcoreAPIError(f"divider must be True, False or one of {', '.join(_DIVIDER_COLORS)}; got {divider!r}.")
    return divider


def markdown(body: object, unsafe_allow_html: bool = False, *, help: str | None = None,
             width: str | int = "stretch") -> Container:
    text = str(body)
    return add_element("markdown", {"html": render_markdown(text, unsafe_allow_html), "body": text,
                                    "help": help})


def caption(body: object, unsafe_allow_html: bool = False, *, help: str | None = None,
            width: str | int = "stretch") -> Container:
    text = str(body)
    return add_element("caption", {"html": render_markdown(text, unsafe_allow_html), "body": text,
                                   "help": help})


def _heading(type: str, level: int, body: object, anchor: str | bool | None, help: str | None,
             divider: bool | str = False) -> Container:
    text = str(body)
    return add_element(type, {"html": _inline(text), "body": text, "level": level,
                              "anchor": _anchor(text, anchor), "help": help, "divider": _divider(divider)})


def title(body: object, anchor: str | bool | None = None, *, help: str | None = None,
          width: str | int = "stretch") -> Container:
    return _heading("title", 1, body, anchor, help)


def header(body: object, anchor: str | bool | None = None, *, help: str | None = None,
           divider: bool | str = False, width: str | int = "stretch") -> Container:
    return _heading("header", 2, body, anchor, help, divider)


def subheader(body: object, anchor: str | bool | None = None, *, help: str | None = None,
              divider: bool | str = False, width: str | int = "stretch") -> Container:
    return _heading("subheader", 3, body, anchor, help, divider)
