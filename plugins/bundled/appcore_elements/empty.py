"""st.empty: a slot that holds one element; each call on it replaces what it shows."""
from __future__ import annotations

from appcore.plugin import Container, add_element

__all__ = ["empty"]
ELEMENT_TYPES = {"empty": "empty"}


def empty() -> Container:
    """A placeholder: each element drawn into it replaces the one it held."""
    return add_element("empty", {})
