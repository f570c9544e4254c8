"""Placing elements: element types, containers and the functions plugins call.

An element is ``{type, props}`` at a path: a root container name followed by
indices, e.g. ``("main", 2, 0)``. A ``Container`` is what ``st.sidebar``,
``st.container()`` and every element call return (Streamlit's DeltaGenerator):
calling an API name on it draws into it.
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any

from .context import current_run, lookup_api

EMPTY_SCOPE: Mapping[str, Any] = MappingProxyType({})

# Scope key: the identities of the containers an element sits in, outermost first
# (``add_container(identity=...)``); keyless widget ids include them.
IDENTITY = "identity"

# The one element type the core itself draws: an uncaught exception. The
# elements plugin renders it (it is also ``st.exception``); without that
# plugin the browser's fallback renderer still shows it.
EXCEPTION_TYPE = "exception"


@dataclass(frozen=True)
class ElementType:
    """An element type a plugin contributes through ``appcore_register_elements``.

    ``module`` is the ES module the browser imports to draw it; what it exports
    is the renderer contract in docs/plugins.md, "The browser half".
    ``plugin`` is filled in by the App when it collects types.
    """

    name: str
    module: Path | None = None
    plugin: str = ""
    extra: Mapping[str, Any] = field(default_factory=dict)


class Container:
    """A place to draw: a container's children, or one element's slot.

    ``slot=False``: each call appends a child (``st.container()``, roots).
    ``slot=True``: each call replaces the element at ``path`` (``st.empty()``,
    and the handle every element call returns).
    ``scope`` is what children inherit: the form or fragment they belong to.
    """

    __slots__ = ("path", "scope", "slot")

    def __init__(self, path: tuple, scope: Mapping[str, Any] = EMPTY_SCOPE, slot: bool = False):
        self.path = path
        self.scope = scope
        self.slot = slot

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        target = lookup_api(name)
        if not callable(target):
            raise AttributeError(f"'{name}' is not an element or container function")

        def draw_here(*args: Any, **kwargs: Any) -> Any:
            run = current_run()
            run.stack.append(self)
            try:
                return target(*args, **kwargs)
            finally:
                run.stack.pop()

        draw_here.__name__ = name
        draw_here.__doc__ = getattr(target, "__doc__", None)
        return draw_here

    def __enter__(self) -> Container:
        current_run().stack.append(self)
        return self

    def __exit__(self, exc_type: Any, exc: Any, tb: Any) -> None:
        run = current_run()
        if exc is not None:
            # Show an uncaught exception inside the innermost `with` block it left.
            run.set_error_target(exc, self)
        run.stack.pop()

    def __repr__(self) -> str:
        return f"Container({'.'.join(map(str, self.path))}{', slot' if self.slot else ''})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Container) and other.path == self.path and other.slot == self.slot

    def __hash__(self) -> int:
        return hash((self.path, self.slot))


def add_element(type: str, props: dict[str, Any], *, widget_id: str | None = None,
                key: str | None = None) -> Container:
    """Draw a leaf element at the current place; return its slot."""
    run = current_run()
    run.checkpoint()
    target = run.target()
    path = run.place(target)
    run.emit(path, type, props, widget_id, key)
    return Container(path, target.scope, slot=True)


def add_container(type: str, props: dict[str, Any], *, scope: Mapping[str, Any] | None = None,
                  root: str | None = None, key: str | None = None, identity: str | None = None) -> Container:
    """Draw a container element; return the Container its children go into.

    ``scope`` entries are merged into what the children inherit (a form sets
    ``{"form": id}``). ``root`` draws at the end of another root container
    (dialogs go to the ``"dialog"`` root). ``identity`` makes the container part
    of its widgets' identity: the same keyless widget in two forms is two widgets.
    """
    run = current_run()
    run.checkpoint()
    target = Container((root,)) if root else run.target()
    # On another root (a dialog) it takes the place it had when its caller was called.
    path = run.place(target, accumulate=root is None)
    run.emit(path, type, props, None, key)
    if not scope and identity is None:
        return Container(path, target.scope)
    merged = {**target.scope, **(scope or {})}
    if identity is not None:
        merged[IDENTITY] = (*target.scope.get(IDENTITY, ()), identity)
    return Container(path, MappingProxyType(merged))


def next_place() -> tuple:
    """The path the next element drawn at the current place will take, without
    taking it: where a transient (st.spinner) shows while it lasts."""
    run = current_run()
    run.checkpoint()
    return run.place(run.target(), take=False)


def send_message(message: dict[str, Any], *, checkpoint: bool = True) -> None:
    """Send a non-element message to the browser in order with the deltas
    (``st.set_page_config`` uses it). ``checkpoint=False`` sends it even when the run
    is being stopped or interrupted (a message that undoes an earlier one, in a
    ``finally``)."""
    run = current_run()
    if checkpoint:
        run.checkpoint()
    run.session.queue_message(message)


main = Container(("main",))
sidebar = Container(("sidebar",))
bottom = Container(("bottom",))  # st.bottom: pinned to the foot of the page


def markdown_html(text: str | None, inline: bool = True) -> str | None:
    """``text`` as Streamlit's markdown, in safe HTML, from the plugin that renders it
    (``appcore_resolve_markdown``); None when no plugin does, or for plain text."""
    if not text or not (_MARKDOWN_SIGNS.search(text) or (not inline and _BLOCK_SIGNS.search(text))):
        return None  # nothing to render: the page shows the text as it is
    return current_run().hooks.appcore_resolve_markdown(text=text, inline=inline)


# What can make a line more than plain text in Streamlit's markdown (a bare link or e-mail
# address, an em dash from "--" too); and, for a block (a help tooltip), a list, heading,
# quote, table or a second paragraph.
_MARKDOWN_SIGNS = re.compile(r"[*_`~\[\]<>$:&\\@]|--|www\.")
_BLOCK_SIGNS = re.compile(r"^\s*(?:[-+*#>|]|\d+[.)])\s|\n\s*\n", re.M)
