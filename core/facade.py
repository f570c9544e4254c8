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
# The public names of Streamlit 1.67.0 (`dir(streamlit)` less its modules, plus column_config
# and components).
STREAMLIT_NAMES = frozenset("""
    altair_chart App area_chart audio audio_input badge balloons bar_chart bottom button cache_data
    cache_resource camera_input caption chat_input chat_message checkbox code color_picker
    column_config columns components connection container context data_editor dataframe date_input
    datetime_input dialog divider download_button echarts_chart echo empty error exception expander
    feedback file_uploader form form_submit_button fragment get_option graphviz_chart grid header
    help html iframe image info json latex line_chart link_button login logo logout map markdown
    menu_button mermaid_chart metric multiselect navigation number_input Page page_link pagination
    pdf pills plotly_chart popover progress pydeck_chart pyplot query_params radio rerun
    scatter_chart secrets segmented_control select_slider selectbox session_state set_option
    set_page_config sidebar skeleton slider snow space spinner status stop subheader success
    switch_page table tabs text text_area text_input time_input title toast toggle user
    vega_lite_chart video warning write write_stream
""".split())

# Names older Streamlit releases had and 1.67 removed, with 1.67's own advice.
REMOVED = {
    "experimental_get_query_params": "st.query_params", "experimental_set_query_params": "st.query_params",
    "experimental_rerun": "st.rerun", "experimental_user": "st.user", "experimental_fragment": "st.fragment",
    "cache": "st.cache_data or st.cache_resource", "bokeh_chart": "the streamlit-bokeh component",
}


def missing_name_message(name: str, disabled: frozenset[str] | set[str] = frozenset()) -> str:
    """Why ``st.<name>`` does not exist, with the fix."""
    owner = BUNDLED_API[name][0] if name in BUNDLED_API else None
    if owner is not None and owner in disabled:
        return (f"st.{name} comes from the plugin '{owner}', which is disabled "
                f"(--disable-plugin {owner} or [plugins] disable). Enable it to use st.{name}.")
    if name in REMOVED:  # as Streamlit 1.67 says it
        return (f"module 'appcore' has no attribute '{name}'. st.{name} has been removed. "
                f"Use {REMOVED[name]} instead.")
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
