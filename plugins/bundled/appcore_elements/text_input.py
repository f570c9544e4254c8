"""st.text_input: one line of text, committed on Enter or blur (or while typing, with ``live``)."""
from __future__ import annotations

import math
from typing import Any, Literal

from appcore.plugin import check_icon, AppcoreAPIError, Args, Bind, Help, Key, Kwargs, LabelVisibility, OnChange, \
    PersistState, TextCodec, WidthWithoutContent, input_widget, invalid_type, invalid_value, out_of_range


__all__ = ["text_input"]
ELEMENT_TYPES = {"text_input": "text_input"}

# type -> (icon, placeholder, (regex, message) checked in the browser, autocomplete), as Streamlit has them.
_TYPES: dict[str, tuple[str | None, str | None, tuple[str, str] | None, str]] = {
    "default": (None, None, None, ""),
    "password": (None, None, None, "new-password"),
    "email": (":material/mail:", "you@example.com", (r"^[^\s@]+@[^\s@]+\.[^\s@]+$", "Enter a valid email address."),
              "email"),
    "url": (":material/link:", "https://example.com",
            (r"^([Hh][Tt][Tt][Pp][Ss]?://)?[^\s/.]+\.[^\s]+$", "Enter a valid URL."), "url"),
    "phone": (":material/call:", "+1 234 567 8900", None, "tel"),
    "search": (":material/search:", "Search", None, "off"),
}
_LIVE_DEFAULT_MS = 250
_LIVE_MAX_MS = 60_000


def text_input(label: str, value: str | None = "", max_chars: int | None = None, key: Key = None,
               type: Literal["default", "password", "email", "url", "phone", "search"] = "default",
               help: Help = None, autocomplete: str | None = None, on_change: OnChange = "rerun", args: Args = None,
               kwargs: Kwargs = None, *, placeholder: str | None = None, disabled: bool = False,
               required: bool = False, label_visibility: LabelVisibility = "visible", icon: str | None = None,
               validate: str | tuple[str, str] | None = None, live: str | bool = False,
               width: WidthWithoutContent = "stretch", bind: Bind = None,
               persist_state: PersistState = None) -> str | None:
    """A single-line text field; returns its text (None when ``value=None`` and nothing was typed)."""
    props = text_input_props(type, autocomplete, placeholder, required, icon, validate, live, bind)
    return input_widget("text_input", locals(), TextCodec(value, max_chars), props=props, identity={
        "max_chars": max_chars, "validate": _validate(validate)[0]}, id_parts={
        "value": None if value is None else str(value), "max_chars": max_chars, "type": type,
        "autocomplete": autocomplete, "placeholder": str(placeholder), "icon": icon, "live": props["live"],
        "required": required}).value


def text_input_props(type: Any, autocomplete: Any, placeholder: Any, required: Any, icon: Any, validate: Any,
                     live: Any, bind: Any) -> dict[str, Any]:
    live_ms = _live_ms(live)
    if type not in _TYPES:
        raise invalid_value("type", [repr(t) for t in _TYPES])
    if bind == "query-params" and type == "password":
        raise AppcoreAPIError("`bind='query-params'` and `type='password'` cannot be used together. Password "
                              "values must not appear in URLs.")
    # An explicit value wins over the type's; "" turns the type's off.
    type_icon, type_placeholder, type_validate, type_autocomplete = _TYPES[type]
    icon = type_icon if icon is None else icon
    placeholder = type_placeholder if placeholder is None else placeholder
    pattern, message = _validate(type_validate if validate is None else validate)
    return {"type": type, "autocomplete": type_autocomplete if autocomplete is None else autocomplete,
            "placeholder": None if placeholder is None else str(placeholder), "required": bool(required),
            "icon": check_icon(icon) or None if icon is not None else None, "validate": pattern,
            "validate_message": message, "live": live_ms}


def _validate(validate: Any) -> tuple[str | None, str | None]:
    if validate is None:
        return None, None
    if isinstance(validate, str):
        return validate, None
    if isinstance(validate, tuple):
        if len(validate) == 2 and all(isinstance(item, str) for item in validate):
            return validate
        raise invalid_value("validate", ["a regex string", "a (regex, message) tuple of strings"])
    raise invalid_type("validate", type(validate).__name__, ["None", "str", "tuple"])


def _live_ms(live: Any) -> int | None:
    """How long the browser waits after typing before it sends the text; None: on Enter or blur only."""
    if live is False:
        return None
    if live is True:
        return _LIVE_DEFAULT_MS
    if isinstance(live, (int, float)) or hasattr(live, "total_seconds"):
        raise invalid_type("live", type(live).__name__, ["bool", "str"],
                           "A number or `datetime.timedelta` is not accepted. Use `True` for a 250ms pause, or a "
                           "duration string like `'300ms'` or `'0.5s'`. `live=300` is not milliseconds (and "
                           "`live=0.3` is not seconds); duration units must be explicit.")
    if not isinstance(live, str):
        raise invalid_type("live", type(live).__name__, ["bool", "str"])
    import pandas as pd

    try:
        seconds = pd.Timedelta(live).total_seconds()
    except ValueError:
        seconds = math.nan
    if math.isnan(seconds):
        raise AppcoreAPIError("Time string doesn't look right. It should be formatted as `'1d2h34m'` or `2 days`, "
                              f"for example. Got: {live}")
    ms = round(seconds * 1000)
    if seconds > 0 and ms == 0:
        ms = 1  # a positive pause never rounds down to "on every keystroke"
    if seconds < 0 or ms > _LIVE_MAX_MS:
        raise out_of_range("live", live, "0ms", "1m", "Use `True` for the 250ms default, `'0ms'` to commit on "
                                                      "every change, or a duration string up to `'1m'`.")
    return ms
