"""The keys of cached values: a function's identity and its arguments' hashes.

A function's key is its module, qualified name and source code, so editing the
function starts a new cache. A value's key hashes the arguments by name (an
argument whose name starts with ``_`` is left out) with the rules Streamlit
applies: primitives by value, containers by their items, pandas and numpy by
their data (large ones by a seeded sample), dataclasses as dicts, files by
name, mtime and position, anything else by its ``__reduce__``. What none of
these can hash raises ``UnhashableParamError`` with Streamlit's message.
"""
from __future__ import annotations

import dataclasses
import functools
import hashlib
import inspect
import io
import logging
import os
import pickle
import re
import struct
import tempfile
import threading
import uuid
from collections import OrderedDict
from collections.abc import Callable, ItemsView
from datetime import datetime
from enum import Enum
from types import MappingProxyType
from typing import Any

from appcore.plugin import UnhashableParamError, UserHashError

log = logging.getLogger("appcore.caching")

HashFuncs = dict[Any, Callable[[Any], Any]]

# Large frames and arrays are hashed by a sample of their rows / items (as Streamlit does).
PANDAS_ROWS_LARGE, PANDAS_SAMPLE = 50_000, 10_000
NUMPY_SIZE_LARGE, NUMPY_SAMPLE = 500_000, 100_000
_CYCLE = b"appcore-cache-hash-cycle"


class Unhashable(Exception):
    """Raised inside hashing; the caller names the argument (``UnhashableParamError``)."""


def new_hasher() -> Any:
    return hashlib.blake2b(digest_size=16, usedforsecurity=False)


def fqn(type_: type) -> str:
    return f"{type_.__module__}.{type_.__qualname__}"


def decorator_name(kind: str) -> str:
    return "cache_data" if kind == "data" else "cache_resource"


class _Hashing:
    """One hashing pass: user hash functions by type name, and the objects being hashed
    (by id, so a self-referencing list hashes, and so numpy's ``==`` is never called)."""

    def __init__(self, kind: str, hash_funcs: HashFuncs | None, source: Callable[..., Any]):
        self.kind = kind
        self.source = source
        self.hash_funcs = {k if isinstance(k, str) else fqn(k): v for k, v in (hash_funcs or {}).items()}
        self.stack: OrderedDict[int, Any] = OrderedDict()

    def update(self, hasher: Any, value: Any) -> None:
        hasher.update(self.to_bytes(value))

    def to_bytes(self, value: Any) -> bytes:
        if id(value) in self.stack:
            return _CYCLE
        self.stack[id(value)] = value
        try:
            return type(value).__qualname__.encode() + b":" + self._bytes(value)
        finally:
            self.stack.popitem()

    def _bytes(self, obj: Any) -> bytes:  # noqa: C901 - one rule per kind of value, in Streamlit's order
        h = new_hasher()
        name = fqn(type(obj))
        if name in ("unittest.mock.Mock", "unittest.mock.MagicMock"):
            return self.to_bytes(id(obj))  # mocks look infinitely deep
        if isinstance(obj, bytes):
            return obj
        if isinstance(obj, bytearray):
            return bytes(obj)
        if name in self.hash_funcs:
            hash_func = self.hash_funcs[name]
            try:
                output = hash_func(obj)
            except Exception as error:
                raise UserHashError(self._user_hash_message(error, obj, hash_func)).with_traceback(
                    error.__traceback__) from error
            return self.to_bytes(output)
        if isinstance(obj, str):
            return obj.encode()
        if isinstance(obj, float):
            return struct.pack("<d", obj)
        if isinstance(obj, int):
            return obj.to_bytes((obj.bit_length() + 8) // 8, "little", signed=True)
        if isinstance(obj, uuid.UUID):
            return obj.bytes
        if isinstance(obj, datetime):
            return obj.isoformat().encode()
        if isinstance(obj, (list, tuple)):
            for item in obj:
                self.update(h, item)
            return h.digest()
        if isinstance(obj, dict):
            for item in obj.items():
                self.update(h, item)
            return h.digest()
        if obj is None:
            return b"0"
        if not isinstance(obj, type) and dataclasses.is_dataclass(obj):
            return self.to_bytes(dataclasses.asdict(obj))
        if isinstance(obj, Enum):
            return str(obj).encode()
        if re.fullmatch(r"pandas(\.core\.series)?\.Series", name):
            return self._series(obj, h)
        if re.fullmatch(r"pandas(\.core\.frame)?\.DataFrame", name):
            return self._frame(obj, h)
        if name == "numpy.ndarray":
            return self._array(obj, h)
        if name == "PIL.Image.Image":
            import numpy as np

            pixels = obj.tobytes()
            if obj.mode == "P" and obj.getpalette() is not None:
                pixels = bytes(obj.getpalette()) + pixels  # the indices mean nothing without the palette
            return self.to_bytes(np.frombuffer(pixels, dtype="uint8"))
        if inspect.isbuiltin(obj):
            return obj.__name__.encode()
        if isinstance(obj, (MappingProxyType, ItemsView)):
            return self.to_bytes(dict(obj))
        if name == "builtins.getset_descriptor":
            return obj.__qualname__.encode()
        if name.endswith("UploadedFile") and isinstance(obj, io.BytesIO) and hasattr(obj, "name"):
            for part in (obj.name, obj.tell(), obj.getvalue()):
                self.update(h, part)
            return h.digest()
        if hasattr(obj, "name") and isinstance(obj, (io.IOBase, tempfile._TemporaryFileWrapper)):
            # A file on disk: its name, when it last changed, and where it is read.
            for part in (obj.name, os.path.getmtime(obj.name), obj.tell()):
                self.update(h, part)
            return h.digest()
        if isinstance(obj, re.Pattern):
            return self.to_bytes([obj.pattern, obj.flags])
        if isinstance(obj, (io.StringIO, io.BytesIO)):
            self.update(h, obj.tell())
            self.update(h, obj.getvalue())
            return h.digest()
        if name == "numpy.ufunc":
            return obj.__name__.encode()
        if inspect.ismodule(obj) or inspect.isclass(obj):
            return self.to_bytes(obj.__name__)
        if isinstance(obj, functools.partial):
            for part in (obj.args, obj.func, obj.keywords):
                self.update(h, part)
            return h.digest()
        if not isinstance(obj, type) and _is_pydantic(obj):
            try:
                self.update(h, obj.model_dump_json() if hasattr(obj, "model_dump_json") else obj.json())
            except Exception as error:
                raise Unhashable("Pydantic object contains unhashable members, such as functions.") from error
            return h.digest()
        try:
            reduced = obj.__reduce__()
        except Exception as error:
            raise Unhashable() from error
        for item in reduced:
            self.update(h, item)
        return h.digest()

    def _series(self, series: Any, h: Any) -> bytes:
        self.update(h, series.size)
        self.update(h, series.dtype.name)
        return self._pandas(series, h, "Series", lambda sample, hashed: [hashed(sample).to_numpy().tobytes()])

    def _frame(self, frame: Any, h: Any) -> bytes:
        self.update(h, frame.shape)
        return self._pandas(frame, h, "DataFrame",
                            lambda sample, hashed: [self.to_bytes(hashed(sample.dtypes)), self.to_bytes(hashed(sample))])

    def _pandas(self, obj: Any, h: Any, what: str, parts: Callable[[Any, Any], list[bytes]]) -> bytes:
        """The digest over ``parts(sample, hash_pandas_object)``, ``sample`` being ``obj`` or, when it is
        large, a fixed sample of its rows; the pickled sample where pandas cannot hash it (Streamlit's fallback)."""
        from pandas.util import hash_pandas_object

        if len(obj) >= PANDAS_ROWS_LARGE:
            obj = obj.sample(n=PANDAS_SAMPLE, random_state=0)
        try:
            for part in parts(obj, hash_pandas_object):
                self.update(h, part)
            return h.digest()
        except TypeError as error:
            log.warning("Streamlit's default hashing method failed for a pandas %s, so it is falling back "
                        "to pickling the object. Original error: %s", what, error)
            return pickle.dumps(obj, pickle.HIGHEST_PROTOCOL)

    def _array(self, array: Any, h: Any) -> bytes:
        self.update(h, array.shape)
        self.update(h, str(array.dtype))
        if array.size >= NUMPY_SIZE_LARGE:
            import numpy as np

            array = np.random.RandomState(0).choice(array.flat, size=NUMPY_SAMPLE)
        self.update(h, array.tobytes())
        return h.digest()

    def _user_hash_message(self, error: BaseException, obj: Any, hash_func: Callable[..., Any]) -> str:
        func_name = f"`{hash_func.__name__}()`" if hasattr(hash_func, "__name__") else "a function"
        source = f"`{self.source.__name__}()`" if hasattr(self.source, "__name__") else "a function"
        stack = "\n".join(_describe(value) for value in reversed(self.stack.values()))
        return (f"{error}\n\nThis error is likely due to a bug in {func_name}, which is a\n"
                f"user-defined hash function that was passed into the `@st.{decorator_name(self.kind)}` "
                f"decorator of\n{source}.\n\n{func_name} failed when hashing an object of type\n"
                f"`{fqn(type(obj))}`.  If you don't know where that object is coming from,\n"
                "try looking at the hash chain below for an object that you do recognize, then\n"
                f"pass that to `hash_funcs` instead:\n\n```\n{stack}\n```\n\n"
                "If you think this is actually a Streamlit bug, please\n"
                "[file a bug report here](https://github.com/streamlit/streamlit/issues/new/choose).")


def _describe(value: Any) -> str:
    try:
        return f"Object of type {fqn(type(value))}: {value}"
    except Exception:
        return "<Unable to convert item to string>"


def _is_pydantic(obj: Any) -> bool:
    return any(fqn(klass) == "pydantic.main.BaseModel" for klass in type(obj).__mro__)


# -- keys -------------------------------------------------------------------------------

# A script's code is compiled once per file version, so the same code object comes
# back on every rerun: its function key is computed once (bounded, in case of many edits).
_function_keys: OrderedDict[tuple, str] = OrderedDict()
_function_keys_lock = threading.Lock()
_FUNCTION_KEYS_KEPT = 2048


def function_key(kind: str, func: Callable[..., Any]) -> str:
    """Stable across reruns; changes when the function's source changes."""
    code = getattr(func, "__code__", None)
    memo = (kind, getattr(func, "__module__", "?"), getattr(func, "__qualname__", "?"), code)
    if code is not None:
        with _function_keys_lock:
            key = _function_keys.get(memo)
            if key is not None:
                _function_keys.move_to_end(memo)
                return key
    hashing = _Hashing(kind, None, func)
    h = new_hasher()
    hashing.update(h, (kind, memo[1], memo[2]))
    try:
        source: str | bytes = inspect.getsource(func)
    except (OSError, TypeError):
        source = code.co_code if code is not None else repr(func)
    hashing.update(h, source)
    key = h.hexdigest()
    if code is not None:
        with _function_keys_lock:
            _function_keys[memo] = key
            while len(_function_keys) > _FUNCTION_KEYS_KEPT:
                _function_keys.popitem(last=False)
    return key


def value_key(kind: str, func: Callable[..., Any], args: tuple, kwargs: dict[str, Any],
              hash_funcs: HashFuncs | None) -> str:
    """The key of one call's value: every argument by name, except ``_``-prefixed ones."""
    names = _positional_names(func)
    pairs = [(names[i] if i < len(names) else None, value) for i, value in enumerate(args)]
    pairs.extend(kwargs.items())
    h = new_hasher()
    hashing = _Hashing(kind, hash_funcs, func)
    plain = _Hashing(kind, None, func)
    for name, value in pairs:
        if name is not None and name.startswith("_"):
            continue
        try:
            plain.update(h, name)  # user hash functions see only the values
            hashing.update(h, value)
        except Unhashable as error:
            raise unhashable_param_error(kind, func, name, value).with_traceback(error.__traceback__) from None
    return h.hexdigest()


def _positional_names(func: Callable[..., Any]) -> list[str]:
    try:
        parameters = inspect.signature(func).parameters.values()
    except (TypeError, ValueError):
        return []
    names = []
    for parameter in parameters:
        if parameter.kind not in (parameter.POSITIONAL_ONLY, parameter.POSITIONAL_OR_KEYWORD):
            break
        names.append(parameter.name)
    return names


def unhashable_param_error(kind: str, func: Callable[..., Any], name: str | None, value: Any) -> UnhashableParamError:
    func_name = getattr(func, "__name__", "unknown")
    return UnhashableParamError(
        f"Cannot hash argument '{name if name is not None else '(unnamed)'}' (of type `{fqn(type(value))}`) "
        f"in '{func_name}'.\n\n"
        "To address this, you can tell Streamlit not to hash this argument by adding a\n"
        "leading underscore to the argument's name in the function signature:\n\n"
        f"```\n@st.{decorator_name(kind)}\ndef {func_name}({'_' + name if name is not None else '_arg'}, ...):\n"
        "    ...\n```"
    )


__all__ = ["function_key", "value_key", "unhashable_param_error", "HashFuncs", "fqn", "decorator_name"]
