"""Roughly how many bytes a value holds: what the memory budget for sessions whose tab
went away counts (``[server] disconnected_sessions_mb``).

A walk over containers and objects' attributes, counting each object once, that stops
after ``max_objects``: it is a budget's estimate, so it must stay cheap on any session
state, not exact. Buffers count their length (bytes, strings, numpy arrays' ``nbytes``);
pandas objects count their columns' buffers without reading each string.
"""
from __future__ import annotations

import sys
from collections.abc import Mapping
from itertools import islice
from typing import Any

_BUFFERS = (bytes, bytearray, str)


def approximate_size(value: Any, *, max_objects: int = 20_000) -> int:
    seen: set[int] = set()
    todo = [value]
    total = 0
    while todo and len(seen) < max_objects:
        item = todo.pop()
        if id(item) in seen or item is None or isinstance(item, (bool, int, float)):
            continue
        seen.add(id(item))
        if isinstance(item, _BUFFERS):
            total += len(item)
        elif isinstance(item, memoryview):
            total += item.nbytes
        elif (size := _array_like_size(item)) is not None:
            total += size
        elif isinstance(item, Mapping):
            total += sys.getsizeof(item, 64)
            for key, inner in _snapshot(islice(item.items(), max_objects)):
                todo.append(key)
                todo.append(inner)
        elif isinstance(item, (list, tuple, set, frozenset)):
            total += sys.getsizeof(item, 64)
            todo.extend(_snapshot(islice(item, max_objects)))
        else:
            total += sys.getsizeof(item, 64)
            attributes = getattr(item, "__dict__", None)
            if isinstance(attributes, dict):
                todo.append(attributes)
    return total


def _snapshot(container: Any) -> list[Any]:
    """The items of a container a running script may be changing (then it counts as empty)."""
    try:
        return list(container)
    except RuntimeError:  # changed size during iteration
        return []


def _array_like_size(item: Any) -> int | None:
    """numpy arrays and pandas frames/series/indexes, without importing either."""
    module = type(item).__module__
    if module.startswith("numpy"):
        nbytes = getattr(item, "nbytes", None)
        return nbytes if isinstance(nbytes, int) else None
    if module.startswith("pandas"):
        usage = getattr(item, "memory_usage", None)
        if callable(usage):
            try:
                counted = usage(deep=False)
                return int(counted.sum()) if hasattr(counted, "sum") else int(counted)
            except (TypeError, ValueError):
                return None
    return None
