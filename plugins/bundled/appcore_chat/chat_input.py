"""st.chat_input: a message field whose value is the submitted text for one run.

It is a trigger, as a button is: the run that handles a submit gets the text (each
submit its own run, never cut short by a newer request), every other run None. At
the top level of the main area it is drawn on the ``bottom`` root, pinned to the
foot of the page; inside a container, a column, the sidebar or a fragment, inline.

The browser sends a string; with ``accept_file`` an object ``{"text": str,
"files": [ids]}`` and the call returns a ``ChatInputValue``. The attachments go up
the session's upload route first (``ctx.upload``), as a file_uploader's do; the
submit names their ids, and the next submit releases the last message's files.
"""
from __future__ import annotations

import operator
from collections.abc import Callable, Iterator, MutableMapping, Sequence
from typing import Any, Literal

from appcore.plugin import (
    AppcoreAPIError,
    Codec,
    Container,
    UploadSpec,
    WidthWithoutContent,
    check_height,
    check_width,
    current_run,
    invalid_type,
    invalid_value,
    register_widget,
)

__all__ = ["chat_input"]

SUBMIT_MODES = ("submit", "disable", "stop")
SAMPLE_RATES = (8000, 11025, 16000, 22050, 24000, 32000, 44100, 48000)
# Streamlit's server.maxUploadSize default, in MB: what the browser is told when unset.
DEFAULT_MAX_UPLOAD_MB = 200


class ChatInputValue(MutableMapping[str, Any]):
    """What ``st.chat_input`` returns when it accepts files or audio: ``value.text``,
    ``value.files`` (with ``accept_file``), ``value.audio`` (with ``accept_audio``), also
    as ``value["text"]``; a key the widget does not offer is absent, as in Streamlit."""

    def __init__(self, text: str, files: list[Any] | None = None, audio: Any = None, *,
                 include_files: bool = False, include_audio: bool = False):
        fields: dict[str, Any] = {"text": text}
        if include_files:
            fields["files"] = list(files or [])
        if include_audio:
            fields["audio"] = audio
        object.__setattr__(self, "_fields", fields)
        object.__setattr__(self, "_allowed", set(fields))

    def to_dict(self) -> dict[str, Any]:
        return dict(self._fields)

    def __getattr__(self, name: str) -> Any:
        fields = self.__dict__.get("_fields", {})
        if name in fields:
            return fields[name]
        if name in ("files", "audio"):
            reason = "accept_file=False" if name == "files" else "accept_audio=False"
            raise AttributeError(f"'ChatInputValue' object has no attribute '{name}' ({reason})")
        raise AttributeError(f"'ChatInputValue' object has no attribute '{name}'")

    def __setattr__(self, name: str, value: Any) -> None:
        self[name] = value

    def __getitem__(self, key: str) -> Any:
        if key not in self._fields:
            raise KeyError(f"Invalid key: {key}")
        return self._fields[key]

    def __setitem__(self, key: str, value: Any) -> None:
        if key not in self._allowed:
            raise KeyError(f"Invalid key: {key}")
        self._fields[key] = value

    def __delitem__(self, key: str) -> None:
        if key not in self._fields:
            raise KeyError(f"Invalid key: {key}")
        del self._fields[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._fields)

    def __len__(self) -> int:
        return len(self._fields)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, ChatInputValue):
            return self._fields == other._fields
        return NotImplemented

    def __repr__(self) -> str:
        return f"ChatInputValue({', '.join(f'{k}={v!r}' for k, v in self._fields.items())})"


class ChatCodec(Codec):
    """A submit: its text (within ``max_chars``), and with files or audio a ChatInputValue."""

    default = None
    trigger = True

    def __init__(self, max_chars: int | None, accept_files: bool, accept_audio: bool, uploads: Any = None):
        self.max_chars = max_chars
        self.accept_files = accept_files
        self.accept_audio = accept_audio
        self.uploads = uploads  # the session's Uploads, with accept_file
        self.widget_id: str | None = None  # known once drawn

    @property
    def structured(self) -> bool:
        return self.accept_files or self.accept_audio

    def parse(self, raw: Any) -> str | ChatInputValue:
        if self.structured:
            if not isinstance(raw, dict) or set(raw) - {"text", "files"} or "text" not in raw:
                raise TypeError('a submit is sent as {"text": str, "files": [...]}')
            files = raw.get("files", [])
            if not isinstance(files, list):
                raise TypeError("files are sent as a list")
            if not all(isinstance(item, str) for item in files):
                raise TypeError("files are sent as the ids they were uploaded under")
            if files and not self.accept_files:
                raise ValueError("this chat input takes no files (accept_file=False)")
            text = raw["text"]
        else:
            text = raw
        if not isinstance(text, str):
            raise TypeError(f"a message is sent as a string, got {type(text).__name__}")
        if self.max_chars is not None and len(text) > self.max_chars:
            raise ValueError(f"{len(text)} characters is more than max_chars={self.max_chars}")
        if not self.structured:
            return text
        attached = self.uploads.claim(self.widget_id, files) if self.accept_files and self.widget_id else []
        return ChatInputValue(text, attached, None, include_files=self.accept_files, include_audio=self.accept_audio)

    def to_json(self, value: Any) -> Any:
        if not self.structured:
            return value
        if isinstance(value, ChatInputValue):
            files = value.get("files") or []
            return {"text": value.text, "files": [f.file_id for f in files if hasattr(f, "file_id")]}
        return {"text": value, "files": []}


def _check_on_submit(on_submit: Any) -> Callable[..., Any] | None:
    if on_submit is None or callable(on_submit):
        return on_submit
    if on_submit in ("rerun", "ignore"):
        raise AppcoreAPIError(f'`on_submit="{on_submit}"` is not supported on this widget. '
                              "Pass a callback, or omit `on_submit`.")
    raise invalid_value("on_submit", ["a callback function"])


def _file_types(file_type: str | Sequence[str] | None) -> list[str] | None:
    """Streamlit's normalisation: extensions with a dot, MIME types as given, "image" as "image/*"."""
    if not file_type:
        return None
    kinds = [file_type] if isinstance(file_type, str) else list(file_type)
    normal = []
    for kind in kinds:
        kind = str(kind).strip().lower()
        if kind in ("image", "audio", "video", "text"):
            kind += "/*"
        elif "/" not in kind and not kind.startswith("."):
            kind = f".{kind}"
        if kind == ".jpg" or kind == ".jpeg":
            normal.extend(k for k in (".jpg", ".jpeg") if k not in normal)
        elif kind not in normal:
            normal.append(kind)
    return normal


def chat_input(placeholder: str = "Your message", *, key: str | int | None = None, max_chars: int | None = None,
               max_upload_size: int | None = None, accept_file: bool | Literal["multiple", "directory"] = False,
               file_type: str | Sequence[str] | None = None, accept_audio: bool = False,
               audio_sample_rate: int | None = 16000, disabled: bool = False,
               submit_mode: Literal["submit", "disable", "stop"] = "submit",
               on_submit: Callable[..., Any] | None = None, args: tuple | list | None = None,
               kwargs: dict[str, Any] | None = None, width: WidthWithoutContent = "stretch",
               height: int | Literal["content", "stretch"] = "content") -> str | ChatInputValue | None:
    """A chat message field; returns the submitted text in the run that handles the submit, else None."""
    callback = _check_on_submit(on_submit)
    if accept_file not in (True, False, "multiple", "directory"):
        raise invalid_value("accept_file", ["True", "False", "'multiple'", "'directory'"], f"Got {accept_file!r}.")
    if submit_mode not in SUBMIT_MODES:
        raise invalid_value("submit_mode", ["'submit'", "'disable'", "'stop'"])
    if max_upload_size is not None and (isinstance(max_upload_size, bool) or not isinstance(max_upload_size, int)
                                        or max_upload_size < 1):
        raise invalid_value("max_upload_size", ["a positive integer"],
                            "Set it to None to fall back to the `server.maxUploadSize` configuration option.")
    if audio_sample_rate is not None and audio_sample_rate not in SAMPLE_RATES:
        raise invalid_value("audio_sample_rate", [*(str(r) for r in SAMPLE_RATES), "None"])
    if max_chars is not None:
        max_chars = operator.index(max_chars)  # Streamlit's own TypeError for "10"
    if args is not None and not isinstance(args, (tuple, list)):
        raise invalid_type("args", type(args).__name__, ["tuple", "list", "None"])
    if kwargs is not None and not isinstance(kwargs, dict):
        raise invalid_type("kwargs", type(kwargs).__name__, ["dict", "None"])
    disabled = bool(operator.index(disabled))
    file_types = _file_types(file_type)
    height = check_height(height, allow_content=True)
    width = check_width(width)

    run = current_run()
    target = run.target()
    if target.scope.get("form") is not None:  # the forms plugin's scope key
        raise AppcoreAPIError("`st.chat_input()` can't be used in a `st.form()`.")
    # As Streamlit: called from the main area with no container around it, it goes to the bottom.
    pinned = target.path == ("main",) and not target.slot
    accepts_files = accept_file is not False
    codec = ChatCodec(max_chars, accepts_files, bool(accept_audio), run.session.uploads if accepts_files else None)
    props: dict[str, Any] = {
        "placeholder": str(placeholder), "max_chars": max_chars, "disabled": disabled, "width": width,
        "height": height, "submit_mode": submit_mode, "pinned": pinned,
        "accept_file": "multiple" if accept_file == "multiple" else "directory" if accept_file == "directory"
        else bool(accept_file), "file_type": file_types,
        "max_upload_size": max_upload_size if max_upload_size is not None else DEFAULT_MAX_UPLOAD_MB,
        "accept_audio": bool(accept_audio), "audio_sample_rate": audio_sample_rate,
    }
    if accepts_files:
        spec = UploadSpec.of(file_types, max_upload_mb=max_upload_size,
                             multiple=accept_file in ("multiple", "directory"))
        props["upload"] = spec.for_browser()
    # Text the script put into st.session_state[key]: shown in the field, not submitted.
    state = run.session.state
    state_key = None if key is None else str(key)
    if state_key is not None and state_key in state.user_set_keys:
        preset = state.values.get(state_key)
        state.user_set_keys.discard(state_key)
        state.values[state_key] = None
        if isinstance(preset, str):
            props["value"] = preset
            props["set_value"] = run.number  # a fresh number each time: the same text can be set again
    id_parts = {"placeholder": str(placeholder), "max_chars": max_chars, "max_upload_size": max_upload_size,
                "accept_file": accept_file, "file_type": file_types, "accept_audio": bool(accept_audio),
                "audio_sample_rate": audio_sample_rate, "submit_mode": submit_mode, "width": width,
                "height": height}
    place = Container(("bottom",)) if pinned else target
    with place:
        widget = register_widget("chat_input", props, key=key, default=None, id_parts=id_parts,
                                 parse=codec.parse, to_json=codec.to_json, on_change=callback,
                                 args=args, kwargs=kwargs, trigger=True)
    if accepts_files:
        codec.widget_id = widget.id
        run.session.uploads.expect(widget.id, spec, disabled=disabled)
    return widget.value
