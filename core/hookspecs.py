"""Every hook appcore offers. The set is the core's public API for plugins.

Four families (STYLE.md, and docs/plugins.md for the fourth):
- ``appcore_register_<things>``: contributions collected once at start-up; sync.
  Each may take ``app`` (the App being built; read its ``config``, don't keep it).
- ``appcore_<subject>_<past tense>``: notifications; return values are ignored.
- ``appcore_check_<thing>``: vetoes; every implementation is called and any
  may refuse by returning a message.
- ``appcore_resolve_<thing>``: decisions, first non-None result wins; the
  built-in default is ``trylast`` so any plugin can override it.

A hook implementation takes any subset of its spec's arguments, by name.
pluggy is synchronous: never make a hookimpl ``async def``.
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import pluggy

if TYPE_CHECKING:
    import argparse

    from aiohttp import web

    from .runtime.elements import ElementType
    from .runtime.pages import Navigation
    from .runtime.run import Run
    from .runtime.services import AppView, SessionStore
    from .runtime.session import Session
    from .runtime.widgets import Widget

hookspec = pluggy.HookspecMarker("appcore")
hookimpl = pluggy.HookimplMarker("appcore")


# -- start-up: contributions --------------------------------------------------


@hookspec
def appcore_register_elements(app: AppView) -> list[ElementType]:
    """Element types this plugin renders.

    Called once when the App starts. Return a list of ``ElementType``; each
    names its type, and the ES module the browser loads to draw it. Two
    plugins registering the same type name is a start-up error naming both.
    """


@hookspec
def appcore_register_api(app: AppView) -> dict[str, Any]:
    """Names this plugin adds to the ``appcore`` namespace (``st.<name>``).

    Called once when the App starts. Return ``{name: object}``; functions
    that draw elements are called with the current container as target, so
    ``st.sidebar.<name>(...)`` and ``with container:`` work for them with no
    extra code. Two plugins claiming one name is a start-up error.
    """


@hookspec
def appcore_register_components(app: AppView) -> dict[str, Path]:
    """Folders of component frontends, as ``{name: folder}``.

    Called once when the App starts. Each folder is served at
    ``/_appcore/components/<name>/<file>`` (the content of a component's
    iframe), path-safe; a name registered twice is a start-up error.
    """


@hookspec
def appcore_register_navigation_calls(app: AppView) -> list[str]:
    """Names of functions that declare the app's pages while the main script runs
    (``["navigation"]`` for ``st.navigation``, ``show_pages`` for st_pages' call).

    Called once when the App starts; the names of every plugin count. A main
    script that calls one of them by that name (``st.navigation(...)``,
    ``show_pages(...)``) runs for every URL, and the static page sources
    (``appcore_resolve_pages``) are not asked.
    """


@hookspec
def appcore_register_client_events(app: AppView) -> dict[str, Any]:
    """Client message types this plugin handles, as ``{type: handler}``.

    ``handler(session, message)`` runs on the event loop; it must not block.
    It may call ``session.request_rerun(...)``. Unknown types are rejected
    by the core with a logged reason.
    """


@hookspec
def appcore_register_routes(app: AppView) -> list[web.RouteDef]:
    """Extra aiohttp routes, mounted under the app's URL prefix."""


@hookspec
def appcore_register_commands(subparsers: argparse._SubParsersAction) -> None:
    """Add CLI subcommands: ``parser = subparsers.add_parser(...)`` and
    ``parser.set_defaults(handler=fn)``; ``fn(args)`` returns the exit code."""


# -- sessions and runs: notifications ----------------------------------------


@hookspec
def appcore_server_started(app: AppView) -> None:
    """``appcore run`` listens and has built the App: called once, on the thread that built it,
    while the first tab loads the page and before the App serves it. Build here what most first
    runs need that a plugin would otherwise build at import (a parser, a table): it then costs
    start-up nothing and spares the first run. Build lazily and safely all the same
    (``functools.cache`` is enough): under AppTest, which never calls this, a run that needs it
    builds it itself."""


@hookspec
def appcore_session_opened(session: Session) -> None:
    """A browser tab (or an AppTest) opened a new session."""


@hookspec
def appcore_session_closed(session: Session) -> None:
    """A session was dropped: its tab closed and the grace period ran out."""


@hookspec
def appcore_run_started(run: Run) -> None:
    """A run begins, on its script thread, before callbacks and the script."""


@hookspec
def appcore_run_finished(run: Run) -> None:
    """A run ended, on its script thread. ``run.status`` says how:
    ``"complete"``, ``"stopped"``, ``"error"``, ``"interrupted"``, ``"rerun"``,
    ``"compile_error"``, ``"skipped"`` or ``"cancelled"`` (stopped from outside:
    the page's Stop, the session's end, ``max_run_seconds``)."""


# -- vetoes -------------------------------------------------------------------


@hookspec
def appcore_check_widget(run: Run, widget: Widget) -> str | None:
    """A widget is about to be drawn, on the script thread; ``widget.scope`` says
    which containers it sits in.

    Return a message to refuse it: it is raised as ``AppcoreAPIError`` where the
    widget was called (forms refuse ``st.button`` inside a form this way), after
    every implementation has seen the widget; the first message wins. Return
    None to let it be. A plugin may also set ``widget.display`` (what the page
    shows instead of the value).
    """


# -- decisions ----------------------------------------------------------------


@hookspec(firstresult=True)
def appcore_resolve_widget_event(session: Session, widget: Widget, value: Any) -> bool | None:
    """A widget's new value arrived from the browser, already validated.

    Return True when the plugin handled it (a form buffers values until its
    submit button). The core's default stores the value and requests a rerun
    scoped to the widget's fragment, if any.
    """


@hookspec(firstresult=True)
def appcore_resolve_markdown(text: str, inline: bool) -> str | None:
    """Streamlit's markdown as safe HTML, for any plugin's labels and text.

    Called on the script thread through ``appcore.plugin.markdown_html``
    (widget labels, a container's title). ``inline=True`` renders one line
    (no paragraph, no block elements). Return the HTML; the core's default
    (``trylast``) returns None and the text is shown as it is.
    """


@hookspec(firstresult=True)
def appcore_resolve_pages(app: AppView) -> Navigation | None:
    """The app's pages, from a source that does not need the script to run
    (the ``pages/`` folder, ``pages.toml``).

    Called when the App first needs them and again whenever a file in the app's
    folder changes (the watcher); return a ``Navigation`` (``appcore.plugin``), or
    None when this source has no pages for the app. The first answer wins: the
    bundled ``pages.toml`` source answers before the ``pages/`` folder (``trylast``).
    Not called while the main script calls ``st.navigation``, which wins over
    every static source. A source whose files are broken returns
    ``Navigation((), error=...)``: the App keeps its last good pages and shows the
    error.
    """


@hookspec(firstresult=True)
def appcore_resolve_component(app: AppView, name: str) -> Path | None:
    """The folder of a component declared while the app runs (``declare_component(name, path=...)``),
    or None. Folders registered at start-up (``appcore_register_components``) are looked up first;
    the folder is served path-safe at ``/_appcore/components/<name>/<file>``.
    """


@hookspec(firstresult=True)
def appcore_resolve_session_store(app: AppView) -> SessionStore | None:
    """Where session state outlives its process (DESIGN.md §9).

    Return an object with ``save(session_id, values) -> list[str]`` (called
    after each complete run with the session's state; returns the keys that
    could not be saved) and ``load(session_id) -> dict | None`` (a tab that
    reconnects with an id this process does not know); optionally
    ``flush(timeout) -> bool``, called when SIGTERM drains the process, after
    every session's last save: wait until what was handed over is stored. The
    core's default keeps sessions only in this process's memory and saves nothing.
    """
