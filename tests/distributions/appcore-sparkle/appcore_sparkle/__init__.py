"""appcore-sparkle: ``st.sparkle(text, *, count=3)``."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from appcore.plugin import ElementType, hookimpl

from .sparkle import sparkle

HERE = Path(__file__).parent


@hookimpl
def appcore_register_elements() -> list[ElementType]:
    return [ElementType("sparkle", HERE / "sparkle.js")]


@hookimpl
def appcore_register_api() -> dict[str, Any]:
    return {"sparkle": sparkle}
