"""Which run the current thread serves, and where API names come from.

Each run executes on its own thread with a ``Run`` set in a ContextVar, so
``st.*`` calls find their session without any module-global session.
"""
from __future__ import annotations

import threading
from contextvars import ContextVar
from typing import TYPE_CHECKING, Any

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
    """The object the running App registered as ``st.<name>`` (outside a run, the
    package facade in ``appcore/__init__.py`` answers instead)."""
    services = current_run().session.services
    try:
        return services.api[name]
    except KeyError:
        raise AttributeError(services.missing_api(name)) from None
