"""Streamlit's Markdown beyond CommonMark, as markdown-it rules: emoji shortcodes
(``:smile:``), Material icons (``:material/thumb_up:``), maths (``$x^2$``,
``$$\\int f$$``), and what GitHub's Markdown adds that Streamlit's frontend renders:
task lists, bare links (``https://...``, ``www....``, e-mail addresses), ``~single~``
strikethrough, footnotes; its typographic arrows (``->`` as →), heading ids and links that open
in a new tab. Maths is typeset in the browser by the vendored KaTeX: the HTML carries
the TeX source in ``data-tex``, shown as is until KaTeX has loaded."""
from __future__ import annotations

import json
import re
from functools import cache
from html import escape
from pathlib import Path
from typing import Any

from markdown_it.token import Token

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
    inside a paragraph is inline maths too, as Streamlit draws it (display maths needs
    its ``$$`` on lines of their own)."""
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
        token = state.push("st_math_inline", "span", 0)
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
        return False  # one line, $$ x $$: inline maths in a paragraph, as Streamlit draws it
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


# -- GitHub's additions -----------------------------------------------------------------

_TASK = re.compile(r"\[([ xX])\][ \t]+(?=\S)")


def _task_lists(state: Any) -> None:
    """``- [ ] item`` / ``- [x] item``: a disabled checkbox starts the item, as GitHub's."""
    tokens = state.tokens
    lists: list[Any] = []
    for index, token in enumerate(tokens):
        if token.type in ("bullet_list_open", "ordered_list_open"):
            lists.append(token)
        elif token.type in ("bullet_list_close", "ordered_list_close"):
            lists.pop()
        elif (token.type == "inline" and index >= 2 and tokens[index - 1].type == "paragraph_open"
              and tokens[index - 2].type == "list_item_open"):
            match = _TASK.match(token.content)
            if match is None:
                continue
            token.content = token.content[match.end():]
            token.children = []
            state.md.inline.parse(token.content, state.md, state.env, token.children)
            box = Token("st_task", "input", 0)
            box.meta = {"checked": match.group(1) != " "}
            token.children.insert(0, box)
            tokens[index - 2].attrJoin("class", "task-list-item")
            if lists and "contains-task-list" not in str(lists[-1].attrGet("class") or ""):
                lists[-1].attrJoin("class", "contains-task-list")


_URL = re.compile(r"(?<![\w/@.:])(?:https?://|www\.)[^\s<]*[^\s<?!.,:;*_~'\"]"
                  r"|(?<![\w.+\-/:@])[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+(?![\w@])")


def _trim_parens(url: str) -> str:
    """A bare link keeps a closing parenthesis only when it opened one (GitHub's rule)."""
    while url.endswith(")") and url.count(")") > url.count("("):
        url = url[:-1]
    return url


def _typography_and_links(state: Any) -> None:
    """In text outside links and code: ``<- -> <-> -- >= <= ~=`` standing alone become
    ← → ↔ — ≥ ≤ ≈, and bare URLs and e-mail addresses become links."""
    for block in state.tokens:
        if block.type != "inline" or not block.children:
            continue
        children: list[Any] = []
        in_link = 0
        for token in block.children:
            if token.type == "link_open":
                in_link += 1
            elif token.type == "link_close":
                in_link -= 1
            if token.type != "text" or in_link:
                children.append(token)
                continue
            token.content = _ARROW.sub(lambda m: _ARROWS[m.group(0)], token.content)
            children += _linked(token, state)
        block.children = children


_ARROWS = {"<->": "↔", "<-": "←", "->": "→", "--": "—", ">=": "≥", "<=": "≤", "~=": "≈"}
_ARROW = re.compile(r"(?<!\S)(?:<->|<-|->|--|>=|<=|~=)(?!\S)")


def _linked(token: Any, state: Any) -> list[Any]:
    text = token.content
    if not any(sign in text for sign in ("://", "www.", "@")):
        return [token]
    out: list[Any] = []
    last = 0
    for match in _URL.finditer(text):
        shown = _trim_parens(match.group(0))
        if "@" in shown and "://" not in shown and not shown.startswith("www."):
            href = f"mailto:{shown}"
        else:
            href = shown if "://" in shown else f"http://{shown}"
        href = state.md.normalizeLink(href)
        if not state.md.validateLink(href):
            continue
        if match.start() > last:
            out.append(_text(text[last:match.start()]))
        opening = Token("link_open", "a", 1)
        opening.attrs = {"href": href}
        opening.markup, opening.info = "linkify", "auto"
        out += [opening, _text(shown), Token("link_close", "a", -1)]
        last = match.start() + len(shown)
    if not out:
        return [token]
    if last < len(text):
        out.append(_text(text[last:]))
    return out


def _text(content: str) -> Any:
    token = Token("text", "", 0)
    token.content = content
    return token


def _single_tilde(state: Any, silent: bool) -> bool:
    """``~text~`` is strikethrough too, as in GitHub's Markdown (markdown-it reads ``~~``)."""
    src, pos, end = state.src, state.pos, state.posMax
    if src[pos] != "~" or src.startswith("~~", pos) or (pos > 0 and src[pos - 1] == "~"):
        return False
    close = pos + 1
    while True:
        close = src.find("~", close, end)
        if close < 0:
            return False
        if src.startswith("~~", close):
            close += 2
            continue
        break
    inner = src[pos + 1:close]
    if not inner or inner[0].isspace() or inner[-1].isspace():
        return False
    if not silent:
        state.push("s_open", "s", 1).markup = "~"
        old_pos, old_max = state.pos, state.posMax
        state.pos, state.posMax = pos + 1, close
        state.md.inline.tokenize(state)
        state.pos, state.posMax = old_pos, old_max
        state.push("s_close", "s", -1).markup = "~"
    state.pos = close + 1
    return True


def _heading_ids(state: Any) -> None:
    """``# A heading`` gets ``id="a-heading"`` (deep links to it work), as Streamlit's."""
    seen: dict[str, int] = state.env.setdefault("st_heading_ids", {})
    tokens = state.tokens
    for index, token in enumerate(tokens):
        if token.type != "heading_open" or index + 1 >= len(tokens):
            continue
        slug = re.sub(r"[^\w\- ]", "", tokens[index + 1].content).strip().lower().replace(" ", "-")
        if not slug:
            continue
        count = seen.get(slug, 0)
        seen[slug] = count + 1
        token.attrSet("id", slug if count == 0 else f"{slug}-{count}")


# -- footnotes: "text[^1]" and "[^1]: the note", as GitHub draws them ----------------------

_FOOTNOTE_DEF = re.compile(r"\[\^([^\]\s]+)\]:[ \t]*")


def _footnote_def(state: Any, start_line: int, end_line: int, silent: bool) -> bool:
    """``[^label]: note`` and the lines that follow it up to a blank line: kept for the end."""
    if state.sCount[start_line] - state.blkIndent >= 4:
        return False
    begin = state.bMarks[start_line] + state.tShift[start_line]
    match = _FOOTNOTE_DEF.match(state.src, begin, state.eMarks[start_line])
    if match is None:
        return False
    if silent:
        return True
    lines = [state.src[match.end():state.eMarks[start_line]]]
    line = start_line + 1
    while line < end_line and not state.isEmpty(line):
        text = state.src[state.bMarks[line] + state.tShift[line]:state.eMarks[line]]
        if _FOOTNOTE_DEF.match(text):
            break
        lines.append(text)
        line += 1
    state.env.setdefault("st_footnote_defs", {}).setdefault(match.group(1), " ".join(lines).strip())
    state.line = line
    return True


def _footnote_ref(state: Any, silent: bool) -> bool:
    """``[^label]`` of a defined note: a numbered superscript link to it."""
    src, pos = state.src, state.pos
    if not src.startswith("[^", pos):
        return False
    close = src.find("]", pos + 2, state.posMax)
    label = src[pos + 2:close] if close > 0 else ""
    notes = state.env.get("st_footnote_defs", {})
    if not label or label not in notes or any(ch.isspace() for ch in label):
        return False
    if not silent:
        order: list[str] = state.env.setdefault("st_footnote_order", [])
        uses: dict[str, int] = state.env.setdefault("st_footnote_uses", {})
        if label not in order:
            order.append(label)
        uses[label] = uses.get(label, 0) + 1
        token = state.push("st_footnote_ref", "sup", 0)
        token.meta = {"number": order.index(label) + 1, "use": uses[label]}
    state.pos = close + 1
    return True


def _footnote_section(state: Any) -> None:
    """The referenced notes, in the order of their first reference, after the text."""
    order = state.env.get("st_footnote_order")
    if not order:
        return
    token = Token("st_footnotes", "section", 0)
    token.block = True
    token.meta = {"notes": [(label, state.env["st_footnote_defs"][label]) for label in order]}
    state.tokens.append(token)


def _render_footnote_ref(self: Any, tokens: Any, idx: int, options: Any, env: Any) -> str:
    number, use = tokens[idx].meta["number"], tokens[idx].meta["use"]
    suffix = "" if use == 1 else f"-{use}"
    return (f'<sup><a href="#fn-{number}" id="fnref-{number}{suffix}" class="ac-footnote-ref">{number}</a></sup>')


def _render_footnotes(md: Any) -> Any:
    def render(self: Any, tokens: Any, idx: int, options: Any, env: Any) -> str:
        items = []
        for number, (_, note) in enumerate(tokens[idx].meta["notes"], start=1):
            body = md.renderInline(note, {"st_footnote_defs": {}})
            back = f'<a href="#fnref-{number}" class="ac-footnote-back" aria-label="Back to reference {number}">↩</a>'
            items.append(f'<li id="fn-{number}"><p>{body} {back}</p></li>\n')
        return ('<section class="ac-footnotes"><h2 class="ac-sr-only" id="footnote-label">Footnotes</h2>\n'
                f'<ol>\n{"".join(items)}</ol>\n</section>\n')
    return render


def _render_task(self: Any, tokens: Any, idx: int, options: Any, env: Any) -> str:
    checked = " checked" if tokens[idx].meta.get("checked") else ""
    return f'<input type="checkbox" class="task-list-item-checkbox" disabled{checked} /> '


def _render_link_open(self: Any, tokens: Any, idx: int, options: Any, env: Any) -> str:
    # As Streamlit's: a link in Markdown opens in a new tab, without handing over the page.
    token = tokens[idx]
    if not str(token.attrGet("href") or "").startswith("#"):
        token.attrSet("target", "_blank")
        token.attrSet("rel", "noopener noreferrer")
    return self.renderToken(tokens, idx, options, env)


def add_extras(md: Any) -> Any:
    md.inline.ruler.before("link", "st_colon", _colon_rule)
    md.inline.ruler.before("escape", "st_math", _math_inline)
    md.inline.ruler.before("strikethrough", "st_single_tilde", _single_tilde)
    md.block.ruler.before("fence", "st_math_block", _math_block, {"alt": ["paragraph", "reference", "blockquote"]})
    md.core.ruler.after("inline", "st_task_lists", _task_lists)
    md.core.ruler.after("st_task_lists", "st_typography_links", _typography_and_links)
    md.core.ruler.after("st_typography_links", "st_heading_ids", _heading_ids)
    md.block.ruler.before("reference", "st_footnote_def", _footnote_def, {"alt": ["paragraph"]})
    md.inline.ruler.before("link", "st_footnote_ref", _footnote_ref)
    md.core.ruler.after("st_heading_ids", "st_footnotes", _footnote_section)
    md.add_render_rule("st_footnote_ref", _render_footnote_ref)
    md.add_render_rule("st_footnotes", _render_footnotes(md))
    md.add_render_rule("st_icon", lambda self, tokens, idx, options, env: material_icon_html(tokens[idx].content))
    md.add_render_rule("st_math_inline", _render_math(False, "span"))
    md.add_render_rule("st_math_block", _render_math(True, "div"))
    md.add_render_rule("st_task", _render_task)
    md.add_render_rule("link_open", _render_link_open)
    return md
