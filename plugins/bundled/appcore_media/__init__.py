"""Bundled plugin: media elements, served from the session's media store.

``st.image`` (and, as they land, audio, video, logo, pdf, download_button). Each element
puts what it shows into the session's store with ``appcore.plugin.media_url`` and sends
the URL; the core serves it at ``/_appcore/media/{id}`` (core/server/media.py) with range
requests, for as long as the element is on the page.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from appcore.plugin import ElementType, hookimpl

from .image import image

HERE = Path(__file__).parent


@hookimpl
def appcore_register_elements() -> list[ElementType]:
    return [ElementType("image", HERE / "image.js")]


@hookimpl
def appcore_register_api() -> dict[str, Any]:
    return {"image": image}
