"""While the first tab loads the page, import what the script's first run will import.

``appcore run`` listens first; on a thread of its own it builds the App, compiles the script,
lets the plugins prepare, and, once the App serves, imports the installed modules the script's
top-level import statements name (``import pandas
as pd``, ``from sklearn import tree``): the first run would import them anyway, with
the same effects, and doing it while the browser fetches the page and its modules
takes that time off the first paint. A name the app's own folder provides (its
``utils.py``, its ``pages/`` package) is left to the run, which puts that folder on
``sys.path``: importing an installed namesake first would shadow the app's own module.
"""
from __future__ import annotations

import ast
import importlib
import importlib.util
import logging
from pathlib import Path
from typing import Any

log = logging.getLogger("appcore")

ALREADY_SERVED = {"__future__", "appcore", "streamlit"}


def installed_imports(source: str, app_dir: Path) -> list[str]:
    """The modules a script's top-level statements import that are installed outside ``app_dir``."""
    try:
        tree = ast.parse(source)
    except (SyntaxError, ValueError):
        return []  # the run reports it
    names: list[str] = []
    for node in tree.body:
        if isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.append(node.module)
    wanted = []
    for name in dict.fromkeys(names):
        top = name.partition(".")[0]
        if top in ALREADY_SERVED or (app_dir / f"{top}.py").exists() or (app_dir / top).is_dir():
            continue
        try:
            found = importlib.util.find_spec(top) is not None
        except (ImportError, ValueError):
            found = False
        if found:
            wanted.append(name)
    return wanted


def warm_up(app: Any) -> None:
    """``prepare`` then ``import_modules`` (a thread's target)."""
    import_modules(prepare(app))


def prepare(app: Any) -> list[str]:
    """Compile the script and let the plugins prepare (``appcore_server_started``): the
    installed modules the script imports at its top are returned, to import next."""
    path = Path(app.script_path)
    try:
        app.compile_script(str(path))
        source = path.read_text(encoding="utf-8")
    except Exception:  # a script that cannot be read or compiled is reported by the run, in the page
        source = None
    _let_each_plugin_prepare(app)
    return [] if source is None else installed_imports(source, path.parent)


def import_modules(names: list[str]) -> None:
    for name in names:
        try:
            importlib.import_module(name)
        except BaseException as error:  # noqa: BLE001 (the run imports it again and shows what fails)
            log.debug("warm-up: importing %s failed: %r", name, error)


def _let_each_plugin_prepare(app: Any) -> None:
    """``appcore_server_started``, through pluggy a plugin at a time: one that fails is logged
    and stops no other (what it failed to build early, its first use builds, or reports)."""
    hook = "appcore_server_started"
    plugins = [impl.plugin for impl in getattr(app.pm.hook, hook).get_hookimpls()]
    for plugin in plugins:
        try:
            app.pm.subset_hook_caller(hook, [p for p in plugins if p is not plugin])(app=app)
        except Exception:
            log.exception("plugin '%s': %s failed", app.pm.get_name(plugin), hook)
