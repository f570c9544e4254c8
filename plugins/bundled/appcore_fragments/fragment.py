"""``st.fragment`` and its deprecated alias ``st.experimental_fragment``."""
from __future__ import annotations

import functools
import hashlib
import logging
import re
from collections.abc import Callable
from datetime import timedelta
from typing import Any, TypeVar

from appcore.plugin import PARTIAL, AppcoreAPIError, DuplicateWidgetID, StashKey, add_container, current_run, invalid_value

log = logging.getLogger("appcore.fragments")

F = TypeVar("F", bound=Callable[..., Any])

# Fragment keys claimed in this run: key -> the fragment function that holds it.
KEYS = StashKey[dict]("fragment_keys")
RESERVED_KEYS = ("app", "fragment")  # st.rerun(scope=...) reads these as levels

_UNITS = {"ms": 0.001, "s": 1.0, "sec": 1.0, "m": 60.0, "min": 60.0, "h": 3600.0, "d": 86400.0}


def seconds(run_every: int | float | timedelta | str | None) -> float | None:
    """``run_every`` as seconds: a number, a timedelta, or "10s", "1.5m", "500ms", "1h30m"."""
    if run_every is None:
        return None
    if isinstance(run_every, timedelta):
        value = run_every.total_seconds()
    elif isinstance(run_every, (int, float)) and not isinstance(run_every, bool):
        value = float(run_every)
    elif isinstance(run_every, str):
        parts = re.findall(r"(\d+(?:\.\d+)?)\s*(ms|sec|min|s|m|h|d)", run_every.strip().lower())
        if not parts or re.sub(r"[\d.\s]|ms|sec|min|s|m|h|d", "", run_every.lower()):
            raise AppcoreAPIError(f'run_every="{run_every}" is not a duration: use e.g. 10, "10s", "1m" or a timedelta.')
        value = sum(float(number) * _UNITS[unit] for number, unit in parts)
    else:
        raise AppcoreAPIError(f"run_every must be a number of seconds, a string like \"10s\", a timedelta or None; "
                              f"got {run_every!r}.")
    if value <= 0:
        raise AppcoreAPIError(f"run_every must be positive, got {run_every!r}.")
    return value


def fragment(func: F | None = None, *, run_every: int | float | timedelta | str | None = None,
             parallel: bool = False, key: str | int | None = None) -> Any:
    """Make ``func`` a fragment: its widgets rerun only it; ``run_every`` reruns it on a timer.

    ``parallel=True`` draws it on a worker thread during full runs, while the script
    goes on (it returns None there); ``key`` names it for ``st.rerun("<key>")`` from a
    widget callback (call sites of one function share a key and rerun together).
    """
    interval = seconds(run_every)
    name = _checked_key(key)
    if func is None:
        return lambda f: _make_fragment(f, interval, bool(parallel), name)
    return _make_fragment(func, interval, bool(parallel), name)


def _checked_key(key: str | int | None) -> str | None:
    if key is None:
        return None
    name = str(key)
    if name == "":
        raise invalid_value("key", ["a non-empty string"])
    if name.startswith("$$ID"):
        raise AppcoreAPIError("Keys beginning with $$ID are reserved.")  # widget ids start so, as Streamlit's
    if name in RESERVED_KEYS:
        raise AppcoreAPIError(
            f"`{name}` is a reserved name and cannot be used as a fragment key, because `st.rerun(scope=...)` "
            "reads it as a rerun level. Choose a different key for `@st.fragment(key=...)`."
        )
    return name


def _claim_key(key: str, name: str) -> None:
    """A key names one fragment function per run (its call sites share it), as a widget key."""
    claimed = current_run().stash.setdefault(KEYS, {})
    if claimed.setdefault(key, name) != name:
        raise DuplicateWidgetID(
            f"There are multiple elements with the same `key='{key}'`. To fix this, please make sure that the "
            "`key` argument is unique for each element you create."
        )


def _make_fragment(func: F, interval: float | None, parallel: bool = False, key: str | None = None) -> F:
    name = f"{func.__module__}.{func.__qualname__}"

    @functools.wraps(func)
    def call_fragment(*args: Any, **kwargs: Any) -> Any:
        run = current_run()
        target = run.target()
        # Each call site is its own fragment: the id includes where it draws.
        where = target.path if target.slot else (*target.path, run.cursors.get(target.path, 0))
        fragment_id = hashlib.md5(f"{name}@{where}".encode(), usedforsecurity=False).hexdigest()
        if key is not None:
            _claim_key(key, name)
        result: list[Any] = [None]

        def draw_container() -> Any:
            return add_container("fragment", {"id": fragment_id, "run_every": interval},
                                 scope={PARTIAL: fragment_id, "fragment": fragment_id})

        def body() -> None:
            current = current_run()
            container = draw_container()
            with current.in_partial(partial, container):
                result[0] = func(*args, **kwargs)

        partial = run.add_partial(fragment_id, body, key=key, parallel=parallel)
        if parallel and run.partial is None:
            # A full run: the container takes its place now, its content comes from a worker.
            container = draw_container()

            def work() -> None:
                with current_run().in_partial(partial, container):
                    func(*args, **kwargs)

            run.run_parallel(partial, container, work)
            return None
        body()
        return result[0]

    return call_fragment  # type: ignore[return-value]


_warned = False


def experimental_fragment(func: F | None = None, *, run_every: int | float | timedelta | str | None = None) -> Any:
    """Deprecated alias of ``st.fragment``."""
    global _warned
    if not _warned:
        _warned = True
        log.warning("st.experimental_fragment is deprecated: use st.fragment instead.")
    return fragment(func, run_every=run_every)
