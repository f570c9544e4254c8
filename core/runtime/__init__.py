"""Sessions, runs and control flow. Never imports aiohttp: server/ adapts it.

``exists()`` and ``scriptrunner`` are also Streamlit's public names here
(``streamlit.runtime.exists()``), for apps and libraries that ask them.
"""
from __future__ import annotations

import threading

# How many servers serve apps in this process: Streamlit's "the Runtime exists".
# Process-wide on purpose, as Streamlit's: it describes the process, not a session.
_servers = 0
_servers_lock = threading.Lock()


def exists() -> bool:
    """True while ``appcore run`` serves the app in this process; False under
    AppTest and in plain ``python app.py``, as ``streamlit.runtime.exists()``."""
    return _servers > 0


def server_started() -> None:
    global _servers
    with _servers_lock:
        _servers += 1


def server_stopped() -> None:
    global _servers
    with _servers_lock:
        _servers -= 1
