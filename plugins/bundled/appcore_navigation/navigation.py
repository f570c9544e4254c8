"""``st.navigation`` and ``st.Page``, with Streamlit 1.67's checks and messages."""
from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any, Literal

from appcore.plugin import AppcoreAPIError, Navigation, PageEntry, check_icon, current_run, page_icon_and_name, \
    run_page, use_navigation

_URL_UNSAFE = re.compile(r"[&#?/\\:*\"<>|']")


def _title_url(title: str) -> str:
    """An external page's url path from its title, as Streamlit derives it."""
    path = _URL_UNSAFE.sub("", re.sub(r"\s+", "_", title.lower())).strip("_")
    return re.sub(r"_+", "_", path)


def _missing(parameter: str, detail: str) -> AppcoreAPIError:
    return AppcoreAPIError(f"The `{parameter}` parameter is required. {detail}")


class StreamlitPage:
    """A page of a multipage app: ``st.Page("reports.py", title="Reports", icon="📊")``.

    ``page`` is a file path relative to the main script, a ``Path``, a function, or
    an external URL (``https://...``, listed in the menu, opened in the browser).
    """

    def __init__(self, page: str | Path | Callable[[], None], *, title: str | None = None,
                 icon: str | None = None, url_path: str | None = None, default: bool = False,
                 visibility: Literal["visible", "hidden"] = "visible", help: str | None = None) -> None:
        if visibility not in ("visible", "hidden"):
            raise AppcoreAPIError("Invalid `visibility` value. Supported values: visible, hidden.")
        self._default = bool(default)
        self._visibility = visibility
        self._help = None if help is None else str(help)
        self._page: Path | Callable[[], None] | None = None
        self._external: str | None = None
        self._can_be_called = False
        if isinstance(page, str) and re.match(r"https?://", page.strip()):
            self._external = page.strip()
            if title is None or not str(title).strip():
                raise _missing("title", "External URL pages require a non-empty title. "
                               f"Please provide a title for the URL: {self._external}")
            if default:
                raise AppcoreAPIError("`page=<external URL>` and `default=True` cannot be used together. "
                                      "External URL pages cannot be set as the default page.")
            self._title = str(title)
            self._icon = check_icon(icon)
            self._url_path = (_title_url(self._title) if url_path is None else str(url_path)).strip().strip("/")
            if not self._url_path:
                raise _missing("url_path", "Provide a non-empty `url_path`, or omit it and provide a title "
                               "that contains URL-safe characters.")
            _check_segment(self._url_path)
            return
        inferred_icon = inferred_name = ""
        if isinstance(page, (str, Path)):
            run = current_run()
            main_dir = Path(run.session.script_path).parent
            path = (main_dir / Path(page)).resolve()
            if not path.is_file():
                raise AppcoreAPIError(f"Unable to create Page. The file `{path.name}` could not be found.")
            self._page = path
            inferred_icon, inferred_name = page_icon_and_name(path)
        elif callable(page):
            self._page = page
            inferred_name = str(getattr(page, "__name__", ""))
            if not inferred_name and title is None:
                raise _missing("title", "appcore cannot infer a title from this callable.")
        else:
            raise AppcoreAPIError(f"Invalid `page` type: {type(page).__name__}. Pass a file path, a "
                                  "function, or an external URL.")
        self._title = str(title) if title else inferred_name.replace("_", " ")
        self._icon = check_icon(icon) if icon is not None else check_icon(inferred_icon or None)
        if not self._title.strip():
            raise _missing("title", "It cannot be empty or consist of underscores/spaces only.")
        self._url_path = inferred_name
        if url_path is not None:
            stripped = str(url_path).strip().strip("/")
            if not stripped and not default:
                raise _missing("url_path", "It can only be empty for the default page.")
            self._url_path = stripped
            _check_segment(stripped)

    # -- what Streamlit's StreamlitPage shows --------------------------------------------

    @property
    def title(self) -> str:
        return self._title

    @property
    def icon(self) -> str:
        return self._icon

    @property
    def url_path(self) -> str:
        """The page's path in the URL; ``""`` for the default page (served at ``/``)."""
        return "" if self._default else self._url_path

    @property
    def visibility(self) -> str:
        return self._visibility

    @property
    def help(self) -> str | None:
        return self._help

    @property
    def external(self) -> str | None:
        return self._external

    def run(self) -> None:
        """Run the page (only the page ``st.navigation`` returned, once per run)."""
        if not self._can_be_called:
            raise AppcoreAPIError("This page cannot be called directly. Only the page returned from "
                                  "st.navigation can be called once.")
        self._can_be_called = False
        run_page(self._entry(None))

    def __repr__(self) -> str:
        return f"StreamlitPage(title={self._title!r}, url_path={self.url_path!r})"

    def _source(self) -> str:
        if self._external:
            return self._external
        if isinstance(self._page, Path):
            main_dir = Path(current_run().session.script_path).parent
            try:
                return str(self._page.relative_to(main_dir))
            except ValueError:
                return str(self._page)
        return getattr(self._page, "__name__", "a callable")

    def _entry(self, section: str | None, default: bool | None = None) -> PageEntry:
        return PageEntry(
            url_path=self._url_path, title=self._title, icon=self._icon, section=section,
            default=self._default if default is None else default, visibility=self._visibility,
            script=str(self._page) if isinstance(self._page, Path) else None,
            body=self._page if callable(self._page) and not isinstance(self._page, Path) else None,
            external=self._external, help=self._help)


Page = StreamlitPage


def _check_segment(url_path: str) -> None:
    if "/" in url_path:
        raise AppcoreAPIError(
            f"The `url_path` `{url_path}` cannot include `/`. appcore does not support nested URL pathnames, "
            "so use a single path segment (e.g. `foo_bar`).")


PageType = str | Path | Callable[[], None] | StreamlitPage


def navigation(pages: Sequence[PageType] | Mapping[str, Sequence[PageType]], *,
               position: Literal["sidebar", "hidden", "top"] = "sidebar",
               expanded: bool | int = False) -> StreamlitPage:
    """Declare the app's pages and return the one this run shows: call ``.run()`` on it.

    ``pages`` is a list, or ``{section: [pages]}`` (a section named ``""`` has no
    header). ``position="top"`` draws a top bar (sections become menus),
    ``"hidden"`` no menu. ``expanded`` shows every page (``True``) or that many
    before a "View more" button.
    """
    if position not in ("sidebar", "hidden", "top"):
        raise AppcoreAPIError("Invalid `position` value. Supported values: 'sidebar', 'hidden', 'top'.")
    if isinstance(expanded, bool) or not isinstance(expanded, int):
        expanded = bool(expanded)
    elif expanded < 0:
        raise AppcoreAPIError("`expanded` must be a boolean or a non-negative integer.")
    sections: list[tuple[str | None, list[StreamlitPage]]] = []
    if isinstance(pages, Mapping):
        for header, group in pages.items():
            sections.append((str(header) if str(header) else None, [_as_page(p) for p in _listed(group)]))
    else:
        sections.append((None, [_as_page(p) for p in _listed(pages)]))
    everything = [page for _, group in sections for page in group]
    if not everything:
        raise _missing("pages", "Provide at least one `st.Page`.")
    defaults = [p for p in everything if p._default]
    if len(defaults) > 1:
        raise AppcoreAPIError("Multiple Pages specified with `default=True`. At most one Page can be set to default.")
    default = defaults[0] if defaults else next((p for p in everything if p._external is None), None)
    if default is None:
        raise AppcoreAPIError("At least one page must be a file or a function: external URL pages cannot be the "
                              "default page.")
    seen: dict[str, StreamlitPage] = {}
    entries: list[PageEntry] = []
    for header, group in sections:
        for page in group:
            other = seen.get(page._url_path)
            if other is not None:
                first = f"`{other._source()}`" + (" (default page)" if other is default else "")
                raise AppcoreAPIError(
                    f"Two pages resolve to the URL pathname `/{page._url_path}`: {first} and `{page._source()}`. "
                    "Each page passed to `st.navigation` needs a unique URL pathname, including pages in "
                    "different sections, hidden pages, and external URL pages. Set a unique `url_path` in "
                    "`st.Page` for one of these pages.")
            seen[page._url_path] = page
            entries.append(page._entry(header, default=page is default))
    shown = use_navigation(Navigation(tuple(entries), position=position, expanded=expanded,
                                      source="st.navigation"))
    chosen = seen[shown.url_path]
    for page in everything:
        page._can_be_called = page is chosen
    return chosen


def _listed(group: Any) -> list[Any]:
    if isinstance(group, (str, Path, StreamlitPage)) or callable(group):
        return [group]
    return list(group)


def _as_page(page: Any) -> StreamlitPage:
    return page if isinstance(page, StreamlitPage) else StreamlitPage(page)
