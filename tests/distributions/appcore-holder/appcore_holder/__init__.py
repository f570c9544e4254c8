"""appcore-holder: ``st.holder(key)`` and ``st.holder_button(label)``."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from appcore.plugin import ElementType, hookimpl

from . import holder as _holder
from .holder import holder, holder_button

HERE = Path(__file__).parent


@hookimpl
def appcore_register_elements() -> list[ElementType]:
    return [ElementType("holder", HERE / "holder.js"), ElementType("holder_button", HERE / "holder_button.js")]


@hookimpl
def appcore_register_api() -> dict[str, Any]:
    return {"holder": holder, "holder_button": holder_button}


@hookimpl
def appcore_register_client_events() -> dict[str, Any]:
    return {"holder_submit": _holder.on_enter}


appcore_check_widget = hookimpl(_holder.check_widget)
appcore_resolve_widget_event = hookimpl(_holder.on_widget_event)
appcore_run_finished = hookimpl(_holder.on_run_finished)
