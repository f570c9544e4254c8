"""``st.switch_page`` and ``st.page_link``."""
from __future__ import annotations

import os
import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, Literal, NoReturn

from appcore.plugin import AppcoreAPIError, Container, Help, PageEntry, Width, add_element, check_icon, \
    check_width, container_width, current_run, find_page, invalid_value, markdown_html, switch_page as open_page

from .query_params import to_query

QueryParamsInput = Mapping[str, str | Iterable[str]] | Iterable[tuple[str, str | Iterable[str]]]


def _not_found(page: Any) -> AppcoreAPIError:
    shown = page if isinstance(page, (str, os.PathLike)) else getattr(page, "_title", page)
    return AppcoreAPIError(
        f"Could not find page: `{shown}`. You must provide a `Page` object or file path relative to the "
        "entrypoint file. Only pages previously defined by `st.Page` and passed to `st.navigation` are allowed.")


def _page(page: Any) -> PageEntry:
    session = current_run().session
    found = find_page(session.page.navigation, page, str(Path(session.script_path).parent), session.script_path)
    if found is None or found.external is not None:
        raise _not_found(page)
    return found


def switch_page(page: str | Path | Any, *, query_params: QueryParamsInput | None = None) -> NoReturn:
    """Open another page of the app now: the run ends and the page runs, with
    ``query_params`` as the URL's query parameters (the others are dropped)."""
    entry = _page(page)
    open_page(entry, to_query(query_params) if query_params is not None else {})
    raise AssertionError("unreachable")  # switch_page ends the run


def page_link(page: str | Path | Any, *, label: str | None = None, icon: str | None = None,
              icon_position: Literal["left", "right"] = "left", help: Help = None, disabled: bool = False,
              use_container_width: bool | None = None, width: Width = "content",
              query_params: QueryParamsInput | None = None) -> Container:
    """A link to a page of the app (opened without reloading the tab) or to an external URL."""
    if icon_position not in ("left", "right"):
        raise invalid_value("icon_position", ["'left'", "'right'"])
    width = container_width(use_container_width, width)
    width = check_width(width, allow_content=True)
    query = to_query(query_params) if query_params is not None else {}
    is_path = isinstance(page, (str, os.PathLike))
    external = None if is_path else getattr(page, "external", None)
    if isinstance(page, str) and re.match(r"https?://", page.strip()):
        external = page.strip()
    props: dict[str, Any] = {"icon_position": icon_position, "help": help, "disabled": bool(disabled),
                             "width": width}
    if external:
        text = label if label is not None else (None if is_path else getattr(page, "title", None))
        if not text:
            raise AppcoreAPIError("The `label` parameter is required. appcore cannot infer a label for an "
                                  "external URL.")
        url_path = None
        props.update(external=external, url_path=None, query="", active=False,
                     icon=check_icon(icon if icon is not None else (None if is_path else page.icon) or None))
    else:
        entry = _page(page)
        session = current_run().session
        url_path = "" if entry.default else entry.url_path
        current = session.page.current
        text = label if label is not None else entry.title
        props.update(external=None, url_path=url_path, query=_encode(query),
                     active=current is not None and current.url_path == entry.url_path,
                     icon=check_icon(icon) if icon is not None else entry.icon)
    props["page"] = external or url_path  # what Streamlit's AppTest shows as PageLink.page
    props["label"] = str(text)
    props["label_html"] = markdown_html(str(text))
    return add_element("page_link", props)


def _encode(query: Mapping[str, list[str]]) -> str:
    from urllib.parse import urlencode

    return urlencode([(k, v) for k, values in query.items() for v in values])
