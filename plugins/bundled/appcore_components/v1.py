"""``appcore.components.v1`` (Streamlit's ``streamlit.components.v1``): the iframe bridge.

``declare_component(name, path=... | url=...)`` returns a ``CustomComponent``;
calling it draws the component's iframe, whose page speaks Streamlit's
component protocol (``component.js`` is the host side), and returns the value
the page last sent, or ``default``.
"""
from __future__ import annotations

import base64
import inspect
import json
import logging
import os
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from appcore.errors import StreamlitAPIException
from appcore.plugin import Codec, Container, register_widget

from .arrow import dataframe_to_ipc, ipc_to_dataframe, is_dataframe_like
from .iframe import check_tab_index, html_element, iframe_element

__all__ = ["declare_component", "html", "iframe", "CustomComponent", "MarshallComponentException"]

log = logging.getLogger("appcore.components")


class MarshallComponentException(StreamlitAPIException):
    """A component was called with arguments that cannot be sent to its frontend."""


@dataclass(frozen=True)
class Declared:
    name: str
    path: Path | None
    url: str | None


# Components are declared by the modules that use them, once per process (a
# module is imported once), so the folders they serve are the process's.
_declared: dict[str, Declared] = {}
_declared_lock = threading.Lock()


def declared_folder(name: str) -> Path | None:
    declared = _declared.get(name)
    return declared.path if declared is not None else None


def _caller_module_name(frame: Any) -> str:
    module = inspect.getmodule(frame)
    name = module.__name__ if module is not None else frame.f_globals.get("__name__", "__main__")
    if name == "__main__" or module is None:
        # The script itself: its file name without .py, as Streamlit names it.
        return os.path.splitext(os.path.basename(frame.f_code.co_filename))[0]
    return name


def declare_component(name: str, path: str | Path | None = None, url: str | None = None) -> CustomComponent:
    """Declare a component served from the folder ``path`` or from ``url`` (which wins when both are given).

    Its full name is ``"<calling module>.<name>"``, as Streamlit forms it.
    """
    caller = inspect.currentframe().f_back  # type: ignore[union-attr]
    full_name = f"{_caller_module_name(caller)}.{name}"
    if path is None and url is None:
        raise StreamlitAPIException("Either 'path' or 'url' must be set.")
    folder = None
    if path is not None and url is None:
        folder = Path(path).resolve()
        if not folder.is_dir():
            raise StreamlitAPIException(f"No such component directory: '{folder}'")
    declared = Declared(full_name, folder, url)
    with _declared_lock:
        before = _declared.get(full_name)
        if before is not None and before != declared:
            log.warning("%s overriding previously-registered %s", declared, before)
        _declared[full_name] = declared
    return CustomComponent(full_name, str(folder) if folder else None, url)


def _to_bytes(value: Any) -> bytes:
    return bytes(value) if isinstance(value, (bytearray, memoryview)) else value


class ComponentValue(Codec):
    """What a component's page sends with ``setComponentValue``, as the bridge wraps it:
    ``{"json": value}``, ``{"bytes": base64}`` or ``{"dataframe": {data, index, columns}}`` (base64 IPC)."""

    def parse(self, raw: Any) -> Any:
        if not isinstance(raw, dict) or len(raw) != 1:
            raise ValueError("a component value is sent as {json|bytes|dataframe: ...}")
        (kind, value), = raw.items()
        if kind == "json":
            return value
        if kind == "bytes" and isinstance(value, str):
            return base64.b64decode(value, validate=True)
        if kind == "dataframe" and isinstance(value, dict) and set(value) == {"data", "index", "columns"}:
            blobs = [base64.b64decode(value[part], validate=True) for part in ("data", "index", "columns")]
            try:
                return ipc_to_dataframe(*blobs)
            except StreamlitAPIException:
                raise
            except Exception as error:  # a malformed table is the browser's fault, not the script's
                raise ValueError(f"not an Arrow table: {error}") from None
        raise ValueError(f"unknown component value {kind!r}")

    def to_json(self, value: Any) -> None:
        return None  # the page keeps its own state; the server never sends the value back

    def keep(self, stored: Any, by_user: bool) -> Any:
        return stored


def _split_args(args: dict[str, Any]) -> tuple[dict[str, Any], dict[str, str], dict[str, dict[str, str]]]:
    """JSON arguments, bytes arguments (base64) and dataframe arguments (base64 IPC), as Streamlit splits them."""
    json_args: dict[str, Any] = {}
    bytes_args: dict[str, str] = {}
    frames: dict[str, dict[str, str]] = {}
    for name, value in args.items():
        if isinstance(value, (bytes, bytearray)):
            bytes_args[name] = base64.b64encode(_to_bytes(value)).decode("ascii")
        elif is_dataframe_like(value):
            frames[name] = {part: base64.b64encode(blob).decode("ascii")
                            for part, blob in dataframe_to_ipc(value).items()}
        else:
            json_args[name] = value
    return json_args, bytes_args, frames


class CustomComponent:
    """A declared component; call it to draw an instance and get its value."""

    def __init__(self, name: str, path: str | None = None, url: str | None = None,
                 module_name: str | None = None):
        self.name = name
        self.path = path
        self.url = url
        self.module_name = module_name or name.rpartition(".")[0]

    def __repr__(self) -> str:
        return f"CustomComponent(name={self.name!r}, path={self.path!r}, url={self.url!r})"

    def __call__(self, *args: Any, default: Any = None, key: str | None = None,
                 on_change: Callable[..., Any] | None = None, tab_index: int | None = None, **kwargs: Any) -> Any:
        return self.create_instance(*args, default=default, key=key, on_change=on_change,
                                    tab_index=tab_index, **kwargs)

    def create_instance(self, *args: Any, default: Any = None, key: str | None = None,
                        on_change: Callable[..., Any] | None = None, tab_index: int | None = None,
                        **kwargs: Any) -> Any:
        """Draw an instance; ``kwargs`` reach the page as its ``args``."""
        if args:
            raise MarshallComponentException(f"Argument '{args[0]}' needs a label")
        check_tab_index(tab_index)
        if on_change is not None and not callable(on_change):
            raise StreamlitAPIException(f"`on_change` must be callable, got {type(on_change).__name__}.")
        json_args, bytes_args, frames = _split_args(dict(kwargs, default=default, key=key))
        try:
            serialized = json.dumps(json_args, allow_nan=False)
        except (TypeError, ValueError) as error:
            raise MarshallComponentException(f"Could not convert component args to JSON: {error}") from None
        props = {"name": self.name, "url": self.url, "args": json.loads(serialized), "bytes_args": bytes_args,
                 "dataframes": frames, "tab_index": tab_index, "height": kwargs.get("height")}
        # Unkeyed, the arguments are the instance's identity (new arguments: a new iframe);
        # keyed, only the name and url are, so the iframe and its state stay as arguments change.
        id_parts = {"name": self.name, "url": self.url}
        if key is None:
            id_parts.update(json_args=serialized, bytes_args=bytes_args, dataframes=frames)
        widget = register_widget("component", props, key=key, default=None, id_parts=id_parts,
                                 parse=ComponentValue().parse, to_json=lambda _: None, on_change=on_change,
                                 callbacks_in_forms=True)
        return default if widget.value is None else widget.value

    def __eq__(self, other: object) -> bool:
        return (isinstance(other, CustomComponent) and self.name == other.name and self.path == other.path
                and self.url == other.url)

    __hash__ = None  # type: ignore[assignment]  # mutable-looking, as Streamlit's


_warned: set[str] = set()


def _deprecated(name: str) -> None:
    if name not in _warned:
        _warned.add(name)
        log.warning("st.components.v1.%s is deprecated and will be removed in a future release: "
                    "use st.iframe instead.", name)


def html(html: str, width: int | None = None, height: int | None = None, scrolling: bool = False, *,
         tab_index: int | None = None) -> Container:
    """HTML in an iframe of its own (scripts run; one way: no value comes back)."""
    _deprecated("html")
    return html_element(html, width=width, height=height, scrolling=scrolling, tab_index=tab_index)


def iframe(src: str, width: int | None = None, height: int | None = None, scrolling: bool = False, *,
           tab_index: int | None = None) -> Container:
    """A URL in an iframe (one way: no value comes back)."""
    _deprecated("iframe")
    return iframe_element(src, width=width, height=height, scrolling=scrolling, tab_index=tab_index)

