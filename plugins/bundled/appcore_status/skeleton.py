"""st.skeleton: an animated placeholder where content is on its way.

Standalone (``slot = st.skeleton(200)``) it is drawn at once and is a placeholder like
``st.empty()``: an element drawn into it replaces it. As a context manager (``with
st.skeleton():``) its place is emptied and the skeleton is a transient there, as
``st.spinner``'s (_transient.js): the page shows it once the block has run for half a
second and removes it when the block ends; what the block draws goes to the container
the ``with`` is in, after the skeleton's place. As in Streamlit 1.67, AppTest's tree shows
a ``skeleton`` node for a standalone one and an ``empty`` node for the place of a ``with``.
"""
from __future__ import annotations

from typing import Any

from appcore.plugin import Container, add_element, check_height, check_width, maybe_current_run

from ._common import hide_transient, show_transient

SKELETON = "skeleton"  # the element type, and the message type of its transient


class SkeletonPlaceholder(Container):
    """What ``st.skeleton()`` returns: the skeleton's slot, and a context manager."""

    __slots__ = ("_props", "_open")

    def __init__(self, slot: Container, props: dict[str, Any]):
        super().__init__(slot.path, slot.scope, slot=True)
        self._props = props
        self._open: list[int | None] = []

    def __enter__(self) -> SkeletonPlaceholder:  # type: ignore[override]
        if maybe_current_run() is None:  # a thread without the run's context: nothing to show
            self._open.append(None)
            return self
        self.empty()  # whatever stood in the slot (the skeleton, or content drawn into it) goes
        self._open.append(show_transient(SKELETON, self.path, self._props))
        return self

    def __exit__(self, *exc: Any) -> None:  # type: ignore[override]
        shot = self._open.pop()
        if shot is not None and maybe_current_run() is not None:
            hide_transient(SKELETON, shot)


def skeleton(height: int | str | None = None, *, width: int | str = "stretch") -> SkeletonPlaceholder:
    """A loading placeholder: replace it by drawing into it, or use it as ``with st.skeleton():``."""
    props = {"height": None if height is None else check_height(height), "width": check_width(width)}
    return SkeletonPlaceholder(add_element(SKELETON, props), props)


__all__ = ["skeleton", "SkeletonPlaceholder"]
