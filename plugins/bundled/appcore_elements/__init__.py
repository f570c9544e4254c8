"""Bundled plugin: Streamlit's text elements and widgets.

Each element is a pair of files: ``<type>.py`` (the API functions) and
``<type>.js`` (the browser renderer). Adding one touches only this folder.
"""
from __future__ import annotations

from importlib import import_module
from pathlib import Path
from typing import Any

from appcore.plugin import ElementType, hookimpl

HERE = Path(__file__).parent

# element type -> the file stem of its renderer (several headings share one)
ELEMENT_MODULES: dict[str, str] = {
    "markdown": "markdown",
    "caption": "markdown",
    "title": "heading",
    "header": "heading",
    "subheader": "heading",
    "exception": "exception",
    "button": "button",
    "text_input": "text_input",
}

# Python modules whose __all__ lists the API names they add
API_MODULES = ["markdown", "exception", "button", "text_input", "page_config", "write"]


@hookimpl
def appcore_register_elements() -> list[ElementType]:
    return [ElementType(name, HERE / f"{stem}.js") for name, stem in ELEMENT_MODULES.items()]


@hookimpl
def appcore_register_api() -> dict[str, Any]:
    api: dict[str, Any] = {}
    for name in API_MODULES:
        module = import_module(f"{__name__}.{name}")
        api.update({attr: getattr(module, attr) for attr in module.__all__})
    return api
