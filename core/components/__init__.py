"""``appcore.components`` (Streamlit's ``streamlit.components``), importable as a package.

Its modules are the ones the plugin registering ``st.components`` provides
(the bundled ``components`` plugin): ``from appcore.components.v1 import
declare_component`` reaches them, and says which plugin is missing if none does.
"""
from __future__ import annotations

from typing import Any

from ..facade import lookup


def forwarded(*path: str) -> Any:
    """A module ``__getattr__`` answering with ``st.components.<path>.<name>``."""
    def getattr_(name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        target = lookup("components")
        for part in path:
            target = getattr(target, part)
        return getattr(target, name)
    return getattr_


__getattr__ = forwarded()
