"""``@st.cache_data`` and ``@st.cache_resource``: Streamlit 1.67's decorators.

A call looks its value up by the function's key (module, qualified name,
source) and the arguments' hashes. On a hit, the elements the function drew
when it ran are drawn again where the call is now; on a miss, one caller per
key computes (the others wait for it and then find the value), under a spinner
if ``show_spinner`` says so.
"""
from __future__ import annotations

import contextvars
import functools
import inspect
import itertools
import logging
import math
import pickle
import threading
import traceback
from collections.abc import Callable
from contextlib import contextmanager, nullcontext
from datetime import timedelta
from numbers import Integral
from typing import Any, Literal

from appcore.plugin import (
    EXCEPTION_TYPE,
    AppcoreAPIError,
    CachedFunctionReturnedAwaitableError,
    CachedStFunctionInBackgroundModeWarning,
    CachedWidgetWarning,
    CacheReplayClosureError,
    StreamlitIncompatibleParametersError,
    StreamlitInvalidParameterTypeError,
    StreamlitMissingRequiredParameterError,
    StreamlitValueError,
    UnplaceableElement,
    UnserializableReturnValueError,
    add_element,
    duration_seconds,
    exception_props,
    markdown_html,
    maybe_current_run,
    record_elements,
    replay_elements,
    send_message,
)

from . import store
from .hashing import HashFuncs, decorator_name, function_key, value_key
from .store import CachedResult, Caches, FunctionCache

log = logging.getLogger("appcore.caching")

CACHE_DOCS_URL = "https://docs.streamlit.io/develop/concepts/architecture/caching"

# True while a cached function computes on this thread (or task): widgets warn, inner
# cached functions show no spinner and do not stop while they wait.
IN_CACHED_FUNCTION: contextvars.ContextVar[bool] = contextvars.ContextVar("appcore_in_cached_function",
                                                                          default=False)
_spinner_ids = itertools.count(1)

CacheScope = Literal["global", "session"]
RefreshMode = Literal["foreground", "background"]


# -- parameters -----------------------------------------------------------------------------


_SIZE_UNITS = {"b": 1, "kb": 1024, "kib": 1024, "mb": 1024 ** 2, "mib": 1024 ** 2, "gb": 1024 ** 3,
               "gib": 1024 ** 3, "tb": 1024 ** 4, "tib": 1024 ** 4}
_SIZE_DETAIL = ('Use an integer number of bytes or a positive value with an explicit unit, such as "500MB", '
                '"1.5GB", or "200KiB".')
_SIZE_TYPE_DETAIL = 'Pass an integer byte count such as int(5e8), or a unit string such as "500MB".'


def max_size_bytes(max_size: int | str | None) -> int | None:
    """``max_size`` in bytes: an int, or "500MB", "1.5GiB" (units are powers of 1024)."""
    import re

    if max_size is None:
        return None
    if isinstance(max_size, bool) or not isinstance(max_size, (Integral, str)):
        raise StreamlitInvalidParameterTypeError("max_size", type(max_size).__name__, ["int", "str"],
                                                 detail=_SIZE_TYPE_DETAIL)
    if isinstance(max_size, str):
        match = re.fullmatch(r"(\d+(?:\.\d*)?|\.\d+) ?(b|(?:k|ki)b|(?:m|mi)b|(?:g|gi)b|(?:t|ti)b)", max_size,
                             re.ASCII | re.IGNORECASE)
        if match is None:
            raise StreamlitValueError("max_size", ["a positive byte size"], detail=_SIZE_DETAIL)
        whole, _, fraction = match.group(1).partition(".")
        digits = f"{whole or '0'}{fraction}"
        if len(digits) > 100:
            raise StreamlitValueError("max_size", ["a positive byte size"],
                                      detail="Use a byte size with at most 100 digits.")
        size = int(digits) * _SIZE_UNITS[match.group(2).lower()] // 10 ** len(fraction)
    else:
        size = int(max_size)
    if size <= 0:
        raise StreamlitValueError("max_size", ["a positive byte size"], detail=_SIZE_DETAIL)
    return size


def check_refresh_mode(refresh_mode: str, ttl: float | None) -> None:
    if refresh_mode not in ("foreground", "background"):
        raise StreamlitValueError("refresh_mode", ["foreground", "background"])
    if refresh_mode == "background":
        if ttl is None:
            raise StreamlitMissingRequiredParameterError(
                "ttl", detail='Set a positive `ttl` (for example `ttl="1h"`) or use `refresh_mode="foreground"`.')
        if ttl <= 0:
            raise StreamlitValueError(
                "ttl", ["a positive duration"],
                detail='Background refresh requires a positive `ttl` (for example `ttl="1h"`) or '
                       '`refresh_mode="foreground"`.')


def check_scope(scope: str) -> None:
    if scope not in ("global", "session"):
        raise StreamlitValueError("scope", ["'global'", "'session'"])


def func_name_md(func: Any) -> str:
    if hasattr(func, "__name__"):
        return f"`{func.__name__}()`"
    if hasattr(type(func), "__name__"):
        return f"`{type(func).__name__}`"
    return f"`{type(func)}`"


def _is_async_callable(func: Any) -> bool:
    if inspect.iscoroutinefunction(func) or inspect.isasyncgenfunction(func):
        return True
    call = getattr(type(func), "__call__", None)
    return inspect.iscoroutinefunction(call) or inspect.isasyncgenfunction(call)


# -- the cached function ------------------------------------------------------------------


class CachedFuncInfo:
    """What one decoration said: the function and its settings."""

    def __init__(self, kind: str, func: Callable[..., Any], *, ttl: float | None, max_entries: int | None,
                 show_spinner: bool | str, show_time: bool, hash_funcs: HashFuncs | None, scope: str,
                 refresh_mode: str, max_size: int | None = None, persist: str | None = None,
                 validate: Callable[[Any], bool] | None = None, on_release: Callable[[Any], None] | None = None):
        if inspect.isasyncgenfunction(func):
            raise AppcoreAPIError(
                "Async-generator functions cannot be cached. Async generators produce streams that are one-shot "
                "iterators, rather than a single cacheable result. Consume the async generator and return a "
                "materialized result from an ordinary coroutine function if appropriate.")
        self.kind = kind
        self.func = func
        self.is_async = inspect.iscoroutinefunction(func)
        if self.is_async and refresh_mode == "background":
            raise StreamlitValueError(
                "refresh_mode", ['"foreground"'],
                detail='Background refresh is not supported for coroutine functions (`async def`). '
                       'Use `refresh_mode="foreground"` instead.')
        self.ttl, self.max_entries, self.max_size, self.persist = ttl, max_entries, max_size, persist
        self.show_spinner, self.show_time = show_spinner, show_time
        self.hash_funcs, self.scope, self.refresh_mode = hash_funcs, scope, refresh_mode
        self.validate, self.on_release = validate, on_release
        self.display_name = f"{getattr(func, '__module__', '?')}.{getattr(func, '__qualname__', '?')}"
        self.caches: Caches = store.DATA if kind == "data" else store.RESOURCE

    def cache(self, function_key: str) -> FunctionCache:
        """The function's cache, found for every call: caches can be cleared or replaced any time."""
        if self.scope == "global":
            session_id = None
        else:
            run = maybe_current_run()
            if run is None:
                raise AppcoreAPIError(
                    "A session-scoped cache was accessed outside of the app execution thread. Make sure all "
                    "session-scoped caches are read during rendering and not read in background threads.")
            session_id = run.session.id
        settings: dict[str, Any] = dict(name=self.display_name, ttl=self.ttl, max_entries=self.max_entries,
                                        refresh_mode=self.refresh_mode)
        if self.kind == "data":
            settings.update(max_size=self.max_size, persist=self.persist,
                            disk_dir=store.disk_dir_for_run() if self.persist else None)
        else:
            settings.update(validate=self.validate, on_release=self.on_release)
        return self.caches.get(session_id, function_key, **settings)


class CachedFunc:
    """What ``@st.cache_data`` / ``@st.cache_resource`` returns: call it, or ``.clear()`` it."""

    def __init__(self, info: CachedFuncInfo):
        self._info = info
        self._function_key = function_key(info.kind, info.func)

    def __repr__(self) -> str:
        return f"<CachedFunc: {self._info.func}>"

    def __get__(self, instance: Any, owner: Any = None) -> Any:
        """A cached method: bound to its instance, which is hashed like an argument (``self``)."""
        if instance is None:
            return self
        return functools.update_wrapper(BoundCachedFunc(self, instance), self)

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        info = self._info
        spinner: str | None = None
        if isinstance(info.show_spinner, str):
            spinner = info.show_spinner
        elif info.show_spinner is True:
            name = getattr(info.func, "__qualname__", "?")
            spinner = f"Running `{name}()`." if not args and not kwargs else f"Running `{name}(...)`."
        if info.is_async:
            return self._call_async(args, kwargs, spinner)
        cache = info.cache(self._function_key)
        key = value_key(info.kind, info.func, args, kwargs, info.hash_funcs)
        found = cache.read(key)
        if found is not None:
            result, stale = found
            if stale:
                self._refresh_in_background(cache, key, args, kwargs)
            return self._hit(result)
        nested = IN_CACHED_FUNCTION.get()
        with (_spinner(spinner, info.show_time) if spinner is not None and not nested else nullcontext()):
            with cache.computing(key, may_wait_for_stop=not nested):
                found = cache.read(key)  # the caller we waited for computed it
                if found is not None:
                    return self._hit(found[0])
                value, elements = self._compute(args, kwargs)
                if inspect.isawaitable(value):
                    _reject_awaitable(info, value)
                self._store(cache, key, value, elements)
                return value

    def _hit(self, result: CachedResult) -> Any:
        if self._info.refresh_mode != "background" and result.elements:
            if maybe_current_run() is not None:
                try:
                    replay_elements(result.elements)
                except UnplaceableElement:
                    raise CacheReplayClosureError(self._message(CLOSURE_MESSAGE)) from None
        return result.value

    def _compute(self, args: tuple, kwargs: dict[str, Any]) -> tuple[Any, list]:
        token = IN_CACHED_FUNCTION.set(True)
        try:
            if maybe_current_run() is None:
                return self._info.func(*args, **kwargs), []
            with record_elements() as recording:
                value = self._info.func(*args, **kwargs)
            return value, recording.elements
        finally:
            IN_CACHED_FUNCTION.reset(token)

    def _store(self, cache: FunctionCache, key: str, value: Any, elements: list) -> None:
        info = self._info
        if info.refresh_mode == "background":
            if elements:
                _draw_warning(CachedStFunctionInBackgroundModeWarning(self._message(BACKGROUND_MESSAGE)))
            elements = []
        try:
            cache.write(key, CachedResult(value, elements))
        except (pickle.PicklingError, TypeError, RuntimeError) as error:
            raise UnserializableReturnValueError(_unserializable_message(info.func, value)) from error

    async def _call_async(self, args: tuple, kwargs: dict[str, Any], spinner: str | None) -> Any:
        import asyncio

        info = self._info
        cache = info.cache(self._function_key)
        key = value_key(info.kind, info.func, args, kwargs, info.hash_funcs)
        found = cache.read(key)
        if found is not None:
            return self._hit(found[0])
        nested = IN_CACHED_FUNCTION.get()
        with (_spinner(spinner, info.show_time) if spinner is not None and not nested else nullcontext()):
            while True:
                # One task per key computes; the others (any thread, any event loop) await it.
                computation, mine = cache.claim_async(key)
                if mine:
                    break
                await asyncio.wrap_future(computation)
                found = cache.read(key)
                if found is not None:
                    return self._hit(found[0])
            try:
                token = IN_CACHED_FUNCTION.set(True)
                try:
                    if maybe_current_run() is None:
                        value, elements = await info.func(*args, **kwargs), []
                    else:
                        with record_elements() as recording:
                            value = await info.func(*args, **kwargs)
                        elements = recording.elements
                finally:
                    IN_CACHED_FUNCTION.reset(token)
                self._store(cache, key, value, elements)
                return value
            finally:
                cache.end_async(key, computation)

    def _refresh_in_background(self, cache: FunctionCache, key: str, args: tuple, kwargs: dict[str, Any]) -> None:
        """Serve the stale value now; compute a new one on a thread of its own (no session there)."""
        claim = cache.claim_refresh(key)
        if claim is None:
            return
        generation, key_generation = claim

        def refresh() -> None:
            failed = True
            try:
                value = self._info.func(*args, **kwargs)
                if inspect.isawaitable(value):
                    _reject_awaitable(self._info, value)
                cache.write_refreshed(key, CachedResult(value, []), generation, key_generation)
                failed = False
            except Exception as error:
                log.warning("Background cache refresh failed for %s: %s",
                            getattr(self._info.func, "__qualname__", "?"), error)
            finally:
                cache.end_refresh(key, failed)

        threading.Thread(target=refresh, name=f"appcore-cache-refresh-{key[:8]}", daemon=True).start()

    def clear(self, *args: Any, **kwargs: Any) -> None:
        """Clear the function's cache; with arguments, only the value of that call."""
        info = self._info
        cache = info.cache(self._function_key)
        if args or kwargs:
            cache.delete(value_key(info.kind, info.func, args, kwargs, info.hash_funcs))
        else:
            cache.clear()

    def _message(self, template: str) -> str:
        """One of Streamlit's messages about this function (CLOSURE_MESSAGE, BACKGROUND_MESSAGE)."""
        return template.format(name=func_name_md(self._info.func), decorator=decorator_name(self._info.kind))


class BoundCachedFunc:
    """A cached method bound to an instance."""

    def __init__(self, cached_func: CachedFunc, instance: Any):
        self._cached_func = cached_func
        self._instance = instance

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return self._cached_func(self._instance, *args, **kwargs)

    def __repr__(self) -> str:
        return f"<BoundCachedFunc: {self._cached_func._info.func} of {self._instance}>"

    def clear(self, *args: Any, **kwargs: Any) -> None:
        if args or kwargs:
            self._cached_func.clear(self._instance, *args, **kwargs)
        else:
            self._cached_func.clear()


def _reject_awaitable(info: CachedFuncInfo, value: Any) -> None:
    if inspect.iscoroutine(value) and inspect.getcoroutinestate(value) == inspect.CORO_CREATED:
        value.close()  # never awaited: no "was never awaited" warning
    raise CachedFunctionReturnedAwaitableError(
        f"{func_name_md(info.func)} is a synchronous function decorated with `st.{decorator_name(info.kind)}`, "
        f"but it returned an awaitable of type `{type(value).__module__}.{type(value).__qualname__}`. The function "
        "may have returned an asynchronous operation without awaiting it, or the returned object may itself be "
        "awaitable.\n\nReturn a non-awaitable value instead. Prefer defining the cached function with `async def` "
        'and `await` the operation; note that `async def` cached functions require `refresh_mode="foreground"`.')


def _unserializable_message(func: Any, value: Any) -> str:
    if hasattr(value, "__module__") and hasattr(type(value), "__name__"):
        value_type = f"`{value.__module__}.{type(value).__name__}`"
    else:
        value_type = func_name_md(value)
    indent = " " * 12
    # Streamlit's text, as its page shows it (the message is stripped, the indentation stays).
    return (f"Cannot serialize the return value (of type {value_type})\n"
            f"{indent}in {func_name_md(func)}. `st.cache_data` uses\n"
            f"{indent}[pickle](https://docs.python.org/3/library/pickle.html) to serialize the\n"
            f"{indent}function's return value and safely store it in the cache\n"
            f"{indent}without mutating the original object. Please convert the return value to a\n"
            f"{indent}pickle-serializable type. If you want to cache unserializable objects such\n"
            f"{indent}as database connections or Tensorflow sessions, use `st.cache_resource`\n"
            f"{indent}instead (see [our docs]({CACHE_DOCS_URL}) for differences).")


CLOSURE_MESSAGE = (
    "While running {name}, a streamlit element is called on some layout block\n"
    "created outside the function. This is incompatible with replaying the cached\n"
    "effect of that element, because the referenced block might not exist when\n"
    "the replay happens.\n\nHow to fix this:\n"
    "* Move the creation of that layout block inside {name}.\n"
    "* Move the call to the streamlit element outside of {name}.\n"
    "* Remove the `@st.{decorator}` decorator from {name}.")
BACKGROUND_MESSAGE = (
    '{name} is decorated with `@st.{decorator}(refresh_mode="background")`\n'
    "and uses a Streamlit display command (e.g. `st.write`). In background mode, cached\n"
    "display output is **not** replayed on cache hits, so these elements only appear when\n"
    "the function actually runs (the initial cache miss and any later foreground recompute)\n"
    "and then disappear on subsequent reruns.\n\n"
    "To fix this, either move the display commands outside the cached function, or use\n"
    '`refresh_mode="foreground"`.')
CACHED_WIDGET_MESSAGE = (
    "Your script uses a widget command in a cached function\n"
    "(function decorated with `@st.cache_data` or `@st.cache_resource`).\n"
    'This code will only be called when we detect a cache "miss",\n'
    "which can lead to unexpected results.\n\n"
    "To fix this, move all widget commands outside the cached function.")


def _draw_warning(warning: BaseException) -> None:
    """Show a warning where the call is, as Streamlit's ``st.exception(warning)`` does,
    with the user's frames that led there."""
    log.warning("%s", warning)
    props = exception_props(warning)
    frames = traceback.StackSummary.extract(
        (frame, line) for frame, line in traceback.walk_stack(None)
        if not _framework_module(frame.f_globals.get("__name__", "")))
    frames.reverse()                                         # outermost first, as a traceback
    props.update(is_warning=True, traceback=traceback.format_list(frames))
    add_element(EXCEPTION_TYPE, props)


def _framework_module(name: str) -> bool:
    """appcore's own code, a plugin's, the hook and thread machinery: not the user's frames."""
    return (name in ("appcore", "threading", "traceback", "pluggy")
            or name.startswith(("appcore.", "appcore_", "pluggy.")))


def warn_widget_in_cached_function() -> None:
    if IN_CACHED_FUNCTION.get():
        _draw_warning(CachedWidgetWarning(CACHED_WIDGET_MESSAGE))


@contextmanager
def _spinner(text: str, show_time: bool) -> Any:
    """A spinner where the call is, while the value is computed. It is not an element
    (as in Streamlit, it is transient): the page shows it after half a second, just
    before the next element of the container, and takes it away when the call returns."""
    run = maybe_current_run()
    if run is None:
        yield
        return
    target = run.target()
    if target.slot:
        at, index = target.path[:-1], target.path[-1]
    else:
        at, index = target.path, run.cursors.get(target.path, 0)
    spinner_id = next(_spinner_ids)
    send_message({"t": "cache_spinner", "id": spinner_id, "state": "show", "at": ".".join(map(str, at)),
                  "index": index, "text": text, "text_html": markdown_html(text), "show_time": bool(show_time)})
    try:
        yield
    finally:
        send_message({"t": "cache_spinner", "id": spinner_id, "state": "hide"}, checkpoint=False)


# -- the public API objects -----------------------------------------------------------------


def _decorate(func: Callable[..., Any] | None, kind: str, **settings: Any) -> Any:
    """What ``@st.cache_data`` and ``@st.cache_resource`` give: the cached ``func``, or, when
    they were called with settings first, a decorator that caches the function it gets."""

    def wrap(f: Callable[..., Any]) -> CachedFunc:
        return functools.update_wrapper(CachedFunc(CachedFuncInfo(kind, f, **settings)), f)

    return wrap if func is None else wrap(func)


class CacheDataAPI:
    """``st.cache_data``: the decorator, and ``st.cache_data.clear()``."""

    def __call__(self, func: Callable[..., Any] | None = None, *, ttl: float | timedelta | str | None = None,
                 max_entries: int | None = None, max_size: int | str | None = None,
                 show_spinner: bool | str = True, show_time: bool = False,
                 persist: Literal["disk"] | bool | None = None, hash_funcs: HashFuncs | None = None,
                 scope: CacheScope = "global", refresh_mode: RefreshMode = "foreground") -> Any:
        """Decorator to cache functions that return data (e.g. dataframe transforms, database queries, ML
        inference). Each caller gets its own copy (a pickle round trip); ``func.clear()`` clears one
        function's values, ``st.cache_data.clear()`` all of them."""
        persist_string = "disk" if persist is True else (None if persist is False else persist)
        if persist_string not in (None, "disk"):
            raise StreamlitValueError("persist", ["'disk'", "None"])
        check_scope(scope)
        size = max_size_bytes(max_size)
        seconds = duration_seconds(ttl)
        check_refresh_mode(refresh_mode, seconds)
        if refresh_mode == "background" and persist_string is not None:
            raise StreamlitIncompatibleParametersError(
                "refresh_mode='background'", f"persist={persist!r}",
                explanation="Persisted (disk) caches do not support TTL-based expiration, which background refresh "
                            'requires. Use `persist=None` with `refresh_mode="background"`, or use '
                            '`refresh_mode="foreground"`.')
        if persist_string == "disk" and seconds is not None and not math.isinf(seconds):
            log.warning("The cached function '%s' has a TTL that will be ignored. Persistent cached functions "
                        "currently don't support TTL.", getattr(func, "__name__", "?"))

        return _decorate(func, "data", ttl=seconds, max_entries=max_entries, max_size=size, persist=persist_string,
                         show_spinner=show_spinner, show_time=show_time, hash_funcs=hash_funcs, scope=scope,
                         refresh_mode=refresh_mode)

    def clear(self) -> None:
        """Clear all in-memory and on-disk data caches."""
        store.DATA.clear_all()


class CacheResourceAPI:
    """``st.cache_resource``: the decorator, and ``st.cache_resource.clear()``."""

    def __call__(self, func: Callable[..., Any] | None = None, *, ttl: float | timedelta | str | None = None,
                 max_entries: int | None = None, show_spinner: bool | str = True, show_time: bool = False,
                 validate: Callable[[Any], bool] | None = None, hash_funcs: HashFuncs | None = None,
                 on_release: Callable[[Any], None] | None = None, scope: CacheScope = "global",
                 refresh_mode: RefreshMode = "foreground") -> Any:
        """Decorator to cache functions that return global resources (e.g. database connections, ML models).
        Every caller gets the same object; ``validate`` checks it on each access, ``on_release`` is called
        with it when it leaves the cache."""
        check_scope(scope)
        seconds = duration_seconds(ttl)
        check_refresh_mode(refresh_mode, seconds)
        for callback, name in ((validate, "validate"), (on_release, "on_release")):
            if callback is not None and _is_async_callable(callback):
                raise AppcoreAPIError(
                    f"The `{name}` callback of `st.cache_resource` must be a synchronous function. Async callbacks "
                    "are never awaited; call the coroutine from a synchronous wrapper instead.")

        return _decorate(func, "resource", ttl=seconds, max_entries=max_entries, show_spinner=show_spinner,
                         show_time=show_time, hash_funcs=hash_funcs, scope=scope, refresh_mode=refresh_mode,
                         validate=validate, on_release=on_release)

    def clear(self) -> None:
        """Clear all cache_resource caches."""
        store.RESOURCE.clear_all()


cache_data = CacheDataAPI()
cache_resource = CacheResourceAPI()


def cache(*args: Any, **kwargs: Any) -> Any:
    """``st.cache``, removed from Streamlit: using it says what replaces it."""
    raise AppcoreAPIError("st.cache has been removed. Use st.cache_data or st.cache_resource instead.")
