"""st.snow: snowflakes fall over the page once."""
from __future__ import annotations

from appcore.plugin import Container, add_element

from ._common import next_shot


def snow() -> Container:
    """Celebrate: snowflakes fall over the page (not with reduced motion)."""
    return add_element("snow", {"shot": next_shot()})


__all__ = ["snow"]
