"""An App: one script, its plugin manager and registries, and its sessions.

Nothing here is global: two Apps in one process have separate plugins,
registries and sessions.
"""
from __future__ import annotations

import ast
import hashlib
import logging
import os
import sys
import threading
from collections.abc import Iterable
from functools import cached_property
from pathlib import Path
from types import MappingProxyType
from typing import Any

from .config import Config
from .plugins import load_plugin_manager
from .runtime.elements import ElementType
from .runtime.magic import add_magic
from .runtime.run import CompileError
from .runtime.session import Session

log = logging.getLogger("appcore.app")


class PluginConflict(Exception):
    pass


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
        self.disabled_plugins = disable
        self.element_types = self._collect_element_types()
        self.api = MappingProxyType(self._collect_api())
        self.disabled_api = self._api_of_disabled_plugins()
        self.client_events = MappingProxyType(self._collect_client_events())
        self.components = MappingProxyType(self._collect_components())
        self.sessions: dict[str, Session] = {}
        self.session_store = self.pm.hook.appcore_resolve_session_store(app=self)
        self._code_cache: dict[str, tuple[tuple[int, int], Any]] = {}
        self._code_lock = threading.Lock()
        if str(self.app_dir) not in sys.path:
            sys.path.insert(0, str(self.app_dir))

    # -- registries (frozen after start-up) -------------------------------------------

    def _plugin_name(self, impl_plugin: Any) -> str:
        return self.pm.get_name(impl_plugin) or "?"

    def _collect_element_types(self) -> MappingProxyType[str, ElementType]:
        types: dict[str, ElementType] = {}
        owner: dict[str, str] = {}
        for impl in self.pm.hook.appcore_register_elements.get_hookimpls():
            plugin = self._plugin_name(impl.plugin)
            for element in impl.function() or []:
                if element.name in types:
                    raise PluginConflict(f"Element type '{element.name}' is registered twice: by "
                                         f"plugin '{owner[element.name]}' and by plugin '{plugin}'.")
                module = element.module
                if module is not None and not Path(module).is_file():
                    log.error("plugin '%s': the renderer %s of element type '%s' does not exist; "
                              "it will be drawn by the fallback renderer", plugin, module, element.name)
                    module = None
                types[element.name] = ElementType(element.name, module, plugin, element.extra)
                owner[element.name] = plugin
        return MappingProxyType(types)

    def _collect_api(self) -> dict[str, Any]:
        api: dict[str, Any] = {}
        owner: dict[str, str] = {}
        for impl in self.pm.hook.appcore_register_api.get_hookimpls():
            plugin = self._plugin_name(impl.plugin)
            for name, value in (impl.function() or {}).items():
                if name in api:
                    raise PluginConflict(f"st.{name} is registered twice: by plugin '{owner[name]}' "
                                         f"and by plugin '{plugin}'.")
                api[name] = value
                owner[name] = plugin
        return api

    def _api_of_disabled_plugins(self) -> dict[str, str]:
        names: dict[str, str] = {}
        for info in self.plugin_infos:
            contribute = getattr(info.module, "appcore_register_api", None)
            if info.error == "disabled" and contribute is not None:
                names.update(dict.fromkeys(contribute() or {}, info.name))
        return names

    def _collect_components(self) -> dict[str, Path]:
        folders: dict[str, Path] = {}
        for contribution in self.pm.hook.appcore_register_components():
            for name, folder in (contribution or {}).items():
                if name in folders:
                    raise PluginConflict(f"Component '{name}' is registered twice.")
                folders[name] = Path(folder).resolve()
        return folders

    def _collect_client_events(self) -> dict[str, Any]:
        events: dict[str, Any] = {}
        for contribution in self.pm.hook.appcore_register_client_events():
            for kind, handler in (contribution or {}).items():
                if kind in events or kind in ("widget", "rerun", "hello"):
                    raise PluginConflict(f"Client message type '{kind}' is handled twice.")
                events[kind] = handler
        return events

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

    # -- sessions ----------------------------------------------------------------------

    def new_session(self, session_id: str | None = None, url_path: str = "") -> Session:
        """A new session; with the id of one another process saved, it resumes its state."""
        saved = self.session_store.load(session_id) if session_id else None
        session = Session(self, self.script_path, session_id if saved is not None else None)
        if saved is not None:
            session.state.values.update(saved)
        session.url_path = url_path
        session.script_path = self.pm.hook.appcore_resolve_page(session=session, url_path=url_path)
        self.sessions[session.id] = session
        self.pm.hook.appcore_session_opened(session=session)
        return session

    def save_session(self, session: Session) -> None:
        if not getattr(self.session_store, "saves", True):
            return
        lost = self.session_store.save(session.id, session.state.values)
        if lost:
            log.warning("session %s: could not save %s (not picklable); a resumed tab will not have them",
                        session.id, ", ".join(sorted(lost)))

    def close_session(self, session: Session) -> None:
        if self.sessions.pop(session.id, None) is not None:
            session.close()
            self.pm.hook.appcore_session_closed(session=session)

    def session_hello(self, session: Session) -> dict[str, Any]:
        return {
            "t": "session",
            "id": session.id,
            "elements": self.element_urls,
            "theme": {"base": self.config.theme.base, "primary_color": self.config.theme.primary_color},
        }

    # Registries are frozen after start-up, so what is derived from them is computed once.

    @cached_property
    def element_urls(self) -> dict[str, str]:
        prefix = self.config.server.base_url_path.rstrip("/")
        return {
            name: f"{prefix}/_appcore/plugins/{t.plugin}/{asset_name(t.module)}"
            for name, t in self.element_types.items() if t.module is not None
        }

    @cached_property
    def plugin_asset_dirs(self) -> dict[str, set[Path]]:
        dirs: dict[str, set[Path]] = {}
        for t in self.element_types.values():
            if t.module is not None:
                dirs.setdefault(t.plugin, set()).add(Path(t.module).parent.resolve())
        return dirs


def content_hash(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()[:10]


def asset_name(path: Path) -> str:
    """``button.js`` -> ``button.3f2a9c01de.js``: cacheable forever, busted on change."""
    path = Path(path)
    return f"{path.stem}.{content_hash(path)}{path.suffix}"
