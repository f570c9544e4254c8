"""appcore-redis: sessions that outlive their process, in Redis (DESIGN.md §9).

Set ``[session_store] url`` in ``.appcore/config.toml`` (or ``APPCORE_SESSION_STORE_URL``)
and every complete run saves its session's picklable state; a tab that reconnects to
another process sharing the Redis resumes with its values, page and typed form values.
Without a url the plugin does nothing and sessions live in their process, as before.
"""
from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from appcore.plugin import AppView, ElementType, StashKey, hookimpl, maybe_current_run, send_message

if TYPE_CHECKING:
    from .store import RedisSessionStore, pickled

__all__ = ["RedisSessionStore", "pickled"]


def __getattr__(name: str) -> Any:
    # appcore loads every installed plugin at start-up: the redis client is imported only
    # when a store is configured (or these names are asked for).
    if name in __all__:
        from . import store

        return getattr(store, name)
    raise AttributeError(f"module 'appcore_redis' has no attribute '{name}'")
HERE = Path(__file__).parent
log = logging.getLogger("appcore.redis")

# What the tab was last told could not be carried: told again only when it changes.
TOLD = StashKey[dict[str, str]]("appcore-redis: told the page")
INTERNAL = "$$"
STASH_PREFIX = "$$appcore.stash:"


def shown_name(key: str) -> str:
    """A saved key as the person knows it: their session_state key, or what holds it."""
    if key.startswith(STASH_PREFIX):
        return f"{key[len(STASH_PREFIX):]} (a plugin's state)"
    if key.startswith(INTERNAL):
        return f"the value of a widget without a key ({key[len(INTERNAL):]})"
    return key


def tell_page(session_id: str, lost: dict[str, str]) -> None:
    """After a run's save: the page says which values another process would not get
    (between runs there is no page to say it in; the next run does)."""
    run = maybe_current_run()
    if run is None or run.session.id != session_id:
        return
    told = run.session.stash.get(TOLD, {})
    if told == lost:
        return
    run.session.stash[TOLD] = dict(lost)
    if lost:
        log.warning("session %s: not carried to another process: %s", session_id,
                    "; ".join(f"{shown_name(k)}: {reason}" for k, reason in sorted(lost.items())))
    send_message({"t": "session_store",
                  "lost": [{"key": shown_name(k), "reason": reason} for k, reason in sorted(lost.items())]},
                 checkpoint=False)


@hookimpl
def appcore_resolve_session_store(app: AppView) -> RedisSessionStore | None:
    conf = app.config.session_store
    if not conf.url:
        return None  # not configured: the core keeps sessions in memory
    from .store import RedisSessionStore

    ttl = conf.ttl or app.config.server.session_grace_seconds
    store = RedisSessionStore(conf.url, ttl, conf.prefix, live=app.sessions, on_lost=tell_page)
    log.info("sessions are saved to %s (ttl %g s, prefix %r)", conf.url, ttl, conf.prefix)
    return store


@hookimpl
def appcore_register_elements() -> list[ElementType]:
    # No element: the module shows the session_store message (values not carried).
    return [ElementType("session_store", HERE / "session_store.js")]
