"""An App: one script, its plugin manager and registries, and its sessions.

Nothing here is global: two Apps in one process have separate plugins,
registries and sessions.
"""
from __future__ import annotations

import ast
import dataclasses
import hashlib
import logging
import os
import re
import sys
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping
from functools import cached_property
from pathlib import Path
from types import MappingProxyType
from typing import Any

from .config import Config
from .plugins import PluginInfo, load_plugin_manager
from .facade import missing_name_message
from .runtime.elements import ElementType
from .runtime.magic import add_magic
from .runtime.media import MediaIndex
from .runtime.pages import Navigation, PageEntry
from .runtime.pages import open_tab as open_page
from .runtime.run import CompileError
from .runtime.services import ClientInfo, Services
from .runtime.session import Client, RerunRequest, Session

log = logging.getLogger("appcore.app")


class PluginConflict(Exception):
    pass


# Client message types the core handles itself.
CORE_MESSAGES = frozenset({"hello", "widget", "rerun", "stop", "navigate"})


class App:
    def __init__(
        self,
        script_path: str | os.PathLike[str],
        config: Config | None = None,
        *,
        plugins: Iterable[Any] = (),
        disable_plugins: Iterable[str] = (),
        autoload_plugins: bool | None = None,
    ):
        self.script_path = str(Path(script_path).resolve())
        self.app_dir = Path(self.script_path).parent
        self.config = config or Config.load(self.app_dir)
        disable = {*self.config.plugins.disable, *disable_plugins}
        if autoload_plugins is None:
            autoload_plugins = not os.environ.get("APPCORE_DISABLE_PLUGIN_AUTOLOAD")
        self.pm, self.plugin_infos = load_plugin_manager(disable, plugins, autoload_plugins)
        self.disabled_plugins = frozenset(disable)
        self.element_types = self._collect_element_types()
        self.api_owners: dict[str, str] = {}
        self.api = MappingProxyType(self._collect_api())
        self.client_events = MappingProxyType(self._collect_client_events())
        self.components = MappingProxyType(self._collect_components())
        self.navigation_calls = frozenset(
            name for names in self.pm.hook.appcore_register_navigation_calls(app=self) for name in names or ())
        self.sessions: dict[str, Session] = {}
        self.session_store = self.pm.hook.appcore_resolve_session_store(app=self)
        self._code_cache: dict[str, tuple[tuple[int, int], Any]] = {}
        self._code_lock = threading.Lock()
        self.services = Services(
            hooks=self.pm.hook,
            api=self.api,
            client_events=self.client_events,
            compile=self.compile_script,
            store=self.session_store,
            hello=MappingProxyType({
                "elements": self.element_urls,
                "imports": self.element_imports,
                "theme": self.config.theme.for_browser(),
            }),
            missing_api=lambda name: missing_name_message(name, self.disabled_plugins),
            max_run_seconds=self.config.runner.max_run_seconds,
            max_upload_mb=self.config.server.max_upload_mb,
            media=MediaIndex(self.config.server.base_url_path, self.config.server.max_media_mb),
            pages=self.static_pages,
        )
        self._pages: tuple[Navigation | None] | None = None  # resolved once, again after a file change
        self._navigates: tuple[tuple[int, int], bool] | None = None
        if str(self.app_dir) not in sys.path:
            sys.path.insert(0, str(self.app_dir))


    @property
    def plugin_infos_by_name(self) -> dict[str, PluginInfo]:
        return {info.name: info for info in self.plugin_infos}

    # -- registries (frozen after start-up) -------------------------------------------

    def _contributions(self, hook_name: str) -> Iterator[tuple[str, Any]]:
        """``(plugin name, contribution)`` of each plugin, called through pluggy one plugin at
        a time, so that a conflict can name both plugins."""
        caller = getattr(self.pm.hook, hook_name)
        plugins = [impl.plugin for impl in caller.get_hookimpls()]  # in the order they were registered
        for plugin in plugins:
            others = [p for p in plugins if p is not plugin]
            for contribution in self.pm.subset_hook_caller(hook_name, others)(app=self):
                yield self.pm.get_name(plugin) or "?", contribution

    def _collect(self, hook_name: str, what: Callable[[str], str],
                 reserved: frozenset[str] = frozenset()) -> Iterator[tuple[str, str, Any]]:
        """Every ``(plugin, name, value)`` a register hook contributes, each name once."""
        owner: dict[str, str] = {}
        for plugin, contribution in self._contributions(hook_name):
            # Element types come as a list of ElementType, everything else as a mapping.
            items = (contribution.items() if isinstance(contribution, Mapping)
                     else ((element.name, element) for element in contribution or ()))
            for name, value in items:
                if name in reserved:
                    raise PluginConflict(f"{what(name)} is the core's own; plugin '{plugin}' cannot register it.")
                if name in owner:
                    raise PluginConflict(f"{what(name)} is registered twice: by plugin '{owner[name]}' "
                                         f"and by plugin '{plugin}'.")
                owner[name] = plugin
                yield plugin, name, value

    def _collect_element_types(self) -> MappingProxyType[str, ElementType]:
        types: dict[str, ElementType] = {}
        contributions = self._collect("appcore_register_elements", lambda name: f"Element type '{name}'")
        for plugin, name, element in contributions:
            module = element.module
            if module is not None and not Path(module).is_file():
                log.error("plugin '%s': the renderer %s of element type '%s' does not exist; "
                          "it will be drawn by the fallback renderer", plugin, module, name)
                module = None
            types[name] = ElementType(name, module, plugin, element.extra)
        return MappingProxyType(types)

    def _collect_api(self) -> dict[str, Any]:
        api: dict[str, Any] = {}
        for plugin, name, value in self._collect("appcore_register_api", lambda name: f"st.{name}"):
            api[name] = value
            self.api_owners[name] = plugin
        return api

    def _collect_components(self) -> dict[str, Path]:
        return {name: Path(folder).resolve() for _, name, folder in
                self._collect("appcore_register_components", lambda name: f"Component '{name}'")}

    def _collect_client_events(self) -> dict[str, Any]:
        return {kind: handler for _, kind, handler in
                self._collect("appcore_register_client_events", lambda kind: f"Client message type '{kind}'",
                              reserved=CORE_MESSAGES)}

    # -- scripts ------------------------------------------------------------------------

    def compile_script(self, path: str) -> Any:
        """The script's code object, compiled once per file version."""
        try:
            stat = os.stat(path)
        except OSError as error:
            raise CompileError(FileNotFoundError(f"The app script {path} cannot be read: {error.strerror}."))
        version = (stat.st_mtime_ns, stat.st_size)
        cached = self._code_cache.get(path)
        if cached is not None and cached[0] == version:
            return cached[1]
        with self._code_lock:
            try:
                with open(path, "rb") as f:
                    source = f.read()
                tree = add_magic(ast.parse(source, path))
                code = compile(tree, path, "exec", dont_inherit=True)
            except SyntaxError as error:
                raise CompileError(error) from None
            except (OSError, ValueError) as error:
                raise CompileError(error) from None
            self._code_cache[path] = (version, code)
            return code

    def forget_code(self) -> None:
        self._code_cache.clear()

    # -- pages (runtime/pages.py) ----------------------------------------------------------

    def static_pages(self) -> Navigation | None:
        """The pages a static source declares (``appcore_resolve_pages``), or None when the
        main script runs for every URL: no source has pages, or it calls ``st.navigation``."""
        if self._script_navigates():
            return None
        if self._pages is None:
            self.reload_pages()
        return self._pages[0] if self._pages else None

    def reload_pages(self) -> bool:
        """Ask the sources again (a file changed); returns whether the pages changed. A source
        that answers with an error and no pages keeps the last good pages, with the error."""
        before = self._pages[0] if self._pages else None
        try:
            found = self.pm.hook.appcore_resolve_pages(app=self)
        except Exception as error:  # a broken source must not take the app down
            log.exception("a page source failed")
            found = Navigation((), error=f"The app's pages could not be read: {error}")
        if found is not None and not found.pages:
            if before is not None and before.source != "error":
                found = dataclasses.replace(before, error=found.error)
            else:  # nothing good yet: the main script alone, with the error over it
                found = Navigation((PageEntry("", Path(self.script_path).stem, script=self.script_path,
                                              default=True),), position="hidden", source="error", error=found.error)
        self._pages = (found,)
        return found != before

    def _script_navigates(self) -> bool:
        """Whether the main script calls ``st.navigation`` or another plugin's navigation call
        (``appcore_register_navigation_calls``; read from its source, once per version): then
        it runs for every URL and the static sources are ignored, as Streamlit."""
        try:
            stat = os.stat(self.script_path)
        except OSError:
            return False
        version = (stat.st_mtime_ns, stat.st_size)
        if self._navigates is None or self._navigates[0] != version:
            try:
                tree = ast.parse(Path(self.script_path).read_bytes())
            except (SyntaxError, ValueError, OSError):
                calls = False
            else:
                # st.navigation(...), or navigation(...) imported by name
                names = self.navigation_calls
                calls = any(isinstance(node, ast.Call) and (
                    isinstance(node.func, ast.Attribute) and node.func.attr in names
                    or isinstance(node.func, ast.Name) and node.func.id in names)
                    for node in ast.walk(tree))
            self._navigates = (version, calls)
        return self._navigates[1]

    # -- sessions ----------------------------------------------------------------------

    def new_session(self, session_id: str | None = None, url_path: str = "") -> Session:
        """A new session; with the id of one another process saved, it resumes its state."""
        saved = self.session_store.load(session_id) if session_id else None
        session = Session(self.services, self.script_path, session_id if saved is not None else None)
        if saved is not None:
            session.restore(saved)
        session.url_path = url_path
        self.sessions[session.id] = session
        self.pm.hook.appcore_session_opened(session=session)
        return session

    def open_tab(self, client: Client, hello: Any, *, start: bool = True,
                 connection: ClientInfo | None = None) -> Session:
        """A tab said hello: resume the session it names, else start one, and run it.

        A tab whose session is connected elsewhere (a duplicated tab) gets its
        own session. Returns the session, attached to ``client``. A malformed
        hello (not an object, a non-string session or path) starts a fresh
        session at the main page. ``start=False`` leaves the first run to the
        caller (AppTest sets session_state before it).
        """
        if not isinstance(hello, dict):
            hello = {}
        url_path = hello.get("path") if isinstance(hello.get("path"), str) else "/"
        wanted = hello.get("session") if isinstance(hello.get("session"), str) else None
        session = self.sessions.get(wanted) if wanted is not None else None
        if session is None or session.connected:
            resumable = wanted if wanted is not None and wanted not in self.sessions else None
            session = self.new_session(resumable, url_path=url_path.lstrip("/"))
        session.client_info = _client_info(hello, connection or ClientInfo())
        open_page(session, hello)
        session.attach(client)
        if start:
            session.request_rerun(RerunRequest())
        return session

    def close_tab(self, session: Session, client: Client) -> None:
        """A tab went away; its session waits for the grace period (``expire``)."""
        session.detach(client)

    def expire(self, session: Session) -> None:
        """The grace period is over: drop the session unless a tab came back."""
        if not session.connected:
            self.close_session(session)

    def close_session(self, session: Session) -> None:
        if self.sessions.pop(session.id, None) is not None:
            session.close()
            self.pm.hook.appcore_session_closed(session=session)

    # Registries are frozen after start-up, so what is derived from them is computed once.

    @cached_property
    def element_urls(self) -> dict[str, str]:
        prefix = self.config.server.base_url_path.rstrip("/")
        return {
            name: f"{prefix}/_appcore/plugins/{t.plugin}/{asset_name(t.module)}"
            for name, t in self.element_types.items() if t.module is not None
        }

    @cached_property
    def element_imports(self) -> dict[str, list[str]]:
        """Element type -> what its module imports by "./" path, directly or through one another,
        relative to the module's URL: the browser fetches them together, not a level at a time."""
        direct: dict[str, list[str]] = {}
        imports = {name: relative_imports(Path(t.module), direct)
                   for name, t in self.element_types.items() if t.module is not None}
        return {name: found for name, found in imports.items() if found}

    @cached_property
    def plugin_asset_dirs(self) -> dict[str, set[Path]]:
        dirs: dict[str, set[Path]] = {}
        for t in self.element_types.values():
            if t.module is not None:
                dirs.setdefault(t.plugin, set()).add(Path(t.module).parent.resolve())
        return dirs


def _client_info(hello: dict[str, Any], connection: ClientInfo) -> ClientInfo:
    """The connection's facts plus what the tab's hello says of itself, each checked."""
    def text(name: str, limit: int = 2048) -> str | None:
        value = hello.get(name)
        return value if isinstance(value, str) and 0 < len(value) <= limit else None

    offset = hello.get("timezone_offset")
    if isinstance(offset, bool) or not isinstance(offset, int) or not -1440 <= offset <= 1440:
        offset = None
    theme = text("theme")
    return dataclasses.replace(connection, url=text("url"), locale=text("locale", 64),
                               timezone=text("timezone", 64), timezone_offset=offset,
                               theme=theme if theme in ("light", "dark") else None)


def content_hash(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()[:10]


# A static `import ... from "./x.js"`, `import "./x.js"` or `export ... from "./x.js"`.
_RELATIVE_IMPORT = re.compile(r"""^[ \t]*(?:import|export)\b[\w$*{},\s]*?(?:\bfrom\s*)?["'](\./[^"'\n]+)["']""", re.M)


def relative_imports(module: Path, direct: dict[str, list[str]] | None = None) -> list[str]:
    """The files a browser module imports by "./" path, transitively, as paths relative to its
    folder (posix); none outside that folder, and only files that exist. ``direct`` caches each
    file's own imports across calls (the modules of one plugin share their helpers)."""
    direct = {} if direct is None else direct
    root = os.path.dirname(os.path.abspath(module))
    start = os.path.abspath(module)
    found: dict[str, None] = {}
    pending = [start]
    while pending:
        current = pending.pop()
        targets = direct.get(current)
        if targets is None:
            try:
                with open(current, encoding="utf-8") as file:
                    source = file.read()
            except (OSError, UnicodeDecodeError):
                source = ""
            folder = os.path.dirname(current)
            targets = direct[current] = [
                target for spec in _RELATIVE_IMPORT.findall(source)
                if os.path.isfile(target := os.path.normpath(os.path.join(folder, spec)))]
        for target in targets:
            rel = os.path.relpath(target, root).replace(os.sep, "/")
            if target != start and not rel.startswith("../") and rel not in found:
                found[rel] = None
                pending.append(target)
    return list(found)


def asset_name(path: Path) -> str:
    """``button.js`` -> ``button.3f2a9c01de.js``: cacheable forever, busted on change."""
    path = Path(path)
    return f"{path.stem}.{content_hash(path)}{path.suffix}"
