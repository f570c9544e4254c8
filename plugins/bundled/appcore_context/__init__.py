"""Bundled plugin: ``st.context``, what the tab told us about itself (Streamlit 1.67's).

Headers and cookies come from the tab's websocket upgrade, the rest from its
hello (docs/protocol.md). Under AppTest there is no tab: headers and cookies
are empty and the rest is None, as Streamlit's AppTest gives.
"""
from __future__ import annotations

from typing import Any

from appcore.plugin import hookimpl

from .context import Context, context

__all__ = ["Context", "context"]


@hookimpl
def appcore_register_api() -> dict[str, Any]:
    return {"context": context}
