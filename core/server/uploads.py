"""``PUT /_appcore/upload/{session}/{file_id}``: one file for one widget of one session.

The request says which widget the file is for and its name in the query
(``?widget=<widget id>&name=<file name>``, both URL-encoded), its MIME type in
``Content-Type``, and carries the session's upload token in ``X-Appcore-Upload-Token``
(the session message gave it to that tab alone). The body is the file's bytes.

Checked in this order, each refusal one line in the server's bounded refusal log:
``Host`` (the door's middleware, 400), ``Origin`` when a browser sends one (403), the
session (404), the token (403), then the widget, the file id, the name's type (415) and
the declared ``Content-Length`` against the widget's cap (413), all before a byte of the
body is read; then the size again while streaming (413), so a body that lies about its
length is cut off at the cap. A refused request's connection is closed rather than
drained. The answer is JSON: ``{file_id, name, size, type}``, or ``{error}``.
"""
from __future__ import annotations

import re

from aiohttp import web

from ..runtime.uploads import UploadRefused
from .door import clip

TOKEN_HEADER = "X-Appcore-Upload-Token"
CHUNK_BYTES = 256 * 1024
_MIME = re.compile(r"[a-z0-9][a-z0-9!#$&^_.+-]{0,126}/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}")


def content_type(request: web.Request) -> str:
    """The file's MIME type as the browser said it, or "" when it said none (or nonsense)."""
    value = request.headers.get("Content-Type", "").split(";", 1)[0].strip().lower()
    return value if _MIME.fullmatch(value) else ""


async def upload_file(request: web.Request) -> web.StreamResponse:
    # The package imports this module before it defines its keys: look them up per request.
    from . import HOSTS_KEY, REFUSALS_KEY, arrived, request_scheme

    session_id = request.match_info["session"]
    file_id = request.match_info["file_id"]

    def refuse(status: int, reason: str) -> web.Response:
        request.app[REFUSALS_KEY].refused("refused an upload from %s to session %s: %s", request.remote,
                                          clip(session_id, 40), clip(reason, 200))
        response = web.json_response({"error": reason}, status=status, headers={"Cache-Control": "no-store"})
        response.force_close()  # the body may be unread: close instead of draining it
        return response

    # A page of another site must not put files into a session; a browser always says
    # where a cross-origin PUT comes from.
    origin = request.headers.get("Origin")
    if origin is not None and not request.app[HOSTS_KEY].origin_allowed(origin, request.host, request_scheme(request)):
        return refuse(403, f"Origin {clip(origin, 80)} is not allowed")
    session = (await arrived(request)).sessions.get(session_id)
    if session is None or session.closed:
        return refuse(404, "no such session")
    if not session.upload_token_matches(request.headers.get(TOKEN_HEADER)):
        return refuse(403, "the upload token is not this session's")
    widget_id = request.query.get("widget", "")
    name = request.query.get("name", "")
    try:
        upload = session.uploads.begin(widget_id, file_id, name, content_type(request), request.content_length)
    except UploadRefused as refused:
        return refuse(refused.status, str(refused))
    try:
        async for chunk in request.content.iter_chunked(CHUNK_BYTES):
            upload.write(chunk)
        record = upload.finish()
    except UploadRefused as refused:
        return refuse(refused.status, str(refused))
    finally:
        upload.abort()
    return web.json_response({"file_id": record.file_id, "name": record.name, "size": len(record.data),
                              "type": record.type}, headers={"Cache-Control": "no-store"})


def upload_routes(prefix: str) -> list[web.RouteDef]:
    return [web.put(f"{prefix}/_appcore/upload/{{session}}/{{file_id}}", upload_file)]
