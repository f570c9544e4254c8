"""st.toast: a short message at the top right of the window that goes by itself.

Toasts are drawn on a root of their own (``"toasts"``; Streamlit puts them in its event block), so
they take no place among the page's elements wherever they are called from. The
handle a call returns updates that toast: ``t = st.toast("Saving..."); t.toast("Saved!")``.
"""
from __future__ import annotations

from typing import Any, Literal

from appcore.plugin import AppcoreAPIError, Container, StashKey, add_element, check_icon, current_run, markdown_html

from ._common import clean_text, next_shot

TOAST_ROOT = "toasts"
DURATIONS = {"short": 4, "long": 10, "infinite": 0}  # seconds; 0: until the person closes it
# Per run: the toast drawn at each path, so that its handle updates that toast.
DRAWN = StashKey[dict[tuple, int]]("toasts drawn by this run")


def _duration(duration: Any) -> int:
    if isinstance(duration, str) and duration in DURATIONS:
        return DURATIONS[duration]
    if isinstance(duration, int) and not isinstance(duration, bool) and duration > 0:
        return duration
    raise AppcoreAPIError("Invalid `duration` value. Supported values: short, long, infinite, a positive integer.")


def toast(body: Any, *, icon: str | None = None,
          duration: Literal["short", "long", "infinite"] | int = "short") -> Container:
    """Show ``body`` (Markdown) in a toast for ``duration``: "short" (4 s), "long" (10 s),
    "infinite" (until closed) or a number of seconds."""
    if str(body) == "":
        raise AppcoreAPIError("The `body` parameter is required. Please provide a message.")
    text = clean_text(body)
    shown_icon = check_icon(icon)
    seconds = _duration(duration)
    run = current_run()
    target = run.target()
    place = target if target.slot and target.path[0] == TOAST_ROOT else Container((TOAST_ROOT,))
    drawn = run.stash.setdefault(DRAWN, {})
    # The handle's call updates its toast (same id); any other call is a new toast.
    toast_id = drawn.get(place.path) if place.slot else None
    props = {"body": text, "html": markdown_html(text, inline=False), "icon": shown_icon or None,
             "duration": seconds, "id": toast_id or next_shot(), "shot": next_shot()}
    with place:
        handle = add_element("toast", props)
    drawn[handle.path] = props["id"]
    return handle


__all__ = ["toast", "TOAST_ROOT"]
