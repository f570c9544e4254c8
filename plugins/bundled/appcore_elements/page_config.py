"""st.set_page_config: title, icon, layout and sidebar state of the page."""
from __future__ import annotations

from typing import Any, Literal

from appcore.plugin import AppcoreAPIError, send_message

__all__ = ["set_page_config"]

ELEMENT_TYPES = {"page_config": "page_config"}


def set_page_config(
    page_title: str | None = None,
    page_icon: str | None = None,
    layout: Literal["centered", "wide"] | None = None,
    initial_sidebar_state: Literal["auto", "expanded", "collapsed"] | None = None,
    menu_items: dict[str, Any] | None = None,
) -> None:
    if layout not in (None, "centered", "wide"):
        raise AppcoreAPIError(f'layout must be "centered" or "wide", got {layout!r}.')
    if initial_sidebar_state not in (None, "auto", "expanded", "collapsed"):
        raise AppcoreAPIError(
            f'initial_sidebar_state must be "auto", "expanded" or "collapsed", got {initial_sidebar_state!r}.')
    message = {"t": "page_config", "title": page_title, "icon": page_icon, "layout": layout,
               "sidebar": initial_sidebar_state}
    send_message({k: v for k, v in message.items() if v is not None})
