"""st.download_button: a button whose click downloads a file the app gives (a string, bytes,
a file, or a function that makes the data when the button is clicked)."""
from __future__ import annotations

import io
import mimetypes
import os
from collections.abc import Callable
from typing import Any, Literal

from appcore.plugin import AppcoreAPIError, Args, ClickCodec, Help, Key, Kwargs, StreamlitValueError, Width, \
    button_props, container_width, current_run, input_widget, invalid_value, media_url

__all__ = ["download_button"]

FORM_DOCS_INFO = """

For more information, refer to the
[documentation for forms](https://docs.streamlit.io/develop/api-reference/execution-flow/st.form)."""


def download_bytes(data: Any) -> tuple[bytes, str]:
    """The file's bytes and the type they suggest, as Streamlit 1.67 reads each kind of data."""
    if isinstance(data, str):
        return data.encode(), "text/plain"
    if isinstance(data, io.TextIOWrapper):
        return data.read().encode(), "text/plain"
    if isinstance(data, io.StringIO):
        return data.getvalue().encode(), "text/plain"
    if isinstance(data, bytes):
        return data, "application/octet-stream"
    if isinstance(data, io.BytesIO):
        data.seek(0)
        return data.getvalue(), "application/octet-stream"
    if isinstance(data, (io.BufferedReader, io.RawIOBase)):
        data.seek(0)
        return data.read() or b"", "application/octet-stream"
    raise AppcoreAPIError(f"Invalid binary data format: {type(data)}")


def _name_and_type(data: Any, file_name: str | None, mime: str | None) -> tuple[str | None, str | None]:
    """A file opened from disk names itself: its name and type fill in what was not given."""
    try:
        name = getattr(data, "name", None)
    except (AttributeError, ValueError, OSError):
        return file_name, mime
    if not isinstance(name, str) or not name:
        return file_name, mime
    file_name = file_name if file_name is not None else os.path.basename(name)
    return file_name, mime if mime is not None else mimetypes.guess_type(file_name)[0]


def _deferred(make: Callable[[], Any], mime: str | None) -> Callable[[], tuple[bytes, str]]:
    def produce() -> tuple[bytes, str]:
        data, inferred = download_bytes(make())
        return data, mime or inferred

    return produce


def download_button(label: str, data: Any, file_name: str | None = None, mime: str | None = None, key: Key = None,
                    help: Help = None, on_click: Callable[..., Any] | Literal["rerun", "ignore"] | None = "rerun",
                    args: Args = None, kwargs: Kwargs = None, *,
                    type: Literal["primary", "secondary", "tertiary"] = "secondary", icon: str | None = None,
                    icon_position: Literal["left", "right"] = "left", disabled: bool = False,
                    use_container_width: bool | None = None, width: Width = "content", shortcut: str | None = None,
                    wrap: bool | None = None) -> bool:
    """A button that downloads ``data`` as ``file_name``; True in the run its click starts."""
    width = container_width(use_container_width, width)
    if type not in ("primary", "secondary", "tertiary"):
        raise StreamlitValueError("type", ["'primary'", "'secondary'", "'tertiary'"])
    if on_click is not None and not callable(on_click) and on_click not in ("rerun", "ignore"):
        raise invalid_value("on_click", ["'rerun'", "'ignore'", "a callback function"])
    if "form" in current_run().target().scope:
        raise AppcoreAPIError(f"`st.download_button()` can't be used in an `st.form()`.{FORM_DOCS_INFO}")
    if callable(data):
        url = None if disabled else media_url(_deferred(data, mime), mime or "application/octet-stream",
                                              file_name=file_name, download=True)
    else:
        file_name, mime = _name_and_type(data, file_name, mime)
        content, inferred = download_bytes(data)
        url = media_url(content, mime or inferred, file_name=file_name, download=True)
    props = {**button_props(type, icon, icon_position, shortcut, wrap), "url": url, "file_name": file_name,
             "ignore_rerun": on_click == "ignore"}
    params = {**locals(), "on_click": None if on_click in ("rerun", "ignore") else on_click}
    return input_widget("download_button", params, ClickCodec(), props=props, content_width=True, id_parts={
        "icon": icon, "file_name": file_name, "mime": mime, "type": type, "icon_position": icon_position,
        "shortcut": props["shortcut"]}).value
