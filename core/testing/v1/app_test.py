"""``appcore.testing.v1.app_test``, as ``streamlit.testing.v1.app_test``: the same ``AppTest``."""
from __future__ import annotations

from ..app_test import AppTest

__all__ = ["AppTest"]
