"""aiohttp's server half, imported without its client half (``appcore run`` only).

``import aiohttp`` runs the package's ``__init__``, which imports the whole HTTP client too:
its connector makes two SSL contexts at import time, each loading the system's CA bundle,
and with the rest of the client that is about a third of a server's start. A server needs
none of it. ``install()`` puts a stand-in for the package in ``sys.modules`` first: its
submodules (``aiohttp.web``, ``aiohttp.http``, ...) import as they always do, and the first
use of a name that the package's ``__init__`` defines (``aiohttp.ClientSession``, ``from
aiohttp import ClientTimeout``, ``aiohttp.__all__``) runs that ``__init__`` into the
stand-in, so a script that uses the client sees the package as it always is.

Anything unexpected (aiohttp imported already, a layout this does not know) leaves the
import to Python as usual.
"""
from __future__ import annotations

import importlib
import importlib.util
import os
import re
import sys
import threading
import types
import weakref

PACKAGE = "aiohttp"
_VERSION = re.compile(r'__version__ = "([^"]+)"')
_STAND_INS: weakref.WeakSet[types.ModuleType] = weakref.WeakSet()  # those whose __init__ has not run


def install() -> bool:
    """Let ``aiohttp``'s submodules import without its ``__init__``; False if it could not be
    arranged (then ``import aiohttp`` is as usual)."""
    if PACKAGE in sys.modules:
        return False
    spec = importlib.util.find_spec(PACKAGE)
    if spec is None or spec.origin is None or not spec.submodule_search_locations:
        return False
    with open(spec.origin, encoding="utf-8") as source:
        version = _VERSION.match(source.readline())  # its submodules import __version__ from it
    if version is None:
        return False
    module = importlib.util.module_from_spec(spec)
    module.__version__ = version.group(1)
    submodules = {name.partition(".")[0] for folder in spec.submodule_search_locations
                  for name in os.listdir(folder)}
    loading = threading.RLock()  # other threads wait for the __init__; its own lookups go through
    whole = [False]

    def __getattr__(name: str) -> object:
        if name in submodules:  # `from . import hdrs` inside the package, or `aiohttp.web`
            return importlib.import_module(f"{PACKAGE}.{name}")
        if name.startswith("__") and name != "__all__":
            raise AttributeError(name)
        with loading:
            if not whole[0]:
                whole[0] = True
                try:
                    spec.loader.exec_module(module)  # type: ignore[union-attr]
                except BaseException:
                    whole[0] = False
                    raise
                if module.__dict__.get("__getattr__") is __getattr__:  # else the package's own
                    del module.__dict__["__getattr__"]
                _STAND_INS.discard(module)
        if module in _STAND_INS:  # asked by the __init__ itself while it runs
            try:
                return module.__dict__[name]
            except KeyError:
                raise AttributeError(f"module {PACKAGE!r} has no attribute {name!r}") from None
        return getattr(module, name)  # defined now, or served by the package's own __getattr__

    module.__getattr__ = __getattr__  # type: ignore[method-assign]  # PEP 562
    sys.modules[PACKAGE] = module
    _STAND_INS.add(module)
    try:
        importlib.import_module(f"{PACKAGE}.web")
    except ImportError:  # a version whose server half needs its __init__: import it whole
        for name in [n for n in sys.modules if n == PACKAGE or n.startswith(f"{PACKAGE}.")]:
            del sys.modules[name]
        _STAND_INS.discard(module)
        return False
    return True


def loaded_whole() -> bool:
    """Whether ``aiohttp`` is imported with its own ``__init__`` run (the client with it)."""
    module = sys.modules.get(PACKAGE)
    return module is not None and module not in _STAND_INS
