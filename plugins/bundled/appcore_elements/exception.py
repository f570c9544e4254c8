"""st.exception: the same element the core draws for an uncaught exception."""
from __future__ import annotations

from appcore.plugin import EXCEPTION_TYPE, Container, add_element, exception_props

__all__ = ["exception"]
ELEMENT_TYPES = {"exception": "exception"}


def exception(exception: BaseException, width: str | int = "stretch") -> Container:
    return add_element(EXCEPTION_TYPE, exception_props(exception))
