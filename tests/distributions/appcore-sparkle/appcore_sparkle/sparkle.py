"""st.sparkle: a leaf element."""
from __future__ import annotations

from appcore.plugin import AppcoreAPIError, Container, add_element


def sparkle(text: object, *, count: int = 3) -> Container:
    """Draw ``text`` between ``count`` sparkles on each side."""
    if isinstance(count, bool) or not isinstance(count, int) or not 0 <= count <= 100:
        raise AppcoreAPIError(f"st.sparkle() needs a count that is an int in 0..100, not {count!r}.")
    return add_element("sparkle", {"text": str(text), "count": count})
