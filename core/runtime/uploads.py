"""Files a tab uploads over HTTP, held per session until its widget drops them.

The flow, for any widget that accepts files (``st.file_uploader``, ``st.camera_input``,
``st.audio_input``, a plugin's own):

1. When the widget is drawn, its codec tells the session's ``Uploads`` what the
   widget accepts (``Uploads.expect(widget_id, UploadSpec(...))``).
2. The browser PUTs each file to ``/_appcore/upload/{session}/{file_id}?widget=..&name=..``
   with the session's ``upload_token`` (core/server/uploads.py). The server checks the
   token, the widget, the name against the widget's types and the size against its cap
   (by ``Content-Length`` first, then while streaming), and hands the bytes here.
3. The widget's value is the list of its file ids. ``Uploads.claim`` turns them into
   ``UploadedFile`` objects and releases the widget's files the list no longer names.

Files are released when the widget drops them (a value without them), when the widget
is no longer drawn, and when the session ends. Nothing here imports aiohttp.
"""
from __future__ import annotations

import io
import os
import re
import secrets
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

from .errors import AppcoreAPIError
from .inputs import Codec
from .context import current_run

# What Streamlit's uploader expands and pairs (its docs list the same).
CATEGORY_SHORTCUTS = frozenset({"image", "audio", "video", "text"})
EXTENSION_PAIRS = ((".jpg", ".jpeg"), (".mpg", ".mpeg"), (".mp4", ".mpeg4"), (".tif", ".tiff"), (".htm", ".html"))

MEGABYTE = 1024 * 1024  # Streamlit's frontend counts a megabyte as 1024 * 1024 bytes
# A file id is the browser's choice: short, URL-safe, unique in its session.
FILE_ID = re.compile(r"[A-Za-z0-9_-]{8,64}")
# Files a widget may hold that no value has named yet (uploads on their way to a value).
MAX_UNCLAIMED_PER_WIDGET = 100
MAX_NAME_CHARS = 1024


class UploadRefused(Exception):
    """An upload the session will not take; ``status`` is the HTTP answer, ``str()`` the reason
    the widget shows."""

    def __init__(self, message: str, status: int = 400):
        super().__init__(message)
        self.status = status


class UploadedFileRec(NamedTuple):
    """An uploaded file's metadata and bytes (Streamlit's ``UploadedFileRec``)."""

    file_id: str
    name: str
    type: str
    data: bytes


class UploadedFile(io.BytesIO):
    """A file the person uploaded: a ``BytesIO`` with its ``name``, ``type`` (the MIME type
    the browser said, ``application/octet-stream`` if it said none), ``size`` in bytes and
    ``file_id``. As Streamlit's, two are equal when their ``file_id`` is.

    Each run gets its own object, at position 0; the bytes are shared, not copied.
    """

    def __init__(self, record: UploadedFileRec, file_urls: Any = None) -> None:
        super().__init__(record.data)
        self.file_id = record.file_id
        self.name = record.name
        self.type = record.type
        self.size = len(record.data)
        self._record = record
        self._file_urls = file_urls

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, UploadedFile):
            return NotImplemented
        return self.file_id == other.file_id

    def __hash__(self) -> int:
        return hash(self.file_id)

    def __repr__(self) -> str:
        return (f"UploadedFile(file_id={self.file_id!r}, name={self.name!r}, type={self.type!r}, "
                f"size={self.size!r})")

    def fresh(self) -> UploadedFile:
        """The same file at position 0 (what the next run returns)."""
        return UploadedFile(self._record, self._file_urls)


class DeletedFile(NamedTuple):
    """Streamlit's marker for a file its store no longer has (kept for imports that name it)."""

    file_id: str


# -- file types, as Streamlit takes them ------------------------------------------------------

def normalize_file_types(types: str | Sequence[str] | None) -> list[str] | None:
    """Streamlit's ``type=``: ``"image"`` -> ``"image/*"``, a MIME type lower-cased,
    ``"PNG"`` -> ``".png"``, the paired extensions added (``.jpg`` brings ``.jpeg``);
    MIME types first. None (or only blanks) accepts every file."""
    if not types:
        return None
    if isinstance(types, str):
        types = [types]
    extensions: list[str] = []
    mimes: list[str] = []
    for raw in types:
        entry = str(raw).strip()
        if not entry:
            continue
        if entry.lower() in CATEGORY_SHORTCUTS:
            mimes.append(f"{entry.lower()}/*")
        elif "/" in entry:
            mimes.append(entry.lower())
        else:
            extension = entry.lower()
            extensions.append(extension if extension.startswith(".") else f".{extension}")
    for one, other in EXTENSION_PAIRS:
        if one in extensions and other not in extensions:
            extensions.append(other)
        if other in extensions and one not in extensions:
            extensions.append(one)
    return mimes + extensions


def _mime_matches(mime: str, pattern: str) -> bool:
    mime = mime.lower()
    if pattern.endswith("/*"):
        return mime.startswith(pattern[:-1])
    return mime == pattern


# -- what a widget accepts ------------------------------------------------------------------

@dataclass(frozen=True)
class UploadSpec:
    """What one widget accepts: ``types`` (normalised, or None for any file), the most bytes
    one file may have, and whether it holds several files."""

    types: tuple[str, ...] | None
    max_bytes: int
    multiple: bool = False

    @classmethod
    def of(cls, types: str | Sequence[str] | None = None, max_upload_mb: float | None = None,
           multiple: bool = False) -> UploadSpec:
        """From Streamlit's parameters; ``max_upload_mb=None`` is the session's
        ``[server] max_upload_mb`` (call it inside a run)."""
        if max_upload_mb is None:
            max_upload_mb = current_run().session.uploads.default_max_mb
        normalized = normalize_file_types(types)
        return cls(tuple(normalized) if normalized else None, int(max_upload_mb * MEGABYTE), multiple)

    def check_name(self, name: str, mime: str) -> None:
        """Refuse a file this widget does not accept: its name's extension (or, where the
        widget lists MIME types, the type the browser gave) is not one of ``types``."""
        if "\x00" in name:
            raise UploadRefused("Filename cannot contain null bytes.")
        if not self.types:
            return
        extensions = [t for t in self.types if t.startswith(".")]
        patterns = [t for t in self.types if "/" in t]
        lowered = name.lower()
        if any(lowered.endswith(extension) for extension in extensions):
            return
        if mime and any(_mime_matches(mime, pattern) for pattern in patterns):
            return
        if patterns:
            raise UploadRefused(f"{mime or 'application/octet-stream'} files are not allowed.", 415)
        raise UploadRefused(f"Invalid file extension: `{os.path.splitext(name)[1]}`. Allowed: {extensions}", 415)

    def check_size(self, size: int) -> None:
        if size > self.max_bytes:
            raise UploadRefused(f"File must be {size_display(self.max_bytes)} or smaller.", 413)

    def for_browser(self) -> dict[str, Any]:
        return {"types": list(self.types or ()), "max_bytes": self.max_bytes, "multiple": self.multiple}


def size_display(size: float) -> str:
    """Bytes as Streamlit's uploader says them: ``1.0MB``, ``200.0MB``, ``512.0KB``."""
    units = ["GB", "MB", "KB", "B"]
    unit = 3
    while unit > 0 and size > 512:
        size /= 1024
        unit -= 1
    return f"{size:.1f}{units[unit]}"


# -- the session's store ----------------------------------------------------------------------

@dataclass
class _Held:
    record: UploadedFileRec
    widget_id: str
    claimed: bool = False


class Upload:
    """One file on its way in: ``write`` its chunks (refused past the widget's cap), then
    ``finish``; ``abort`` drops it. What the route and AppTest both go through."""

    def __init__(self, uploads: Uploads, widget_id: str, file_id: str, name: str, mime: str, spec: UploadSpec):
        self._uploads = uploads
        self.widget_id, self.file_id, self.name, self.mime, self.spec = widget_id, file_id, name, mime, spec
        self._chunks: list[bytes] = []
        self.size = 0
        self._done = False

    def write(self, chunk: bytes) -> None:
        self.size += len(chunk)
        self.spec.check_size(self.size)  # never more than the cap plus one chunk is held
        self._chunks.append(chunk if type(chunk) is bytes else bytes(chunk))

    def finish(self) -> UploadedFileRec:
        record = UploadedFileRec(self.file_id, self.name, self.mime or "application/octet-stream",
                                 b"".join(self._chunks))
        self._chunks = []
        self._done = True
        self._uploads._store(self.widget_id, record)
        return record

    def abort(self) -> None:
        if not self._done:
            self._done = True
            self._chunks = []
            self._uploads._unreserve(self.file_id)


class Uploads:
    """A session's uploaded files, by widget. Thread-safe: the server's event loop writes,
    the script thread draws widgets, both read."""

    def __init__(self, default_max_mb: float = 200.0) -> None:
        self.default_max_mb = default_max_mb  # [server] max_upload_mb, for widgets that set no cap
        self._lock = threading.Lock()
        self._specs: dict[str, UploadSpec] = {}
        self._disabled: set[str] = set()  # widgets drawn disabled: they keep their files, take no new one
        self._files: dict[str, _Held] = {}
        self._reserved: set[str] = set()

    # -- widgets -----------------------------------------------------------------------------

    def expect(self, widget_id: str, spec: UploadSpec, *, disabled: bool = False) -> None:
        """The widget ``widget_id`` takes files as ``spec`` says (called as it is drawn);
        ``disabled``: it keeps the files it has and takes no new one."""
        with self._lock:
            self._specs[widget_id] = spec
            if disabled:
                self._disabled.add(widget_id)
            else:
                self._disabled.discard(widget_id)

    def spec(self, widget_id: str) -> UploadSpec | None:
        with self._lock:
            return self._specs.get(widget_id)

    def release_widget(self, widget_id: str) -> None:
        """The widget is gone from the page: forget it and its files."""
        with self._lock:
            self._specs.pop(widget_id, None)
            self._disabled.discard(widget_id)
            for file_id in [f for f, held in self._files.items() if held.widget_id == widget_id]:
                del self._files[file_id]

    def held_bytes(self) -> int:
        with self._lock:
            return sum(len(held.record.data) for held in self._files.values())

    def clear(self) -> None:
        """The session ended."""
        with self._lock:
            self._specs.clear()
            self._disabled.clear()
            self._files.clear()
            self._reserved.clear()

    # -- files in ------------------------------------------------------------------------------

    def begin(self, widget_id: str, file_id: str, name: str, mime: str, length: int | None = None) -> Upload:
        """Start receiving a file for ``widget_id``, refusing it before a byte is read when
        the widget takes no files, the id is taken or malformed, the name's type is not
        accepted or the declared ``length`` is over the cap."""
        if not isinstance(file_id, str) or not FILE_ID.fullmatch(file_id):
            raise UploadRefused("a file id is 8 to 64 letters, digits, '-' or '_'", 400)
        if not name or len(name) > MAX_NAME_CHARS:
            raise UploadRefused(f"a file needs a name of 1 to {MAX_NAME_CHARS} characters", 400)
        with self._lock:
            spec = self._specs.get(widget_id)
            if spec is None:
                raise UploadRefused("no widget on the page takes files under that id", 404)
            if widget_id in self._disabled:
                raise UploadRefused("this widget is disabled", 403)
            if file_id in self._files or file_id in self._reserved:
                raise UploadRefused(f"file id {file_id} is already used", 409)
            unclaimed = sum(1 for held in self._files.values() if held.widget_id == widget_id and not held.claimed)
            if unclaimed >= MAX_UNCLAIMED_PER_WIDGET:
                raise UploadRefused(f"{unclaimed} files wait for this widget's value; send it first", 429)
            spec.check_name(name, mime)
            if length is not None:
                spec.check_size(length)
            self._reserved.add(file_id)
        return Upload(self, widget_id, file_id, name, mime, spec)

    def put(self, widget_id: str, name: str, data: bytes, mime: str = "application/octet-stream",
            file_id: str | None = None) -> UploadedFileRec:
        """A whole file at once (AppTest), through the same checks as an HTTP upload."""
        upload = self.begin(widget_id, file_id or secrets.token_urlsafe(12), name, mime, len(data))
        try:
            upload.write(data)
            return upload.finish()
        finally:
            upload.abort()

    def _store(self, widget_id: str, record: UploadedFileRec) -> None:
        with self._lock:
            self._reserved.discard(record.file_id)
            if widget_id in self._specs:  # the widget may have gone while the bytes came in
                self._files[record.file_id] = _Held(record, widget_id)

    def _unreserve(self, file_id: str) -> None:
        with self._lock:
            self._reserved.discard(file_id)

    # -- files out -----------------------------------------------------------------------------

    def claim(self, widget_id: str, file_ids: Iterable[str]) -> list[UploadedFile]:
        """The widget's value names these files, in this order: their ``UploadedFile``s.
        The widget's other files are released (the person removed them). Raises
        ``ValueError`` for an id this widget does not hold."""
        ids = list(file_ids)
        if len(set(ids)) != len(ids):
            raise ValueError("a file is listed twice")
        with self._lock:
            held = []
            for file_id in ids:
                entry = self._files.get(file_id)
                if entry is None or entry.widget_id != widget_id:
                    raise ValueError(f"no file {file_id!r} was uploaded to this widget")
                held.append(entry)
            for entry in held:
                entry.claimed = True
            wanted = set(ids)
            for file_id in [f for f, h in self._files.items() if h.widget_id == widget_id and f not in wanted]:
                del self._files[file_id]
        return [UploadedFile(entry.record) for entry in held]

    def files_of(self, widget_id: str) -> list[UploadedFileRec]:
        with self._lock:
            return [h.record for h in self._files.values() if h.widget_id == widget_id]

    @property
    def bytes_held(self) -> int:
        with self._lock:
            return sum(len(h.record.data) for h in self._files.values())

    def __len__(self) -> int:
        with self._lock:
            return len(self._files)


# -- the codec of a widget whose value is files --------------------------------------------------

def read_only_error(key: str) -> AppcoreAPIError:
    return AppcoreAPIError(f"`st.session_state['{key}']` is read-only and cannot be assigned through session "
                           "state. Use a different session state key for values you need to set.")


class FilesCodec(Codec):
    """A widget whose value is uploaded files: ``None`` or one ``UploadedFile``, or with
    ``multiple`` a list of them (``[]`` when empty). The browser uploads each file over
    HTTP, then sends the list of their ids; ``props["upload"]`` tells it where and what.

    ``key`` is the widget's key: a value set through ``st.session_state`` is refused
    with Streamlit's read-only error.
    """

    clearable = True

    def __init__(self, spec: UploadSpec, *, key: Any = None) -> None:
        self.spec = spec
        self.multiple = spec.multiple
        self.default = [] if spec.multiple else None
        self.key = None if key is None else str(key)
        self._uploads = current_run().session.uploads
        self._widget_id: str | None = None

    def drawn(self, widget: Any) -> None:
        self._widget_id = widget.id
        self._uploads.expect(widget.id, self.spec, disabled=widget.disabled)

    def parse(self, raw: Any) -> Any:
        if raw is None:
            raw = []
        if not isinstance(raw, list) or not all(isinstance(item, str) for item in raw):
            raise TypeError("files are sent as a list of the ids they were uploaded under")
        if not self.multiple and len(raw) > 1:
            raise ValueError("Only one file is allowed.")
        if self._widget_id is None:
            raise ValueError("this widget has not been drawn")
        files = self._uploads.claim(self._widget_id, raw)
        if self.multiple:
            return files
        return files[0] if files else None

    def to_json(self, value: Any) -> list[dict[str, Any]]:
        files = value if isinstance(value, list) else [] if value is None else [value]
        return [{"file_id": f.file_id, "name": f.name, "size": f.size, "type": f.type}
                for f in files if isinstance(f, UploadedFile)]

    def keep(self, stored: Any, by_user: bool) -> Any:
        if by_user and self.key is not None:
            raise read_only_error(self.key)
        if self.multiple:
            return stored if isinstance(stored, list) else []
        return stored if isinstance(stored, UploadedFile) else None

    def returned(self, value: Any) -> Any:
        if isinstance(value, list):
            return [f.fresh() for f in value if isinstance(f, UploadedFile)]
        return value.fresh() if isinstance(value, UploadedFile) else None

    def props(self) -> dict[str, Any]:
        return {"upload": self.spec.for_browser()}
