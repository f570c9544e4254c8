"""Argument checks and clean-ups the display elements share (not an element: no API names)."""
from __future__ import annotations

import math
import re
import textwrap
from collections.abc import Collection
from typing import Any

from appcore.plugin import AppcoreAPIError


def clean_text(body: object) -> str:
    """Streamlit's clean_text: str, dedented, stripped."""
    return textwrap.dedent(str(body)).strip()


def check_choice(parameter: str, value: Any, valid: Collection[str]) -> str:
    if value not in valid:
        supported = ", ".join(f"'{v}'" for v in valid)
        raise AppcoreAPIError(f"Invalid `{parameter}` value. Supported values: {supported}. Got {value!r}.")
    return value


def check_bool(parameter: str, value: Any) -> bool:
    if not isinstance(value, bool):
        raise AppcoreAPIError(f"Invalid `{parameter}` value. Supported values: True, False. Got {value!r}.")
    return value


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


def json_safe(value: Any) -> Any:
    """A scalar the wire format can carry: NaN and infinities become None
    (the JSON encoder would write bare NaN, which browsers refuse)."""
    if value is None or isinstance(value, (bool, str)):
        return value
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    item = getattr(value, "item", None)
    if callable(item) and type(value).__module__ == "numpy":
        try:
            return json_safe(item())
        except (TypeError, ValueError):
            pass
    try:
        import pandas as pd

        if value is pd.NaT or (pd.api.types.is_scalar(value) and pd.isna(value)):
            return None
    except (TypeError, ValueError):
        pass
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)
