"""Streamlit's Markdown directives: ``:green[text]``, ``:blue-background[text]``,
``:orange-badge[text]`` and ``:small[text]``."""
from __future__ import annotations

import re
from typing import Any

COLORS = ("blue", "green", "orange", "red", "violet", "yellow", "gray", "grey", "rainbow", "primary")
_OPEN = re.compile(r":(?:(%s)(-background|-badge)?|(small))\[" % "|".join(COLORS))


def _closing_bracket(src: str, start: int, end: int) -> int:
    depth = 1
    index = start
    while index < end:
        char = src[index]
        if char == "\\":
            index += 2  # an escaped bracket (st.badge escapes its label's) does not count
            continue
        if char == "[":
            depth += 1
        elif char == "]":
            depth -= 1
            if depth == 0:
                return index
        index += 1
    return -1


def _class(match: re.Match[str]) -> str | None:
    if match.group(3):
        return "ac-small"
    name = match.group(1).replace("grey", "gray")
    suffix = match.group(2)
    if suffix == "-badge":
        return None if name == "rainbow" else f"ac-badge ac-badge-{name}"  # as Streamlit: no rainbow badge
    return f"ac-{'bg' if suffix else 'fg'}-{name}"


def _color_rule(state: Any, silent: bool) -> bool:
    if state.src[state.pos] != ":":
        return False
    match = _OPEN.match(state.src, state.pos, state.posMax)
    if match is None:
        return False
    css_class = _class(match)
    content_start = match.end()
    close = _closing_bracket(state.src, content_start, state.posMax)
    if close < 0 or css_class is None:
        return False
    if not silent:
        token = state.push("st_color_open", "span", 1)
        token.attrSet("class", css_class)
        old_pos, old_max = state.pos, state.posMax
        state.pos, state.posMax = content_start, close
        state.md.inline.tokenize(state)
        state.pos, state.posMax = old_pos, old_max
        state.push("st_color_close", "span", -1)
    state.pos = close + 1
    return True


def add_colors(md: Any) -> Any:
    md.inline.ruler.before("link", "st_color", _color_rule)
    md.add_render_rule("st_color_open", lambda self, tokens, idx, options, env: f'<span class="{tokens[idx].attrGet("class")}">')
    md.add_render_rule("st_color_close", lambda self, tokens, idx, options, env: "</span>")
    return md
