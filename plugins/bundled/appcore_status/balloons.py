"""st.balloons: balloons float up over the page once."""
from __future__ import annotations

from appcore.plugin import Container, add_element

from ._common import next_shot


def balloons() -> Container:
    """Celebrate: balloons rise over the page (not with reduced motion)."""
    return add_element("balloons", {"shot": next_shot()})


__all__ = ["balloons"]
