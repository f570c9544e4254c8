"""Bundled plugin: ``st.form`` and ``st.form_submit_button``.

Values typed into a form's widgets are held by the server, per session, and
arrive together in the one run the submit button starts. Holding them on the
server (not in the page) means a reload or reconnect keeps what was typed,
and AppTest behaves exactly as the browser.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from appcore.plugin import BadMessage, ElementType, SessionView, contributes, hookimpl

from . import form as _form
from .form import form, form_submit_button

HERE = Path(__file__).parent


appcore_register_elements = contributes([ElementType("form", HERE / "form.js")])
appcore_register_api = contributes({"form": form, "form_submit_button": form_submit_button})


def on_enter_submit(session: SessionView, message: dict[str, Any]) -> None:
    """Enter in a form's text or number input submits it with its first submit button."""
    key = message.get("form")
    if not isinstance(key, str):
        raise BadMessage("form_submit needs a string form key")
    _form.submit_with_enter(session, key)


appcore_check_widget = hookimpl(_form.check_widget)
appcore_resolve_widget_event = hookimpl(_form.on_widget_event)
appcore_run_finished = hookimpl(_form.on_run_finished)
appcore_register_client_events = contributes({"form_submit": on_enter_submit})
