"""Which run the current thread serves, and where API names come from.

Each run executes on its own thread with a ``Run`` set in a ContextVar, so
``st.*`` calls find their session without any module-global session.
"""
from __future__ import annotations

import threading
from contextvars import ContextVar
from importlib import import_module
from typing import TYPE_CHECKING, Any

from .._bundled_api import BUNDLED_API
from .errors import AppcoreAPIError

if TYPE_CHECKING:
    from .run import Run

_current_run: ContextVar[Run | None] = ContextVar("appcore_run", default=None)

# A thread the app started itself carries its run here (``add_script_run_ctx``).
THREAD_RUN_ATTRIBUTE = "_appcore_run"


def _run_of_this_thread() -> Run | None:
    run = _current_run.get()
    if run is None:
        run = getattr(threading.current_thread(), THREAD_RUN_ATTRIBUTE, None)
    return run


class NoRunError(AppcoreAPIError):
    pass


def current_run() -> Run:
    run = _run_of_this_thread()
    if run is None:
        raise NoRunError(
            "This appcore call needs a running app: start the script with "
            "`appcore run app.py`, or test it with appcore.testing.AppTest. In a thread the app "
            "started itself, call appcore.runtime.scriptrunner.add_script_run_ctx(thread) before "
            "thread.start()."
        )
    return run


def maybe_current_run() -> Run | None:
    return _run_of_this_thread()


def set_current_run(run: Run | None) -> Any:
    return _current_run.set(run)


def lookup_api(name: str) -> Any:
    """The object a plugin registered as ``st.<name>``.

    Inside a run: the running App's registry. Outside one (a helper module
    imported on its own, an editor's console): the bundled plugin that
    provides the name, imported on first use.
    """
    run = _run_of_this_thread()
    if run is not None:
        services = run.session.services
        try:
            return services.api[name]
        except KeyError:
            raise AttributeError(services.missing_api(name)) from None
    value = _bundled(name)
    if value is None:
        raise AttributeError(missing_name_message(name))
    return value


def api_names() -> list[str]:
    """The ``st.<name>`` names: the running App's, else the bundled plugins'."""
    run = _run_of_this_thread()
    return list(run.session.services.api if run is not None else BUNDLED_API)


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


def _bundled(name: str) -> Any:
    """``st.<name>`` outside any run: from the bundled plugin module that defines it."""
    where = BUNDLED_API.get(name)
    if where is None:
        return None
    _, module, attribute = where
    return getattr(import_module(module), attribute, None)
