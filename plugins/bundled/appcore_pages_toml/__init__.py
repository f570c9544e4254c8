"""Bundled plugin: the pages listed in a ``pages.toml``.

The file sits beside the main script, in ``.appcore/`` or in ``.streamlit/``
(st_pages' place); the first found wins. Both generations of st_pages files
read unchanged: ``[[pages]]`` tables with ``path``, ``name``, ``icon`` (an emoji,
``:shortcode:`` or ``:material/name:``), ``url_path`` (1.x), and section rows
(``is_section = true``) that the pages after them belong to until one says
``in_section = false`` (0.x). appcore adds ``default = true``, ``visibility =
"hidden"`` (not in the menu, still opened by its URL) and ``section = "A/B"``
(a page's section by name; ``/`` nests sections, in section rows' names too).

A file that cannot be used is reported in the page with its line and the
reason, and the app keeps its last good pages.
"""
from __future__ import annotations

import json
import re
import tomllib
from importlib import resources
from pathlib import Path
from typing import Any

from appcore.plugin import AppView, Navigation, PageEntry, hookimpl

PLACES = ("pages.toml", ".appcore/pages.toml", ".streamlit/pages.toml")
KEYS = {"path", "name", "icon", "url_path", "default", "visibility", "is_section", "in_section", "section"}
_SHORTCODE = re.compile(r":([\w+-]+):")
_URL_SAFE = re.compile(r"[&#?/\\:*\"<>|']")
_ICON_CHARS = re.compile(r"[\w\s.,;!?()'\"/-]")


class PagesFileError(ValueError):
    def __init__(self, line: int | None, reason: str):
        super().__init__(reason)
        self.line = line
        self.reason = reason


def find_file(app_dir: Path) -> Path | None:
    for place in PLACES:
        path = app_dir / place
        if path.is_file():
            return path
    return None


def url_path_of(name: str) -> str:
    """A page's URL from its name, as Streamlit derives one from a title."""
    path = re.sub(r"\s+", "_", name.strip().lower())
    return re.sub(r"_+", "_", _URL_SAFE.sub("", path)).strip("_")


def _shortcodes() -> dict[str, str]:
    # The emoji table ships with the elements plugin (st.markdown's :shortcodes:); read as data.
    try:
        return json.loads((resources.files("appcore_elements") / "_emoji_shortcodes.json").read_text("utf-8"))
    except (ModuleNotFoundError, OSError, ValueError):
        return {}


def icon_of(icon: Any, line: int | None) -> str:
    if icon is None or icon == "":
        return ""
    if not isinstance(icon, str):
        raise PagesFileError(line, f"`icon` must be a string, not {type(icon).__name__}")
    icon = icon.strip()
    if icon.startswith(":material/") and icon.endswith(":"):
        return icon
    shortcode = _SHORTCODE.fullmatch(icon)
    if shortcode:
        emoji = _shortcodes().get(shortcode.group(1))
        if emoji is None:
            raise PagesFileError(line, f"`icon = \"{icon}\"` is not an emoji shortcode appcore knows")
        return emoji
    if _ICON_CHARS.match(icon):
        raise PagesFileError(line, f"`icon = \"{icon}\"` is not an emoji, `:shortcode:` or `:material/name:`")
    return icon


def _table_lines(text: str) -> list[tuple[int, dict[str, int]]]:
    """For each ``[[pages]]`` table in order: its header's line and the line of each key."""
    tables: list[tuple[int, dict[str, int]]] = []
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if re.match(r"\[\[\s*pages\s*\]\]", stripped):
            tables.append((number, {}))
        elif tables and (key := re.match(r"([A-Za-z0-9_-]+)\s*=", stripped)):
            tables[-1][1].setdefault(key.group(1), number)
    return tables


def read_pages(file: Path, app_dir: Path) -> Navigation:
    """The navigation ``file`` declares; raises ``PagesFileError`` naming the line."""
    text = file.read_text(encoding="utf-8")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        match = re.search(r"line (\d+)", str(error))
        line = int(match.group(1)) if match else (len(text.splitlines()) if "end of document" in str(error) else None)
        reason = re.sub(r"\s*\((at line \d+, column \d+|at end of document)\)", "", str(error))
        raise PagesFileError(line, f"not valid TOML: {reason}") from None
    lines = _table_lines(text)
    unknown = set(data) - {"pages"}
    if unknown:
        raise PagesFileError(None, f"unknown table or key {sorted(unknown)[0]!r} (only [[pages]] tables are read)")
    rows = data.get("pages", [])
    if not isinstance(rows, list) or not rows:
        raise PagesFileError(None, "no [[pages]] table: list at least one page")
    pages: list[PageEntry] = []
    section: str | None = None
    section_icon = ""
    url_paths: dict[str, int | None] = {}
    default_line: int | None = None
    for index, row in enumerate(rows):
        header, keys = lines[index] if index < len(lines) else (None, {})

        def at(key: str) -> int | None:
            return keys.get(key, header)

        if not isinstance(row, dict):
            raise PagesFileError(header, "each entry of `pages` must be a table")
        for key in row:
            if key not in KEYS:
                raise PagesFileError(at(key), f"unknown key `{key}` (known: {', '.join(sorted(KEYS))})")
        name = row.get("name")
        if name is not None and not isinstance(name, str):
            raise PagesFileError(at("name"), "`name` must be a string")
        if row.get("is_section"):
            if not name or not name.strip("/ "):
                raise PagesFileError(at("name") or header, "a section row (`is_section = true`) needs a `name`")
            section = "/".join(part.strip() for part in name.split("/") if part.strip())
            section_icon = icon_of(row.get("icon"), at("icon"))
            continue
        if row.get("in_section") is False:
            section = None
        path = row.get("path")
        if not isinstance(path, str) or not path:
            raise PagesFileError(at("path") or header, "a page needs `path`, the file it runs")
        script = _script(path, app_dir, file)
        if script is None:
            raise PagesFileError(at("path"), f"the file `{path}` does not exist")
        title = name if name else Path(path).stem.replace("_", " ")
        url_path = row.get("url_path")
        if url_path is None:
            url_path = url_path_of(title) or url_path_of(Path(path).stem)
        if not isinstance(url_path, str):
            raise PagesFileError(at("url_path"), "`url_path` must be a string")
        url_path = url_path.strip().strip("/")
        if "/" in url_path:
            raise PagesFileError(at("url_path"), f"`url_path = \"{url_path}\"` cannot include `/`: use one segment")
        if not url_path:
            raise PagesFileError(at("url_path") or header, f"page `{title}` has an empty url path")
        if url_path in url_paths:
            first = url_paths[url_path]
            raise PagesFileError(at("url_path") or header, f"the url path `{url_path}` is used twice"
                                 + (f" (first at line {first})" if first else ""))
        url_paths[url_path] = at("url_path") or header
        default = row.get("default", False)
        if not isinstance(default, bool):
            raise PagesFileError(at("default"), "`default` must be true or false")
        if default:
            if default_line is not None:
                raise PagesFileError(at("default"), f"two default pages (the first at line {default_line})")
            default_line = at("default")
        visibility = row.get("visibility", "visible")
        if visibility not in ("visible", "hidden"):
            raise PagesFileError(at("visibility"), '`visibility` must be "visible" or "hidden"')
        page_section = row.get("section", section)
        if page_section is not None and not isinstance(page_section, str):
            raise PagesFileError(at("section"), "`section` must be a string")
        if isinstance(page_section, str):
            page_section = "/".join(part.strip() for part in page_section.split("/") if part.strip()) or None
        pages.append(PageEntry(url_path=url_path, title=title, icon=icon_of(row.get("icon"), at("icon")),
                               section=page_section, default=default, visibility=visibility, script=script))
    del section_icon  # st_pages draws a section's icon beside its name; the menu shows section names only
    if not pages:
        raise PagesFileError(None, "no page: list at least one [[pages]] table with a `path`")
    return Navigation(tuple(pages), source="pages.toml")


def _script(path: str, app_dir: Path, file: Path) -> str | None:
    """A page's file: relative to the main script's folder (st_pages: to where the app was
    started, which is that folder or the one holding ``.streamlit/``)."""
    for base in (app_dir, file.parent.parent if file.parent.name.startswith(".") else file.parent, Path.cwd()):
        candidate = (base / path).resolve()
        if candidate.is_file() and candidate.suffix == ".py":
            return str(candidate)
    return None


@hookimpl
def appcore_resolve_pages(app: AppView) -> Navigation | None:
    file = find_file(app.app_dir)
    if file is None:
        return None
    name = file.relative_to(app.app_dir)
    try:
        return read_pages(file, app.app_dir)
    except PagesFileError as error:
        where = f"{name}, line {error.line}" if error.line else str(name)
        return Navigation((), source="pages.toml", error=f"{where}: {error.reason}.")
    except (OSError, UnicodeDecodeError) as error:
        return Navigation((), source="pages.toml", error=f"{name} cannot be read: {error}.")
