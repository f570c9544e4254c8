"""Bundled plugin: ``st.navigation``, ``st.Page``, ``st.switch_page``, ``st.page_link``
and ``st.query_params``, and the browser's page menu (sidebar or top bar).

``st.navigation`` is the page source the script declares in every run; the core
picks the page for the tab's URL (see ``appcore.plugin.use_navigation``) and the
menu module (``navigation.js``) draws whatever navigation the session has,
from any source.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from appcore.plugin import ElementType, hookimpl

from .navigation import Page, StreamlitPage, navigation
from .page_link import page_link, switch_page
from .query_params import QueryParams

HERE = Path(__file__).parent

__all__ = ["Page", "StreamlitPage", "navigation", "page_link", "switch_page", "QueryParams"]


@hookimpl
def appcore_register_elements() -> list[ElementType]:
    return [ElementType("navigation", HERE / "navigation.js"),   # the menu: handles the core's "navigation" message
            ElementType("page_link", HERE / "page_link.js")]


@hookimpl
def appcore_register_api() -> dict[str, Any]:
    return {"navigation": navigation, "Page": Page, "switch_page": switch_page, "page_link": page_link,
            "query_params": QueryParams()}


@hookimpl
def appcore_register_navigation_calls() -> list[str]:
    return ["navigation"]  # a main script that calls st.navigation runs for every URL
