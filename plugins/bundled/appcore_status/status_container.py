"""st.status: an expandable container whose icon tells how a long task is going.

Its element type is ``status_container`` (Streamlit's class name): ``ac-status`` is
the page's own run indicator. AppTest reads it as Streamlit's ``status`` node.

Running shows a spinner, complete a check, error an error sign. Leaving its ``with``
block while still running makes it complete, or error when an exception left the
block (as Streamlit 1.67: a ``st.stop()`` or ``st.rerun()`` leaves it as it was).
"""
from __future__ import annotations

from typing import Any, Literal

from appcore.plugin import Container, add_container, add_element, check_width, invalid_value, markdown_html, maybe_current_run

STATE_ICONS = {"running": "spinner", "complete": ":material/check:", "error": ":material/error:"}
TYPES = ("default", "compact", "step")
STATUS_TYPE = "status_container"


def _check_state(state: Any) -> str:
    if state not in STATE_ICONS:
        raise invalid_value("state", [repr(name) for name in STATE_ICONS])
    return state


class StatusContainer(Container):
    """What ``st.status`` returns: a container (``with``, or call elements on it)
    with ``update(label=, expanded=, state=)``."""

    __slots__ = ("_props",)

    def __init__(self, path: tuple, scope: Any, props: dict[str, Any]):
        super().__init__(path, scope)
        self._props = props

    def update(self, *, label: str | None = None, expanded: bool | None = None,
               state: Literal["running", "complete", "error"] | None = None) -> None:
        """Change the label, the expansion or the state; what is not given stays as it is
        (the expansion the person chose, too)."""
        props = dict(self._props)
        if label is not None:
            props["label"] = str(label)
            props["label_html"] = markdown_html(props["label"])
        if state is not None:
            props["state"] = _check_state(state)
            props["icon"] = STATE_ICONS[state]
        if expanded is not None:
            props["expanded"] = bool(expanded)
        self._props = props
        if maybe_current_run() is None:
            return
        # The same element at the same place: the page updates the box and keeps its children.
        with Container(self.path, self.scope, slot=True):
            add_element(STATUS_TYPE, props)

    def __exit__(self, exc_type: Any, exc: Any, tb: Any) -> None:
        # Left as if without an error: an exception shows below the box, not hidden inside it.
        super().__exit__(None, None, None)
        if self._props["state"] == "running" and (exc is None or isinstance(exc, Exception)):
            self.update(state="error" if exc is not None else "complete")


def status(label: str, *, expanded: bool = False, state: Literal["running", "complete", "error"] = "running",
           type: Literal["default", "compact", "step"] = "default", width: str | int = "stretch") -> StatusContainer:
    """A container that shows the state of a long task; use it with ``with``."""
    if type not in TYPES:
        raise invalid_value("type", [repr(name) for name in TYPES])
    _check_state(state)
    shown = "" if label is None else str(label)
    props = {"label": shown, "label_html": markdown_html(shown), "expanded": bool(expanded), "state": state,
             "icon": STATE_ICONS[state], "type": type, "width": check_width(width)}
    box = add_container(STATUS_TYPE, props)
    return StatusContainer(box.path, box.scope, props)


__all__ = ["status", "StatusContainer"]
