"""A chat message's avatar, as Streamlit 1.67 reads it: a preset ("user", "assistant"),
an emoji, a ``:material/name:`` icon, or an image.

Images become something the page can show without a media route: a URL as given,
or a ``data:`` URI of the image's bytes (a file path, ``bytes``, a file-like object,
a PIL image), up to ``MAX_INLINE_BYTES``. Larger local images need media serving.
"""
from __future__ import annotations

import base64
import io
import os
import re
from typing import Any

from appcore.plugin import AppcoreAPIError, check_icon

PRESETS = {"user": "user", "human": "user", "assistant": "assistant", "ai": "assistant"}
# An avatar is drawn 2rem square; an inline image bigger than this belongs on a media route.
MAX_INLINE_BYTES = 512 * 1024

_IMAGE_FAILED = "Failed to load the provided avatar value as an image."
_MATERIAL = re.compile(r":material/(\w+):")
_SIGNATURES = ((b"\x89PNG\r\n\x1a\n", "image/png"), (b"\xff\xd8\xff", "image/jpeg"), (b"GIF87a", "image/gif"),
               (b"GIF89a", "image/gif"), (b"BM", "image/bmp"))


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
                data = file.read(MAX_INLINE_BYTES + 1)
            return _data_uri(data, image)
        if isinstance(image, (bytes, bytearray, memoryview)):
            return _data_uri(bytes(image), "")
        if hasattr(image, "save") and hasattr(image, "mode"):  # a PIL image
            buffer = io.BytesIO()
            image.save(buffer, format="PNG")
            return _data_uri(buffer.getvalue(), "")
        if hasattr(image, "read"):
            return _data_uri(image.read(), getattr(image, "name", ""))
    except AppcoreAPIError:
        raise
    except Exception as error:
        raise AppcoreAPIError(_IMAGE_FAILED) from error
    raise AppcoreAPIError(_IMAGE_FAILED)


def _data_uri(data: bytes, name: str) -> str:
    if len(data) > MAX_INLINE_BYTES:
        raise AppcoreAPIError(
            f"The avatar image is larger than {MAX_INLINE_BYTES // 1024} KB: appcore sends a local avatar image "
            "inside the page, and media serving for larger ones is not there yet. Pass a smaller image or a URL.")
    mime = _mime_of(data, name)
    if mime is None:
        raise AppcoreAPIError(_IMAGE_FAILED)
    return f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}"


def _mime_of(data: bytes, name: str) -> str | None:
    for signature, mime in _SIGNATURES:
        if data.startswith(signature):
            return mime
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    head = data[:512].lstrip().lower()
    if head.startswith(b"<svg") or (head.startswith(b"<?xml") and b"<svg" in head) or name.lower().endswith(".svg"):
        return "image/svg+xml"
    return None
