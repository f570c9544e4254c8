"""``import appcore as st`` outside a run, and why a name is missing.

Inside a run, ``st.<name>`` is the running App's registry. Outside one (a
helper module imported on its own, an editor's console, ``dir(appcore)``), the
names are the bundled plugins', from the generated ``_bundled_api`` table; each
is imported from its own plugin module on first use, and no plugin is loaded.
"""
from __future__ import annotations

from importlib import import_module
from typing import Any

from ._bundled_api import BUNDLED_API
from .runtime.context import lookup_api, maybe_current_run

# Streamlit API names no installed plugin provides yet: a ported app learns why it stopped.
STREAMLIT_NAMES = frozenset("""
    altair_chart area_chart audio balloons bar_chart bokeh_chart cache cache_data cache_resource
    camera_input chat_input chat_message columns connection data_editor dataframe download_button expander
    experimental_get_query_params experimental_set_query_params file_uploader graphviz_chart image logo
    login logout map navigation page_link Page plotly_chart popover progress pydeck_chart pyplot
    query_params scatter_chart snow spinner status switch_page table tabs toast user vega_lite_chart video
""".split())


def missing_name_message(name: str, disabled: frozenset[str] | set[str] = frozenset()) -> str:
    """Why ``st.<name>`` does not exist, with the fix."""
    owner = BUNDLED_API[name][0] if name in BUNDLED_API else None
    if owner is not None and owner in disabled:
        return (f"st.{name} comes from the plugin '{owner}', which is disabled "
                f"(--disable-plugin {owner} or [plugins] disable). Enable it to use st.{name}.")
    if name in STREAMLIT_NAMES:
        return (f"st.{name} is part of Streamlit's API, but no installed appcore plugin provides it yet. "
                f"`appcore plugins` lists what is installed; install a plugin that provides st.{name}, "
                f"or leave it out of this app for now.")
    if disabled:
        return (f"module 'appcore' has no attribute '{name}' (no enabled plugin provides it; "
                f"disabled: {', '.join(sorted(disabled))})")
    return f"module 'appcore' has no attribute '{name}'"


def lookup(name: str) -> Any:
    """``st.<name>``: the running App's, else the bundled plugin module's that defines it."""
    if maybe_current_run() is not None:
        return lookup_api(name)
    where = BUNDLED_API.get(name)
    value = getattr(import_module(where[1]), where[2], None) if where is not None else None
    if value is None:
        raise AttributeError(missing_name_message(name))
    return value


def api_names() -> list[str]:
    """The ``st.<name>`` names: the running App's, else the bundled plugins'."""
    run = maybe_current_run()
    return list(run.session.services.api if run is not None else BUNDLED_API)
