"""Bundled plugin: ``st.cache_data`` and ``st.cache_resource``, as Streamlit 1.67 has them.

The values live in process-wide caches (``store``), keyed by the function's
source and its arguments' hashes (``hashing``). What a cached function draws
is recorded through ``appcore.plugin.record_elements`` and drawn again on a
hit (``replay_elements``). The spinner shown while a value is computed is this
plugin's own transient ``cache_spinner`` message, drawn by ``cache_spinner.js``.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from appcore.plugin import ElementType, RunView, SessionView, Widget, hookimpl

from . import store
from .cached import CacheDataAPI, CachedFunc, CacheResourceAPI, cache, cache_data, cache_resource, \
    warn_widget_in_cached_function

HERE = Path(__file__).parent

__all__ = ["cache_data", "cache_resource", "CacheDataAPI", "CacheResourceAPI", "CachedFunc"]


@hookimpl
def appcore_register_elements() -> list[ElementType]:
    # Not an element the script draws: the module handles the spinner's messages.
    return [ElementType("cache_spinner", HERE / "cache_spinner.js")]


@hookimpl
def appcore_register_api() -> dict[str, Any]:
    return {"cache_data": cache_data, "cache_resource": cache_resource, "cache": cache}


@hookimpl
def appcore_check_widget(run: RunView, widget: Widget) -> str | None:
    # Streamlit's rule: a widget in a cached function is drawn, after a warning.
    warn_widget_in_cached_function()
    return None


@hookimpl
def appcore_session_closed(session: SessionView) -> None:
    """A session's session-scoped caches go with it (resources are released)."""
    store.DATA.clear_session(session.id)
    store.RESOURCE.clear_session(session.id)
