"""The aiohttp adapter: routes, static files and the websocket onto runtime sessions."""
from __future__ import annotations

import asyncio
import json
import logging
import mimetypes
import weakref
from collections.abc import AsyncIterator, Awaitable, Callable
from importlib import resources
from pathlib import Path, PurePosixPath
from typing import Any

from aiohttp import web
from aiohttp.http import WSCloseCode, WSMsgType  # not `from aiohttp`: see core/server_half.py

from .. import runtime
from ..app import App, asset_name
from ..config import Config
from ..runtime.run import STOPPED_BY_SESSION
from ..runtime.services import ClientInfo
from ..runtime.session import BadMessage, Session
from .door import Connections, HostCheck, Refused, RejectionLog, clip, decode_frame, summary
from .media import media_routes
from .uploads import upload_routes

log = logging.getLogger("appcore.server")

SOCKETS_KEY = web.AppKey("appcore_sockets", weakref.WeakSet)
STATIC_KEY = web.AppKey("appcore_static", dict)
EXPIRY_KEY = web.AppKey("appcore_expiry", dict)
# Bytes held by each session in its grace period, in the order their tabs went away.
FOOTPRINT_KEY = web.AppKey("appcore_footprints", dict)
INDEX_KEY = web.AppKey("appcore_index_html", str)
HELD_KEY = web.AppKey("appcore_held_files", dict)
HEALTH_PATH_KEY = web.AppKey("appcore_health_path", str)
HOSTS_KEY = web.AppKey("appcore_host_check", HostCheck)
CONNECTIONS_KEY = web.AppKey("appcore_connections", Connections)
# Refused connections and requests, server-wide: one line each, then a summary per interval.
REFUSALS_KEY = web.AppKey("appcore_refusals", RejectionLog)


class Readiness:
    """What /_appcore/health tells a balancer: "ok", or "draining" (503)."""

    __slots__ = ("state",)

    def __init__(self, state: str = "ok") -> None:
        self.state = state


class AppArrival:
    """The App a web app serves. ``appcore run`` listens before it builds the App, so that the
    plugins load while the browser fetches the page: until the App arrives, what needs it waits."""

    __slots__ = ("app", "_arrived")

    def __init__(self) -> None:
        self.app: App | None = None
        self._arrived = asyncio.Event()

    def arrive(self, app: App) -> None:
        self.app = app
        self._arrived.set()

    def fail(self) -> None:
        """The App could not be built (the process is about to exit): the waiting requests get 503."""
        self._arrived.set()

    async def wait(self) -> App:
        if self.app is None:
            await self._arrived.wait()
        if self.app is None:
            raise web.HTTPServiceUnavailable(text="The app failed to start.\n")
        return self.app


READY_KEY = web.AppKey("appcore_readiness", Readiness)
ARRIVAL_KEY = web.AppKey("appcore_app", AppArrival)
CONFIG_KEY = web.AppKey("appcore_config", Config)

IMMUTABLE = {"Cache-Control": "public, max-age=31536000, immutable"}
# A file served under its content hash never changes: up to this size it is held in
# memory once served, which spares every later tab (and the first page) a file round trip.
HELD_FILE_LIMIT = 1_000_000

# What any file route may serve: what a frontend loads, never Python source, an editor's
# backup (app.py~, app.py.bak), a config or key file. A name's last suffix decides.
FRONTEND_SUFFIXES = frozenset({
    ".html", ".htm", ".js", ".mjs", ".css", ".json", ".map", ".wasm",
    ".svg", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".ico", ".bmp",
    ".woff", ".woff2", ".ttf", ".otf", ".eot",
    ".mp3", ".mp4", ".webm", ".ogg", ".oga", ".ogv", ".wav", ".m4a", ".flac", ".vtt",
})

# Said, not guessed: the platform's mimetypes table varies (.mjs, .wasm, .map, .woff2).
CONTENT_TYPES = {
    ".html": "text/html", ".htm": "text/html", ".js": "text/javascript", ".mjs": "text/javascript",
    ".css": "text/css", ".json": "application/json", ".map": "application/json",
    ".wasm": "application/wasm", ".svg": "image/svg+xml", ".png": "image/png", ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg", ".gif": "image/gif", ".webp": "image/webp", ".avif": "image/avif",
    ".ico": "image/x-icon", ".bmp": "image/bmp", ".woff": "font/woff", ".woff2": "font/woff2",
    ".ttf": "font/ttf", ".otf": "font/otf", ".eot": "application/vnd.ms-fontobject",
    ".mp3": "audio/mpeg", ".mp4": "video/mp4", ".webm": "video/webm", ".ogg": "audio/ogg",
    ".oga": "audio/ogg", ".ogv": "video/ogg", ".wav": "audio/wav", ".m4a": "audio/mp4",
    ".flac": "audio/flac", ".vtt": "text/vtt",
}
assert set(CONTENT_TYPES) == FRONTEND_SUFFIXES

TRANSPORT_SLACK = 1_000_000

# Close codes a refused socket gets (RFC 6455 section 7.4.1), with a reason the browser sees.
POLICY = WSCloseCode.POLICY_VIOLATION    # 1008: no hello in time, or a first message that is not one
TRY_LATER = WSCloseCode.TRY_AGAIN_LATER  # 1013: too many sockets from this address, or sessions in all


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


# What runtime.js imports by relative path: the page preloads it, and its import map sends the
# plain URL to the hashed one (vendored .mjs files are otherwise loaded, and hashed, on first use).
RUNTIME_IMPORTS = ("vendor/htm/standalone.mjs",)


def build_static_index(root: Path) -> dict[str, Path]:
    """Hashed name -> file, for every runtime file (served immutable)."""
    paths = [path for path in root.rglob("*") if path.is_file() and path.suffix in (".js", ".css", ".svg", ".woff2")]
    paths += [root / name for name in RUNTIME_IMPORTS]
    return {str(path.relative_to(root).with_name(asset_name(path))): path for path in paths}


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


def servable(root: Path, name: str) -> Path | None:
    """``safe_child`` held to what a frontend loads: no dot-file or dot-folder, asked for
    or reached through a link, and only the suffixes in ``FRONTEND_SUFFIXES``."""
    if any(part.startswith(".") for part in PurePosixPath(name.replace("\\", "/")).parts):
        return None
    path = safe_child(root, name)
    if path is None or path.suffix.lower() not in FRONTEND_SUFFIXES:
        return None
    if any(part.startswith(".") for part in path.relative_to(root.resolve()).parts):
        return None
    return path


def request_scheme(request: web.Request) -> str:
    """The scheme the page was loaded over: a TLS-terminating proxy says so in X-Forwarded-Proto
    (a page's script cannot set that header on a websocket, so it cannot forge it)."""
    forwarded = request.headers.get("X-Forwarded-Proto", "").split(",")[0].strip().lower()
    return forwarded if forwarded in ("http", "https") else request.scheme


@web.middleware
def check_host(request: web.Request,
               handler: Callable[[web.Request], Awaitable[web.StreamResponse]]) -> Awaitable[web.StreamResponse]:
    """Every route but liveness answers only to this server's own names (DNS rebinding):
    a page served from evil.example, whose name now points here, gets 400, not the app.

    A plain function handing back the handler's own awaitable, not a coroutine awaiting it:
    an open websocket would otherwise hold this frame for as long as its tab stays (600 bytes)."""
    if request.path == request.app[HEALTH_PATH_KEY] or request.app[HOSTS_KEY].host_allowed(request.host):
        return handler(request)
    request.app[REFUSALS_KEY].refused("refused a request for %s from %s: Host %s is not allowed "
                                      "(set [server] allowed_hosts to serve it)",
                                      clip(request.path, 80), request.remote, clip(request.host, 80))
    return _answered(web.Response(status=400, text="Host not allowed. Set [server] allowed_hosts to serve it.\n"))


async def _answered(response: web.StreamResponse) -> web.StreamResponse:
    return response


async def _no_sniffing(request: web.Request, response: web.StreamResponse) -> None:
    # A file is what its suffix says: a browser must not guess a script out of an image.
    if isinstance(response, web.WebSocketResponse):
        return  # no body to sniff, and the header would live as long as the socket
    response.headers.setdefault("X-Content-Type-Options", "nosniff")


def build_web_app(app: App) -> web.Application:
    """The web app serving ``app`` (tests and in-process servers, whose App exists already)."""
    web_app = web_app_for(app.config)
    attach_app(web_app, app)
    return web_app


def web_app_for(config: Config) -> web.Application:
    """The web app before its App: health, the page and the runtime's files answer at once; the
    websocket, the plugins' files and routes wait for ``attach_app``."""
    server = config.server
    web_app = web.Application(client_max_size=int(server.max_message_mb * 1_000_000),
                              middlewares=[check_host])
    web_app[CONFIG_KEY] = config
    web_app[ARRIVAL_KEY] = AppArrival()
    web_app[HOSTS_KEY] = HostCheck(server.address, tuple(server.allowed_hosts), tuple(server.allowed_origins))
    web_app[CONNECTIONS_KEY] = Connections(server.max_connections_per_ip)
    web_app[REFUSALS_KEY] = RejectionLog(log)
    web_app[SOCKETS_KEY] = weakref.WeakSet()
    web_app[READY_KEY] = Readiness()
    web_app[EXPIRY_KEY] = {}
    web_app[FOOTPRINT_KEY] = {}
    web_app[HELD_KEY] = {}
    root = frontend_dir()
    web_app[STATIC_KEY] = build_static_index(root)
    web_app[INDEX_KEY] = render_index(config, web_app[STATIC_KEY])
    prefix = server.base_url_path.rstrip("/")
    web_app[HEALTH_PATH_KEY] = f"{prefix}/_appcore/health"
    web_app.add_routes([
        web.get(f"{prefix}/_appcore/health", health),
        web.get(f"{prefix}/_appcore/plugins.json", plugins_json),
        web.get(f"{prefix}/_appcore/stream", stream),
        web.get(f"{prefix}/_appcore/static/{{name:.+}}", static_file),
        web.get(f"{prefix}/_appcore/plugins/{{plugin}}/{{name:.+}}", plugin_file),
        web.get(f"{prefix}/_appcore/components/{{component}}/{{name:.+}}", component_file),
        *upload_routes(prefix),
        *media_routes(prefix),
        web.get(f"{prefix}/", index),
    ])
    plugin_routes = web_app[PLUGIN_ROUTES_KEY] = PluginRoutes(prefix, web_app[ARRIVAL_KEY])
    web_app.router.register_resource(plugin_routes)
    web_app.router.add_get(f"{prefix}/{{page_path:.*}}", index)  # a page's own URL
    web_app.cleanup_ctx.append(_lifecycle)
    web_app.on_shutdown.append(_close_sockets)
    web_app.on_response_prepare.append(_no_sniffing)
    return web_app


def attach_app(web_app: web.Application, app: App) -> None:
    """The App has been built: its plugins' routes join the web app, and what waited for it goes on
    (on the event loop's thread)."""
    prefix = web_app[CONFIG_KEY].server.base_url_path.rstrip("/")
    routes = [_under(prefix, route) for contribution in app.pm.hook.appcore_register_routes(app=app)
              for route in contribution or []]
    web_app[PLUGIN_ROUTES_KEY].add(routes)
    web_app[ARRIVAL_KEY].arrive(app)


def app_of(web_app: web.Application) -> App:
    """The App, where it has arrived (past ``arrived``)."""
    app = web_app[ARRIVAL_KEY].app
    assert app is not None, "the App has not arrived"
    return app


async def arrived(request: web.Request) -> App:
    """The App, waiting for it while ``appcore run`` is still building it."""
    return await request.app[ARRIVAL_KEY].wait()


class PluginRoutes(web.AbstractResource):
    """The plugins' routes (``appcore_register_routes``), which exist once the App is built: the
    server listens before that, and aiohttp's router is frozen once it listens. They come after the
    core's routes and the root page, before the pages' own URLs; a request for one of those waits
    for the App."""

    def __init__(self, prefix: str, arrival: AppArrival) -> None:
        super().__init__()
        self._prefix = prefix
        self._arrival = arrival
        self._router = web.UrlDispatcher()

    def add(self, routes: list[web.AbstractRouteDef]) -> None:
        self._router.add_routes(routes)
        self._router.freeze()

    @property
    def canonical(self) -> str:
        return self._prefix or "/"  # indexed with the pages' URLs, and tried before them

    def url_for(self, **kwargs: str) -> Any:
        raise RuntimeError("the plugins' routes have no URL of their own")

    def add_prefix(self, prefix: str) -> None:
        raise RuntimeError("the plugins' routes are not mounted under another app")

    def get_info(self) -> dict[str, Any]:
        return {"prefix": self._prefix, "routes": len(self)}

    def raw_match(self, path: str) -> bool:
        return False

    async def resolve(self, request: web.Request) -> tuple[Any, set[str]]:
        try:
            await self._arrival.wait()
        except web.HTTPServiceUnavailable:
            return None, set()
        match = await self._router.resolve(request)
        error = match.http_exception
        if error is None:
            return match, set()
        return None, set(getattr(error, "allowed_methods", ()))

    def __len__(self) -> int:
        return len(self._router.routes())

    def __iter__(self) -> Any:
        return iter(self._router.routes())


PLUGIN_ROUTES_KEY = web.AppKey("appcore_plugin_routes", PluginRoutes)


async def _lifecycle(web_app: web.Application) -> AsyncIterator[None]:
    # Hot reload is `appcore run`'s (core/cli.py): it starts watching once the server listens.
    runtime.server_started()  # streamlit.runtime.exists() is True while a server serves
    yield
    runtime.server_stopped()
    for handle in web_app[EXPIRY_KEY].values():
        handle.cancel()
    app = web_app[ARRIVAL_KEY].app
    if app is not None:
        for session in list(app.sessions.values()):
            app.close_session(session)


async def _close_sockets(web_app: web.Application) -> None:
    for ws in list(web_app[SOCKETS_KEY]):
        await ws.close(code=WSCloseCode.GOING_AWAY, message=b"server shutdown")


# -- HTTP -----------------------------------------------------------------------------


async def health(request: web.Request) -> web.Response:
    """Readiness, for anyone: 200 ``{"ok": true}`` while the process takes sessions (from the moment
    it listens), 503 while it drains; the session count only with ``[server] expose_details``."""
    app = request.app[ARRIVAL_KEY].app
    state = request.app[READY_KEY].state
    body: dict[str, Any] = {"ok": state == "ok", "status": state}
    if request.app[CONFIG_KEY].server.expose_details:
        body["sessions"] = len(app.sessions) if app is not None else 0
    return web.json_response(body, status=200 if state == "ok" else 503, headers={"Cache-Control": "no-store"})


async def drain(web_app: web.Application) -> None:
    """SIGTERM: take no new session, give running scripts ``[server] drain_seconds`` to end, stop
    the rest, and hand every session's last state to the session store (waiting for it to be
    written, if the store can say). The caller then closes the sockets with 1001 (GOING_AWAY), and
    the tabs reconnect to another process, which resumes them from the store."""
    web_app[READY_KEY].state = "draining"
    app = web_app[ARRIVAL_KEY].app
    if app is None:  # still starting: no session yet
        return
    loop = asyncio.get_running_loop()
    sessions = list(app.sessions.values())
    log.info("draining: %d sessions, %d running a script", len(sessions), sum(s.running for s in sessions))
    deadline = loop.time() + app.config.server.drain_seconds
    # A tab that is watching sees its run end; a run nobody watches is stopped at once.
    while any(s.running and s.connected for s in sessions) and loop.time() < deadline:
        await asyncio.sleep(0.02)
    stopped = [s for s in sessions if s.running and s.stop(STOPPED_BY_SESSION)]
    if stopped:
        log.warning("draining: stopped %d runs still going after [server] drain_seconds = %g s",
                    len(stopped), app.config.server.drain_seconds)
        deadline = loop.time() + 2.0
        while any(s.running for s in stopped) and loop.time() < deadline:
            await asyncio.sleep(0.02)
    for session in sessions:
        try:
            session.save()
        except Exception:
            log.exception("session %s: the session store failed to save", session.id)
    flush = getattr(app.session_store, "flush", None)
    if callable(flush):
        if not await loop.run_in_executor(None, flush, 5.0):
            log.warning("draining: the session store did not take every session's last state in 5 s")


async def plugins_json(request: web.Request) -> web.Response:
    """What is installed, versions and all: only with ``[server] expose_details``."""
    app = await arrived(request)
    if not app.config.server.expose_details:
        raise web.HTTPNotFound()
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


def render_index(config: Config, static_index: dict[str, Path]) -> str:
    prefix = config.server.base_url_path.rstrip("/")
    by_name = {str(path.relative_to(frontend_dir())): hashed for hashed, path in static_index.items()}
    static = f"{prefix}/_appcore/static"
    imports = {
        "appcore": f"{static}/{by_name['runtime.js']}",
        **{f"{static}/{name}": f"{static}/{by_name[name]}" for name in RUNTIME_IMPORTS},
    }
    preloads = "".join(f'\n  <link rel="modulepreload" href="{static}/{by_name[name]}">' for name in RUNTIME_IMPORTS)
    template = (frontend_dir() / "index.html").read_text(encoding="utf-8")
    theme = config.theme
    return (template
            .replace("{{importmap}}", json.dumps({"imports": imports}))
            .replace("{{css}}", f"{static}/{by_name['style.css']}")
            .replace("{{preloads}}", preloads)
            .replace("{{runtime}}", imports["appcore"])
            .replace("{{connect}}", (frontend_dir() / "connect.js").read_text(encoding="utf-8"))
            .replace("{{prefix}}", prefix)
            .replace("{{theme}}", theme.base)
            .replace("{{primary}}", theme.primary_color))


async def static_file(request: web.Request) -> web.StreamResponse:
    name = request.match_info["name"]
    path = request.app[STATIC_KEY].get(name)
    if path is not None:
        return _immutable(request, ("static", name), path)
    # Files a stylesheet names by relative URL (a vendored library's fonts) keep their plain names.
    path = servable(frontend_dir(), name)
    if path is None or path.suffix == ".html":  # the shell is served at the page routes
        raise web.HTTPNotFound()
    return _file(path, "no-cache")


async def plugin_file(request: web.Request) -> web.StreamResponse:
    app = await arrived(request)
    plugin = request.match_info["plugin"]
    name = request.match_info["name"]
    held = request.app[HELD_KEY].get(("plugin", plugin, name))
    if held is not None:
        return web.Response(body=held[0], content_type=held[1], headers=IMMUTABLE)
    dirs = app.plugin_asset_dirs.get(plugin, ())
    for root in dirs:
        path = servable(root, name)
        if path is not None:
            return _file(path, "no-cache")
        unhashed = _unhash(name)
        path = servable(root, unhashed) if unhashed else None
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
                return _file(path, IMMUTABLE["Cache-Control"])
            body = path.read_bytes()
        except OSError:
            raise web.HTTPNotFound() from None
        entry = held[key] = (body, _content_type(path))
    return web.Response(body=entry[0], content_type=entry[1], headers=IMMUTABLE)


async def component_file(request: web.Request) -> web.StreamResponse:
    """A component's frontend files (its iframe's content): what a frontend loads, nothing else."""
    app = await arrived(request)
    name = request.match_info["component"]
    folder = app.components.get(name) or app.pm.hook.appcore_resolve_component(app=app, name=name)
    name = request.match_info["name"]
    path = servable(folder, name) if folder is not None else None
    if path is None:
        raise web.HTTPNotFound()
    return _file(path, "no-cache" if path.suffix == ".html" else "public, max-age=3600")


def _content_type(path: Path) -> str:
    return CONTENT_TYPES.get(path.suffix.lower()) or mimetypes.guess_type(path.name)[0] or "application/octet-stream"


def _file(path: Path, cache: str) -> web.FileResponse:
    return web.FileResponse(path, headers={"Cache-Control": cache, "Content-Type": _content_type(path)})


def _unhash(name: str) -> str | None:
    stem, _, rest = name.rpartition("/")[2].partition(".")
    digest, _, suffix = rest.partition(".")
    if len(digest) == 10 and suffix and all(c in "0123456789abcdef" for c in digest):
        folder = name.rpartition("/")[0]
        return f"{folder}/{stem}.{suffix}" if folder else f"{stem}.{suffix}"
    return None


# -- the websocket ---------------------------------------------------------------------


async def stream(request: web.Request) -> web.StreamResponse:
    # The handshake does not wait for the App (`appcore run` may still be building it): the tab's
    # hello is on its way meanwhile, and _hello waits for the App.
    server = request.app[CONFIG_KEY].server
    refusals = request.app[REFUSALS_KEY]
    origin = request.headers.get("Origin")
    if not request.app[HOSTS_KEY].origin_allowed(origin, request.host, request_scheme(request)):
        refusals.refused("refused a websocket from origin %s (Host %s): not this page's origin "
                         "nor in [server] allowed_origins", clip(origin or "", 120), clip(request.host, 80))
        raise web.HTTPForbidden(text="origin not allowed")
    limit = int(server.max_message_mb * 1_000_000)
    # The transport refuses a frame more than TRANSPORT_SLACK over the limit by its header,
    # before reading it, and closes (1009); up to there we refuse it and the socket goes on.
    ws = web.WebSocketResponse(max_msg_size=limit + TRANSPORT_SLACK, heartbeat=20, compress=False)
    try:
        await ws.prepare(request)
    except (ConnectionError, asyncio.CancelledError) as error:
        log.info("a client at %s left during the websocket handshake (%s)", request.remote,
                 type(error).__name__)
        if isinstance(error, asyncio.CancelledError):
            raise
        return ws
    ip = request.remote or "?"
    connections = request.app[CONNECTIONS_KEY]
    if not connections.enter(ip):
        refusals.refused("refused a websocket from %s: it has %d open, the most [server] "
                         "max_connections_per_ip allows", ip, connections.per_ip)
        await ws.close(code=TRY_LATER, message=b"too many connections from this address")
        return ws
    sockets = request.app[SOCKETS_KEY]
    sockets.add(ws)
    client = WebClient(ws, asyncio.get_running_loop())
    session: Session | None = None
    rejections = RejectionLog(log)
    try:
        session = await _hello(request, ws, client, limit, rejections)
        if session is None:
            return ws
        async for msg in ws:
            data = _message(msg, limit, session, rejections)
            if data is _NOTHING:
                continue
            try:
                session.handle_message(data)
            except BadMessage as error:
                _reject(rejections, session, msg.data, str(error))
            except Exception:  # a plugin's handler failed: log it, keep the tab
                log.exception("session %s: handling a %s message failed", session.id,
                              clip(repr(data.get("t")), 60))
    finally:
        rejections.flush()
        connections.leave(ip)
        sockets.discard(ws)
        client.close()
        if session is not None:
            app_of(request.app).close_tab(session, client)  # a session means the App arrived
            _expire_later(request.app, session)
    return ws


_NOTHING = object()


def _message(msg: Any, limit: int, session: Session | None, rejections: RejectionLog) -> Any:
    """A frame's decoded message, or ``_NOTHING`` for a frame refused (and logged) or not data."""
    if msg.type == WSMsgType.BINARY:
        _reject(rejections, session, msg.data, "binary frames are not part of the protocol")
        return _NOTHING
    if msg.type == WSMsgType.ERROR:  # the transport gave up on the socket: a frame far over the limit
        rejections.refused("session %s: closed the socket: %s", session.id if session else "(none yet)",
                           clip(str(msg.data), 200))
        return _NOTHING
    if msg.type != WSMsgType.TEXT:
        return _NOTHING
    try:
        return decode_frame(msg.data, limit)
    except Refused as error:
        _reject(rejections, session, msg.data, str(error))
        return _NOTHING


async def _hello(request: web.Request, ws: web.WebSocketResponse, client: WebClient, limit: int,
                 rejections: RejectionLog) -> Session | None:
    """The first frame must be a hello, within ``[server] hello_timeout_seconds``: then the
    tab's session. Anything else closes the socket, without a session."""
    timeout = request.app[CONFIG_KEY].server.hello_timeout_seconds
    try:
        msg = await ws.receive(timeout=timeout)
    except asyncio.TimeoutError:
        request.app[REFUSALS_KEY].refused("closed a websocket from %s: no hello within %g s",
                                          request.remote, timeout)
        await ws.close(code=POLICY, message=b"no hello in time")
        return None
    if msg.type in (WSMsgType.CLOSE, WSMsgType.CLOSING, WSMsgType.CLOSED, WSMsgType.ERROR):
        return None
    hello = _message(msg, limit, None, rejections)
    if hello is _NOTHING or not isinstance(hello, dict) or hello.get("t") != "hello":
        if hello is not _NOTHING:
            _reject(rejections, None, msg.data, "the first message must be a hello; closing the socket")
        await ws.close(code=POLICY, message=b"the first message must be a hello")
        return None
    try:
        app = await arrived(request)
    except web.HTTPServiceUnavailable:  # the App failed to build: the server is stopping
        await ws.close(code=TRY_LATER, message=b"the app failed to start")
        return None
    if request.app[READY_KEY].state == "draining":  # no new session here: the tab goes to another process
        await ws.close(code=WSCloseCode.GOING_AWAY, message=b"the server is draining")
        return None
    if not _room_for(request.app, hello):
        request.app[REFUSALS_KEY].refused("refused a session to %s: %d sessions are open, the most "
                                          "[server] max_sessions allows", request.remote,
                                          len(app.sessions))
        await ws.close(code=TRY_LATER, message=b"the server has as many sessions as it may hold")
        return None
    return _open_session(request, client, hello)


def _room_for(web_app: web.Application, hello: dict[str, Any]) -> bool:
    """A hello may have a session: it resumes a waiting one, or there is room, or the tab that
    went away longest ago makes room (its grace period ends early)."""
    app = app_of(web_app)
    wanted = hello.get("session")
    resumable = app.sessions.get(wanted) if isinstance(wanted, str) else None
    if resumable is not None and not resumable.connected:
        return True
    expiry = web_app[EXPIRY_KEY]
    while len(app.sessions) >= app.config.server.max_sessions:
        if not expiry:
            return False
        _expire_now(web_app, next(iter(expiry)))
    return True


def _expire_now(web_app: web.Application, session_id: str) -> None:
    """End a waiting session's grace period early."""
    handle = web_app[EXPIRY_KEY].pop(session_id, None)
    if handle is not None:
        handle.cancel()
    web_app[FOOTPRINT_KEY].pop(session_id, None)
    app = app_of(web_app)
    session = app.sessions.get(session_id)
    if session is not None:
        app.expire(session)


def _keep_within_budget(web_app: web.Application) -> None:
    """Waiting sessions hold at most ``[server] disconnected_sessions_mb``: the one whose tab
    went away longest ago goes first."""
    footprints = web_app[FOOTPRINT_KEY]
    budget = app_of(web_app).config.server.disconnected_sessions_mb * 1024 * 1024
    held = sum(footprints.values())
    while footprints and held > budget:
        oldest, size = next(iter(footprints.items()))
        log.info("session %s: grace period ended early: sessions whose tab went away hold %.1f MB, "
                 "more than [server] disconnected_sessions_mb (%g)", oldest, held / 1048576,
                 budget / 1048576)
        held -= size
        _expire_now(web_app, oldest)


def _reject(rejections: RejectionLog, session: Session | None, frame: str | bytes, reason: str) -> None:
    rejections.refused("session %s: rejected a message (%s): %s",
                       session.id if session else "(none yet)", summary(frame), clip(reason))


def _connection_info(request: web.Request) -> ClientInfo:
    """What the upgrade request says of the tab, for ``st.context`` (no IP for loopback, as Streamlit)."""
    remote = request.remote
    return ClientInfo(headers=tuple(request.headers.items()), cookies=dict(request.cookies),
                      ip_address=None if remote in ("127.0.0.1", "::1") else remote)


def _open_session(request: web.Request, client: WebClient, hello: Any) -> Session:
    """The hello names the tab's session, if it had one: the App resumes it or starts one."""
    session = app_of(request.app).open_tab(client, hello, connection=_connection_info(request))
    handle = request.app[EXPIRY_KEY].pop(session.id, None)
    if handle is not None:
        handle.cancel()
    request.app[FOOTPRINT_KEY].pop(session.id, None)
    return session


def _expire_later(web_app: web.Application, session: Session) -> None:
    app = app_of(web_app)
    expiry = web_app[EXPIRY_KEY]

    def expire() -> None:
        expiry.pop(session.id, None)
        web_app[FOOTPRINT_KEY].pop(session.id, None)
        app.expire(session)

    old = expiry.pop(session.id, None)
    if old is not None:
        old.cancel()
    expiry[session.id] = asyncio.get_running_loop().call_later(app.config.server.session_grace_seconds, expire)
    if session.id in app.sessions and not session.connected:
        web_app[FOOTPRINT_KEY].pop(session.id, None)  # to the end: it went away last
        web_app[FOOTPRINT_KEY][session.id] = session.footprint()
        _keep_within_budget(web_app)
