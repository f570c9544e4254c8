"""``st.components``: Streamlit's component modules (``st.components.v1``)."""
from __future__ import annotations

from . import v1

__all__ = ["v1"]
