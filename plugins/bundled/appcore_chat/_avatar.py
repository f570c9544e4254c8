"""A chat message's avatar, as Streamlit 1.67 reads it: a preset ("user", "assistant"),
an emoji, a ``:material/name:`` icon, or an image.

Images become a URL the page loads: a URL as given, else the image's bytes (a file
path, ``bytes``, a file-like object, a PIL image) served from the session's media
(``media_url``), as Streamlit serves them from its media storage.
"""
from __future__ import annotations

import io
import os
import re
from typing import Any

from appcore.plugin import AppcoreAPIError, check_icon, media_url, sniff_mimetype

PRESETS = {"user": "user", "human": "user", "assistant": "assistant", "ai": "assistant"}

_IMAGE_FAILED = "Failed to load the provided avatar value as an image."
_MATERIAL = re.compile(r":material/(\w+):")


def is_emoji(text: str) -> bool:
    try:
        return bool(text) and check_icon(text) == text and not text.startswith(":") and text != "spinner"
    except AppcoreAPIError:
        return False


def avatar_of(name: str, avatar: Any) -> tuple[str, str]:
    """``(kind, value)``: kind is "icon" (a preset or a Material icon, "" for the name's
    initial), "emoji" or "image" (a URL the page loads)."""
    if avatar is None and (name.lower() in PRESETS or is_emoji(name)):
        avatar = name.lower()
    if avatar is None:
        return "icon", ""
    if isinstance(avatar, str):
        if avatar in PRESETS:  # as Streamlit: the avatar's own spelling, not lower-cased
            return "icon", PRESETS[avatar]
        if is_emoji(avatar):
            return "emoji", avatar
        if avatar.startswith(":material"):
            if not _MATERIAL.fullmatch(avatar):
                shown = avatar.replace("/", "\u200b/")
                raise AppcoreAPIError(f'The value `"{shown}"` is not a valid Material icon. Please use a Material '
                                      "icon shortcode like **`:material\u200b/thumb_up:`**.")
            return "icon", avatar
    return "image", _image_url(avatar)


def _image_url(image: Any) -> str:
    try:
        if isinstance(image, str):
            if re.match(r"(?i)https?://|data:image/", image):
                return image
            with open(os.path.expanduser(image), "rb") as file:
                data = file.read()
            return _served(data, image)
        if isinstance(image, (bytes, bytearray, memoryview)):
            return _served(bytes(image), "")
        if hasattr(image, "save") and hasattr(image, "mode"):  # a PIL image
            buffer = io.BytesIO()
            image.save(buffer, format="PNG")
            return _served(buffer.getvalue(), "")
        if hasattr(image, "read"):
            name = getattr(image, "name", "")
            return _served(image.read(), name if isinstance(name, str) else "")
    except AppcoreAPIError:
        raise
    except Exception as error:
        raise AppcoreAPIError(_IMAGE_FAILED) from error
    raise AppcoreAPIError(_IMAGE_FAILED)


def _served(data: bytes, name: str) -> str:
    mime = sniff_mimetype(data, name)
    if mime is None or not mime.startswith("image/"):
        raise AppcoreAPIError(_IMAGE_FAILED)
    return media_url(data, mime)
