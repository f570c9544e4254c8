"""An image as Streamlit 1.67 takes one (a URL, a path, an SVG string, bytes, a BytesIO,
a PIL image, a NumPy array) turned into a URL the page loads, with its checks and messages.

Arrays and PIL images are encoded here (JPEG, or PNG when there may be transparency, GIF
for a GIF); an image wider than the width it is drawn at (or than 1460 px) is scaled
down first, as Streamlit does, so the page never loads more pixels than it shows.
"""
from __future__ import annotations

import base64
import io
import logging
import os
import re
from pathlib import Path
from typing import Any

from appcore.plugin import AppcoreAPIError, StreamlitValueError, media_url

log = logging.getLogger("appcore.media")

MAXIMUM_CONTENT_WIDTH = 2 * 730
_SVG = re.compile(r"(^\s?(<\?xml[\s\S]*<svg\s)|^\s?<svg\s|^\s?<svg>\s)")
_STATIC = re.compile(r"^/?app/static/.+")
_EMPTY_ALT = ("An empty or whitespace-only `alt` was given and is treated as no alt text. Pass None to "
              "leave it out, or describe the image.")


def normalize_alt(alt: object, *, allow_empty: bool = False) -> str | None:
    """``alt`` as the page gets it: None when omitted or blank; "" (decorative) where allowed."""
    if alt is None:
        return None
    text = alt.decode("utf-8", "replace") if isinstance(alt, (bytes, bytearray)) else str(alt)
    if text == "" and allow_empty:
        return ""
    if not text.strip():
        log.warning(_EMPTY_ALT)
        return None
    return text.strip()


def _has_alpha(image: Any) -> bool:
    return image.mode in {"RGBA", "LA", "P"}


def image_format(image: Any, output_format: str) -> str:
    """"JPEG", "PNG" or "GIF" for ``output_format`` ("auto" or anything else: by the image)."""
    wanted = str(output_format).upper()
    if wanted in ("JPEG", "PNG"):
        return wanted
    if wanted == "JPG":
        return "JPEG"
    if isinstance(image, bytes):
        from PIL import Image

        image = Image.open(io.BytesIO(image))
    if image.format == "GIF":
        return "GIF"
    return "PNG" if _has_alpha(image) else "JPEG"


def _pil_bytes(image: Any, format: str, quality: int = 100) -> bytes:
    buffer = io.BytesIO()
    if format == "JPEG" and _has_alpha(image):
        image = image.convert("RGB")
    image.save(buffer, format=format, quality=quality)
    return buffer.getvalue()


def _check_array(array: Any) -> Any:
    shape = array.shape
    if len(shape) not in (2, 3):
        raise StreamlitValueError("image", ["a 2D or 3D NumPy array"])
    if len(shape) == 3 and shape[-1] not in (1, 3, 4):
        raise AppcoreAPIError(f"Channel can only be 1, 3, or 4 got {shape[-1]}. Shape is {shape}")
    return array[:, :, 0] if len(shape) == 3 and shape[-1] == 1 else array


def _clip(array: Any, clamp: bool) -> Any:
    import numpy as np

    if issubclass(array.dtype.type, np.floating):
        if clamp:
            array = np.clip(array, 0, 1.0)
        elif np.amin(array) < 0.0 or np.amax(array) > 1.0:
            raise AppcoreAPIError("Data is outside [0.0, 1.0] and clamp is not set.")
        return array * 255
    if clamp:
        return np.clip(array, 0, 255)
    if np.amin(array) < 0 or np.amax(array) > 255:
        raise AppcoreAPIError("Data is outside [0, 255] and clamp is not set.")
    return array


def _fit(data: bytes, width: Any, format: str) -> bytes:
    """Scaled down to the width it is drawn at, and in ``format``."""
    from PIL import Image

    image = Image.open(io.BytesIO(data))
    target = width if isinstance(width, int) else MAXIMUM_CONTENT_WIDTH
    actual_width, actual_height = image.size
    if 0 < target < actual_width:
        image = image.resize((target, int(actual_height * target / actual_width)), resample=Image.BILINEAR)
        return _pil_bytes(image, format, quality=90)
    if image.format != format:
        return _pil_bytes(image, format, quality=90)
    return data


def is_array(value: Any) -> bool:
    return type(value).__module__ == "numpy" and type(value).__name__ == "ndarray"


def _is_pil(value: Any) -> bool:
    return any(cls.__module__.startswith("PIL.") and cls.__name__ == "Image" for cls in type(value).__mro__)


def image_url(image: Any, width: Any, clamp: bool, channels: str, output_format: str,
              place: tuple | None = None) -> str:
    """The URL of one image (a URL given stays as it is; an SVG becomes a data: URL), served
    for the element drawn next here, or for ``place``."""
    if isinstance(image, Path):
        image = str(image)
    if isinstance(image, str):
        if not os.path.isfile(image) and (re.match(r"(?i)(https?|data):", image) or _STATIC.match(image)):
            return image
        if image.endswith(".svg") and os.path.isfile(image):
            with open(image, encoding="utf-8") as file:
                image = file.read()
        if _SVG.search(image):
            if "xmlns" not in image:
                image = image.replace("<svg", '<svg xmlns="http://www.w3.org/2000/svg" ', 1)
            return "data:image/svg+xml;base64," + base64.b64encode(image.encode("utf-8")).decode("ascii")
        try:
            with open(image, "rb") as file:
                data = file.read()
        except OSError as error:
            raise AppcoreAPIError(f"Error opening '{image}': {error.strerror or error}") from None
    elif _is_pil(image):
        data = _pil_bytes(image, image_format(image, output_format))
    elif isinstance(image, io.BytesIO):
        data = image.getvalue()
    elif is_array(image):
        image = _clip(_check_array(image), clamp)
        if channels == "BGR":
            if len(image.shape) != 3:
                raise AppcoreAPIError('When using `channels="BGR"`, the input image should have exactly 3 color '
                                      "channels")
            image = image[:, :, [2, 1, 0]]
        from PIL import Image

        import numpy as np

        pil = Image.fromarray(image.astype(np.uint8))
        data = _pil_bytes(pil, image_format(pil, output_format))
    elif isinstance(image, (bytes, bytearray, memoryview)):
        data = bytes(image)
    else:
        raise AppcoreAPIError(f"Cannot show a {type(image).__name__} as an image: pass a URL, a path, an SVG "
                              "string, bytes, a BytesIO, a PIL image or a NumPy array.")
    try:
        format = image_format(data, output_format)
        data = _fit(data, width, format)
    except AppcoreAPIError:
        raise
    except Exception as error:
        raise AppcoreAPIError(f"Cannot identify the image: {error}") from None
    return media_url(data, f"image/{format.lower()}", place=place)


def images_of(image: Any) -> tuple[list[Any], bool]:
    """The images in ``image`` and whether they came from a set (order undefined)."""
    if isinstance(image, (list, set, tuple)):
        return list(image), isinstance(image, set)
    if is_array(image) and len(image.shape) == 4:
        return [image[i, :, :, :] for i in range(image.shape[0])], False
    return [image], False


def captions_of(caption: Any, count: int) -> list[str | None]:
    if isinstance(caption, list):
        captions = list(caption)
    elif isinstance(caption, str):
        captions = [caption]
    elif is_array(caption) and len(caption.shape) == 1:
        captions = caption.tolist()
    elif caption is None:
        captions = [None] * count
    else:
        captions = [str(caption)]
    if len(captions) != count:
        raise AppcoreAPIError(f"Cannot pair {len(captions)} captions with {count} images.")
    return [None if c is None else str(c) for c in captions]


def alts_of(alt: Any, count: int, from_set: bool) -> list[str | None]:
    if alt is None:
        alts: list[Any] = [None] * count
    elif isinstance(alt, (str, bytes, bytearray)) or not (is_array(alt) or isinstance(alt, (list, tuple))):
        if count != 1:
            what = "string" if isinstance(alt, str) else "value"
            raise AppcoreAPIError(f"A single `alt` {what} can only be used with a single image. You passed {count} "
                                  f"images; provide a sequence of {count} alt values (use None to skip an image).")
        alts = [alt]
    else:
        if from_set:
            raise AppcoreAPIError("A sequence-valued `alt` cannot be paired with a set of images because set "
                                  "order is undefined. Pass a list or tuple of images.")
        alts = alt.tolist() if is_array(alt) else list(alt)
        if len(alts) != count:
            raise AppcoreAPIError(f"Cannot pair {len(alts)} alt values with {count} images.")
    return [normalize_alt(a, allow_empty=True) for a in alts]
