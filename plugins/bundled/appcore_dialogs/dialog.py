"""``st.dialog`` and its deprecated alias ``st.experimental_dialog``."""
from __future__ import annotations

import functools
import hashlib
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

from appcore.plugin import PARTIAL, AppcoreAPIError, StashKey, add_container, check_icon, check_not_parallel, current_run, invalid_value

log = logging.getLogger("appcore.dialogs")

WIDTHS = ("small", "medium", "large")
POSITIONS = ("left", "center", "right")


@dataclass
class OpenDialog:
    title: str
    path: tuple
    dismissible: bool
    on_dismiss: Any


OPEN_DIALOGS = StashKey[dict[str, OpenDialog]]("open dialogs")  # per session: id -> OpenDialog
DIALOG_OPENED = StashKey[bool]("a dialog was opened by this run")
IN_DIALOG = StashKey[bool]("a dialog's body is running")


def dialog(title: str, *, width: Literal["small", "medium", "large"] | int = "small",
           position: Literal["left", "center", "right"] = "center", dismissible: bool = True,
           icon: str | None = None,
           on_dismiss: Literal["ignore", "rerun"] | Callable[[], Any] = "ignore") -> Callable[[Callable[..., Any]], Callable[..., None]]:
    """Decorate a function so that calling it opens a modal that reruns on its own.

    ``position="left"`` or ``"right"`` shows it as a side drawer; ``width`` is a
    size name or pixels; ``icon`` (an emoji or ``:material/name:``) stands before the title.
    """
    if not title or not str(title).strip():
        raise AppcoreAPIError("A non-empty `title` argument has to be provided for dialogs, for example "
                              '`@st.dialog("Example Title")`.')
    if not (width in WIDTHS or (isinstance(width, int) and not isinstance(width, bool) and width > 0)):
        raise invalid_value("width", ["'small'", "'medium'", "'large'", "a positive integer"], f"Got {width!r}.")
    if position not in POSITIONS:
        raise invalid_value("position", ["'left'", "'center'", "'right'"])
    if not (on_dismiss in ("ignore", "rerun") or callable(on_dismiss)):
        raise AppcoreAPIError(f'on_dismiss must be "ignore", "rerun" or a callable; got {on_dismiss!r}.')
    icon = check_icon(icon) or None

    def decorate(func: Callable[..., Any]) -> Callable[..., None]:
        name = f"{func.__module__}.{func.__qualname__}"

        @functools.wraps(func)
        def open_dialog(*args: Any, **kwargs: Any) -> None:
            check_not_parallel("@st.dialog")
            run = current_run()
            if run.target().path[0] == "dialog" or run.stash.get(IN_DIALOG):
                raise AppcoreAPIError("Dialogs may not be nested inside other dialogs.")
            if run.stash.get(DIALOG_OPENED):
                raise AppcoreAPIError(
                    "Only one dialog is allowed to be opened at the same time. Please make sure to not call a "
                    "dialog-decorated function more than once in a script run.")
            run.stash[DIALOG_OPENED] = True
            dialog_id = hashlib.md5(f"{name}:{title}".encode(), usedforsecurity=False).hexdigest()
            on_dismiss_kind = on_dismiss if isinstance(on_dismiss, str) else "callback"
            props = {"id": dialog_id, "title": str(title), "width": width, "position": position, "icon": icon,
                     "dismissible": dismissible,
                     "on_dismiss": on_dismiss_kind}

            def body() -> None:
                current = current_run()
                container = add_container("dialog", props, root="dialog",
                                          scope={PARTIAL: dialog_id, "dialog": dialog_id})
                current.session.stash.setdefault(OPEN_DIALOGS, {})[dialog_id] = OpenDialog(
                    str(title), container.path, dismissible, on_dismiss)
                current.stash[IN_DIALOG] = True
                try:
                    with current.in_partial(partial, container):
                        func(*args, **kwargs)
                finally:
                    current.stash[IN_DIALOG] = False

            partial = run.add_partial(dialog_id, body)
            body()

        return open_dialog

    return decorate


_warned = False


def experimental_dialog(title: str, *, width: Literal["small", "large"] = "small") -> Callable[..., Any]:
    """Deprecated alias of ``st.dialog``."""
    global _warned
    if not _warned:
        _warned = True
        log.warning("st.experimental_dialog is deprecated: use st.dialog instead.")
    return dialog(title, width=width)
