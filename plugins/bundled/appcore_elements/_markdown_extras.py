"""Streamlit's Markdown beyond CommonMark, as markdown-it rules: emoji shortcodes
(``:smile:``), Material icons (``:material/thumb_up:``) and maths (``$x^2$``,
``$$\\int f$$``). Maths is typeset in the browser by the vendored KaTeX: the HTML
carries the TeX source in ``data-tex``, shown as is until KaTeX has loaded."""
from __future__ import annotations

import json
import re
from functools import cache
from html import escape
from pathlib import Path
from typing import Any

_SHORTCODE = re.compile(r":([a-z0-9_+\-]+):")
_MATERIAL = re.compile(r":material/([a-z0-9_]+):")


@cache
def shortcodes() -> dict[str, str]:
    """``name -> emoji``, generated from the emoji package's data (scripts/emoji_shortcodes.py)."""
    path = Path(__file__).with_name("_emoji_shortcodes.json")
    return json.loads(path.read_text(encoding="utf-8"))


def material_icon_html(name: str) -> str:
    label = escape(name.replace("_", " "))
    return f'<span class="ac-icon-material" role="img" aria-label="{label}" translate="no">{escape(name)}</span>'


def _colon_rule(state: Any, silent: bool) -> bool:
    """``:material/name:`` or a known ``:shortcode:``; anything else stays text."""
    src, pos = state.src, state.pos
    if src[pos] != ":":
        return False
    material = _MATERIAL.match(src, pos, state.posMax)
    if material:
        if not silent:
            state.push("st_icon", "span", 0).content = material.group(1)
        state.pos = material.end()
        return True
    code = _SHORTCODE.match(src, pos, state.posMax)
    if code is None or code.group(1) not in shortcodes():
        return False
    if not silent:
        state.push("text", "", 0).content = shortcodes()[code.group(1)]
    state.pos = code.end()
    return True


def _math_inline(state: Any, silent: bool) -> bool:
    """``$...$`` as remark-math reads it, with pandoc's guard so prices stay text: no
    space just inside the dollars, no digit just after the closing one. ``$$...$$``
    inside a paragraph is display maths too."""
    src, pos, end = state.src, state.pos, state.posMax
    if src[pos] != "$":
        return False
    display = src.startswith("$$", pos)
    opener = "$$" if display else "$"
    start = pos + len(opener)
    if start >= end or (not display and src[start].isspace()):
        return False
    close = start
    while True:
        close = src.find(opener, close, end)
        if close < 0:
            return False
        if src[close - 1] == "\\":
            close += 1
            continue
        if not display and (src[close - 1].isspace() or (close + 1 < end and src[close + 1].isdigit())):
            close += 1
            continue
        break
    if close == start:
        return False
    if not silent:
        token = state.push("st_math_display" if display else "st_math_inline", "span", 0)
        token.content = src[start:close]
    state.pos = close + len(opener)
    return True


def _math_block(state: Any, start_line: int, end_line: int, silent: bool) -> bool:
    """A ``$$`` line opens display maths that a line ending in ``$$`` closes."""
    begin = state.bMarks[start_line] + state.tShift[start_line]
    line_end = state.eMarks[start_line]
    if state.sCount[start_line] - state.blkIndent >= 4:
        return False
    first = state.src[begin:line_end]
    if not first.startswith("$$"):
        return False
    rest = first[2:]
    if rest.rstrip().endswith("$$") and rest.strip() != "":
        body, last = rest.rstrip()[:-2], start_line  # one line: $$ x $$
    else:
        lines = [rest]
        last = start_line + 1
        while last < end_line:
            text = state.src[state.bMarks[last] + state.tShift[last]:state.eMarks[last]]
            if text.rstrip().endswith("$$"):
                lines.append(text.rstrip()[:-2])
                break
            lines.append(text)
            last += 1
        else:
            return False
        body = "\n".join(lines)
    if silent:
        return True
    state.line = last + 1
    token = state.push("st_math_block", "div", 0)
    token.block = True
    token.content = body.strip()
    token.map = [start_line, state.line]
    return True


def _render_math(display: bool, tag: str) -> Any:
    def render(self: Any, tokens: Any, idx: int, options: Any, env: Any) -> str:
        tex = tokens[idx].content
        css_class = "ac-math ac-math-display" if display else "ac-math"
        delim = "$$" if display else "$"
        newline = "\n" if tag == "div" else ""
        return f'<{tag} class="{css_class}" data-tex="{escape(tex)}">{escape(delim + tex + delim)}</{tag}>{newline}'
    return render


def add_extras(md: Any) -> Any:
    md.inline.ruler.before("link", "st_colon", _colon_rule)
    md.inline.ruler.before("escape", "st_math", _math_inline)
    md.block.ruler.before("fence", "st_math_block", _math_block, {"alt": ["paragraph", "reference", "blockquote"]})
    md.add_render_rule("st_icon", lambda self, tokens, idx, options, env: material_icon_html(tokens[idx].content))
    md.add_render_rule("st_math_inline", _render_math(False, "span"))
    md.add_render_rule("st_math_display", _render_math(True, "span"))
    md.add_render_rule("st_math_block", _render_math(True, "div"))
    return md
