"""``appcore.components.v1`` (Streamlit's ``streamlit.components.v1``): ``declare_component``,
``html`` and ``iframe``, from the plugin that registers ``st.components``."""
from __future__ import annotations

from typing import Any

from ..facade import lookup

__all__ = ["declare_component", "html", "iframe"]


def __getattr__(name: str) -> Any:
    if name.startswith("__"):
        raise AttributeError(name)
    return getattr(lookup("components").v1, name)
