"""What every button and icon shares, Streamlit's way: icons (an emoji, ``:material/name:``,
"spinner"), and a button's type, icon, icon position, keyboard shortcut and wrap.

Public through ``appcore.plugin``: st.button, st.form_submit_button, st.link_button,
st.dialog's icon and a third party's buttons check their arguments in one place.
"""
from __future__ import annotations

import re
from typing import Any

from .errors import AppcoreAPIError
from .inputs import invalid_type, invalid_value

# A leading emoji: a pictograph with its modifiers (variation selector, skin
# tone, keycap, ZWJ sequences) or a flag of two regional indicators. Streamlit
# matches against its full emoji catalog; this covers what people type.
_PICTO = (r"[\u203c\u2049\u2122\u2139\u2194-\u2199\u21a9\u21aa\u231a\u231b\u2328\u23cf\u23e9-\u23f3"
          r"\u23f8-\u23fa\u24c2\u25aa\u25ab\u25b6\u25c0\u25fb-\u25fe\u2600-\u27bf\u2934\u2935\u2b05-\u2b07"
          r"\u2b1b\u2b1c\u2b50\u2b55\u3030\u303d\u3297\u3299\U0001F000-\U0001FAFF]")
_MODS = r"[\ufe0f\u20e3\U0001F3FB-\U0001F3FF]*"
_EMOJI = rf"(?:[\U0001F1E6-\U0001F1FF]{{2}}|{_PICTO}{_MODS}(?:\u200d{_PICTO}{_MODS})*)"
_EMOJI_RE = re.compile(_EMOJI)
_LEADING_EMOJI_RE = re.compile(rf"({_EMOJI})[_ -]*(.*)", re.S)
_MATERIAL_RE = re.compile(r"\s*:(\w+)/(\w+):\s*")
_LEADING_MATERIAL_RE = re.compile(r"(:material/\w+:)\s*(.*)", re.S)
_ICON_HINT = "Please use a single emoji or a Material icon shortcode like `:material/thumb_up:`."


def check_icon(icon: Any) -> str:
    """An emoji, a ``:material/name:`` shortcode or "spinner"; "" for none."""
    if icon is None:
        return ""
    if not isinstance(icon, str):
        raise AppcoreAPIError(f"Invalid `icon` type. Expected one of: str, None. Provided type: {type(icon).__name__}.")
    icon = icon.strip()
    if not icon or icon == "spinner":
        return icon
    material = _MATERIAL_RE.fullmatch(icon)
    if material:
        if material.group(1) != "material":
            raise AppcoreAPIError(f'The value "{icon}" is not a valid Material icon: the icon pack '
                                  f'"{material.group(1)}" is not supported. Use `:material/<name>:`.')
        return f":material/{material.group(2)}:"
    if _EMOJI_RE.fullmatch(icon):
        return icon
    raise AppcoreAPIError(f'The value "{icon}" is not a valid icon. {_ICON_HINT}')


def leading_icon(text: str) -> tuple[str, str]:
    """Split a leading emoji or Material shortcode off ``text``: ``(icon, rest)``."""
    match = _LEADING_MATERIAL_RE.fullmatch(text) or _LEADING_EMOJI_RE.fullmatch(text)
    if match:
        return match.group(1), match.group(2)
    return "", text


def button_props(type: Any, icon: Any, icon_position: Any, shortcut: Any, wrap: Any) -> dict[str, Any]:
    if type not in ("primary", "secondary", "tertiary"):
        raise invalid_value("type", ["'primary'", "'secondary'", "'tertiary'"])
    if icon_position not in ("left", "right"):
        raise invalid_value("icon_position", ["'left'", "'right'"])
    return {"type": type, "icon": None if icon is None else check_icon(icon), "icon_position": icon_position,
            "shortcut": None if shortcut is None else normalize_shortcut(shortcut), "wrap": wrap}


_MODIFIERS = {"ctrl": "ctrl", "control": "ctrl", "mod": "ctrl", "cmd": "cmd", "command": "cmd", "meta": "cmd",
              "alt": "alt", "option": "alt", "shift": "shift"}
_KEYS = {"return": "enter", "spacebar": "space", "esc": "escape", "del": "delete", "arrowleft": "left",
         "arrowright": "right", "arrowup": "up", "arrowdown": "down"}
_NAMED_KEYS = {"enter", "space", "tab", "escape", "backspace", "delete", "home", "end", "pageup", "pagedown",
               "left", "right", "up", "down"}


def normalize_shortcut(shortcut: Any) -> str:
    """Streamlit's shortcut rules: modifiers in a fixed order, then one key ("ctrl+shift+k")."""
    if not isinstance(shortcut, str):
        raise invalid_type("shortcut", type(shortcut).__name__, ["str"])
    tokens = [t.strip().lower() for t in shortcut.split("+") if t.strip()]
    if not tokens:
        raise AppcoreAPIError("The `shortcut` must contain at least one key or modifier.")
    modifiers = {_MODIFIERS[t] for t in tokens if t in _MODIFIERS}
    keys = [_KEYS.get(t, t) for t in tokens if t not in _MODIFIERS]
    if len(keys) > 1:
        raise AppcoreAPIError("The `shortcut` may only specify a single non-modifier key.")
    if not keys:
        raise AppcoreAPIError("The `shortcut` must include a non-modifier key such as 'K' or 'Ctrl+K'.")
    key = keys[0]
    if not (key in _NAMED_KEYS or (len(key) == 1 and key.isalnum()) or (key[0] == "f" and key[1:].isdigit())):
        raise AppcoreAPIError("shortcut must include a single character or one of the supported keys "
                              "(e.g. Enter, Space, Tab, Escape).")
    if key in ("c", "r"):
        raise AppcoreAPIError("The `shortcut` cannot use the keys 'C' or 'R', with or without modifiers.")
    return "+".join([m for m in ("ctrl", "cmd", "alt", "shift") if m in modifiers] + [key])
