"""Bundled plugin: widgets whose value is files the person gives the app.

``st.file_uploader``, ``st.camera_input`` and ``st.audio_input``. Each draws with the
core's ``FilesCodec``: the browser uploads every file over HTTP
(``PUT /_appcore/upload/...``, core/server/uploads.py) and then sends the list of
their ids as the widget's value; the script gets ``UploadedFile`` objects.
"""
from __future__ import annotations

from pathlib import Path

from appcore.plugin import ElementType, contributes

from .audio_input import audio_input
from .camera_input import camera_input
from .file_uploader import file_uploader

HERE = Path(__file__).parent
API = {"file_uploader": file_uploader, "camera_input": camera_input, "audio_input": audio_input}

appcore_register_elements = contributes([ElementType(name, HERE / f"{name}.js") for name in API])
appcore_register_api = contributes(API)
