"""``get_script_run_ctx`` and ``add_script_run_ctx``, as Streamlit's.

Apps and libraries use them to make ``st`` calls from threads of their own:

    thread = threading.Thread(target=work)
    add_script_run_ctx(thread)   # the thread draws into the run that started it
    thread.start()
"""
from __future__ import annotations

import logging
import threading
from typing import Any

from .context import THREAD_RUN_ATTRIBUTE, maybe_current_run

log = logging.getLogger("appcore.scriptrunner")


class ScriptRunContext:
    """What a thread needs to make ``st`` calls: the run it draws into."""

    __slots__ = ("run",)

    def __init__(self, run: Any):
        self.run = run

    @property
    def session_id(self) -> str:
        return self.run.session.id

    @property
    def session_state(self) -> Any:
        return self.run.session.state

    def __repr__(self) -> str:
        return f"ScriptRunContext(session_id={self.session_id!r})"


def get_script_run_ctx(suppress_warning: bool = False) -> ScriptRunContext | None:
    """The context of the current thread, or None (with Streamlit's warning) outside a run."""
    run = maybe_current_run()
    if run is None:
        if not suppress_warning:
            log.warning("Thread '%s': missing ScriptRunContext! This warning can be ignored when running "
                        "in bare mode.", threading.current_thread().name)
        return None
    return ScriptRunContext(run)


def add_script_run_ctx(thread: threading.Thread | None = None,
                       ctx: ScriptRunContext | None = None) -> threading.Thread:
    """Let ``thread`` (default: the current one) make ``st`` calls in ``ctx``'s run
    (default: the current thread's)."""
    thread = thread or threading.current_thread()
    ctx = ctx or get_script_run_ctx(suppress_warning=True)
    if ctx is not None:
        setattr(thread, THREAD_RUN_ATTRIBUTE, ctx.run)
    return thread


__all__ = ["ScriptRunContext", "add_script_run_ctx", "get_script_run_ctx"]
