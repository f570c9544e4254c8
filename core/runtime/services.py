"""What the runtime is handed by the App that runs it, and the plugins' typed stash.

The runtime (sessions, runs, widgets) never sees the App: it gets these
services, so a Session can be built from plain parts and imports run one way,
down (App -> runtime -> these types).
"""
from __future__ import annotations

from collections.abc import Callable, Mapping
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
        """Save a session's state; return the keys that could not be saved."""

    def load(self, session_id: str) -> dict[str, Any] | None:
        """A saved session's state, or None."""


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
    """

    __slots__ = ("name",)

    def __init__(self, name: str = "") -> None:
        self.name = name

    def __repr__(self) -> str:
        return f"StashKey({self.name!r})" if self.name else super().__repr__()


class Stash:
    """Per-session or per-run data of plugins, each under its own ``StashKey``."""

    __slots__ = ("_data",)

    def __init__(self) -> None:
        self._data: dict[StashKey[Any], Any] = {}

    def __getitem__(self, key: StashKey[T]) -> T:
        return self._data[key]

    def __setitem__(self, key: StashKey[T], value: T) -> None:
        self._data[key] = value

    def __delitem__(self, key: StashKey[T]) -> None:
        del self._data[key]

    def __contains__(self, key: StashKey[Any]) -> bool:
        return key in self._data

    def __len__(self) -> int:
        return len(self._data)

    def get(self, key: StashKey[T], default: D = None) -> T | D:  # type: ignore[assignment]
        return self._data.get(key, default)

    def setdefault(self, key: StashKey[T], default: T) -> T:
        return self._data.setdefault(key, default)

    def pop(self, key: StashKey[T], default: D = None) -> T | D:  # type: ignore[assignment]
        return self._data.pop(key, default)
