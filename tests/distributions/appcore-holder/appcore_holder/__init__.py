"""appcore-holder: ``st.holder(key)`` and ``st.holder_button(label)``."""
from __future__ import annotations

from pathlib import Path

from appcore.plugin import ElementType, contributes, hookimpl

from . import holder as _holder
from .holder import holder, holder_button

HERE = Path(__file__).parent


appcore_register_elements = contributes([ElementType("holder", HERE / "holder.js"),
                                         ElementType("holder_button", HERE / "holder_button.js")])
appcore_register_api = contributes({"holder": holder, "holder_button": holder_button})


appcore_check_widget = hookimpl(_holder.check_widget)
appcore_resolve_widget_event = hookimpl(_holder.on_widget_event)
appcore_run_finished = hookimpl(_holder.on_run_finished)
appcore_register_client_events = contributes({"holder_submit": _holder.on_enter})
