"""``st.components.v2``: components without an iframe (Streamlit 1.51+).

``component(name, html=, css=, js=, isolate_styles=)`` registers a component and
returns its mount function. Mounted, its HTML and CSS go into the page (inside
a shadow root when styles are isolated) and its JavaScript module's default
export is called with ``{name, key, data, parentElement, setStateValue,
setTriggerValue}`` whenever ``data`` changes (``bidi_component.js``). State
values persist across reruns; trigger values last one run.
"""
from __future__ import annotations

import base64
import hashlib
import json
import logging
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from appcore.errors import StreamlitAPIException
from appcore.plugin import (
    PARTIAL,
    BadMessage,
    Codec,
    RerunRequest,
    SessionView,
    StashKey,
    check_height,
    check_width,
    current_run,
    register_widget,
)

from . import manifest
from .arrow import is_dataframe_like, table_to_ipc

__all__ = ["component", "ComponentResult"]

log = logging.getLogger("appcore.components")
ELEMENT_TYPE = "bidi_component"
FORM = "form"  # the scope key the forms plugin gives the widgets in a form


@dataclass(frozen=True)
class Definition:
    name: str
    html: str | None
    css: str | None
    js: str | None
    css_file: str | None = None  # relative to the packaged component's asset_dir, served by the component route
    js_file: str | None = None


_definitions: dict[str, Definition] = {}
_lock = threading.Lock()

# Per session: each component's state as the last run returned it (to tell which values changed).
LAST_STATE = StashKey[dict[str, dict[str, Any]]]("components v2 state")
CALLBACKS = StashKey[dict[str, dict[str, Callable[[], Any]]]]("components v2 callbacks")


@dataclass(frozen=True)
class Trigger:
    """A ``setTriggerValue(event, value)``, carried by the rerun it asks for (RerunRequest.events):
    only the run that serves that request sees it, so a run already in flight cannot take it."""

    widget_id: str
    event: str
    value: Any


class ComponentResult(dict):
    """A component's state and trigger values, by key or as attributes (``result.value``)."""

    def __getattr__(self, name: str) -> Any:
        try:
            return self[name]
        except KeyError:
            raise AttributeError(f"The component result has no value {name!r}: "
                                 f"it has {', '.join(map(repr, self)) or 'none'}.") from None

    def __setattr__(self, name: str, value: Any) -> None:
        self[name] = value


def _check_source(name: str, value: Any) -> None:
    if value is not None and not isinstance(value, str):
        raise StreamlitAPIException(f"Invalid type for `{name}`: {type(value).__name__}. Supported types: str, None. "
                                    "Pass a string path or glob.")


def component(name: str, *, html: str | None = None, css: str | None = None, js: str | None = None,
              isolate_styles: bool = True) -> Callable[..., ComponentResult]:
    """Register a component and return the function that mounts it.

    ``html`` is inline markup. ``css`` and ``js`` are inline code, or a path or
    glob of one file under the ``asset_dir`` that the component's installed
    package declares (``manifest.py``). The JavaScript is a module whose
    default export draws the component.
    """
    for parameter, value in (("html", html), ("css", css), ("js", js)):
        _check_source(parameter, value)
    name = str(name)
    css_file = manifest.resolve_file(name, css, "css") if css and manifest.looks_like_path(css) else None
    js_file = manifest.resolve_file(name, js, "js") if js and manifest.looks_like_path(js) else None
    definition = Definition(name, html, None if css_file else css, None if js_file else js, css_file, js_file)
    with _lock:
        if name in _definitions and _definitions[name] != definition:
            log.warning("Component '%s' is registered again; the last registration is used.", name)
        _definitions[name] = definition

    def mount(*, key: str | int | None = None, data: Any = None, default: Mapping[str, Any] | None = None,
              width: Any = "stretch", height: Any = "content", **on_callbacks: Any) -> ComponentResult:
        if "isolate_styles" in on_callbacks:
            on_callbacks.pop("isolate_styles")
            log.warning("Passing `isolate_styles` when mounting a component is deprecated and ignored: "
                        "set it in st.components.v2.component(..., isolate_styles=...).")
        return _mount(definition, isolate_styles, key, data, default, width, height, on_callbacks)

    mount.__name__ = mount.__qualname__ = str(name)
    return mount


def _callbacks(on_callbacks: Mapping[str, Any]) -> dict[str, Callable[[], Any]]:
    found: dict[str, Callable[[], Any]] = {}
    for argument, value in on_callbacks.items():
        if not (argument.startswith("on_") and argument.endswith("_change")):
            raise StreamlitAPIException(f"{argument!r} is not a parameter of a component's mount function: "
                                        "callbacks are named on_<state or trigger name>_change.")
        event = argument[3:-7]
        if not event or event == "_":
            raise StreamlitAPIException(f"Invalid callback name {argument!r}: it must be on_<name>_change "
                                        "with a non-empty name.")
        if value is not None and not callable(value):
            raise StreamlitAPIException(f"`{argument}` must be callable, got {type(value).__name__}.")
        if value is not None:
            found[event] = value
    return found


def _data_props(data: Any) -> dict[str, Any]:
    if data is None:
        return {"data": None}
    if isinstance(data, (bytes, bytearray)):
        return {"data_bytes": base64.b64encode(bytes(data)).decode("ascii")}
    if is_dataframe_like(data):
        # As Streamlit's host: a dataframe as the whole of `data` reaches the module as its Arrow
        # IPC bytes; dataframes inside a dict reach it as Arrow tables (bidi_component.js).
        return {"data_arrow": _ipc(data)}
    blobs: dict[str, str] = {}
    if isinstance(data, Mapping) and any(is_dataframe_like(v) for v in data.values()):
        data = {name: _arrow_ref(value, blobs) if is_dataframe_like(value) else value for name, value in data.items()}
    try:
        props = {"data": json.loads(json.dumps(data, allow_nan=False))}
        if blobs:
            props["data_arrow_blobs"] = blobs
        return props
    except (TypeError, ValueError):
        raise StreamlitAPIException("The component's `data` could not be serialized: pass JSON-serializable "
                                    "values, bytes, or a dict of them.") from None


def _ipc(frame: Any) -> str:
    return base64.b64encode(table_to_ipc(frame)).decode("ascii")


def _arrow_ref(frame: Any, blobs: dict[str, str]) -> dict[str, str]:
    blob = _ipc(frame)
    ref = hashlib.sha1(blob.encode("ascii"), usedforsecurity=False).hexdigest()  # content-addressed, as Streamlit's
    blobs[ref] = blob
    return {"__streamlit_arrow_ref__": ref}


class StateCodec(Codec):
    """The state a component's module sends with ``setStateValue``: a JSON object."""

    def __init__(self, default: dict[str, Any], allowed: set[str] | None):
        self.default = default
        self.allowed = allowed

    def parse(self, raw: Any) -> dict[str, Any]:
        if not isinstance(raw, dict) or not all(isinstance(k, str) for k in raw):
            raise TypeError("a component's state is sent as a JSON object")
        return dict(raw)

    def keep(self, stored: Any, by_user: bool) -> Any:
        return dict(stored) if isinstance(stored, dict) else self.default


def _mount(definition: Definition, isolate_styles: bool, key: Any, data: Any, default: Mapping[str, Any] | None,
           width: Any, height: Any, on_callbacks: Mapping[str, Any]) -> ComponentResult:
    callbacks = _callbacks(on_callbacks)
    if default is not None:
        unknown = [name for name in default if name not in callbacks]
        if unknown:
            raise StreamlitAPIException(
                f"The default for {unknown[0]!r} has no matching callback: a state in `default` needs an "
                f"on_{unknown[0]}_change callback. Callbacks given: {', '.join(sorted(callbacks)) or 'none'}.")
    width = check_width(width, allow_content=True)
    height = check_height(height, allow_content=True)
    run = current_run()
    session = run.session
    props: dict[str, Any] = {"name": definition.name, "html": definition.html, "css": definition.css,
                             "js": definition.js, "css_file": definition.css_file, "js_file": definition.js_file,
                             "isolate_styles": bool(isolate_styles), "width": width,
                             "height": height, **_data_props(data)}
    props["in_form"] = run.target().scope.get(FORM) is not None
    if key is not None:
        id_parts: dict[str, Any] = {"name": definition.name}  # a key is the instance's identity, whatever its data
    else:
        # A dict's dataframes are in `data` as their content hashes: their blobs need no second digest.
        digest = hashlib.md5(json.dumps([props.get(field) for field in ("data", "data_bytes", "data_arrow")],
                                        sort_keys=True,
                                        default=str).encode(), usedforsecurity=False).hexdigest()
        id_parts = {"name": definition.name, "isolate_styles": bool(isolate_styles), "width": width,
                    "height": height, "default": json.dumps(dict(default or {}), sort_keys=True, default=str),
                    "data": digest}
    last = session.stash.setdefault(LAST_STATE, {})
    mounted: dict[str, str] = {}
    widget = register_widget(ELEMENT_TYPE, props, key=key, default=dict(default or {}), id_parts=id_parts,
                             parse=StateCodec(dict(default or {}), set(callbacks) or None).parse,
                             to_json=lambda state: state, on_change=_changed_state_callbacks(session, callbacks, mounted),
                             callbacks_in_forms=True)
    mounted["id"] = widget.id
    state = dict(widget.value or {})
    last[widget.id] = state
    session.stash.setdefault(CALLBACKS, {})[widget.id] = callbacks
    # Trigger values the request of this run carried: this run's, and gone after it.
    fired = {e.event: e.value for e in run.events if isinstance(e, Trigger) and e.widget_id == widget.id}
    triggers = {event: fired.get(event) for event in callbacks}
    triggers.update({event: value for event, value in fired.items() if event not in triggers})
    return ComponentResult({**triggers, **state})


def _changed_state_callbacks(session: Any, callbacks: dict[str, Callable[[], Any]],
                             mounted: dict[str, str]) -> Callable[[], None]:
    """One on_change for the state widget: the callbacks of the state values that changed."""
    def changed() -> None:
        # Called before the rerun, with the new state in session_state already.
        widget = session.widgets.get(mounted.get("id"))
        if widget is None:
            return
        before = session.stash.get(LAST_STATE, {}).get(widget.id, {})
        now = session.state.values.get(widget.state_key) or {}
        for name, callback in callbacks.items():
            if now.get(name) != before.get(name):
                callback()
    return changed


def on_trigger(session: SessionView, message: dict[str, Any]) -> None:
    """``setTriggerValue(event, value)`` from a component's module: a run of its own, once."""
    wid, event = message.get("id"), message.get("event")
    widget = session.widgets.get(wid) if isinstance(wid, str) else None
    if widget is None or widget.type != ELEMENT_TYPE:
        raise BadMessage(f"no v2 component with id {wid!r}")
    if not isinstance(event, str) or not event or "__" in event:
        raise BadMessage(f"a trigger's event is a non-empty name, got {event!r}")
    if widget.disabled:
        raise BadMessage("the component is disabled")
    if widget.scope.get(FORM) is not None:
        raise BadMessage("triggers are not allowed in forms (use setStateValue and the form's submit)")
    callback = session.stash.get(CALLBACKS, {}).get(wid, {}).get(event)
    request = RerunRequest(partial=widget.scope.get(PARTIAL), callbacks=[callback] if callback else [],
                           events=[Trigger(wid, event, message.get("value"))])
    if "state" in message:  # setStateValue in the same task as the trigger: one run sees both
        request.values[wid] = session.parse_widget_value(widget, message["state"])
    session.request_rerun(request)
