"""Which run the current thread serves, and where API names come from.

Each run executes on its own thread with a ``Run`` set in a ContextVar, so
``st.*`` calls find their session without any module-global session.
"""
from __future__ import annotations

from contextvars import ContextVar
from typing import TYPE_CHECKING, Any

from .errors import AppcoreAPIError

if TYPE_CHECKING:
    from .run import Run

_current_run: ContextVar[Run | None] = ContextVar("appcore_run", default=None)


class NoRunError(AppcoreAPIError):
    pass


def current_run() -> Run:
    run = _current_run.get()
    if run is None:
        raise NoRunError(
            "This appcore call needs a running app: start the script with "
            "`appcore run app.py`, or test it with appcore.testing.AppTest."
        )
    return run


def maybe_current_run() -> Run | None:
    return _current_run.get()


def set_current_run(run: Run | None) -> Any:
    return _current_run.set(run)


def lookup_api(name: str) -> Any:
    """The object a plugin registered as ``st.<name>``.

    Inside a run: the running App's registry. Outside one (an import at module
    level of a helper file, an editor): the catalog of installed plugins.
    """
    run = _current_run.get()
    api = run.session.app.api if run is not None else _installed_api()
    try:
        return api[name]
    except KeyError:
        raise AttributeError(_missing_name_message(name, run)) from None


# Streamlit API names no installed plugin provides yet: a ported app learns why it stopped.
STREAMLIT_NAMES = frozenset("""
    altair_chart area_chart audio badge balloons bar_chart bokeh_chart cache cache_data cache_resource
    camera_input chat_input chat_message columns connection context data_editor dataframe download_button
    echo expander experimental_get_query_params experimental_set_query_params feedback file_uploader
    graphviz_chart html image link_button logo login logout map navigation page_link Page pills plotly_chart
    popover progress pydeck_chart pyplot query_params scatter_chart secrets segmented_control select_slider
    snow spinner status switch_page table tabs toast user vega_lite_chart video
""".split())


def _missing_name_message(name: str, run: Run | None) -> str:
    if run is not None:
        owner = run.session.app.disabled_api.get(name)
        if owner:
            return (f"st.{name} comes from the plugin '{owner}', which is disabled "
                    f"(--disable-plugin {owner} or [plugins] disable). Enable it to use st.{name}.")
    if name in STREAMLIT_NAMES:
        return (f"st.{name} is part of Streamlit's API, but no installed appcore plugin provides it yet. "
                f"`appcore plugins` lists what is installed; docs/differences.md lists what is missing.")
    return f"module 'appcore' has no attribute '{name}'"


_installed: dict[str, Any] | None = None


def _installed_api() -> dict[str, Any]:
    # Built once per process from entry points, read-only: only used where
    # no App is running (each App still owns its own registries).
    global _installed
    if _installed is None:
        from ..plugins import load_plugin_manager

        pm, _ = load_plugin_manager(disable=())
        api: dict[str, Any] = {}
        for contribution in pm.hook.appcore_register_api():
            api.update(contribution or {})
        _installed = api
    return _installed
