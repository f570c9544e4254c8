"""``appcore.components.v1`` (Streamlit's ``streamlit.components.v1``): ``declare_component``,
``html`` and ``iframe``, from the plugin that registers ``st.components``."""
from __future__ import annotations

from . import forwarded

__all__ = ["declare_component", "html", "iframe"]

__getattr__ = forwarded("v1")
