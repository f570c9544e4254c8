"""Bundled plugin: the pages of a ``pages/`` folder beside the main script.

Streamlit 1.67's rules: the main script is the default page; then every
``pages/*.py`` (no subfolders, no dot-files, no ``__init__.py``), sorted by the
number its name starts with (``03`` is 3; no number sorts last), then by the
lower-cased rest. The title drops that number and the separators after it (runs
of spaces and underscores become one space), a leading emoji becomes the icon,
and a name that is only a number keeps it; the url path is the title with
underscores (``1 - first page.py`` -> ``first_page``). Once the main script calls
``st.navigation``, the folder is ignored (the core does not ask).
"""
from __future__ import annotations

from pathlib import Path

from appcore.plugin import AppView, Navigation, PageEntry, hookimpl, page_icon_and_name, page_sort_key


def folder_pages(main_script: Path, show_in_sidebar: bool = True) -> Navigation | None:
    folder = main_script.parent / "pages"
    if not folder.is_dir():
        return None
    files = sorted((p for p in folder.glob("*.py") if p.is_file() and not p.name.startswith(".")
                    and p.name != "__init__.py"), key=page_sort_key)
    pages = [page_of(main_script, default=True)]
    taken = {pages[0].url_path}
    for path in files:
        page = page_of(path)
        if page.url_path in taken or not page.title.strip():
            continue  # two files with one name (01_a.py, 02_a.py): the first wins, as Streamlit's URL would
        taken.add(page.url_path)
        pages.append(page)
    return Navigation(tuple(pages), position="sidebar" if show_in_sidebar else "hidden", source="pages folder")


def page_of(path: Path, default: bool = False) -> PageEntry:
    icon, name = page_icon_and_name(path)
    return PageEntry(url_path=name, title=name.replace("_", " "), icon=icon, default=default,
                     script=str(path.resolve()))


@hookimpl(trylast=True)
def appcore_resolve_pages(app: AppView) -> Navigation | None:
    return folder_pages(Path(app.script_path), app.config.client.show_sidebar_navigation)
