"""``st.components``: Streamlit's component modules (``st.components.v1`` and ``.v2``)."""
from __future__ import annotations

from . import v1, v2

__all__ = ["v1", "v2"]
