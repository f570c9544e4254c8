"""appcore-showpages: st_pages' calls, both generations, on appcore's multipage core.

0.x: ``show_pages([Page(...), Section(...)])``, ``show_pages_from_config()``,
``add_page_title()``, ``hide_pages([...])``, ``add_indentation()``.
1.x: ``get_nav_from_toml()`` (what ``st.navigation`` takes), ``add_page_title(page)``,
``hide_pages([...])``, ``translate_icon(icon)``.

The pages are this session's navigation (``appcore.plugin.use_navigation``), never a
process-wide registry as st_pages 0.x's, and a hidden page is left out of it: its URL
is refused on the server, not hidden with CSS. ``pages.toml`` is read by the bundled
``appcore_pages_toml`` plugin's reader, the same file the static source reads.
"""
from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from appcore.plugin import (
    AppcoreAPIError,
    Navigation,
    PageEntry,
    RerunRequested,
    StashKey,
    StopRequested,
    api,
    current_page,
    current_run,
    hookimpl,
    page_icon_and_name,
    run_page,
    use_navigation,
)
from appcore_pages_toml import PagesFileError, icon_of, read_pages, url_path_of

__all__ = ["Page", "Section", "show_pages", "show_pages_from_config", "get_nav_from_toml", "add_page_title",
           "hide_pages", "translate_icon", "add_indentation"]

# The names hide_pages gave in this session (pages and sections), checked by every navigation it declares.
HIDDEN = StashKey[tuple[str, ...]]("showpages hidden")
# Set while a run has declared its pages: a later hide_pages must rerun to take them away.
DECLARED = StashKey[bool]("showpages declared")
# Set while show_pages runs another page: a show_pages inside that page declares nothing again.
RUNNING = StashKey[bool]("showpages running a page")

_RANDOM = "😀🎉🚀🌟🍕🐶🐱🦊🌈🔥📚🎨🎯🧩🌻🍀⚡🎈🦄🐢"  # st_pages' icon="random": one of these


def translate_icon(icon: str | None) -> str | None:
    """``":books:"`` as ``"📚"``; ``"random"`` as some emoji; an emoji or ``:material/name:`` as it is.

    An unknown ``:shortcode:`` loses its colons, as st_pages 1.x does.
    """
    if icon is None:
        return None
    if icon == "random":
        return random.choice(_RANDOM)
    if icon.startswith(":") and icon.endswith(":") and len(icon) > 1 and not icon.startswith(":material/"):
        try:
            return icon_of(icon, None)
        except PagesFileError:
            return icon[1:-1]
    return icon


@dataclass
class Page:
    """A page for ``show_pages``: ``Page("other_pages/page2.py", "Page 2", ":books:")``.

    ``path`` is relative to the main script's folder. Without ``name`` the page is named
    from its file as st_pages 0.x does (``page_2.py`` is "Page 2"); without ``icon``, the
    file name's leading emoji. A page after a section belongs to it unless
    ``in_section=False`` (and so do the pages after that one, until the next section).
    ``url_path`` (st_pages 1.x) sets its URL; else it comes from its name.
    """

    path: str
    name: str | None = None
    icon: str | None = None
    is_section: bool = False
    in_section: bool = True
    use_relative_hash: bool = False  # st_pages 0.x's; appcore has no page hashes
    url_path: str | None = None

    @property
    def page_name(self) -> str:
        if self.name is not None:
            return self.name
        return page_icon_and_name(Path(str(self.path)))[1].replace("_", " ").title()

    @property
    def page_icon(self) -> str:
        icon = self.icon or page_icon_and_name(Path(str(self.path)))[0] or ""
        return translate_icon(icon) or ""


class Section(Page):
    """A section header for ``show_pages``: the pages after it are listed under ``name``."""

    def __init__(self, name: str, icon: str | None = None, url_path: str | None = None):
        super().__init__(path="", name=name, icon=icon, is_section=True, url_path=url_path)


def _section_name(name: str, icon: str) -> str:
    return f"{icon} {name}" if icon else name


def _hidden_names() -> tuple[str, ...]:
    return current_run().session.stash.get(HIDDEN, ())


def _is_hidden(name: str | None, hidden: tuple[str, ...]) -> bool:
    return name is not None and (name in hidden or name.replace("_", " ") in hidden)


def _script(path: str) -> str:
    session = current_run().session
    for base in (Path(session.script_path).parent, Path.cwd()):
        candidate = (base / path).resolve()
        if candidate.is_file():
            return str(candidate)
    raise AppcoreAPIError(f"show_pages: the page file `{path}` does not exist (looked beside the main script, "
                          f"{Path(session.script_path).parent}). Give its path relative to the main script.")


def _entries(pages: list[Page]) -> list[tuple[PageEntry, str | None]]:
    """Each page as a ``PageEntry``, with the name of the section row it is under."""
    for page in pages:
        if not isinstance(page, Page):
            raise AppcoreAPIError(f"show_pages takes Page and Section objects, not {type(page).__name__}.")
    if not any(not p.is_section for p in pages):
        raise AppcoreAPIError("show_pages: pass at least one Page (a Section alone has no page to show).")
    entries: list[tuple[PageEntry, str | None]] = []
    section: str | None = None
    section_row: str | None = None
    seen: set[str] = set()
    for page in pages:
        if page.is_section:
            section_row = page.page_name
            section = _section_name(page.page_name, page.page_icon)
            continue
        if not page.in_section:
            section = section_row = None
        title = page.page_name
        url_path = (page.url_path or url_path_of(title) or url_path_of(Path(page.path).stem)).strip("/")
        if url_path in seen:
            raise AppcoreAPIError(f"show_pages: two pages have the URL path `{url_path}`: give one of them "
                                  "another name or `url_path`.")
        seen.add(url_path)
        entries.append((PageEntry(url_path=url_path, title=title, icon=page.page_icon, section=section,
                                  script=_script(page.path)), section_row))
    return entries


def _visible(entries: list[tuple[PageEntry, str | None]]) -> list[PageEntry]:
    hidden = _hidden_names()
    return [entry for entry, row in entries if not _is_hidden(entry.title, hidden) and not _is_hidden(row, hidden)]


def _show(entries: list[PageEntry], source: str) -> None:
    """Make ``entries`` this session's pages and run the one the tab asked for: the main
    script's own page goes on with the rest of the main script; another page runs here,
    and the run ends after it."""
    run = current_run()
    if run.stash.get(RUNNING):
        return  # a page that show_pages runs called it again: the pages are declared already
    if not entries:
        raise AppcoreAPIError("show_pages: hide_pages hid every page; leave at least one to show.")
    chosen = use_navigation(Navigation(tuple(entries), source=source))
    run.stash[DECLARED] = True
    main = Path(run.session.script_path).resolve()
    if chosen.script is not None and Path(chosen.script) == main:
        run.page = chosen.url_path  # the rest of the main script is that page: its widgets are its own
        return
    run.stash[RUNNING] = True
    try:
        run_page(chosen)
    finally:
        run.stash[RUNNING] = False
    raise StopRequested()  # the main script's own content is another page's


def show_pages(pages: list[Page]) -> None:
    """The app's pages for this session, in the sidebar in this order (st_pages 0.x).

    Call it in the main script: the first page is the one at ``/``. When the tab shows
    the main script's own page, the script goes on after this call; for another page,
    that page's file runs here and the run ends. Pages ``hide_pages`` named are left out.
    """
    _show(_visible(_entries(list(pages))), "show_pages")


def _read_config(path: str | Path) -> Navigation | None:
    session = current_run().session
    app_dir = Path(session.script_path).parent
    file = next((base / path for base in (app_dir, Path.cwd()) if (base / path).is_file()), None)
    if file is None:
        api("error")(f"Could not find a valid {path} file: it does not exist (looked beside the main script, in "
                     f"{app_dir}). List the pages there as `[[pages]]` tables with `path`, `name` and `icon`.")
        return None
    try:
        return read_pages(file, app_dir)
    except PagesFileError as error:
        where = f"{path}, line {error.line}" if error.line else str(path)
        api("error")(f"Could not use {where}: {error.reason}.")
    except (OSError, UnicodeDecodeError) as error:
        api("error")(f"Could not read {path}: {error}.")
    return None


def _config_entries(navigation: Navigation) -> list[PageEntry]:
    hidden = _hidden_names()
    return [entry for entry in navigation.pages if not _is_hidden(entry.title, hidden)
            and not any(_is_hidden(part, hidden) for part in (entry.section or "").split("/") if part)]


def show_pages_from_config(path: str = ".streamlit/pages.toml") -> None:
    """``show_pages`` with the pages a ``pages.toml`` lists (st_pages 0.x); a file that cannot be
    used is shown as an error in the page, with its line."""
    navigation = _read_config(path)
    if navigation is not None:
        _show(_config_entries(navigation), "show_pages")


def get_nav_from_toml(path: str = ".streamlit/pages.toml") -> list[Any] | dict[str, list[Any]]:
    """What ``st.navigation`` takes, from a ``pages.toml`` (st_pages 1.x): a list of ``st.Page``,
    or ``{section: [pages]}`` when the file has sections (pages before the first are under
    ``""``). Pages and sections ``hide_pages`` named are left out."""
    navigation = _read_config(path)
    if navigation is None:
        return []
    current_run().stash[DECLARED] = True
    make = api("Page")
    entries = _config_entries(navigation)
    pages = [(entry.section, make(entry.script, title=entry.title, icon=entry.icon or None,
                                  url_path=entry.url_path, default=entry.default, visibility=entry.visibility))
             for entry in entries]
    if not any(section for section, _ in pages):
        return [page for _, page in pages]
    grouped: dict[str, list[Any]] = {}
    for section, page in pages:
        grouped.setdefault(section or "", []).append(page)
    return grouped


def hide_pages(pages: list[str]) -> None:
    """Leave these pages (by name) out of this session's pages; a section's name leaves out
    its pages. Their URLs are refused: opening one shows the app's first page.

    Called before ``show_pages``/``get_nav_from_toml`` in a run, it takes effect there;
    called after, a change reruns the app at once, so the page that was drawing stops.
    """
    if isinstance(pages, str):
        pages = [pages]
    names = tuple(str(name) for name in pages)
    run = current_run()
    if run.session.stash.get(HIDDEN, ()) == names:
        return
    run.session.stash[HIDDEN] = names
    if run.stash.get(DECLARED):
        raise RerunRequested()


def add_page_title(page: Any = None, *, add_icon: bool = True, also_indent: bool = True,
                   hidden_pages: list[str] | None = None, **kwargs: Any) -> None:
    """Draw the page's icon and name as its ``st.title``.

    st_pages 1.x: ``add_page_title(page)`` with the page ``st.navigation`` returned.
    st_pages 0.x: ``add_page_title()`` names the page the tab shows, also sets the tab's title
    and icon (``**kwargs`` go to ``st.set_page_config``), and ``hidden_pages`` calls ``hide_pages``.
    """
    if isinstance(page, bool):  # 0.x's first positional parameter is add_icon
        page, add_icon = None, page
    if page is not None:
        icon = translate_icon(getattr(page, "icon", None) or None)
        if icon and "/" in icon:
            icon = None  # st_pages 1.x leaves a Material icon out of the title
        title = str(getattr(page, "title"))
        api("title")(f"{icon} {title}" if icon else title)
        return
    del also_indent  # sections are the menu's own groups: there is nothing to indent
    if hidden_pages:
        hide_pages(hidden_pages)
    shown = current_page()
    if shown is None:
        return
    kwargs.setdefault("page_title", shown.title)
    if shown.icon:
        kwargs.setdefault("page_icon", shown.icon)
    api("set_page_config")(**kwargs)
    api("title")(f"{shown.icon} {shown.title}" if add_icon and shown.icon else shown.title)


def add_indentation() -> None:
    """st_pages 0.x indented a section's pages with CSS; appcore's menu groups them itself."""


@hookimpl
def appcore_register_navigation_calls() -> list[str]:
    # A main script calling these declares its pages in every run: it runs for every URL.
    return ["show_pages", "show_pages_from_config"]
