"""st.markdown, st.title, st.header, st.subheader, st.caption.

Markdown is rendered on the server as Streamlit's frontend renders it: GitHub's
tables, strikethrough, task lists and bare links, coloured text (the palette and
custom CSS colours), backgrounds and badges, ``:small[...]``, ``:shimmer[...]``,
typographic arrows, emoji shortcodes, ``:material/name:`` icons and ``$maths$``
(typeset in the browser). Bodies are dedented first, as Streamlit's are, so an indented
triple-quoted string is Markdown, not a code block.
"""
from __future__ import annotations

import re
import threading
from functools import cache, lru_cache
from typing import Any

import nh3

from appcore.plugin import AppcoreAPIError, Container, add_element, check_width, invalid_value

from ._display import check_bool, clean_text, help_html

__all__ = ["markdown", "title", "header", "subheader", "caption"]
ELEMENT_TYPES = {"markdown": "markdown", "caption": "markdown", "title": "heading", "header": "heading", "subheader": "heading"}

# What our own rules put into the HTML, kept by the sanitiser (icons' names, maths' source).
# nh3's own allowance (links' href, images' src, ...) plus these.
_EXTRA_ATTRIBUTES = {"*": {"style", "class", "id", "title"}, "span": {"role", "aria-label", "translate", "data-tex"},
                     "div": {"data-tex"}, "a": {"target", "aria-label"}, "input": {"type", "checked", "disabled"}}
_ATTRIBUTES = {tag: set(nh3.ALLOWED_ATTRIBUTES.get(tag, ())) | set(_EXTRA_ATTRIBUTES.get(tag, ()))
               for tag in {*nh3.ALLOWED_ATTRIBUTES, *_EXTRA_ATTRIBUTES}}
_ALIGNMENTS = ("left", "center", "right", "justify")

_DIVIDER_COLORS = ("blue", "green", "orange", "red", "violet", "gray", "grey", "rainbow")


def parser(unsafe_allow_html: bool) -> Any:
    """markdown-it with Streamlit's extras: raw HTML escaped, or kept (to be sanitised). Built on
    first use, since importing markdown-it is a tenth of start-up; ``appcore run`` starts building
    the first on a thread of its own as it starts (appcore_server_started), and a run that needs
    it before it is done waits for that build rather than making a second."""
    with _BUILDING:
        return _built_parser(unsafe_allow_html)


_BUILDING = threading.Lock()


@cache
def _built_parser(unsafe_allow_html: bool) -> Any:
    from markdown_it import MarkdownIt

    from ._markdown_colors import add_colors
    from ._markdown_extras import add_extras

    options = {"html": True} if unsafe_allow_html else {"html": False, "linkify": False}
    return add_extras(add_colors(MarkdownIt("commonmark", options).enable("table").enable("strikethrough")))


@lru_cache(maxsize=4096)
def render_markdown(body: str, unsafe_allow_html: bool = False) -> str:
    """Markdown to HTML: raw HTML escaped, or with unsafe_allow_html kept but sanitised."""
    if not unsafe_allow_html:
        return parser(False).render(body)
    return sanitize(parser(True).render(body))


def sanitize(html: str) -> str:
    """The HTML an app may show: no scripts or event handlers; styles, classes and links kept."""
    return nh3.clean(html, attributes=_ATTRIBUTES, link_rel="noopener noreferrer",
                     tags=nh3.ALLOWED_TAGS | {"style", "span", "div", "font", "input", "section"}, clean_content_tags={"script"})


# Words and the punctuation markdown leaves alone, on one line, starting with a letter: rendered
# inline, such a body is itself (with quotes escaped), so a plain title needs no parser.
_PLAIN = re.compile(r"[^\W\d_](?:[^\W_]|[ ,.;?!'\"%()/=+-])*")


def _inline(body: str) -> str:
    if _PLAIN.fullmatch(body) and body == body.rstrip() and "--" not in body and "  " not in body:
        return body.replace('"', "&quot;")
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


def _text_props(body: object, unsafe_allow_html: bool, help: str | None, width: str | int,
                text_alignment: str, wrap: bool) -> dict:
    check_bool("wrap", wrap)
    if wrap is False and unsafe_allow_html:
        raise AppcoreAPIError("`wrap=False` and `unsafe_allow_html=True` cannot be used together. One-line markdown "
                              "cannot ellipsize raw HTML. Pass `wrap=True` to render HTML, or omit "
                              "`unsafe_allow_html` to truncate.")
    if text_alignment not in _ALIGNMENTS:
        raise invalid_value("text_alignment", [f"'{a}'" for a in _ALIGNMENTS])
    text = clean_text(body)
    help_text = None if not help else clean_text(help)
    return {"html": render_markdown(text, bool(unsafe_allow_html)), "body": text,
            "help": help_text, "help_html": help_html(help_text), "width": width,
            "text_alignment": text_alignment, "wrap": wrap}


def markdown(body: object, unsafe_allow_html: bool = False, *, help: str | None = None,
             width: str | int = "auto", text_alignment: str = "left", anchors: bool = True,
             wrap: bool = True) -> Container:
    """Markdown, dedented; raw HTML is escaped unless ``unsafe_allow_html`` (then sanitised)."""
    width = width if width == "auto" else check_width(width, allow_content=True)
    return add_element("markdown", {**_text_props(body, unsafe_allow_html, help, width, text_alignment, wrap),
                                    "anchors": bool(anchors)})


def caption(body: object, unsafe_allow_html: bool = False, *, help: str | None = None,
            width: str | int = "stretch", text_alignment: str = "left", wrap: bool = True) -> Container:
    """Small, muted Markdown for notes and footnotes."""
    return add_element("caption", _text_props(body, unsafe_allow_html, help, check_width(width, allow_content=True),
                                              text_alignment, wrap))


def _heading(type: str, level: int, body: object, anchor: str | bool | None, help: str | None,
             divider: bool | str = False) -> Container:
    text = str(body)
    return add_element(type, {"html": _inline(text), "body": text, "level": level,
                              "anchor": _anchor(text, anchor), "help": help, "help_html": help_html(help),
                              "divider": _divider(divider)})


def title(body: object, anchor: str | bool | None = None, *, help: str | None = None,
          width: str | int = "stretch") -> Container:
    return _heading("title", 1, body, anchor, help)


def header(body: object, anchor: str | bool | None = None, *, help: str | None = None,
           divider: bool | str = False, width: str | int = "stretch") -> Container:
    return _heading("header", 2, body, anchor, help, divider)


def subheader(body: object, anchor: str | bool | None = None, *, help: str | None = None,
              divider: bool | str = False, width: str | int = "stretch") -> Container:
    return _heading("subheader", 3, body, anchor, help, divider)
