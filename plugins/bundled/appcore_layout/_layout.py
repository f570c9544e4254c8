"""What the layout elements share: the container they return, gaps, Streamlit's checks."""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from appcore.plugin import AppcoreAPIError, Container, Widget, invalid_value

GAPS = ("xxsmall", "xsmall", "small", "medium", "large", "xlarge", "xxlarge")
_UINT32_MAX = 2**32 - 1


class LayoutContainer(Container):
    """A column, tab, expander or popover: a Container, plus Streamlit's ``.open``
    (whether a stateful expander, tab or popover is open in this run; None when
    the container is not a widget, so the browser alone knows)."""

    __slots__ = ("open",)

    def __init__(self, path: tuple, scope: Mapping[str, Any], open: bool | None = None):
        super().__init__(path, scope)
        self.open = open


def container_of(widget: Widget, open: bool) -> LayoutContainer:
    """The children's place inside a container drawn as a widget (its element is the container)."""
    return LayoutContainer(widget.handle.path, widget.handle.scope, open)


def check_gap(gap: Any) -> str | int | None:
    """Streamlit's gap: a size name (any case), pixels, or None for no gap."""
    if isinstance(gap, int) and not isinstance(gap, bool) and 0 <= gap <= _UINT32_MAX:
        return gap
    if gap is None:
        return None
    if isinstance(gap, str) and gap.lower() in GAPS:
        return gap.lower()
    raise invalid_value("gap", [*(repr(g) for g in GAPS), "None", "a non-negative integer (pixels)"],
                        f"Got {gap!r}.")


def stateful(on_change: Any) -> bool:
    """Streamlit makes an expander, tabs or popover a widget when ``on_change`` is not "ignore"."""
    return not (isinstance(on_change, str) and on_change == "ignore")


def required(parameter: str, detail: str | None = None) -> AppcoreAPIError:
    message = f"The `{parameter}` parameter is required."
    return AppcoreAPIError(f"{message} {detail}" if detail else message)
