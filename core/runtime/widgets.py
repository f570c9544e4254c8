"""Widgets: identity, value binding with session_state, and validation.

A widget is an element whose value comes back from the browser. Its id is
derived from its type and key when a key is given, else from its type, its
defining parameters and the form it sits in; the same id twice in one run is
an error naming both places.
"""
from __future__ import annotations

import copy
import hashlib
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from .context import current_run
from .elements import IDENTITY, Container
from .errors import AppcoreAPIError, DuplicateWidgetID

WIDGET_ID_PREFIX = "$$ID-"

# No display override: the widget shows its value.
UNSET: Any = object()


def _identity(value: Any) -> Any:
    return value


@dataclass(eq=False, slots=True)
class Widget:
    """A widget's definition as the last run that drew it left it.

    ``parse`` turns a value from the browser into the Python value and raises
    ``ValueError`` (or ``TypeError``) for anything outside the definition;
    ``to_json`` goes the other way for the props sent to the browser.
    """

    id: str
    type: str
    key: str | None
    default: Any
    parse: Callable[[Any], Any] = _identity
    to_json: Callable[[Any], Any] = _identity
    on_change: Callable[..., Any] | None = None
    args: tuple = ()
    kwargs: Mapping[str, Any] = field(default_factory=dict)
    trigger: bool = False
    rerun_on_change: bool = True
    # Streamlit checks no callback rule for custom components: theirs run inside forms too.
    callbacks_in_forms: bool = False
    disabled: bool = False
    # Set by a plugin when the page should show something else than the value
    # (what a person typed into a form, not yet submitted), as JSON.
    display: Any = UNSET
    scope: Mapping[str, Any] = field(default_factory=dict)
    path: tuple = ()
    line: int | None = None
    page: str = ""  # the url_path of the page that drew it ("": the main script's own code)
    # Streamlit's persist_state: "page" keeps the value while the widget is not drawn on its
    # page, "session" also across page switches; None forgets it once a run does not draw it.
    persist_state: str | None = None
    # What this run's call returned, and the place it was drawn (later calls on it replace it).
    value: Any = None
    handle: Container | None = None

    @property
    def state_key(self) -> str:
        """Where the value lives in session state: the user key, else the id."""
        return self.key if self.key is not None else self.id


def widget_id(type: str, key: str | None, id_parts: Mapping[str, Any], scope: Mapping[str, Any],
              root: str, page: str = "") -> str:
    if key is not None:
        # A key is the widget's whole identity (changing its label keeps its value), on its page.
        if page:
            return f"{WIDGET_ID_PREFIX}{hashlib.md5(page.encode(), usedforsecurity=False).hexdigest()[:8]}-{type}-{key}"
        return f"{WIDGET_ID_PREFIX}{type}-{key}"
    h = hashlib.md5(type.encode(), usedforsecurity=False)
    if page:
        h.update(f"\x00page={page}".encode())
    for name, value in id_parts.items():
        h.update(f"\x00{name}={value!r}".encode())
    # The containers it sits in that declared an identity (a form's key): the same
    # widget in two forms is two widgets.
    h.update(f"\x00identity={scope.get(IDENTITY, ())!r}\x00root={root}".encode())
    return f"{WIDGET_ID_PREFIX}{h.hexdigest()}"


def user_line(script_path: str | None) -> int | None:
    """The line of the user's script that is executing now (for error messages)."""
    frame = sys._getframe(1)
    while frame is not None:
        if script_path and frame.f_code.co_filename == script_path:
            return frame.f_lineno
        frame = frame.f_back
    return None


def register_widget(
    type: str,
    props: dict[str, Any],
    *,
    key: str | int | None,
    default: Any,
    id_parts: Mapping[str, Any],
    parse: Callable[[Any], Any] = _identity,
    to_json: Callable[[Any], Any] = _identity,
    on_change: Callable[..., Any] | None = None,
    args: tuple | list | None = None,
    kwargs: Mapping[str, Any] | None = None,
    trigger: bool = False,
    rerun_on_change: bool = True,
    callbacks_in_forms: bool = False,
    persist_state: str | None = None,
) -> Widget:
    """Draw a widget at the current place and return it: ``widget.value`` is its value
    for this run, ``widget.handle`` the place it was drawn.

    The value is the one the browser last sent, a value set through
    ``st.session_state[key]`` before this call, or ``default``. ``trigger``
    widgets (buttons) are True only in the run that handles their click (or carry the
    value the browser sent with it, a chat input's text), ``default`` otherwise.
    ``rerun_on_change=False`` (Streamlit's ``on_change="ignore"``) keeps a new
    value on the server until something else reruns the app. ``persist_state``
    (``"page"`` or ``"session"``, a keyed widget) keeps its value while it is not drawn.
    """
    run = current_run()
    run.checkpoint()
    session = run.session
    state = session.state
    if key is not None:
        key = str(key)
        if key == "":
            raise AppcoreAPIError("Invalid `key` value. Supported values: a non-empty string.")
        if key.startswith(WIDGET_ID_PREFIX.rstrip("-")):
            raise AppcoreAPIError("Keys beginning with $$ID are reserved.")
    target = run.target()
    wid = widget_id(type, key, id_parts, target.scope, target.path[0], run.page)
    line = user_line(session.script_path)
    _check_unique(run, wid, type, key, line)
    widget = Widget(
        id=wid, type=type, key=key, default=default, parse=parse, to_json=to_json,
        on_change=on_change, args=tuple(args or ()), kwargs=dict(kwargs or {}),
        trigger=trigger, rerun_on_change=rerun_on_change, callbacks_in_forms=callbacks_in_forms,
        disabled=bool(props.get("disabled")), scope=target.scope, line=line, page=run.page,
        persist_state=persist_state if key is not None else None,
    )
    refusals = run.hooks.appcore_check_widget(run=run, widget=widget)
    if refusals:
        raise AppcoreAPIError(refusals[-1])  # pluggy lists results last-called first

    if trigger:
        if key is not None and key in state.user_set_keys:
            raise AppcoreAPIError(
                f"Values for the widget with key '{key}' cannot be set using st.session_state."
            )
        value = run.trigger_value(wid) if wid in run.triggers else default
        if key is not None:
            state.values[key] = value
    else:
        value = state.widget_value(widget)
        # The browser shows the server's value: set through session_state, or reset.
        props["value"] = to_json(value) if widget.display is UNSET else widget.display
    slot = _draw(run, type, props, wid, key)
    widget.path = slot.path
    session.widgets[wid] = widget
    run.widget_ids[wid] = widget
    if key is not None:
        run.widget_keys[key] = widget
    widget.value = copy.copy(value) if isinstance(value, (list, dict, set)) else value
    widget.handle = slot
    return widget


def _draw(run: Any, type: str, props: dict[str, Any], wid: str, key: str | None) -> Container:
    target = run.target()
    path = run.place(target)
    run.emit(path, type, props, wid, key)
    return Container(path, target.scope, slot=True)


def _check_unique(run: Any, wid: str, type: str, key: str | None, line: int | None) -> None:
    where = f" at line {line}" if line else ""
    if key is not None and key in run.widget_keys:
        first = run.widget_keys[key]
        first_where = f" at line {first.line}" if first.line else ""
        raise DuplicateWidgetID(
            f"Widget key '{key}' is used twice: first by {first.type}{first_where}, "
            f"again by {type}{where}. Give one of them another key."
        )
    if wid in run.widget_ids:
        first = run.widget_ids[wid]
        first_where = f" at line {first.line}" if first.line else ""
        raise DuplicateWidgetID(
            f"There are two identical {type} widgets: first{first_where}, again{where}. "
            f"Give one of them a unique key, e.g. key=\"{type}_2\"."
        )
