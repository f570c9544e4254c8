"""Media a session serves: images, audio, video and downloads, each at a URL of its own.

``media_url(data, mimetype)`` puts ``data`` (bytes, a file-like object, a file path)
into the running session's ``MediaStore`` and returns the URL the page loads it from,
``{base_url_path}/_appcore/media/{id}`` (core/server/media.py serves it, with range
requests). A URL string is returned as it is.

A file lives as long as something on the page shows it:

- a file added for an element belongs to the element drawn next at that place; drawing
  another element there (a placeholder's next frame, a rerun with another image) lets it
  go, and so does the element leaving the page (pruned after a run, dropped by the
  browser);
- a file added with an explicit ``place`` (``("logo",)``, for something a message shows)
  belongs to that place until the next file is added there;
- everything goes when the session ends.

The same bytes give the same id (a content digest), so a rerun that draws the same image
sends an element identical to what the page shows, which is then not sent again. An id
holds a token of the session's store that is not the session id: a URL opens the file,
nothing more. Bytes count against ``[server] max_media_mb`` per session; a file path is
served from disk and does not. Nothing here imports aiohttp.
"""
from __future__ import annotations

import io
import mimetypes
import os
import re
import secrets
import threading
import weakref
from collections.abc import Callable
from dataclasses import dataclass, field
from hashlib import blake2b
from pathlib import Path
from typing import Any

import orjson

from .errors import AppcoreAPIError

MEGABYTE = 1024 * 1024
ID = re.compile(r"([0-9a-f]{16})-([0-9a-f]{24})(\.[a-z0-9]{1,8})?")

# Said, not guessed: the platform's table varies, and these are what media elements take.
_SUFFIX_TYPES = {
    ".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".gif": "image/gif",
    ".webp": "image/webp", ".svg": "image/svg+xml", ".bmp": "image/bmp", ".ico": "image/x-icon",
    ".avif": "image/avif", ".mp3": "audio/mpeg", ".wav": "audio/wav", ".ogg": "audio/ogg",
    ".oga": "audio/ogg", ".m4a": "audio/mp4", ".flac": "audio/flac", ".mp4": "video/mp4",
    ".webm": "video/webm", ".ogv": "video/ogg", ".mov": "video/quicktime", ".vtt": "text/vtt",
    ".pdf": "application/pdf", ".txt": "text/plain", ".csv": "text/csv", ".json": "application/json",
    ".html": "text/html", ".htm": "text/html", ".zip": "application/zip",
}
_TYPE_SUFFIXES = {"image/jpeg": ".jpg", "audio/mpeg": ".mp3", "audio/wav": ".wav", "audio/x-wav": ".wav",
                  "video/mp4": ".mp4", "text/plain": ".txt", "image/svg+xml": ".svg", "audio/ogg": ".ogg",
                  "video/ogg": ".ogv", "application/octet-stream": ".bin"}
_SIGNATURES = (
    (b"\x89PNG\r\n\x1a\n", "image/png"), (b"\xff\xd8\xff", "image/jpeg"), (b"GIF87a", "image/gif"),
    (b"GIF89a", "image/gif"), (b"BM", "image/bmp"), (b"%PDF-", "application/pdf"), (b"ID3", "audio/mpeg"),
    (b"\xff\xfb", "audio/mpeg"), (b"\xff\xf3", "audio/mpeg"), (b"OggS", "audio/ogg"), (b"fLaC", "audio/flac"),
    (b"\x1a\x45\xdf\xa3", "video/webm"), (b"WEBVTT", "text/vtt"), (b"PK\x03\x04", "application/zip"),
)


def sniff_mimetype(data: bytes, name: str = "") -> str | None:
    """The type the bytes are, by their first bytes (then by ``name``'s suffix), or None."""
    for signature, mime in _SIGNATURES:
        if data.startswith(signature):
            return mime
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    if data[:4] == b"RIFF" and data[8:12] == b"WAVE":
        return "audio/wav"
    if data[4:8] == b"ftyp":
        return "audio/mp4" if data[8:11] == b"M4A" else "video/mp4"
    head = data[:512].lstrip().lower()
    if head.startswith(b"<svg") or (head.startswith(b"<?xml") and b"<svg" in head):
        return "image/svg+xml"
    return mimetype_of_name(name) if name else None


def mimetype_of_name(name: str) -> str | None:
    suffix = os.path.splitext(str(name))[1].lower()
    return _SUFFIX_TYPES.get(suffix) or mimetypes.guess_type(str(name))[0]


def suffix_of(mimetype: str) -> str:
    mimetype = mimetype.split(";", 1)[0].strip().lower()
    suffix = _TYPE_SUFFIXES.get(mimetype) or mimetypes.guess_extension(mimetype) or ""
    return suffix if re.fullmatch(r"\.[a-z0-9]{1,8}", suffix) else ""


def is_url(text: str, schemes: tuple[str, ...] = ("http", "https", "data")) -> bool:
    return bool(re.match(rf"(?i)({'|'.join(schemes)}):", text.strip())) and "\n" not in text.strip()


@dataclass
class MediaFile:
    """One file a session serves: bytes in memory, or a path on disk."""

    id: str
    mimetype: str
    data: bytes | None = None
    path: Path | None = None
    file_name: str | None = None      # a download's name (Content-Disposition)
    download: bool = False
    places: set[tuple] = field(default_factory=set)
    # A deferred file: called off the script thread each time the URL is loaded, for (bytes, type).
    produce: Callable[[], tuple[bytes, str]] | None = None

    @property
    def size(self) -> int:
        if self.data is not None:
            return len(self.data)
        try:
            return self.path.stat().st_size if self.path is not None else 0
        except OSError:
            return 0


@dataclass(frozen=True)
class MediaCopy:
    """A file an element showed, kept with a recording of it (picklable: bytes or a path), so
    that a replay, in any session, serves it again under a URL of that session's."""

    url: str
    data: bytes | Path
    mimetype: str
    file_name: str | None = None
    download: bool = False


def _replaced(value: Any, urls: dict[str, str]) -> Any:
    if isinstance(value, str):
        return urls.get(value, value)
    if isinstance(value, dict):
        return {key: _replaced(item, urls) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_replaced(item, urls) for item in value]
    return value


class MediaIndex:
    """The App's stores by token, for the media route; a store leaves when its session ends."""

    def __init__(self, prefix: str = "", max_media_mb: float = 200.0):
        self.prefix = prefix.rstrip("/")
        self.max_media_mb = max_media_mb
        self._stores: weakref.WeakValueDictionary[str, MediaStore] = weakref.WeakValueDictionary()

    def new_store(self) -> MediaStore:
        store = MediaStore(self)
        self._stores[store.token] = store
        return store

    def find(self, media_id: str) -> MediaFile | None:
        """The file ``media_id`` names, or None (unknown, malformed, or its session ended)."""
        match = ID.fullmatch(media_id)
        store = self._stores.get(match.group(1)) if match else None
        return store.get(media_id) if store is not None else None

    def drop(self, store: MediaStore) -> None:
        if self._stores.get(store.token) is store:
            del self._stores[store.token]


class MediaStore:
    """A session's media files, by id, and the places on the page that show each."""

    def __init__(self, index: MediaIndex | None = None):
        self.index = index or MediaIndex()
        self.token = secrets.token_hex(8)
        self._files: dict[str, MediaFile] = {}
        self._at: dict[tuple, set[str]] = {}        # place -> ids the element there shows
        self._pending: dict[tuple, set[str]] = {}   # place -> ids added for the element drawn next there
        self._own: set[tuple] = set()               # places a plugin named (st.logo's): no element's
        self._lock = threading.Lock()
        self.bytes_held = 0

    def __len__(self) -> int:
        return len(self._files)

    def get(self, media_id: str) -> MediaFile | None:
        return self._files.get(media_id)

    def url(self, media_id: str) -> str:
        return f"{self.index.prefix}/_appcore/media/{media_id}"

    # -- adding ------------------------------------------------------------------------

    def add(self, data: bytes | Path | Callable[[], tuple[bytes, str]], mimetype: str, place: tuple, *,
            commit: bool = False, file_name: str | None = None, download: bool = False) -> str:
        """Hold ``data`` for the element drawn next at ``place`` (``commit``: for ``place``
        from now on); return its URL. A callable is deferred: its id is its place's."""
        produce = data if callable(data) else None
        if produce is not None:
            digest = blake2b(repr(place).encode(), digest_size=12)
            data = b""
        elif isinstance(data, Path):
            stat = data.stat()
            digest = blake2b(f"{data.resolve()}\0{stat.st_mtime_ns}\0{stat.st_size}".encode(), digest_size=12)
        else:
            digest = blake2b(bytes(data), digest_size=12)
        digest.update(f"\0{mimetype}\0{file_name}\0{download}".encode())
        media_id = f"{self.token}-{digest.hexdigest()}{suffix_of(mimetype)}"
        with self._lock:
            if media_id not in self._files:
                size = len(data) if isinstance(data, (bytes, bytearray)) else 0
                limit = self.index.max_media_mb * MEGABYTE
                if size and self.bytes_held + size > limit:
                    raise AppcoreAPIError(
                        f"This session's media would hold {(self.bytes_held + size) / MEGABYTE:.1f} MB, more than "
                        f"[server] max_media_mb ({self.index.max_media_mb:g} MB) allows. Pass a file path (served "
                        "from disk, not held in memory), or raise max_media_mb in .appcore/config.toml.")
                self._files[media_id] = MediaFile(
                    media_id, mimetype, data=bytes(data) if size or not isinstance(data, Path) else None,
                    path=data if isinstance(data, Path) else None, file_name=file_name, download=download)
                self.bytes_held += size
            if produce is not None:
                self._files[media_id].produce = produce  # this run's function, at the same URL
            if commit:
                self._own.add(place)
                self._place_locked(place, {media_id} | self._pending.pop(place, set()))
            else:
                self._pending.setdefault(place, set()).add(media_id)
        return self.url(media_id)

    # -- recordings (st.cache_data's replay) -------------------------------------------

    def copies_at(self, place: tuple) -> tuple[MediaCopy, ...]:
        """The files the element at ``place`` shows, to keep with a recording of it (a
        deferred file is made by a function and is not kept)."""
        with self._lock:
            files = [self._files[media_id] for media_id in sorted(self._at.get(place, ()))]
        return tuple(MediaCopy(self.url(f.id), f.path if f.path is not None else f.data or b"", f.mimetype,
                               f.file_name, f.download) for f in files if f.produce is None)

    def restore(self, copies: tuple[MediaCopy, ...], place: tuple, props: dict[str, Any]) -> dict[str, Any]:
        """Serve recorded files again for the element about to be drawn at ``place``; return
        its props with their URLs."""
        urls = {copy.url: self.add(copy.data, copy.mimetype, place, file_name=copy.file_name,
                                   download=copy.download) for copy in copies}
        return _replaced(props, urls)

    # -- what the page shows -----------------------------------------------------------

    def drawn(self, place: tuple, props: Any) -> None:
        """An element was drawn at ``place``: it shows the files added for it whose URLs its
        props hold (another element drawn there first, an exception, takes none), nothing else."""
        if not self._at and not self._pending:
            return  # the common case, every element of a page without media
        with self._lock:
            pending = self._pending.get(place)
            if pending:
                encoded = orjson.dumps(props, default=str, option=orjson.OPT_NON_STR_KEYS).decode()
                ids = {media_id for media_id in pending if media_id in encoded}
                pending -= ids
                if not pending:
                    del self._pending[place]
            else:
                ids = set()
            if ids or place in self._at:
                self._place_locked(place, ids)

    def prune(self, scope: tuple, produced: set[tuple]) -> None:
        """After a run: the places inside ``scope`` it did not draw left the page."""
        if not self._at:
            return
        n = len(scope)
        with self._lock:
            for place in [p for p in self._at if len(p) > n and p[:n] == scope and p not in produced
                          and p not in self._own]:
                self._place_locked(place, set())

    def forget(self, path: tuple) -> None:
        """The browser dropped ``path`` and what is inside it by itself (a dismissed dialog)."""
        if self._at:
            self.prune(path[:-1], {p for p in self._at if p[:len(path)] != path})

    def run_ended(self) -> None:
        """Files added for elements that were never drawn (the call failed between) go."""
        with self._lock:
            pending, self._pending = self._pending, {}
            for ids in pending.values():
                for media_id in ids:
                    self._release_if_unused(media_id)

    def clear(self) -> None:
        with self._lock:
            self._files.clear()
            self._at.clear()
            self._pending.clear()
            self._own.clear()
            self.bytes_held = 0
        self.index.drop(self)

    def _place_locked(self, place: tuple, ids: set[str]) -> None:
        old = self._at.pop(place, set())
        if ids:
            self._at[place] = ids
        for media_id in ids:
            self._files[media_id].places.add(place)
        for media_id in old - ids:
            file = self._files.get(media_id)
            if file is not None:
                file.places.discard(place)
                self._release_if_unused(media_id)

    def _release_if_unused(self, media_id: str) -> None:
        file = self._files.get(media_id)
        if file is None or file.places or any(media_id in ids for ids in self._pending.values()):
            return
        del self._files[media_id]
        if file.data is not None:
            self.bytes_held -= len(file.data)


# -- the plugin's call -------------------------------------------------------------------

def read_data(data: Any) -> bytes | Path:
    """Bytes, or the path of a file to serve from disk, from what a media call takes."""
    if isinstance(data, (bytes, bytearray, memoryview)):
        return bytes(data)
    if isinstance(data, (str, os.PathLike)):
        path = Path(os.path.expanduser(os.fspath(data)))
        if not path.is_file():
            raise AppcoreAPIError(f"Error opening '{os.fspath(data)}': no such file. Pass a path to a file, a URL, or the bytes.")
        return path
    if isinstance(data, io.TextIOBase):
        return data.read().encode("utf-8")
    if hasattr(data, "getvalue"):
        return bytes(data.getvalue())
    if hasattr(data, "read"):
        if hasattr(data, "seek"):
            data.seek(0)
        read = data.read()
        return read.encode("utf-8") if isinstance(read, str) else bytes(read)
    raise AppcoreAPIError(f"Invalid binary data format: {type(data)}")


def media_url(data: Any, mimetype: str | None = None, *, file_name: str | None = None, download: bool = False,
              place: tuple | None = None) -> str:
    """The URL the page loads ``data`` from (docs/plugins.md, "Media").

    ``data``: a URL string (returned as it is), a file path (served from disk), bytes or
    a file-like object, or a function (deferred: called off the script thread each time
    the URL is loaded; it returns ``(bytes, mimetype)``). ``mimetype``: what it is; None
    sniffs it from the bytes or the name. It is served for the element drawn next at the
    current place, or for ``place``.
    """
    from .context import current_run
    from .elements import next_place

    if isinstance(data, str) and is_url(data):
        return data
    content = data if callable(data) else read_data(data)
    if mimetype is None and not callable(content):
        if isinstance(content, Path):
            mimetype = mimetype_of_name(content.name)
        else:
            name = getattr(data, "name", "")
            mimetype = sniff_mimetype(content, file_name or (name if isinstance(name, str) else ""))
    run = current_run()
    store: MediaStore = run.session.media
    if place is None:
        return store.add(content, mimetype or "application/octet-stream", next_place(), file_name=file_name,
                         download=download)
    return store.add(content, mimetype or "application/octet-stream", place, commit=True, file_name=file_name,
                     download=download)
