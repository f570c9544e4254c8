"""st.space: empty room between elements (vertical in a column, horizontal in a row)."""
from __future__ import annotations

from typing import Literal

from appcore.plugin import Container, add_element, invalid_value

__all__ = ["space"]
ELEMENT_TYPES = {"space": "space"}
TEST_TYPES = {"space": "space"}

SIZES = ("stretch", "xxsmall", "xsmall", "small", "medium", "large", "xlarge", "xxlarge")


def space(size: Literal["stretch", "xxsmall", "xsmall", "small", "medium", "large", "xlarge", "xxlarge"]
          | int = "small") -> Container:
    """Room of ``size``: a size name (``"small"`` is 0.75rem, ``"medium"`` 2.5rem, ``"large"``
    4.25rem), pixels, or ``"stretch"`` to take what is left."""
    if not ((isinstance(size, str) and size in SIZES) or (isinstance(size, int) and size > 0)):
        raise invalid_value("size", [*(f"'{s}'" for s in SIZES), "a positive integer"], f"Got {size!r}.")
    return add_element("space", {"size": size if isinstance(size, str) else int(size)})
