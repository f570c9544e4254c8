"""``appcore.components.v2`` (Streamlit's ``streamlit.components.v2``): ``component``, from the
plugin that registers ``st.components``."""
from __future__ import annotations

from typing import Any

from ..facade import lookup

__all__ = ["component"]


def __getattr__(name: str) -> Any:
    if name.startswith("__"):
        raise AttributeError(name)
    return getattr(lookup("components").v2, name)
