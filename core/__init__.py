"""appcore: a plain Python script as a web app. ``import appcore as st``.

The names users call (``st.button``, ``st.form``, ``st.fragment``...) come
from plugins; ``st.<name>`` looks them up in the running App's registry.
Editors read ``__init__.pyi``, generated from the bundled plugins.
"""
from __future__ import annotations

from typing import Any

from .facade import api_names as _api_names
from .facade import lookup as _lookup_api
from .runtime.elements import bottom, sidebar
from .runtime.errors import AppcoreAPIError, StreamlitAPIException
from .runtime.state import SessionStateProxy

__version__ = "0.1.0"

session_state = SessionStateProxy()

__all__ = ["session_state", "sidebar", "bottom", "AppcoreAPIError", "StreamlitAPIException", "__version__"]


# Submodules: `from appcore import X` must import these, not look them up as API names.
_SUBMODULES = frozenset({"app", "cli", "config", "defaults", "errors", "facade", "hookspecs", "hello", "frontend",
                         "plugin", "plugins", "runtime", "server", "streamlit_alias", "testing", "watcher"})


def __getattr__(name: str) -> Any:
    if name.startswith("__") or name in _SUBMODULES:
        raise AttributeError(name)
    return _lookup_api(name)


def __dir__() -> list[str]:
    return sorted({*globals(), *_api_names()})
