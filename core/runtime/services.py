"""What the runtime is handed by the App that runs it, and the plugins' typed stash.

The runtime (sessions, runs, widgets) never sees the App: it gets these
services, so a Session can be built from plain parts and imports run one way,
down (App -> runtime -> these types).
"""
from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import CodeType
from typing import Any, Generic, Protocol, TypeVar

from ..config import Config
from .media import MediaIndex

T = TypeVar("T")
D = TypeVar("D")


class AppView(Protocol):
    """What a hook may read of the App it is handed (register hooks, ``appcore_resolve_pages``,
    ``appcore_resolve_session_store``, routes). Read it; don't keep it."""

    script_path: str                 # the main script, resolved
    app_dir: Path                    # its folder
    config: Config                   # .appcore/config.toml with env and CLI overrides
    sessions: Mapping[str, Any]      # session id -> Session, in this process


class SessionStore(Protocol):
    """Where session state outlives its process (DESIGN.md §9)."""

    def save(self, session_id: str, values: dict[str, Any]) -> list[str]:
        """Save a session's state; return the keys that could not be saved.

        ``values`` is ``session_state`` (widget values under internal ``$$`` ids) with the
        page, its query parameters and the plugins' saved stash keys under ``$$appcore.``
        keys (``Session.snapshot``); ``load`` hands the same dict back. Called on the
        script thread after each complete run, and on the event loop when a plugin
        saves between runs: return at once, and never raise for a slow or absent store.
        """

    def load(self, session_id: str) -> dict[str, Any] | None:
        """A saved session's state, or None."""

    # Optional: ``flush(timeout) -> bool``, SIGTERM's drain waits with it for the last saves.


class RecentTypes:
    """The element types the app's pages drew in their latest runs, newest last (at most
    ``limit``): each new tab is told them with its session message, so its browser loads
    those renderers while the first run is still going, instead of once it arrives."""

    def __init__(self, limit: int = 32) -> None:
        self.limit = limit
        self._types: dict[str, None] = {}
        self._lock = threading.Lock()

    def add(self, types: Iterable[str]) -> None:
        with self._lock:
            for type in types:
                self._types.pop(type, None)
                self._types[type] = None
            while len(self._types) > self.limit:
                del self._types[next(iter(self._types))]

    def __iter__(self) -> Iterator[str]:
        with self._lock:
            return iter(list(self._types))


@dataclass(frozen=True, eq=False)
class Services:
    """Everything a session and its runs use from the App, frozen after start-up."""

    hooks: Any                               # pluggy's hook relay: hooks.appcore_run_started(run=...)
    api: Mapping[str, Any]                   # st.<name> -> object
    client_events: Mapping[str, Callable[..., None]]
    compile: Callable[[str], CodeType]       # a script's code object, cached per file version
    store: SessionStore
    hello: Mapping[str, Any]                 # the static part of the session message
    missing_api: Callable[[str], str]        # why st.<name> does not exist
    max_run_seconds: float | None = None     # [runner] max_run_seconds: a longer run is stopped
    max_upload_mb: float = 200.0             # [server] max_upload_mb: a file widget's cap when it sets none
    # Every session's media store, by token, for the media route ([server] max_media_mb per session).
    media: MediaIndex = field(default_factory=MediaIndex)
    # The pages a static source (pages/, pages.toml) declares, None when the main script runs
    # for every URL (no source, or it calls st.navigation); see runtime/pages.py.
    pages: Callable[[], Any] = lambda: None
    drawn: RecentTypes = field(default_factory=RecentTypes)  # what the pages drew lately


@dataclass(frozen=True)
class ClientInfo:
    """What a tab told us about itself and its connection (``st.context``).

    ``headers`` are the websocket upgrade's, as ``(name, value)`` pairs in order;
    the rest comes from the tab's hello, checked at the door.
    """

    headers: tuple[tuple[str, str], ...] = ()
    cookies: Mapping[str, str] = field(default_factory=dict)
    ip_address: str | None = None
    url: str | None = None
    locale: str | None = None
    timezone: str | None = None
    timezone_offset: int | None = None
    theme: str | None = None


class StashKey(Generic[T]):
    """A typed key for a plugin's data in a ``Stash`` (pytest's ``StashKey``).

    Create one at module level: ``FORMS = StashKey[dict[str, FormRecord]]()``.
    ``saved=True`` (a session's stash only; the key needs a ``name``, unique among
    saved keys): the session store carries the value, which must then be picklable,
    to another process, where the same key finds it in the resumed session.
    """

    __slots__ = ("name", "saved")

    def __init__(self, name: str = "", *, saved: bool = False) -> None:
        if saved and not name:
            raise ValueError("a saved StashKey needs a name: the resumed session finds its value by it")
        self.name = name
        self.saved = saved

    def __repr__(self) -> str:
        return f"StashKey({self.name!r})" if self.name else super().__repr__()


class Stash:
    """Per-session or per-run data of plugins, each under its own ``StashKey``."""

    __slots__ = ("_data", "_carried")

    def __init__(self) -> None:
        self._data: dict[StashKey[Any], Any] = {}
        # Values of saved keys a resumed session brought, by name, until a key asks for its own.
        self._carried: dict[str, Any] | None = None

    def _adopt(self, key: StashKey[Any]) -> None:
        carried = self._carried
        if key.saved and key.name in carried and key not in self._data:  # type: ignore[operator]
            self._data[key] = carried.pop(key.name)  # type: ignore[union-attr]

    def __getitem__(self, key: StashKey[T]) -> T:
        if self._carried:
            self._adopt(key)
        return self._data[key]

    def __setitem__(self, key: StashKey[T], value: T) -> None:
        if self._carried and key.saved:
            self._carried.pop(key.name, None)  # a value set here replaces the one carried
        self._data[key] = value

    def __delitem__(self, key: StashKey[T]) -> None:
        if self._carried:
            self._adopt(key)
        del self._data[key]

    def __contains__(self, key: StashKey[Any]) -> bool:
        if self._carried:
            self._adopt(key)
        return key in self._data

    def __len__(self) -> int:
        return len(self._data)

    def get(self, key: StashKey[T], default: D = None) -> T | D:  # type: ignore[assignment]
        if self._carried:
            self._adopt(key)
        return self._data.get(key, default)

    def setdefault(self, key: StashKey[T], default: T) -> T:
        if self._carried:
            self._adopt(key)
        return self._data.setdefault(key, default)

    def pop(self, key: StashKey[T], default: D = None) -> T | D:  # type: ignore[assignment]
        if self._carried:
            self._adopt(key)
        return self._data.pop(key, default)

    # -- the session store's side (DESIGN.md §9) ---------------------------------------

    def saved(self) -> dict[str, Any]:
        """The values of saved keys, by name (with those a resumed session brought and
        nothing has asked for yet)."""
        found = dict(self._carried) if self._carried else {}
        found.update({key.name: value for key, value in list(self._data.items()) if key.saved})
        return found

    def carry(self, values: Mapping[str, Any]) -> None:
        """Values of saved keys from another process, by name: each key finds its own."""
        if values:
            self._carried = {**(self._carried or {}), **values}
