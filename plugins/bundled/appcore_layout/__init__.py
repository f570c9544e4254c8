"""Bundled plugin: Streamlit's layout elements (st.columns, st.expander, st.tabs,
st.popover, st.space).

Each element is a pair of files, ``<type>.py`` (the API function) and
``<type>.js`` (the browser renderer); a module's ``ELEMENT_TYPES`` maps the
element types it draws to their renderer's stem, and ``TEST_TYPES`` to the node
type Streamlit's AppTest shows for them.
"""
from __future__ import annotations

from importlib import import_module
from pathlib import Path
from typing import Any

from appcore.plugin import ElementType, hookimpl

HERE = Path(__file__).parent
MODULES = ("columns", "expander", "tabs", "popover", "space")


def _modules() -> list[Any]:
    return [import_module(f"{__name__}.{name}") for name in MODULES]


@hookimpl
def appcore_register_elements() -> list[ElementType]:
    return [ElementType(name, HERE / f"{stem}.js", extra={"test_type": module.TEST_TYPES[name]})
            for module in _modules() for name, stem in module.ELEMENT_TYPES.items()]


@hookimpl
def appcore_register_api() -> dict[str, Any]:
    return {name: getattr(module, name) for module in _modules() for name in module.__all__}
