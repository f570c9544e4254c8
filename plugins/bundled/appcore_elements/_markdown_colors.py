"""Streamlit's coloured-text Markdown: ``:green[text]`` and ``:blue-background[text]``."""
from __future__ import annotations

import re
from typing import Any

COLORS = ("blue", "green", "orange", "red", "violet", "gray", "grey", "rainbow", "primary")
_OPEN = re.compile(r":(%s)(-background)?\[" % "|".join(COLORS))


def _closing_bracket(src: str, start: int, end: int) -> int:
    depth = 1
    for index in range(start, end):
        char = src[index]
        if char == "\\":
            continue
        if char == "[":
            depth += 1
        elif char == "]":
            depth -= 1
            if depth == 0:
                return index
    return -1


def _color_rule(state: Any, silent: bool) -> bool:
    if state.src[state.pos] != ":":
        return False
    match = _OPEN.match(state.src, state.pos, state.posMax)
    if match is None:
        return False
    content_start = match.end()
    close = _closing_bracket(state.src, content_start, state.posMax)
    if close < 0:
        return False
    if not silent:
        name = match.group(1).replace("grey", "gray")
        kind = "bg" if match.group(2) else "fg"
        token = state.push("st_color_open", "span", 1)
        token.attrSet("class", f"ac-{kind}-{name}")
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
