"""Pages: the page registry a source declares, which page a session shows, its URL.

A *source* of pages is a plugin: the ``pages/`` folder, ``pages.toml`` (both answer
``appcore_resolve_pages`` once per change of their files) and ``st.navigation``
(which the script calls in every run, through ``use_navigation``). Whatever the
source, the core does the rest the same way: it picks the page for the URL the
tab asked for (the default at ``/``, the default with a notice for an unknown
path, never a page that is not in this session's navigation), tells the tab its
menu and its URL, keeps ``st.query_params`` and runs the page. See docs/plugins.md,
"Pages".
"""
from __future__ import annotations

import logging
import math
import os
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qsl, unquote, urlencode, urlsplit

import orjson

from .buttons import leading_icon
from .context import current_run
from .errors import AppcoreAPIError, RerunRequested

if TYPE_CHECKING:
    from .run import Run
    from .session import Session

log = logging.getLogger("appcore.pages")

POSITIONS = ("sidebar", "top", "hidden")
VISIBILITIES = ("visible", "hidden")
# Kept in the URL by Streamlit's embedding, never visible to nor settable by the script.
EMBED_KEYS = frozenset({"embed", "embed_options"})
# A url_path is one path segment; these never reach a page.
_MAX_QUERY = 8192


@dataclass(frozen=True)
class PageEntry:
    """One page of a navigation, whichever source declared it.

    ``url_path`` is unique within a navigation and is one path segment; the default
    page is served at ``/`` (its ``url_path`` still reserves the name). A page runs
    ``script`` (a file) or ``body`` (a callable); ``external`` is a link to another
    site, listed but never run. ``section`` names the menu group, nested with
    ``/`` (``"Reports/2024"``). ``visibility="hidden"`` leaves the page out of the
    menu; it can still be opened by its URL, ``st.page_link`` and ``st.switch_page``.
    """

    url_path: str
    title: str
    icon: str = ""
    section: str | None = None
    default: bool = False
    visibility: str = "visible"
    script: str | None = None
    body: Callable[[], Any] | None = field(default=None, compare=False)
    external: str | None = None
    help: str | None = None

    def for_browser(self) -> dict[str, Any]:
        return {"url_path": "" if self.default else self.url_path, "title": self.title, "icon": self.icon,
                "section": self.section, "external": self.external, "help": self.help}


@dataclass(frozen=True)
class Navigation:
    """A source's pages, in menu order, and how the menu is drawn.

    ``error`` is shown over the page (a ``pages.toml`` that cannot be read); a
    static source that fails returns ``Navigation((), error=...)`` and the App keeps
    serving its last good pages with the error shown. ``source`` names the plugin's
    kind for messages (``"pages folder"``, ``"pages.toml"``, ``"st.navigation"``).
    """

    pages: tuple[PageEntry, ...]
    position: str = "sidebar"
    expanded: bool | int = False
    source: str = ""
    error: str | None = None

    def __post_init__(self) -> None:
        internal = [p for p in self.pages if p.external is None]
        if self.pages and not internal:
            raise ValueError("a navigation needs at least one page that is not an external link")
        if sum(p.default for p in self.pages) > 1:
            raise ValueError("a navigation has at most one default page")
        if internal and not any(p.default for p in internal):  # the first page that runs is the default
            first = internal[0]
            object.__setattr__(self, "pages", tuple(replace(p, default=True) if p is first else p
                                                    for p in self.pages))
        seen: set[str] = set()
        for page in self.pages:
            if page.url_path in seen:
                raise ValueError(f"two pages have the url_path {page.url_path!r}")
            seen.add(page.url_path)

    @property
    def default(self) -> PageEntry:
        """The page at ``/``: the one marked default (else the first that runs is marked)."""
        return next(p for p in self.pages if p.default)

    def find(self, url_path: str) -> PageEntry | None:
        """The page served at ``/<url_path>`` (``""``: the default), or None."""
        if url_path == "":
            return self.default
        for page in self.pages:
            if page.url_path == url_path and page.external is None and not page.default:
                return page
        return None

    def for_browser(self, current: PageEntry | None) -> dict[str, Any]:
        listed = [p.for_browser() for p in self.pages if p.visibility == "visible"]
        return {"t": "navigation", "pages": listed, "position": self.position, "expanded": self.expanded,
                "current": None if current is None else ("" if current.default else current.url_path),
                "title": None if current is None else current.title}


@dataclass(slots=True)
class PageState:
    """A session's page: what the tab asked for, what it shows, what it was told."""

    requested: str = ""                  # the url_path the next full run opens
    current: PageEntry | None = None     # the page the last full run showed
    navigation: Navigation | None = None
    query: dict[str, list[str]] = field(default_factory=dict)
    history: str = "replace"             # how the next URL the tab is told enters its history
    told_navigation: bytes | None = None
    told_url: str | None = None
    notice: dict[str, str] | None = None  # said once over the page (a page not found)
    # What bind="query-params" widgets last wrote into ``query``, by key: a parameter
    # that differs came from the tab (a link, an edited URL) and wins over the session.
    bound_query: dict[str, list[str]] = field(default_factory=dict)


# -- a page file's name, Streamlit's way (the pages/ folder, st.Page("file.py")) ----------

# The number a page's file name starts with, the separators after it, and the rest.
_PAGE_FILE = re.compile(r"([0-9]*)[_ -]*(.*)\.py", re.S)


def page_sort_key(path: Path) -> tuple[float, str]:
    """Streamlit 1.67's order of page files: by leading number as a number (none sorts last),
    then by the lower-cased rest."""
    match = _PAGE_FILE.fullmatch(path.name)
    if match is None:
        return (math.inf, path.name.lower())
    number, rest = match.groups()
    return (float(number) if number else math.inf, rest.lower())


def page_icon_and_name(path: Path) -> tuple[str, str]:
    """``("📊", "Charts")`` for ``02_📊_Charts.py``: the leading number and separators dropped,
    runs of spaces and underscores as one underscore (the name is the URL path; the title
    has spaces), a leading emoji as the icon, a name that is only a number kept."""
    match = _PAGE_FILE.fullmatch(path.name)
    if match is None:
        return "", path.stem
    number, rest = match.groups()
    name = re.sub(r"[_ ]+", "_", rest).strip() or number
    if name.isascii():
        return "", name
    icon, rest = leading_icon(name)
    return ("", name) if icon.startswith(":material/") else (icon, rest)  # a file name is never a shortcode


# -- the URL ----------------------------------------------------------------------------


def clean_url_path(path: Any) -> str:
    """A tab's path (``/reports``, ``reports/``) as a url_path: one segment, or ``""``."""
    if not isinstance(path, str):
        return ""
    return unquote(path.split("?", 1)[0]).strip("/")[:256]  # the browser's pathname is percent-encoded


def parse_query(query: Any) -> dict[str, list[str]]:
    """``a=1&a=2&b=`` as ``{"a": ["1", "2"], "b": [""]}``; anything else as nothing."""
    if not isinstance(query, str) or len(query) > _MAX_QUERY:
        return {}
    parsed: dict[str, list[str]] = {}
    for key, value in parse_qsl(query.lstrip("?"), keep_blank_values=True):
        parsed.setdefault(key, []).append(value)
    return parsed


def query_string(query: Mapping[str, list[str]]) -> str:
    return urlencode([(k, v) for k, values in query.items() for v in values])


def open_tab(session: Session, hello: Mapping[str, Any]) -> None:
    """A tab said hello: the page and the query parameters its URL names."""
    state = session.page
    if isinstance(hello.get("path"), str) or not state.requested:  # no path: a resumed session's own page
        state.requested = clean_url_path(hello.get("path"))
    url = hello.get("url")
    if isinstance(url, str) and len(url) <= _MAX_QUERY:
        try:
            state.query = parse_query(urlsplit(url).query)
        except ValueError:
            state.query = {}
    state.history = "replace"
    state.told_url = state.told_navigation = None


def attached(session: Session) -> None:
    """A tab (re)connected: it has no menu and no URL from us yet."""
    session.page.told_url = session.page.told_navigation = None


def navigate(session: Session, message: Mapping[str, Any]) -> None:
    """``{"t": "navigate", "url_path", "query"}``: the person opened another page in the
    tab (a menu link, a page_link, back or forward). The next run opens it."""
    from .run import RerunRequest  # run imports this module

    url_path = message.get("url_path")
    if not isinstance(url_path, str) or len(url_path) > 256:
        from .session import BadMessage
        raise BadMessage("navigate needs a string url_path")
    state = session.page
    state.requested = clean_url_path(url_path)
    state.query = {**_embed_only(state.query), **_without_embed(parse_query(message.get("query", "")))}
    state.history = "replace"  # the tab pushed its history entry itself
    state.told_url = f"/{state.requested}?{query_string(state.query)}"  # it shows this URL already
    session.request_rerun(RerunRequest())


def _embed_only(query: Mapping[str, list[str]]) -> dict[str, list[str]]:
    return {k: v for k, v in query.items() if k.lower() in EMBED_KEYS}


def _without_embed(query: Mapping[str, list[str]]) -> dict[str, list[str]]:
    return {k: v for k, v in query.items() if k.lower() not in EMBED_KEYS}


def tell_url(session: Session) -> None:
    """Tell the tab its URL if it shows another: ``{"t": "page", ...}``."""
    state = session.page
    current = state.current
    url_path = "" if current is None or current.default else current.url_path
    url = f"/{url_path}?{query_string(state.query)}"
    if url == state.told_url and state.notice is None:
        return
    state.told_url = url
    message: dict[str, Any] = {"t": "page", "url_path": url_path, "query": query_string(state.query),
                               "history": state.history}
    if state.notice is not None:
        message["notice"] = state.notice
        state.notice = None
    state.history = "replace"
    session.queue_message(message)


# -- choosing and running the page ------------------------------------------------------


def use_navigation(navigation: Navigation) -> PageEntry:
    """Make ``navigation`` this session's (``st.navigation`` calls it in every run) and
    return the page this run shows: the one the tab asked for if it is listed, else the
    default page, with a "page not found" notice for an unknown path."""
    run = current_run()
    session = run.session
    state = session.page
    page = navigation.find(state.requested)
    if page is None:
        if state.requested:
            log.info("session %s: no page %r in the navigation; opening the default page", session.id,
                     state.requested)
            pages_folder = navigation.source == "pages folder"
            state.notice = {"title": "Page not found", "message": (
                f"You have requested page /{state.requested}, but no corresponding file was found in the "
                "app's pages/ directory. Running the app's main page." if pages_folder else
                "The page that you have requested does not seem to exist. Running the app's main page.")}
        page = navigation.default
    if state.current is not None and state.current.url_path != page.url_path:
        # Streamlit's rule: a page's widgets are gone once another page ran; a key that a widget
        # of the page left used starts again from the new widget's default.
        left = state.current.url_path
        session.state.left_keys = frozenset(w.key for w in session.widgets.values()
                                            if w.key is not None and w.page == left and w.persist_state != "session")
    state.requested = "" if page.default else page.url_path
    state.current = page
    state.navigation = navigation
    message = navigation.for_browser(page)
    if navigation.error:
        message["error"] = navigation.error
    encoded = orjson.dumps(message)
    if encoded != state.told_navigation:
        state.told_navigation = encoded
        session.queue_message(message)
    tell_url(session)
    return page


def current_page() -> PageEntry | None:
    """The page the running script shows (None in an app without pages)."""
    return current_run().session.page.current


def run_page(page: PageEntry) -> None:
    """Run a page's script (as ``__main__``) or its callable, in the current run."""
    run = current_run()
    if page.external is not None:
        raise AppcoreAPIError("An external URL page cannot be run: it is a link to another site.")
    outer, run.page = run.page, page.url_path  # its widgets are its own: the same key on two pages is two widgets
    try:
        if page.body is not None:
            page.body()
        elif page.script is not None:
            run.exec_file(page.script)
    finally:
        run.page = outer


def execute(run: Run, static: Navigation | None) -> None:
    """A full run: the main script, or, when a static source declares pages and the main
    script does not call ``st.navigation``, the page the tab asked for."""
    if static is None:
        run.exec_file(run.session.script_path)
        return
    run_page(use_navigation(static))


def find_page(navigation: Navigation | None, target: Any, app_dir: str,
              main_script: str | None = None) -> PageEntry | None:
    """The page ``st.switch_page``/``st.page_link`` names: a ``StreamlitPage``-like object
    with ``url_path``, or a file path relative to the main script's folder. In an app
    without pages, the main script is its one page."""
    if isinstance(target, (str, os.PathLike)):
        path = os.path.realpath(os.path.join(app_dir, os.fspath(target)))
        if navigation is None:
            if main_script is not None and path == os.path.realpath(main_script):
                return PageEntry(Path(main_script).stem, Path(main_script).stem, script=main_script, default=True)
            return None
        matches = [p for p in navigation.pages if p.script is not None and os.path.realpath(p.script) == path]
        return matches[0] if matches else None
    if navigation is None:
        return None
    url_path = getattr(target, "_url_path", getattr(target, "url_path", None))
    for page in navigation.pages:
        if page.url_path == url_path or (page.default and url_path == ""):
            return page
    return None


def switch_page(page: PageEntry, query: Mapping[str, list[str]] | None = None) -> None:
    """Open ``page`` now: end this run and start one on it, with ``query`` as the new
    query parameters (the others are dropped, as Streamlit does)."""
    run = current_run()
    state = run.session.page
    state.requested = "" if page.default else page.url_path
    state.query = {**_embed_only(state.query), **_without_embed(dict(query or {}))}
    state.history = "push"
    raise RerunRequested()


def query_params() -> dict[str, list[str]]:
    """The session's query parameters, as a live dict (key -> values); after a change,
    call ``query_changed()``."""
    return current_run().session.page.query


def query_changed() -> None:
    """The script changed ``st.query_params``: the tab's URL follows at once."""
    session = current_run().session
    session.page.history = "replace"
    tell_url(session)


def set_query(session: Session, query: Mapping[str, Iterable[str]]) -> None:
    """Set the query parameters from outside a run (AppTest's ``at.query_params``)."""
    session.page.query = {str(k): [str(v) for v in values] for k, values in query.items()}


__all__ = ["PageEntry", "Navigation", "PageState", "use_navigation", "current_page", "run_page", "find_page",
           "switch_page", "query_params", "query_changed", "set_query", "page_icon_and_name", "page_sort_key"]
