"""Bundled plugin: Streamlit's text elements and widgets.

Each element is a pair of files: ``<type>.py`` (the API functions) and
``<type>.js`` (the browser renderer). Adding one touches only this folder.
"""
from __future__ import annotations

import threading
from functools import lru_cache
from importlib import import_module
from pathlib import Path
from typing import Any

from appcore.plugin import ElementType, hookimpl

HERE = Path(__file__).parent


def _element_modules() -> list[Any]:
    """Every ``<name>.py`` here: its ``__all__`` are API names, its ``ELEMENT_TYPES``
    maps the element types it draws to the stem of their ``.js`` renderer."""
    return [import_module(f"{__name__}.{path.stem}") for path in sorted(HERE.glob("*.py"))
            if not path.stem.startswith("_")]


def _test_extra(module: Any, name: str) -> dict[str, Any]:
    """What AppTest needs of a type: ``TEST_VALUES`` {type: fn(props)} (how ``.value`` reads) and
    ``TEST_TYPES`` {type: Streamlit's node type}, where a module declares them."""
    extra = {}
    if name in getattr(module, "TEST_VALUES", {}):
        extra["test_value"] = module.TEST_VALUES[name]
    if name in getattr(module, "TEST_TYPES", {}):
        extra["test_type"] = module.TEST_TYPES[name]
    return extra


@hookimpl
def appcore_register_elements() -> list[ElementType]:
    return [ElementType(name, HERE / f"{stem}.js", extra=_test_extra(module, name))
            for module in _element_modules()
            for name, stem in getattr(module, "ELEMENT_TYPES", {}).items()]


@hookimpl
def appcore_resolve_markdown(text: str, inline: bool) -> str:
    """Every plugin's labels and titles render with this plugin's markdown."""
    return _markdown_html(text, inline)


@hookimpl
def appcore_server_started() -> None:
    """The parser nearly every first run uses, built on a thread of its own: the App serves the
    first tab meanwhile (a run that needs it first waits for it); the one for
    ``unsafe_allow_html`` is built on first use."""
    from .markdown import parser

    threading.Thread(target=parser, args=(False,), name="appcore-markdown-parser", daemon=True).start()


@lru_cache(maxsize=1024)  # labels repeat on every rerun
def _markdown_html(text: str, inline: bool) -> str:
    from .markdown import _inline, render_markdown

    return _inline(text) if inline else render_markdown(text)


@hookimpl
def appcore_register_api() -> dict[str, Any]:
    return {name: getattr(module, name) for module in _element_modules() for name in module.__all__}
