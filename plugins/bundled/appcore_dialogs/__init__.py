"""Bundled plugin: ``@st.dialog``, a modal whose body reruns on its own.

A dialog is a core partial drawn on the ``dialog`` root: interactions inside
rerun only its function; ``st.rerun()`` inside closes it (the next full run
does not draw it). Dismissal (Esc, the close button, a click outside) is
reported to the server, which applies ``on_dismiss``.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from appcore.plugin import BadMessage, ElementType, RerunRequest, SessionView, contributes

from .dialog import OPEN_DIALOGS, dialog, experimental_dialog

HERE = Path(__file__).parent


appcore_register_elements = contributes([ElementType("dialog", HERE / "dialog.js")])
appcore_register_api = contributes({"dialog": dialog, "experimental_dialog": experimental_dialog})


def on_dismissed(session: SessionView, message: dict[str, Any]) -> None:
    """The person closed a dismissible dialog in the browser."""
    dialog_id = message.get("id")
    open_dialogs = session.stash.get(OPEN_DIALOGS, {})
    # A dialog closed by st.rerun() is no longer a partial: its id is refused.
    if not isinstance(dialog_id, str) or dialog_id not in open_dialogs or dialog_id not in session.partials:
        open_dialogs.pop(dialog_id, None) if isinstance(dialog_id, str) else None
        raise BadMessage(f"no open dialog with id {dialog_id!r}")
    opened = open_dialogs[dialog_id]
    if not opened.dismissible:
        raise BadMessage(f"dialog {opened.title!r} is not dismissible")
    del open_dialogs[dialog_id]
    # The browser closed it: forget it, so opening it again draws it again.
    session.forget(opened.path)
    session.partials.pop(dialog_id, None)
    if opened.on_dismiss == "rerun":
        session.request_rerun(RerunRequest())
    elif callable(opened.on_dismiss):
        session.request_rerun(RerunRequest(callbacks=[opened.on_dismiss]))
appcore_register_client_events = contributes({"dialog_dismissed": on_dismissed})
