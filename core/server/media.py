"""``GET /_appcore/media/{id}``: a file a session's elements show (core/runtime/media.py).

Bytes are served from memory, a path from disk; both answer HTTP range requests
(``Range: bytes=a-b``), so a browser can seek in a video before it has loaded it all.
An id the App does not hold (never added, let go, its session ended) is 404. A
download carries ``Content-Disposition: attachment`` with its file name. A type a
browser would run as a page (HTML, SVG, XML) gets ``Content-Security-Policy: sandbox``:
opened on its own, it runs no script with this origin's rights.
"""
from __future__ import annotations

import asyncio
import logging
import re
from urllib.parse import quote

from aiohttp import web

from ..runtime.media import MediaFile, MediaIndex

log = logging.getLogger("appcore.server")

ACTIVE_TYPES = ("text/html", "application/xhtml+xml", "image/svg+xml", "text/xml", "application/xml")
# An id names the same bytes for as long as it is served (a content digest).
CACHE = "private, max-age=31536000, immutable"
_RANGE = re.compile(r"bytes=(\d*)-(\d*)")


def media_headers(file: MediaFile, mimetype: str) -> dict[str, str]:
    headers = {"Cache-Control": "no-store" if file.produce else CACHE, "Accept-Ranges": "bytes"}
    if mimetype.split(";", 1)[0].strip().lower() in ACTIVE_TYPES:
        headers["Content-Security-Policy"] = "sandbox"
    if file.download:
        name = file.file_name or "download"
        plain = re.sub(r'[^\x20-\x7e]|["\\]', "_", name)
        headers["Content-Disposition"] = f"attachment; filename=\"{plain}\"; filename*=UTF-8''{quote(name, safe='')}"
    return headers


def byte_range(header: str | None, size: int) -> tuple[int, int] | None | bool:
    """``(start, end)`` (end exclusive) of one satisfiable range; None for no range (or
    several, answered whole); False for a range past the end (416)."""
    if not header:
        return None
    match = _RANGE.fullmatch(header.strip())
    if match is None:
        return None
    first, last = match.groups()
    if not first and not last:
        return None
    if not first:  # the last N bytes
        count = int(last)
        return (max(size - count, 0), size) if count and size else False
    start = int(first)
    end = min(int(last) + 1, size) if last else size
    if start >= size or end <= start:
        return False
    return start, end


async def media_file(request: web.Request) -> web.StreamResponse:
    from . import arrived  # the package imports this module before it defines it

    index: MediaIndex = (await arrived(request)).services.media
    file = index.find(request.match_info["name"])
    if file is None:
        raise web.HTTPNotFound(text="No such media file: it was never served here, or its session has ended.\n")
    mimetype, data = file.mimetype, file.data or b""
    if file.produce is not None:
        try:  # the app's own function: off the event loop, as a run's code is
            data, mimetype = await asyncio.get_running_loop().run_in_executor(None, file.produce)
        except Exception as error:
            log.warning("a deferred download's function raised %s: %s", type(error).__name__, error)
            raise web.HTTPInternalServerError(text=f"The download could not be made: {type(error).__name__}: "
                                                   f"{error}\n") from None
    headers = media_headers(file, mimetype)
    if file.path is not None:
        if not file.path.is_file():
            raise web.HTTPNotFound()
        return web.FileResponse(file.path, headers={**headers, "Content-Type": mimetype})
    wanted = byte_range(request.headers.get("Range"), len(data))
    if wanted is False:
        return web.Response(status=416, headers={**headers, "Content-Range": f"bytes */{len(data)}"})
    if wanted is None:
        return web.Response(body=data, headers={**headers, "Content-Type": mimetype})
    start, end = wanted
    return web.Response(status=206, body=data[start:end], headers={
        **headers, "Content-Type": mimetype, "Content-Range": f"bytes {start}-{end - 1}/{len(data)}"})


def media_routes(prefix: str) -> list[web.RouteDef]:
    return [web.get(f"{prefix}/_appcore/media/{{name}}", media_file)]
