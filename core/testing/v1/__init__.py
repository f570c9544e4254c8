"""Streamlit's import path: ``from appcore.testing.v1 import AppTest``."""
from __future__ import annotations

from ..app_test import AppTest
from ..element_tree import AppTestError
from . import app_test, element_tree

__all__ = ["AppTest", "AppTestError", "app_test", "element_tree"]
