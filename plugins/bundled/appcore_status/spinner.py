"""st.spinner: a message with a turning icon while a block of code runs.

As in Streamlit 1.67 it is a transient, not an element: it takes no place among
the elements (the next element is drawn where it would have been without it), it
is not in AppTest's tree, and the page shows it only once the block has run for
half a second, so a quick block does not flash it. The page removes it when the
block ends, and in any case when the run ends.
"""
from __future__ import annotations

import contextlib
from typing import Any

from appcore.plugin import Container, check_width, markdown_html, maybe_current_run, next_place

from ._common import clean_text, hide_transient, show_transient

SPINNER_MESSAGE = "spinner"  # the message type; the module of the element type "spinner" handles it


class Spinner(contextlib.ContextDecorator):
    """What ``st.spinner(...)`` returns: a context manager, and a decorator (as
    Streamlit's, a function decorated with it shows the spinner while it runs)."""

    def __init__(self, text: str, show_time: bool, cache: bool, width: str | int, target: Container | None):
        self._props = {"text": text, "show_time": bool(show_time), "cache": bool(cache), "width": width}
        self._target = target  # where it was called: st.sidebar.spinner() shows in the sidebar
        self._open: list[int | None] = []  # one entry per active `with`, so a decorated function may recurse

    def __enter__(self) -> None:
        run = maybe_current_run()
        if run is None:  # outside a run (a decorated function called from a thread): nothing to show
            self._open.append(None)
            return None
        place = self._target if self._target is not None else run.target()
        with place:
            at = next_place()
        self._open.append(show_transient(SPINNER_MESSAGE, at, {
            **self._props, "text_html": markdown_html(self._props["text"])}))
        return None

    def __exit__(self, *exc: Any) -> None:
        spinner_id = self._open.pop()
        if spinner_id is not None and maybe_current_run() is not None:
            hide_transient(SPINNER_MESSAGE, spinner_id)


def spinner(text: str = "In progress...", *, show_time: bool = False, _cache: bool = False,
            width: str | int = "content") -> Spinner:
    """Show ``text`` with a spinner while the ``with`` block runs; ``show_time=True``
    adds the time elapsed, counting in the browser."""
    width = check_width(width, allow_content=True)
    run = maybe_current_run()
    target = run.target() if run is not None else None
    return Spinner(clean_text(text), show_time, _cache, width, target)


__all__ = ["spinner", "Spinner"]
