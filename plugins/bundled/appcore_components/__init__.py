"""Bundled plugin: Streamlit's custom components and ``st.iframe``.

``st.components.v1`` (``declare_component``, ``html``, ``iframe``) speaks
Streamlit's component protocol from ``component.js``, so a published
component's built frontend runs unchanged in its iframe. Declared folders are
served by the core's component route through ``appcore_resolve_component``, and so
are the ``asset_dir`` folders of packaged v2 components.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from appcore.plugin import ElementType, hookimpl

from . import namespace
from .manifest import asset_folder
from .iframe import iframe
from .v1 import declared_folder
from .v2 import on_trigger

HERE = Path(__file__).parent


@hookimpl
def appcore_register_elements() -> list[ElementType]:
    return [ElementType("component", HERE / "component.js", extra={"test_type": "component_instance"}),
            ElementType("iframe", HERE / "iframe.js"),
            ElementType("bidi_component", HERE / "bidi_component.js")]


@hookimpl
def appcore_register_api() -> dict[str, Any]:
    return {"components": namespace, "iframe": iframe}


@hookimpl
def appcore_resolve_component(name: str) -> Path | None:
    return declared_folder(name) or asset_folder(name)


@hookimpl
def appcore_register_commands(subparsers: Any) -> None:
    from .new import add_command

    add_command(subparsers)


@hookimpl
def appcore_register_client_events() -> dict[str, Any]:
    return {"bidi_trigger": on_trigger}
