"""``appcore.components.v2`` (Streamlit's ``streamlit.components.v2``): ``component``, from the
plugin that registers ``st.components``."""
from __future__ import annotations

from . import forwarded

__all__ = ["component"]

__getattr__ = forwarded("v2")
