"""st.menu_button: a button that opens a list of options; choosing one runs the app once.

A trigger, as ``st.button``: the call returns the chosen option only in the run that
handles the choice, None in every other run, and opening and closing the list without
choosing sends nothing. The browser sends the index of the option chosen.
"""
from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any, Literal, TypeVar

from appcore.plugin import Args, AppcoreAPIError, IndexCodec, Key, Kwargs, StreamlitMissingRequiredParameterError, \
    Width, button_props, input_widget, markdown_html, read_only_error

__all__ = ["menu_button"]
ELEMENT_TYPES = {"menu_button": "menu_button"}

T = TypeVar("T")


class MenuCodec(IndexCodec):
    """One of the options, for the one run that handles its choice (a trigger carrying it)."""

    trigger = True

    def __init__(self, options: Any, format_func: Callable[[Any], Any], key: Any):
        super().__init__(options, None, format_func)
        self.key = None if key is None else str(key)
        if not self.options:
            raise StreamlitMissingRequiredParameterError("options", detail="Provide at least one option.")
        if len(set(self.labels)) != len(self.labels):
            raise AppcoreAPIError("The `format_func` produced duplicate labels for the menu button options. "
                                  "Each formatted option label must be unique.")

    def keep(self, stored: Any, by_user: bool) -> Any:
        if by_user:  # its value is the person's choice, never the script's
            raise read_only_error(self.key)
        return None

    def returned(self, value: Any) -> Any:
        return None if value is None else copy.deepcopy(self.this_run(value))


def menu_button(label: str, options: Any, *, key: Key = None, help: str | None = None,
                on_click: Callable[..., Any] | None = None, args: Args = None, kwargs: Kwargs = None,
                type: Literal["primary", "secondary", "tertiary"] = "secondary", icon: str | None = None,
                disabled: bool = False, width: Width = "content", format_func: Callable[[Any], str] = str,
                wrap: bool | None = None) -> T | None:
    """A button with a list of options: returns the one chosen in the run its choice starts, else None."""
    props = button_props(type, icon, "left", None, wrap)
    codec = MenuCodec(options, format_func, key)
    return input_widget("menu_button", locals(), codec, content_width=True, props={
        "type": props["type"], "icon": props["icon"], "wrap": wrap,
        "options_html": [markdown_html(text) for text in codec.labels]},
        id_parts={"options": codec.labels, "type": type, "icon": props["icon"]}).value
