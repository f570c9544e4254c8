"""Hot reload: saving the app or a module under its folder reruns every open tab, and so
does a change of the app's pages (a file added to pages/, pages.toml edited): the page
sources are asked again and every open tab gets its new menu, its session state kept."""
from __future__ import annotations

import asyncio
import logging
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer

from .runtime.run import RerunRequest

if TYPE_CHECKING:
    from .app import App

log = logging.getLogger("appcore.watcher")

IGNORED_PARTS = {"site-packages", "dist-packages", "node_modules", "__pycache__", "venv", ".venv"}
DEBOUNCE_SECONDS = 0.05


class _Handler(FileSystemEventHandler):
    def __init__(self, app: App, loop: asyncio.AbstractEventLoop):
        self.app = app
        self.loop = loop
        self.scheduled: asyncio.TimerHandle | None = None
        self.source_changed = False

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.event_type in ("opened", "closed_no_write"):
            return
        paths = [Path(str(p)) for p in (event.src_path, getattr(event, "dest_path", "")) if p]
        source = not event.is_directory and any(_watched(p, self.app.app_dir) and self._is_source(p) for p in paths)
        # Any other change in the app's folder may change its pages (the sources decide, cheaply).
        if source or any(_maybe_pages(p, self.app.app_dir) for p in paths):
            self.loop.call_soon_threadsafe(self._debounce, source)

    def _is_source(self, path: Path) -> bool:
        """The app's script or a module it imported: other .py files in the folder
        (tests, scratch files) do not rerun the app."""
        if str(path) == self.app.script_path:
            return True
        loaded = {getattr(m, "__file__", None) for m in list(sys.modules.values())}
        return str(path) in loaded

    def _debounce(self, source: bool = True) -> None:
        self.source_changed = self.source_changed or source
        if self.scheduled is not None:
            self.scheduled.cancel()
        self.scheduled = self.loop.call_later(DEBOUNCE_SECONDS, self._reload)

    def _reload(self) -> None:
        self.scheduled = None
        source, self.source_changed = self.source_changed, False
        pages = self.app.reload_pages()
        if source or pages:
            reload_app(self.app)


def _maybe_pages(path: Path, root: Path) -> bool:
    try:
        rel = path.relative_to(root)
    except ValueError:
        return False
    return not any(part in IGNORED_PARTS for part in rel.parts) and rel.suffix != ".pyc"


def _watched(path: Path, root: Path) -> bool:
    if path.suffix != ".py":
        return False
    try:
        rel = path.relative_to(root)
    except ValueError:
        return False
    return not any(part.startswith(".") or part in IGNORED_PARTS for part in rel.parts)


def reload_app(app: App) -> None:
    """Forget compiled code and the app's own modules, then rerun every open tab."""
    app.forget_code()
    root = str(app.app_dir)
    for name, module in list(sys.modules.items()):
        file = getattr(module, "__file__", None) or ""
        if file.startswith(root) and not any(part in file for part in IGNORED_PARTS):
            del sys.modules[name]
    log.info("source changed: rerunning %d session(s)", len(app.sessions))
    for session in list(app.sessions.values()):
        if session.connected:
            session.request_rerun(RerunRequest())


def start_watching(app: App, loop: asyncio.AbstractEventLoop) -> Any:
    observer = Observer()
    observer.schedule(_Handler(app, loop), str(app.app_dir), recursive=True)
    observer.daemon = True
    observer.start()
    return observer
