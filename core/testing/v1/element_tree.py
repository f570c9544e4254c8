"""``appcore.testing.v1.element_tree``, as ``streamlit.testing.v1.element_tree``: the node classes."""
from __future__ import annotations

from ..element_tree import *  # noqa: F403 - the module's __all__ is the public set
from ..element_tree import __all__  # noqa: F401
