"""The aiohttp adapter: routes, static files and the websocket onto runtime sessions."""
from __future__ import annotations

import asyncio
import json
import logging
import mimetypes
import weakref
from collections.abc import AsyncIterator
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from aiohttp import WSCloseCode, WSMsgType, web

from .. import runtime
from ..app import App, asset_name
from ..runtime.services import ClientInfo
from ..runtime.session import BadMessage, Session

log = logging.getLogger("appcore.server")

APP_KEY = web.AppKey("appcore_app", App)
SOCKETS_KEY = web.AppKey("appcore_sockets", weakref.WeakSet)
STATIC_KEY = web.AppKey("appcore_static", dict)
EXPIRY_KEY = web.AppKey("appcore_expiry", dict)
INDEX_KEY = web.AppKey("appcore_index_html", str)
HELD_KEY = web.AppKey("appcore_held_files", dict)

IMMUTABLE = {"Cache-Control": "public, max-age=31536000, immutable"}
# A file served under its content hash never changes: up to this size it is held in
# memory once served, which spares every later tab (and the first page) a file round trip.
HELD_FILE_LIMIT = 1_000_000

# What a plugin's folder may serve: its frontend, never its Python source.
FRONTEND_SUFFIXES = {".js", ".mjs", ".css", ".svg", ".png", ".jpg", ".gif", ".webp", ".woff", ".woff2", ".map"}

TRANSPORT_SLACK = 1_000_000

LOCAL_HOSTS = {"localhost", "127.0.0.1", "0.0.0.0", "[::1]", "::1"}


def frontend_dir() -> Path:
    return Path(str(resources.files("appcore.frontend")))


class WebClient:
    """A session's browser end over one websocket.

    Frames go out in order through one queue, drained by a task that lives only
    while there is something to send: an idle tab holds no task, no frame.
    """

    __slots__ = ("ws", "loop", "_frames", "_sender")

    def __init__(self, ws: web.WebSocketResponse, loop: asyncio.AbstractEventLoop):
        self.ws = ws
        self.loop = loop
        self._frames: list[str] = []
        self._sender: asyncio.Task[None] | None = None

    def wake(self, session: Session) -> None:
        self.loop.call_soon_threadsafe(session.flush)

    def deliver(self, frame: str) -> None:
        """Queue a frame; called on the event loop (``session.flush`` runs there)."""
        self._frames.append(frame)
        if self._sender is None:
            self._sender = self.loop.create_task(self._send())

    async def _send(self) -> None:
        try:
            while self._frames and not self.ws.closed:
                frames, self._frames = self._frames, []
                for frame in frames:
                    await self.ws.send_str(frame)
        except (ConnectionError, RuntimeError):
            self._frames = []
        finally:
            self._sender = None

    def close(self) -> None:
        """The socket is gone: drop what was not sent."""
        self._frames = []
        if self._sender is not None:
            self._sender.cancel()
            self._sender = None


def _under(prefix: str, route: web.AbstractRouteDef) -> web.AbstractRouteDef:
    """A plugin's route, mounted under the app's URL prefix."""
    if not prefix:
        return route
    if isinstance(route, web.RouteDef):
        return web.RouteDef(route.method, prefix + route.path, route.handler, route.kwargs)
    if isinstance(route, web.StaticDef):
        return web.StaticDef(prefix + route.prefix, route.path, route.kwargs)
    raise TypeError(f"a plugin route must be a RouteDef or StaticDef, got {type(route).__name__}")


def build_static_index(root: Path) -> dict[str, Path]:
    """Hashed name -> file, for every runtime file (served immutable)."""
    index: dict[str, Path] = {}
    for path in root.rglob("*"):
        if path.is_file() and path.suffix in (".js", ".css", ".svg", ".woff2"):
            rel = path.relative_to(root)
            index[str(rel.with_name(asset_name(path)))] = path
    return index


def safe_child(root: Path, name: str) -> Path | None:
    """``root/name`` if it is a file inside root: no '..', no absolute path, no symlink escape."""
    if not name or name.startswith(("/", "\\")) or "\x00" in name:
        return None
    try:
        root = root.resolve()
        candidate = (root / name).resolve()
    except (OSError, ValueError):
        return None
    if not candidate.is_relative_to(root) or not candidate.is_file():
        return None
    return candidate


def origin_allowed(request: web.Request, allowed: list[str]) -> bool:
    origin = request.headers.get("Origin")
    if origin is None:
        return True  # not a browser (tests, tools): browsers always send Origin
    if origin in allowed or "*" in allowed:
        return True
    parts = urlsplit(origin)
    host = request.host
    if parts.netloc == host:
        return True
    served = host.rsplit(":", 1)[0]
    return parts.hostname in LOCAL_HOSTS and served in LOCAL_HOSTS


def build_web_app(app: App) -> web.Application:
    web_app = web.Application(client_max_size=int(app.config.server.max_message_mb * 1_000_000))
    web_app[APP_KEY] = app
    web_app[SOCKETS_KEY] = weakref.WeakSet()
    web_app[EXPIRY_KEY] = {}
    web_app[HELD_KEY] = {}
    root = frontend_dir()
    web_app[STATIC_KEY] = build_static_index(root)
    web_app[INDEX_KEY] = render_index(app, web_app[STATIC_KEY])
    prefix = app.config.server.base_url_path.rstrip("/")
    routes = [
        web.get(f"{prefix}/_appcore/health", health),
        web.get(f"{prefix}/_appcore/plugins.json", plugins_json),
        web.get(f"{prefix}/_appcore/stream", stream),
        web.get(f"{prefix}/_appcore/static/{{name:.+}}", static_file),
        web.get(f"{prefix}/_appcore/plugins/{{plugin}}/{{name:.+}}", plugin_file),
        web.get(f"{prefix}/_appcore/components/{{component}}/{{name:.+}}", component_file),
    ]
    for contribution in app.pm.hook.appcore_register_routes(app=app):
        routes.extend(_under(prefix, route) for route in contribution or [])
    routes += [web.get(f"{prefix}/", index), web.get(f"{prefix}/{{page_path:.*}}", index)]
    web_app.add_routes(routes)
    web_app.cleanup_ctx.append(_lifecycle)
    web_app.on_shutdown.append(_close_sockets)
    return web_app


async def _lifecycle(web_app: web.Application) -> AsyncIterator[None]:
    # Hot reload is `appcore run`'s (core/cli.py): it starts watching once the server listens.
    app = web_app[APP_KEY]
    runtime.server_started()  # streamlit.runtime.exists() is True while a server serves
    yield
    runtime.server_stopped()
    for handle in web_app[EXPIRY_KEY].values():
        handle.cancel()
    for session in list(app.sessions.values()):
        app.close_session(session)


async def _close_sockets(web_app: web.Application) -> None:
    for ws in list(web_app[SOCKETS_KEY]):
        await ws.close(code=WSCloseCode.GOING_AWAY, message=b"server shutdown")


# -- HTTP -----------------------------------------------------------------------------


async def health(request: web.Request) -> web.Response:
    app = request.app[APP_KEY]
    return web.json_response({"status": "ok", "sessions": len(app.sessions)})


async def plugins_json(request: web.Request) -> web.Response:
    app = request.app[APP_KEY]
    return web.json_response([
        {"name": p.name, "distribution": p.distribution, "version": p.version,
         "hooks": p.hooks, "error": p.error}
        for p in app.plugin_infos
    ])


async def index(request: web.Request) -> web.Response:
    if request.match_info.get("page_path", "").startswith("_appcore/"):
        raise web.HTTPNotFound()  # the framework's own prefix is never a page
    return web.Response(text=request.app[INDEX_KEY], content_type="text/html",
                        headers={"Cache-Control": "no-cache"})


def render_index(app: App, static_index: dict[str, Path]) -> str:
    prefix = app.config.server.base_url_path.rstrip("/")
    by_name = {str(path.relative_to(frontend_dir())): hashed for hashed, path in static_index.items()}
    imports = {
        "appcore": f"{prefix}/_appcore/static/{by_name['runtime.js']}",
    }
    template = (frontend_dir() / "index.html").read_text(encoding="utf-8")
    theme = app.config.theme
    return (template
            .replace("{{importmap}}", json.dumps({"imports": imports}))
            .replace("{{css}}", f"{prefix}/_appcore/static/{by_name['style.css']}")
            .replace("{{runtime}}", imports["appcore"])
            .replace("{{prefix}}", prefix)
            .replace("{{theme}}", theme.base)
            .replace("{{primary}}", theme.primary_color))


async def static_file(request: web.Request) -> web.StreamResponse:
    name = request.match_info["name"]
    path = request.app[STATIC_KEY].get(name)
    if path is not None:
        return _immutable(request, ("static", name), path)
    # Files a stylesheet names by relative URL (a vendored library's fonts) keep their plain names.
    path = safe_child(frontend_dir(), name)
    if path is None or path.suffix not in FRONTEND_SUFFIXES:
        raise web.HTTPNotFound()
    return web.FileResponse(path, headers={"Cache-Control": "no-cache"})


async def plugin_file(request: web.Request) -> web.StreamResponse:
    app = request.app[APP_KEY]
    plugin = request.match_info["plugin"]
    name = request.match_info["name"]
    held = request.app[HELD_KEY].get(("plugin", plugin, name))
    if held is not None:
        return web.Response(body=held[0], content_type=held[1], headers=IMMUTABLE)
    dirs = app.plugin_asset_dirs.get(plugin, ())
    if Path(name).suffix not in FRONTEND_SUFFIXES:
        raise web.HTTPNotFound()
    for root in dirs:
        path = safe_child(root, name)
        if path is not None:
            return web.FileResponse(path, headers={"Cache-Control": "no-cache"})
        unhashed = _unhash(name)
        path = safe_child(root, unhashed) if unhashed else None
        # Cacheable forever only under the hash of what it is now.
        if path is not None and asset_name(path) == name.rpartition("/")[2]:
            return _immutable(request, ("plugin", plugin, name), path)
    raise web.HTTPNotFound()


def _immutable(request: web.Request, key: tuple, path: Path) -> web.StreamResponse:
    """A file under its content hash: from memory once read, unless it is large."""
    held = request.app[HELD_KEY]
    entry = held.get(key)
    if entry is None:
        try:
            if path.stat().st_size > HELD_FILE_LIMIT:
                return web.FileResponse(path, headers=IMMUTABLE)
            body = path.read_bytes()
        except OSError:
            raise web.HTTPNotFound() from None
        entry = held[key] = (body, mimetypes.guess_type(path.name)[0] or "application/octet-stream")
    return web.Response(body=entry[0], content_type=entry[1], headers=IMMUTABLE)


async def component_file(request: web.Request) -> web.StreamResponse:
    """A component's frontend files (its iframe's content): anything in its folder but Python."""
    folder = request.app[APP_KEY].components.get(request.match_info["component"])
    name = request.match_info["name"]
    path = safe_child(folder, name) if folder is not None else None
    if path is None or path.suffix in (".py", ".pyc"):
        raise web.HTTPNotFound()
    cache = "no-cache" if path.suffix == ".html" else "public, max-age=3600"
    return web.FileResponse(path, headers={"Cache-Control": cache})


def _unhash(name: str) -> str | None:
    stem, _, rest = name.rpartition("/")[2].partition(".")
    digest, _, suffix = rest.partition(".")
    if len(digest) == 10 and suffix and all(c in "0123456789abcdef" for c in digest):
        folder = name.rpartition("/")[0]
        return f"{folder}/{stem}.{suffix}" if folder else f"{stem}.{suffix}"
    return None


# -- the websocket ---------------------------------------------------------------------


async def stream(request: web.Request) -> web.StreamResponse:
    app = request.app[APP_KEY]
    if not origin_allowed(request, app.config.server.allowed_origins):
        log.warning("refused a websocket from origin %s", request.headers.get("Origin"))
        raise web.HTTPForbidden(text="origin not allowed")
    limit = int(app.config.server.max_message_mb * 1_000_000)
    # The transport stops reading only far past the limit; up to there, an oversize
    # frame is refused by us and the socket goes on.
    ws = web.WebSocketResponse(max_msg_size=limit + TRANSPORT_SLACK, heartbeat=20, compress=False)
    await ws.prepare(request)
    sockets = request.app[SOCKETS_KEY]
    sockets.add(ws)
    client = WebClient(ws, asyncio.get_running_loop())
    session: Session | None = None
    try:
        async for msg in ws:
            if msg.type != WSMsgType.TEXT:
                if msg.type == WSMsgType.BINARY:
                    _reject(session, "binary frames are not part of the protocol")
                continue
            if len(msg.data) > limit:
                _reject(session, f"message of {len(msg.data)} bytes is over the {limit}-byte limit")
                continue
            try:
                data = json.loads(msg.data)
            except (ValueError, RecursionError) as error:
                _reject(session, f"not JSON: {type(error).__name__}: {error}")
                continue
            if session is None:
                session = _open_session(request, client, data)
                continue
            try:
                session.handle_message(data)
            except BadMessage as error:
                _reject(session, str(error))
            except Exception:  # a plugin's handler failed: log it, keep the tab
                log.exception("session %s: handling a %r message failed", session.id, data.get("t"))
    finally:
        sockets.discard(ws)
        client.close()
        if session is not None:
            request.app[APP_KEY].close_tab(session, client)
            _expire_later(request.app, session)
    return ws


def _reject(session: Session | None, reason: str) -> None:
    log.warning("session %s: rejected a message: %s", session.id if session else "(none yet)", reason)


def _connection_info(request: web.Request) -> ClientInfo:
    """What the upgrade request says of the tab, for ``st.context`` (no IP for loopback, as Streamlit)."""
    remote = request.remote
    return ClientInfo(headers=tuple(request.headers.items()), cookies=dict(request.cookies),
                      ip_address=None if remote in ("127.0.0.1", "::1") else remote)


def _open_session(request: web.Request, client: WebClient, hello: Any) -> Session:
    """The first message names the tab's session, if it had one: the App resumes it or starts one."""
    if not isinstance(hello, dict) or hello.get("t") != "hello":
        _reject(None, "the first message must be a hello")
        hello = {}
    session = request.app[APP_KEY].open_tab(client, hello, connection=_connection_info(request))
    handle = request.app[EXPIRY_KEY].pop(session.id, None)
    if handle is not None:
        handle.cancel()
    return session


def _expire_later(web_app: web.Application, session: Session) -> None:
    app = web_app[APP_KEY]
    expiry = web_app[EXPIRY_KEY]

    def expire() -> None:
        expiry.pop(session.id, None)
        app.expire(session)

    old = expiry.pop(session.id, None)
    if old is not None:
        old.cancel()
    expiry[session.id] = asyncio.get_running_loop().call_later(app.config.server.session_grace_seconds, expire)
