"""Where cached values live: one ``FunctionCache`` per cached function (and per
session for ``scope="session"``), least recently used first out, expired by ``ttl``.

The caches are process-wide, as Streamlit's are: a cached function is a
process-wide object, every session (and every ``AppTest``) that calls it with
the same arguments shares its value. ``st.cache_data`` keeps pickled bytes (each
caller gets its own copy; ``persist="disk"`` also writes them to
``.appcore/cache/`` beside the script); ``st.cache_resource`` keeps the object.
"""
from __future__ import annotations

import concurrent.futures
import logging
import os
import pickle
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from appcore.plugin import maybe_current_run

log = logging.getLogger("appcore.caching")

TIMER = time.monotonic           # tests may swap it for a controllable clock
DISK_DIR = os.path.join(".appcore", "cache")
DISK_SUFFIX = ".memo"            # Streamlit's extension (cache_data was st.memo)
# A waiting caller checks this often whether its run was stopped or superseded.
WAIT_POLL_SECONDS = 0.1
# How long a failed background refresh waits before it is tried again.
REFRESH_COOLDOWN_SECONDS = 60.0
# A background-refreshed value may be served stale for this many ttls in all.
BACKGROUND_TTL_MULTIPLIER = 2.0


@dataclass
class CachedResult:
    """What a call left: its value and the elements it drew (replayed on a hit)."""

    value: Any
    elements: list = field(default_factory=list)


@dataclass
class Entry:
    payload: Any          # cache_data: pickled CachedResult; cache_resource: the CachedResult
    stored_at: float
    size: int = 0


class Computation:
    """The per-key lock one caller holds while it computes a value; others wait on it."""

    __slots__ = ("lock", "users")

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.users = 0


class FunctionCache:
    """The values of one cached function (for one session, if session-scoped)."""

    def __init__(self, *, kind: str, key: str, name: str, ttl: float | None, max_entries: int | None,
                 max_size: int | None = None, persist: str | None = None, disk_dir: str | None = None,
                 validate: Callable[[Any], bool] | None = None, on_release: Callable[[Any], None] | None = None,
                 refresh_mode: str = "foreground"):
        self.kind, self.key, self.name = kind, key, name
        self.ttl = ttl                       # the freshness ttl the user gave, seconds (None: forever)
        self.hard_ttl = ttl * BACKGROUND_TTL_MULTIPLIER if (ttl is not None and refresh_mode == "background") else ttl
        self.max_entries = max_entries
        self.max_size = max_size
        self.persist = persist
        self.disk_dir = disk_dir
        self.validate = validate
        self.on_release = on_release
        self.refresh_mode = refresh_mode
        self.lock = threading.Lock()
        self.changed = threading.Condition(self.lock)   # tests wait on it for a caller to start waiting
        self.entries: OrderedDict[str, Entry] = OrderedDict()   # least recently used first
        self.total_size = 0
        self.computations: dict[str, Computation] = {}
        self.async_computations: dict[str, concurrent.futures.Future] = {}
        self.generation = 0                  # bumped by a whole clear: in-flight refreshes are dropped
        self.key_generations: dict[str, int] = {}
        self.cooldowns: dict[str, float] = {}
        self.refreshing: set[str] = set()
        self.active = True

    def same_settings(self, ttl: float | None, max_entries: int | None, max_size: int | None, persist: str | None,
                      validate: Any, refresh_mode: str) -> bool:
        return (self.ttl == ttl and self.max_entries == max_entries and self.max_size == max_size
                and self.persist == persist and (self.validate is None) == (validate is None)
                and self.refresh_mode == refresh_mode)

    # -- reading and writing ------------------------------------------------------

    def read(self, value_key: str) -> tuple[CachedResult, bool] | None:
        """The cached result and whether it is stale (background refresh), or None on a miss."""
        released: list[Any] = []
        try:
            with self.lock:
                now = TIMER()
                self._expire(now, released)
                entry = self.entries.get(value_key)
                if entry is not None:
                    self.entries.move_to_end(value_key)
                    payload = entry.payload
                    stale = (self.refresh_mode == "background" and self.ttl is not None
                             and now - entry.stored_at >= self.ttl)
                else:
                    payload, stale = None, False
            if payload is None and self.persist == "disk":
                payload = self._read_disk(value_key)
                if payload is not None:
                    self._remember(value_key, payload, released)
            if payload is None:
                return None
            if self.kind == "data":
                try:
                    result = pickle.loads(payload)
                except Exception:
                    log.warning("cache %s: a stored value could not be unpickled; computing it again", self.name)
                    self.delete(value_key)
                    return None
            else:
                result = payload
                if self.validate is not None and not self.validate(result.value):
                    with self.lock:  # as Streamlit: a value that fails validation is dropped unreleased
                        if self.entries.get(value_key) is not None and self.entries[value_key].payload is payload:
                            self._drop(value_key)
                    return None
            return result, stale
        finally:
            self._release(released)

    def write(self, value_key: str, result: CachedResult) -> None:
        """Store a result (cache_data: pickled; raises pickle's errors)."""
        payload = pickle.dumps(result) if self.kind == "data" else result
        if self.persist == "disk":
            self._write_disk(value_key, payload)
        released: list[Any] = []
        try:
            self._remember(value_key, payload, released)
        finally:
            self._release(released)

    def write_refreshed(self, value_key: str, result: CachedResult, generation: int, key_generation: int) -> bool:
        """A background refresh's result, unless the entry was cleared or evicted meanwhile."""
        payload = pickle.dumps(result) if self.kind == "data" else result
        released: list[Any] = []
        with self.lock:
            if (not self.active or generation != self.generation
                    or key_generation != self.key_generations.get(value_key, 0) or value_key not in self.entries):
                current = False
            else:
                old = self.entries[value_key]
                self.total_size -= old.size
                self.entries[value_key] = Entry(payload, TIMER(), self._size(payload))
                self.total_size += self.entries[value_key].size
                if self.kind == "resource" and old.payload.value is not result.value:
                    released.append(old.payload.value)
                current = True
        if not current and self.kind == "resource":
            released.append(result.value)
        try:
            self._release(released)
        except Exception:
            log.warning("on_release raised while releasing a resource after a background refresh", exc_info=True)
        return current

    def _remember(self, value_key: str, payload: Any, released: list[Any]) -> None:
        if self.max_entries is not None and self.max_entries < 1:
            raise ValueError("value too large")  # as Streamlit's cache: max_entries=0 holds nothing
        size = self._size(payload)
        with self.lock:
            if value_key in self.entries:
                self._drop(value_key, released if self.kind == "resource" else None)
            self.entries[value_key] = Entry(payload, TIMER(), size)
            self.total_size += size
            self._evict(released)

    def _size(self, payload: Any) -> int:
        return len(payload) if isinstance(payload, bytes) else 0

    def _evict(self, released: list[Any]) -> None:
        if self.max_entries is not None:
            while len(self.entries) > max(self.max_entries, 0):
                self._drop(next(iter(self.entries)), released)
        if self.max_size is not None and self.total_size > self.max_size:
            newest = next(reversed(self.entries))
            if self.entries[newest].size > self.max_size:
                log.warning("cache %s: a value of %d bytes is larger than max_size (%d bytes); it is kept alone",
                            self.name, self.entries[newest].size, self.max_size)
            while self.total_size > self.max_size and len(self.entries) > 1:
                self._drop(next(iter(self.entries)), released)

    def _expire(self, now: float, released: list[Any]) -> None:
        if self.hard_ttl is None or not self.entries:
            return
        for value_key in [k for k, e in self.entries.items() if now - e.stored_at >= self.hard_ttl]:
            self._drop(value_key, released)

    def _drop(self, value_key: str, released: list[Any] | None = None) -> None:
        entry = self.entries.pop(value_key)
        self.total_size -= entry.size
        if released is not None and self.kind == "resource":
            released.append(entry.payload.value)

    def _release(self, values: list[Any]) -> None:
        """``on_release`` for resources that left the cache, outside the lock (user code)."""
        if self.on_release is None:
            return
        for value in values:
            self.on_release(value)

    def delete(self, value_key: str) -> None:
        """``func.clear(*args)``: one value out (a resource is released)."""
        released: list[Any] = []
        with self.lock:
            self.key_generations[value_key] = self.key_generations.get(value_key, 0) + 1
            self.cooldowns.pop(value_key, None)
            if value_key in self.entries:
                self._drop(value_key, released)
        if self.persist == "disk":
            try:
                os.remove(self._disk_path(value_key))
            except FileNotFoundError:
                pass
            except OSError:
                log.exception("cache %s: could not remove a file of the disk cache", self.name)
        self._release(released)

    def clear(self) -> None:
        """Every value out (resources are released; one failing release does not stop the others)."""
        released: list[Any] = []
        with self.lock:
            self.generation += 1
            self.key_generations.clear()
            self.cooldowns.clear()
            while self.entries:
                self._drop(next(iter(self.entries)), released)
        if self.persist == "disk" and self.disk_dir and os.path.isdir(self.disk_dir):
            for name in os.listdir(self.disk_dir):
                if name.startswith(f"{self.key}-") and name.endswith(DISK_SUFFIX):
                    try:
                        os.remove(os.path.join(self.disk_dir, name))
                    except OSError:
                        log.exception("cache %s: could not remove %s", self.name, name)
        for value in released:
            try:
                self._release([value])
            except Exception as error:
                log.warning("Error clearing resource cache: %s", error)

    # -- disk ------------------------------------------------------------------------

    def _disk_path(self, value_key: str) -> str:
        return os.path.join(self.disk_dir or DISK_DIR, f"{self.key}-{value_key}{DISK_SUFFIX}")

    def _read_disk(self, value_key: str) -> bytes | None:
        try:
            with open(self._disk_path(value_key), "rb") as file:
                return file.read()
        except FileNotFoundError:
            return None
        except OSError:
            log.exception("cache %s: could not read the disk cache", self.name)
            return None

    def _write_disk(self, value_key: str, payload: bytes) -> None:
        path = self._disk_path(value_key)
        try:
            os.makedirs(os.path.dirname(path), exist_ok=True)
            partial = f"{path}.{os.getpid()}.{threading.get_ident()}.tmp"
            with open(partial, "wb") as file:
                file.write(payload)
            os.replace(partial, path)  # readers never see half a file
        except OSError:
            log.exception("cache %s: could not write the disk cache at %s", self.name, path)

    # -- one computation per key -----------------------------------------------------

    @contextmanager
    def computing(self, value_key: str, may_wait_for_stop: bool) -> Iterator[None]:
        """Hold the key's lock while computing its value: a second caller with the same key
        waits for the first and then finds its value. A waiting run still stops or yields to
        a newer rerun (``may_wait_for_stop``); a computation that fails or is stopped just
        releases the lock, so the next caller computes."""
        with self.lock:
            computation = self.computations.get(value_key)
            if computation is None:
                computation = self.computations[value_key] = Computation()
            computation.users += 1
            self.changed.notify_all()
        try:
            run = maybe_current_run() if may_wait_for_stop else None
            if run is None:
                computation.lock.acquire()
            else:
                while not computation.lock.acquire(timeout=WAIT_POLL_SECONDS):
                    run.checkpoint()
            try:
                yield
            finally:
                computation.lock.release()
        finally:
            with self.lock:
                computation.users -= 1
                if computation.users == 0 and self.computations.get(value_key) is computation:
                    del self.computations[value_key]
                self.changed.notify_all()

    def claim_async(self, value_key: str) -> tuple[concurrent.futures.Future, bool]:
        """The key's async computation, and whether the caller is the one to run it. A
        thread-safe future, so tasks on other event loops (other sessions) can await it."""
        with self.lock:
            computation = self.async_computations.get(value_key)
            if computation is not None:
                return computation, False
            computation = self.async_computations[value_key] = concurrent.futures.Future()
            return computation, True

    def end_async(self, value_key: str, computation: concurrent.futures.Future) -> None:
        """The async computation ended (stored, failed or cancelled): wake who awaits it."""
        with self.lock:
            if self.async_computations.get(value_key) is computation:
                del self.async_computations[value_key]
        if not computation.done():
            computation.set_result(None)

    def callers(self, value_key: str | None = None) -> int:
        """How many callers hold or wait for a key's computation (all keys: None)."""
        with self.lock:
            if value_key is None:
                return sum(c.users for c in self.computations.values())
            computation = self.computations.get(value_key)
            return computation.users if computation else 0

    def wait_for_callers(self, count: int, timeout: float) -> bool:
        """Block until ``count`` callers hold or wait for computations (tests use it)."""
        with self.changed:
            return self.changed.wait_for(lambda: sum(c.users for c in self.computations.values()) >= count,
                                         timeout)

    # -- background refresh ---------------------------------------------------------

    def claim_refresh(self, value_key: str) -> tuple[int, int] | None:
        """Start a background refresh of a stale key unless one runs or failed recently."""
        with self.lock:
            until = self.cooldowns.get(value_key)
            if until is not None and TIMER() < until:
                return None
            self.cooldowns.pop(value_key, None)
            if value_key in self.refreshing or value_key in self.computations:
                return None
            self.refreshing.add(value_key)
            return self.generation, self.key_generations.get(value_key, 0)

    def end_refresh(self, value_key: str, failed: bool) -> None:
        with self.lock:
            self.refreshing.discard(value_key)
            if failed:
                self.cooldowns[value_key] = TIMER() + REFRESH_COOLDOWN_SECONDS
            self.changed.notify_all()

    def wait_for_refreshes(self, timeout: float) -> bool:
        """Block until no background refresh of this cache runs (tests use it)."""
        with self.changed:
            return self.changed.wait_for(lambda: not self.refreshing, timeout)


class Caches:
    """Every FunctionCache of one kind, by session (None: global) and function key."""

    def __init__(self, kind: str):
        self.kind = kind
        self._lock = threading.Lock()
        # (session id or None, function key, disk folder or None): two apps in other folders persist apart.
        self._caches: dict[tuple[str | None, str, str | None], FunctionCache] = {}

    def get(self, session_id: str | None, key: str, **settings: Any) -> FunctionCache:
        where = (session_id, key, settings.get("disk_dir"))
        with self._lock:
            cache = self._caches.get(where)
            if cache is not None and cache.same_settings(
                    settings["ttl"], settings["max_entries"], settings.get("max_size"), settings.get("persist"),
                    settings.get("validate"), settings.get("refresh_mode", "foreground")):
                return cache
            if cache is not None:
                cache.active = False  # its in-flight background refreshes are dropped
            cache = self._caches[where] = FunctionCache(kind=self.kind, key=key, **settings)
            return cache

    def find(self, name: str) -> list[FunctionCache]:
        """The caches of the function with this display name (``module.qualname``)."""
        with self._lock:
            return [cache for cache in self._caches.values() if cache.name == name]

    def clear_all(self) -> None:
        with self._lock:
            caches = list(self._caches.values())
            self._caches.clear()
        disk_dirs = set()
        for cache in caches:
            cache.active = False
            cache.clear()
            if cache.persist == "disk" and cache.disk_dir:
                disk_dirs.add(cache.disk_dir)
        for disk_dir in disk_dirs:
            _remove_cache_files(disk_dir)

    def clear_session(self, session_id: str) -> None:
        with self._lock:
            caches = [self._caches.pop(k) for k in [k for k in self._caches if k[0] == session_id]]
        for cache in caches:
            cache.active = False
            cache.clear()


def _remove_cache_files(disk_dir: str) -> None:
    if not os.path.isdir(disk_dir):
        return
    for name in os.listdir(disk_dir):
        if name.endswith(DISK_SUFFIX):
            try:
                os.remove(os.path.join(disk_dir, name))
            except OSError:
                log.exception("could not remove %s from the disk cache", name)


def disk_dir_for_run() -> str:
    """``.appcore/cache`` beside the running script (outside a run: the working directory)."""
    run = maybe_current_run()
    script = getattr(getattr(run, "session", None), "script_path", None) if run is not None else None
    base = os.path.dirname(os.path.abspath(script)) if script else os.getcwd()
    return os.path.join(base, DISK_DIR)


DATA = Caches("data")
RESOURCE = Caches("resource")

__all__ = ["CachedResult", "FunctionCache", "Caches", "DATA", "RESOURCE", "disk_dir_for_run"]
