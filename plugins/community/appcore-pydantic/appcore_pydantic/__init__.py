"""appcore-pydantic: ``pydantic_form``, ``pydantic_input`` and ``pydantic_output``, streamlit-pydantic's
calls, for pydantic v2 models and standard dataclasses.

    import appcore_pydantic as sp
    person = sp.pydantic_form(key="person", model=Person)
"""
from __future__ import annotations

from .ui import pydantic_form, pydantic_input, pydantic_output

__all__ = ["pydantic_form", "pydantic_input", "pydantic_output"]
