"""st.holder: its widgets' values wait on the server until its button is pressed."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from appcore.plugin import PARTIAL, AppcoreAPIError, Args, BadMessage, ClickCodec, Container, Help, Key, Kwargs, \
    RerunRequest, RunView, SessionView, StashKey, Widget, Width, add_container, current_run, input_widget

HOLDER = "appcore_holder"  # scope key: the key of the holder a widget is drawn in


@dataclass
class Drawn:
    """A holder as a run drew it."""

    key: str
    buttons: list[Widget] = field(default_factory=list)  # its buttons, in order
    members: list[str] = field(default_factory=list)     # ids of the other widgets in it


@dataclass
class Held:
    """A session's holders as the last run drew them, and the values waiting in them."""

    drawn: dict[str, Drawn] = field(default_factory=dict)
    pending: dict[str, dict[str, Any]] = field(default_factory=dict)  # holder key -> {widget id: value}


RUN_HOLDERS = StashKey[dict[str, Drawn]]("holders drawn by this run")
SESSION_HOLDERS = StashKey[Held]("holders of this session")


def _held(session: SessionView) -> Held:
    return session.stash.setdefault(SESSION_HOLDERS, Held())


def holder(key: str) -> Container:
    """A container whose widgets' values arrive together, with its button."""
    run = current_run()
    if run.target().scope.get(HOLDER) is not None:
        raise AppcoreAPIError("st.holder() cannot be nested in another st.holder().")
    key = str(key)
    drawn = run.stash.setdefault(RUN_HOLDERS, {})
    if key in drawn:
        raise AppcoreAPIError(f"There are two st.holder() with key '{key}'; give each its own key.")
    drawn[key] = Drawn(key)
    return add_container("holder", {"key": key}, scope={HOLDER: key}, key=key, identity=f"holder:{key}")


def holder_button(label: str = "Send", key: Key = None, help: Help = None,
                  on_click: Callable[..., Any] | None = None, args: Args = None, kwargs: Kwargs = None, *,
                  disabled: bool = False, width: Width = "content") -> bool:
    """The button that sends its holder's values; True only in the run it starts."""
    holder_key = current_run().target().scope.get(HOLDER)
    if holder_key is None:
        raise AppcoreAPIError("st.holder_button() must be used inside an st.holder().")
    return input_widget("holder_button", locals(), ClickCodec(), content_width=True,
                        id_parts={"holder": holder_key}).value


# -- hooks -----------------------------------------------------------------------------


def check_widget(run: RunView, widget: Widget) -> str | None:
    """Note the holder's buttons and members; a plain button inside would rerun at once: refuse it."""
    key = widget.scope.get(HOLDER)
    if key is None:
        return None
    record = run.stash.setdefault(RUN_HOLDERS, {}).setdefault(key, Drawn(key))
    if widget.type == "holder_button":
        record.buttons.append(widget)
        return None
    if widget.trigger:
        return f"st.{widget.type}() can't be used in an st.holder(); use st.holder_button()."
    record.members.append(widget.id)
    pending = _held(run.session).pending.get(key, {})
    if widget.id in pending:  # typed, not sent yet: a rerun meanwhile still shows it
        widget.display = widget.to_json(pending[widget.id])
    return None


def on_widget_event(session: SessionView, widget: Widget, value: Any) -> bool | None:
    """Keep a member's value; the holder's button sends them all."""
    key = widget.scope.get(HOLDER)
    if key is None:
        return None
    if widget.type == "holder_button":
        _send(session, key, widget)
    else:
        _held(session).pending.setdefault(key, {})[widget.id] = value
    return True


def _send(session: SessionView, key: str, button: Widget) -> None:
    request = RerunRequest(partial=button.scope.get(PARTIAL), values=_held(session).pending.pop(key, {}),
                           triggers={button.id})
    session.request_rerun(request)


def on_enter(session: SessionView, message: dict[str, Any]) -> None:
    """Enter in a text field of a holder presses its first button (if it has one that is enabled)."""
    key = message.get("holder")
    if not isinstance(key, str):
        raise BadMessage("holder_submit needs a string holder key")
    record = _held(session).drawn.get(key)
    if record is None or not record.buttons:
        return
    first = record.buttons[0]
    if first.id in session.widgets and not first.disabled:
        _send(session, key, first)


def on_run_finished(run: RunView) -> None:
    if run.status not in ("complete", "stopped", "error"):
        return
    held = _held(run.session)
    drawn = run.stash.get(RUN_HOLDERS, {})
    if run.partial is None:
        held.drawn = drawn
        for gone in set(held.pending) - set(drawn):
            del held.pending[gone]
    else:
        held.drawn.update(drawn)
