"""Recording what a block of code drew, to draw it again somewhere else.

``st.cache_data`` needs this: on a cache miss the function's ``st.*`` calls
draw as usual and are recorded; on a hit the function does not run and the
recording is drawn again where the call is now. Places are kept relative:

- an element drawn into the container the block started in (the *site*) keeps
  its offset from where the block started there;
- an element drawn into a container the block itself drew keeps its index in it;
- an element drawn at the end of another root (``st.sidebar``) keeps its offset
  from where that root's cursor stood when the block started;
- an element drawn into any other container made before the block (a column
  passed in, a placeholder) cannot be placed again: replaying it raises
  ``UnplaceableElement``.

Every element goes through ``Run.emit``, so recording costs nothing when no
recording is active (an empty tuple) and one dictionary lookup per element when
one is. Active recordings live in a context variable: an asyncio task started
inside a recorded block records into it, two tasks running side by side
(``asyncio.gather``) do not record each other's elements.
"""
from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

from .context import current_run
from .elements import Container

# Where a recorded element goes, relative to where replay happens.
HERE = "here"     # (HERE, offset, *indices): the site container (or the site slot: (HERE,))
ROOT = "root"     # (ROOT, root name, offset, *indices): the end of another root
UNPLACEABLE = None


# The recordings the current context draws into, outermost first.
ACTIVE_RECORDINGS: ContextVar[tuple[Recording, ...]] = ContextVar("appcore_recordings", default=())


class UnplaceableElement(LookupError):
    """A recorded element was drawn into a container made outside the recorded block."""


@dataclass(frozen=True)
class RecordedElement:
    """One element a recorded block drew: where (relative), and what."""

    place: tuple | None
    type: str
    props: dict[str, Any]
    widget_id: str | None = None
    key: str | None = None
    media: tuple = ()   # the files it showed (MediaCopy), served again when it is replayed


class Recording:
    """What a block drew since ``record_elements()`` began, in order."""

    def __init__(self, site: Container, cursors: dict[tuple, int]):
        self.site = site
        self._start = cursors             # the run's cursors when the block began
        self._places: dict[tuple, tuple | None] = {}   # path drawn by the block -> its place
        self.elements: list[RecordedElement] = []
        self.active = True

    def note(self, path: tuple, type: str, props: dict[str, Any], widget_id: str | None,
             key: str | None, media: tuple = ()) -> None:
        if not self.active:
            return  # a task the block started outlived it: the recording is closed
        place = self._places.get(path, False)
        if place is False:
            place = self._place_of(path)
            self._places[path] = place
        self.elements.append(RecordedElement(place, type, props, widget_id, key, media))

    def _place_of(self, path: tuple) -> tuple | None:
        parent = path[:-1]
        inside = self._places.get(parent, False)
        if inside is not False:
            return None if inside is None else (*inside, path[-1])
        site = self.site
        if site.slot:
            if path[:len(site.path)] == site.path:
                return (HERE, *path[len(site.path):])
        elif parent == site.path:
            offset = path[-1] - self._start.get(parent, 0)
            return (HERE, offset) if offset >= 0 else UNPLACEABLE   # below: a slot made before the block
        if len(parent) == 1:
            offset = path[-1] - self._start.get(parent, 0)
            return (ROOT, parent[0], offset) if offset >= 0 else UNPLACEABLE
        return UNPLACEABLE


@contextmanager
def record_elements() -> Iterator[Recording]:
    """Record every element drawn inside the block (nested recordings all see them)."""
    run = current_run()
    recording = Recording(run.target(), dict(run.cursors))
    token = ACTIVE_RECORDINGS.set((*ACTIVE_RECORDINGS.get(), recording))
    try:
        yield recording
    finally:
        recording.active = False
        ACTIVE_RECORDINGS.reset(token)


def replay_elements(elements: Sequence[RecordedElement]) -> None:
    """Draw recorded elements again at the current place, as the block drew them.

    Raises ``UnplaceableElement`` (before drawing anything) if one of them was drawn
    into a container made outside the recorded block.
    """
    if not elements:
        return
    if any(element.place is None for element in elements):
        raise UnplaceableElement("an element was drawn into a container made outside the recorded block")
    run = current_run()
    run.checkpoint()
    site = run.target()
    # Each recorded top-level offset takes the next place of its container, in order.
    placed: dict[tuple, tuple] = {}
    for element in elements:
        place = element.place
        if place[0] == HERE:
            if site.slot:
                path = (*site.path, *place[1:])
            else:
                path = _top(run, placed, site, place[:2]) + place[2:]
        else:
            path = _top(run, placed, Container((place[1],)), place[:3]) + place[3:]
        if path not in placed.values():
            # Inside a container it drew: later calls on that container (returned by the block) append after.
            parent = path[:-1]
            run.cursors[parent] = max(run.cursors.get(parent, 0), path[-1] + 1)
        props = run.session.media.restore(element.media, path, element.props) if element.media else element.props
        run.emit(path, element.type, props, element.widget_id, element.key)


def _top(run: Any, placed: dict[tuple, tuple], container: Container, top: tuple) -> tuple:
    path = placed.get(top)
    if path is None:
        path = placed[top] = run.place(container)
    return path
