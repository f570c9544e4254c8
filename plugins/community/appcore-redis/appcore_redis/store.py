"""RedisSessionStore: a session's picklable state in Redis, written off the script thread.

``save`` pickles on the caller's thread (so it knows at once what cannot be carried) and
hands the bytes to one writer thread, which keeps only the newest snapshot of each session
and writes them in a pipeline. A Redis that is slow or down never reaches a run: the writer
logs once, keeps the newest snapshots and retries with a doubling back-off, and the process
goes on serving its sessions from memory. ``load`` asks Redis at once (a tab reconnecting to
this process with a session it does not know), except while the writer is backing off.
"""
from __future__ import annotations

import logging
import pickle
import threading
import time
from collections.abc import Callable, Mapping
from typing import Any

import redis
from appcore.plugin import maybe_current_run
from redis.backoff import NoBackoff
from redis.retry import Retry

log = logging.getLogger("appcore.redis")

# A snapshot is a pickled {key: pickled value}: one value that does not unpickle in another
# process (its class is gone) costs that value, not the session.
PROTOCOL = pickle.HIGHEST_PROTOCOL
FIRST_BACKOFF = 0.1
MAX_BACKOFF = 5.0
# A run's save waits this long at most for Redis to have it (not at all while Redis is down):
# a click whose result the tab saw is in Redis should its process die the moment after.
ACK_WAIT = 0.05
# A command that takes longer is a failure (then: back off). The URL may say otherwise
# (redis://host/0?socket_timeout=2).
TIMEOUT = 0.5


def pickled(value: Any) -> tuple[bytes | None, str | None]:
    """``(bytes, None)`` when ``value`` pickles into something another process can load,
    else ``(None, the reason)``."""
    script = (f"{type(value).__name__} is defined in the app's script: another process cannot load it "
              "(define it in a module the script imports)")
    try:
        blob = pickle.dumps(value, PROTOCOL)
    except Exception as error:
        return None, script if "__main__" in str(error) else f"{type(value).__name__} cannot be pickled ({_short(error)})"
    if b"__main__" in blob:  # pickled by reference to the script, which another process has not run
        return None, script
    return blob, None


def _short(error: BaseException) -> str:
    text = str(error) or type(error).__name__
    return text if len(text) <= 120 else text[:117] + "..."


class RedisSessionStore:
    """The ``SessionStore`` of appcore-redis (DESIGN.md §9)."""

    def __init__(self, url: str, ttl: float, prefix: str = "appcore:session:", *,
                 live: Mapping[str, Any] | None = None,
                 on_lost: Callable[[str, dict[str, str]], None] | None = None,
                 client: redis.Redis | None = None) -> None:
        self.url = url
        self.ttl_ms = max(1, int(ttl * 1000))
        self.prefix = prefix
        self.client = client or redis.Redis.from_url(
            url, socket_timeout=TIMEOUT, socket_connect_timeout=TIMEOUT,
            retry=Retry(NoBackoff(), 0))  # the writer retries, with its own back-off
        # The sessions this process holds: their keys' TTL is renewed while they live here,
        # so a tab open longer than the grace period still resumes elsewhere.
        self._live = live if live is not None else {}
        self._on_lost = on_lost
        self._pending: dict[str, bytes] = {}   # session id -> newest snapshot not yet written
        self._writing: dict[str, bytes] = {}   # the batch being written now
        self._cond = threading.Condition()
        self._closed = False
        self.down_since: float | None = None   # monotonic time of the first failure of an outage
        self._retry_at = 0.0
        self._backoff = FIRST_BACKOFF
        self.written = 0                        # snapshots written, for tests and figures
        self._handed = 0                        # snapshots handed over, numbered in order...
        self._done = 0                          # ... and the number of the newest one written
        self._thread = threading.Thread(target=self._write_loop, name="appcore-redis-writer", daemon=True)
        self._thread.start()

    def __repr__(self) -> str:
        return f"RedisSessionStore({self.url!r}, ttl={self.ttl_ms / 1000:g}s, prefix={self.prefix!r})"

    # -- the seam --------------------------------------------------------------------------

    def save(self, session_id: str, values: dict[str, Any]) -> list[str]:
        lost: dict[str, str] = {}
        kept: dict[str, bytes] = {}
        for key, value in list(values.items()):
            blob, reason = pickled(value)
            if blob is None:
                lost[key] = reason or "?"
            else:
                kept[key] = blob
        snapshot = pickle.dumps(kept, PROTOCOL)
        with self._cond:
            self._pending[session_id] = snapshot
            self._handed += 1
            number = self._handed
            self._cond.notify_all()
            if maybe_current_run() is not None:  # a run's end (never the event loop): wait a little
                deadline = time.monotonic() + ACK_WAIT
                while self._done < number and self.down_since is None:
                    left = deadline - time.monotonic()
                    if left <= 0:
                        break
                    self._cond.wait(left)
        if self._on_lost is not None:
            self._on_lost(session_id, lost)
        return list(lost)

    def load(self, session_id: str) -> dict[str, Any] | None:
        with self._cond:
            blob = self._pending.get(session_id) or self._writing.get(session_id)
        if blob is None:
            if self.down_since is not None and time.monotonic() < self._retry_at:
                log.warning("session %s: not resumed: the session store %s is unreachable", session_id, self.url)
                return None
            try:
                blob = self.client.get(self.prefix + session_id)
            except redis.RedisError as error:
                self._failed(error)
                log.warning("session %s: not resumed: the session store failed (%s)", session_id, _short(error))
                return None
        if blob is None:
            return None
        try:
            stored = pickle.loads(blob)
        except Exception as error:
            log.warning("session %s: its saved state does not load (%s); starting afresh", session_id, _short(error))
            return None
        values: dict[str, Any] = {}
        for key, value in stored.items():
            try:
                values[key] = pickle.loads(value)
            except Exception as error:
                log.warning("session %s: could not load %s (%s); the resumed tab goes on without it",
                            session_id, key, _short(error))
        return values

    # -- the writer ------------------------------------------------------------------------

    def flush(self, timeout: float = 5.0) -> bool:
        """Wait until every snapshot handed over is written; False if Redis did not take them
        in time (shutdown saves the last state this way)."""
        deadline = time.monotonic() + timeout
        with self._cond:
            self._cond.notify_all()
            while self._pending or self._writing:
                left = deadline - time.monotonic()
                if left <= 0:
                    return False
                self._cond.wait(min(left, 0.05))
        return True

    def close(self, timeout: float = 5.0) -> None:
        self.flush(timeout)
        with self._cond:
            self._closed = True
            self._cond.notify_all()
        self._thread.join(timeout)
        self.client.close()

    def _write_loop(self) -> None:
        renew_every = max(0.1, self.ttl_ms / 3000)
        renewed = time.monotonic()
        while True:
            with self._cond:
                while not self._closed and (not self._pending or time.monotonic() < self._retry_at):
                    wait = renewed + renew_every - time.monotonic()
                    if self._pending:
                        wait = min(wait, self._retry_at - time.monotonic())
                    if wait <= 0:
                        break
                    self._cond.wait(wait)
                if self._closed:
                    return
                batch, self._pending = self._pending, {}
                self._writing = batch
                upto = self._handed
            renew = time.monotonic() - renewed >= renew_every
            try:
                pipe = self.client.pipeline(transaction=False)
                for session_id, blob in batch.items():
                    pipe.set(self.prefix + session_id, blob, px=self.ttl_ms)
                if renew:
                    for session_id in list(self._live):
                        if session_id not in batch:
                            pipe.pexpire(self.prefix + session_id, self.ttl_ms)
                if len(pipe):
                    pipe.execute()
            except Exception as error:  # RedisError, or anything else: the process serves on
                with self._cond:
                    for session_id, blob in batch.items():
                        self._pending.setdefault(session_id, blob)  # a newer snapshot wins
                    self._writing = {}
                    self._failed(error)
                    self._cond.notify_all()  # a run waiting for this write waits no more
                continue
            if renew:
                renewed = time.monotonic()
            if self.down_since is not None:
                log.warning("the session store %s is back after %.1f s: saving sessions again",
                            self.url, time.monotonic() - self.down_since)
                self.down_since = None
                self._backoff = FIRST_BACKOFF
                self._retry_at = 0.0
            with self._cond:
                self._writing = {}
                self.written += len(batch)
                self._done = max(self._done, upto)
                self._cond.notify_all()

    def _failed(self, error: BaseException) -> None:
        now = time.monotonic()
        if self.down_since is None:
            self.down_since = now
            log.warning("the session store %s is unreachable (%s): sessions are served from this "
                        "process's memory; retrying", self.url, _short(error))
        else:
            self._backoff = min(self._backoff * 2, MAX_BACKOFF)
        self._retry_at = now + self._backoff
