"""Streamlit's Markdown directives: ``:green[text]``, ``:blue-background[text]``,
``:orange-badge[text]``, ``:small[text]``, ``:shimmer[text]`` and custom CSS colours,
``:color[text]{foreground="#d50000" background="hsl(60,100%,90%)"}``."""
from __future__ import annotations

import re
from html import escape
from typing import Any

COLORS = ("blue", "green", "orange", "red", "violet", "yellow", "gray", "grey", "rainbow", "primary")
_OPEN = re.compile(r":(?:(%s)(-background|-badge)?|(small|shimmer|color))\[" % "|".join(COLORS))

# ``{foreground="..." background='...'}`` after ``:color[...]``: quoted or bare values.
_ATTRIBUTES = re.compile(r"\{([^{}\n]*)\}")
_ATTRIBUTE = re.compile(r"""(\w+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'}]+))""")

# CSS colours as Streamlit's parser (color2k) takes them: named colours, hex, rgb(a), hsl(a)
# with commas or spaces. Anything else draws the text uncoloured, as in Streamlit.
_NUMBER = r"[+-]?(?:\d+\.?\d*|\.\d+)"
_SEP = r"\s*[,\s]\s*"
_ALPHA = rf"(?:\s*[,/]\s*{_NUMBER}%?)?"
_COLOR = re.compile(
    rf"#(?:[0-9a-f]{{3,4}}|[0-9a-f]{{6}}|[0-9a-f]{{8}})"
    rf"|rgba?\(\s*{_NUMBER}%?{_SEP}{_NUMBER}%?{_SEP}{_NUMBER}%?{_ALPHA}\s*\)"
    rf"|hsla?\(\s*{_NUMBER}(?:deg)?{_SEP}{_NUMBER}%{_SEP}{_NUMBER}%{_ALPHA}\s*\)", re.I)
NAMED_COLORS = frozenset("""
aliceblue antiquewhite aqua aquamarine azure beige bisque black blanchedalmond blue blueviolet brown burlywood
cadetblue chartreuse chocolate coral cornflowerblue cornsilk crimson cyan darkblue darkcyan darkgoldenrod darkgray
darkgreen darkgrey darkkhaki darkmagenta darkolivegreen darkorange darkorchid darkred darksalmon darkseagreen
darkslateblue darkslategray darkslategrey darkturquoise darkviolet deeppink deepskyblue dimgray dimgrey dodgerblue
firebrick floralwhite forestgreen fuchsia gainsboro ghostwhite gold goldenrod gray green greenyellow grey honeydew
hotpink indianred indigo ivory khaki lavender lavenderblush lawngreen lemonchiffon lightblue lightcoral lightcyan
lightgoldenrodyellow lightgray lightgreen lightgrey lightpink lightsalmon lightseagreen lightskyblue lightslategray
lightslategrey lightsteelblue lightyellow lime limegreen linen magenta maroon mediumaquamarine mediumblue
mediumorchid mediumpurple mediumseagreen mediumslateblue mediumspringgreen mediumturquoise mediumvioletred
midnightblue mintcream mistyrose moccasin navajowhite navy oldlace olive olivedrab orange orangered orchid
palegoldenrod palegreen paleturquoise palevioletred papayawhip peachpuff peru pink plum powderblue purple
rebeccapurple red rosybrown royalblue saddlebrown salmon sandybrown seagreen seashell sienna silver skyblue slateblue
slategray slategrey snow springgreen steelblue tan teal thistle tomato turquoise violet wheat white whitesmoke yellow
yellowgreen transparent
""".split())


def css_color(value: str) -> str | None:
    """``value`` if it is a CSS colour Streamlit accepts, else None (so nothing else reaches a style)."""
    value = value.strip()
    if value.lower() in NAMED_COLORS:
        return value.lower()
    return value if _COLOR.fullmatch(value) else None


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
        return {"small": "ac-small", "shimmer": "ac-shimmer", "color": ""}[match.group(3)]
    name = match.group(1).replace("grey", "gray")
    suffix = match.group(2)
    if suffix == "-badge":
        return None if name == "rainbow" else f"ac-badge ac-badge-{name}"  # as Streamlit: no rainbow badge
    return f"ac-{'bg' if suffix else 'fg'}-{name}"


def _custom_colors(src: str, start: int, end: int) -> tuple[str, str, int]:
    """The class and style of ``:color[...]{...}`` and where it ends; no valid colour: neither."""
    block = _ATTRIBUTES.match(src, start, end)
    if block is None:
        return "", "", start
    colors: dict[str, str] = {}
    for name, double, single, bare in _ATTRIBUTE.findall(block.group(1)):
        if name in ("foreground", "background") and name not in colors:
            color = css_color(double or single or bare)
            if color is not None:
                colors[name] = color
    style = "; ".join(f"{'color' if name == 'foreground' else 'background-color'}: {value}"
                      for name, value in sorted(colors.items(), key=lambda item: item[0] != "foreground"))
    css_class = "ac-bg-custom" if "background" in colors else "ac-fg-custom" if colors else ""
    return css_class, style, block.end()


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
    end, style = close + 1, ""
    if match.group(3) == "color":
        css_class, style, end = _custom_colors(state.src, end, state.posMax)
    if not silent:
        token = state.push("st_color_open", "span", 1)
        if css_class:
            token.attrSet("class", css_class)
        if style:
            token.attrSet("style", style)
        old_pos, old_max = state.pos, state.posMax
        state.pos, state.posMax = content_start, close
        state.md.inline.tokenize(state)
        state.pos, state.posMax = old_pos, old_max
        state.push("st_color_close", "span", -1)
    state.pos = end
    return True


def _render_open(self: Any, tokens: Any, idx: int, options: Any, env: Any) -> str:
    attributes = "".join(f' {name}="{escape(str(tokens[idx].attrGet(name)))}"'
                         for name in ("class", "style") if tokens[idx].attrGet(name))
    return f"<span{attributes}>"


def add_colors(md: Any) -> Any:
    md.inline.ruler.before("link", "st_color", _color_rule)
    md.add_render_rule("st_color_open", _render_open)
    md.add_render_rule("st_color_close", lambda self, tokens, idx, options, env: "</span>")
    return md
