"""Bundled plugin: media elements, served from the session's media store.

``st.image``, ``st.audio``, ``st.video``, ``st.pdf``, ``st.download_button`` and
``st.logo``. Each puts what it shows into the session's store with
``appcore.plugin.media_url`` and sends the URL; the core serves it at
``/_appcore/media/{id}`` (core/server/media.py) with range requests, for as long as the
element is on the page.
"""
from __future__ import annotations

from pathlib import Path

from appcore.plugin import ElementType, contributes

from .audio import audio
from .download_button import download_button
from .image import image
from .logo import logo
from .pdf import pdf
from .video import video

HERE = Path(__file__).parent
API = {"image": image, "audio": audio, "video": video, "pdf": pdf, "download_button": download_button, "logo": logo}


appcore_register_elements = contributes([ElementType(name, HERE / f"{name}.js") for name in API])
appcore_register_api = contributes(API)
