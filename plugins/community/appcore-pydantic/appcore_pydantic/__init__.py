"""appcore-pydantic: ``pydantic_form``, ``pydantic_input`` and ``pydantic_output``, streamlit-pydantic's
calls, for pydantic v2 models and standard dataclasses.

    import appcore_pydantic as sp
    person = sp.pydantic_form(key="person", model=Person)
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .ui import pydantic_form, pydantic_input, pydantic_output

__all__ = ["pydantic_form", "pydantic_input", "pydantic_output"]


def __getattr__(name: str) -> Any:
    # appcore loads every installed plugin at start-up (this package is the entry point):
    # pydantic is imported by the first app that uses a form, not by every server's start.
    if name in __all__:
        from . import ui

        return getattr(ui, name)
    raise AttributeError(f"module 'appcore_pydantic' has no attribute '{name}'")
