"""st.image: one image or a row of them, each with its caption, served from the session's media."""
from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any, Literal

from appcore.plugin import AppcoreAPIError, Container, Width, add_element, api, check_width, markdown_html

from ._images import alts_of, captions_of, image_url, images_of

__all__ = ["image"]
log = logging.getLogger("appcore.media")

USE_COLUMN_WIDTH_REMOVED = ("`use_column_width` was removed and has no effect. Use `width='stretch'`, "
                            "`width='content'`, or an integer pixel value instead.")
USE_CONTAINER_WIDTH_DEPRECATED = (
    "Please replace `use_container_width` with `width`.\n\n`use_container_width` will be removed after "
    "2025-12-31.\n\nFor `use_container_width=True`, use `width='stretch'`. For `use_container_width=False`, "
    "use `width='content'`.")


def image(image: Any, caption: str | list[str] | None = None, width: Width = "content", clamp: bool = False,
          channels: Literal["RGB", "BGR"] = "RGB", output_format: Literal["JPEG", "PNG", "GIF", "auto"] = "auto",
          *, use_container_width: bool | None = None, link: str | None = None, use_column_width: Any = None,
          alt: str | Sequence[str | None] | None = None) -> Container:
    """Display an image or a list of images (a row that wraps), each with its caption."""
    if use_column_width is not None:
        log.warning(USE_COLUMN_WIDTH_REMOVED)
        api("warning")(USE_COLUMN_WIDTH_REMOVED)  # as Streamlit 1.67: shown in the page too
    if use_container_width is not None:
        log.warning(USE_CONTAINER_WIDTH_DEPRECATED)
        if use_container_width is True:
            width = "stretch"
        elif not isinstance(width, int) or isinstance(width, bool):
            width = "content"
    width = check_width(width, allow_content=True)
    images, from_set = images_of(image)
    captions = captions_of(caption, len(images))
    alts = alts_of(alt, len(images), from_set)
    if link and len(images) > 1:
        raise AppcoreAPIError("The `link` parameter is only supported when displaying a single image. "
                              f"You passed {len(images)} images.")
    channels = str(channels).upper()
    shown = []
    for one, text, description in zip(images, captions, alts):
        entry: dict[str, Any] = {"url": image_url(one, width, clamp, channels, output_format)}
        if text is not None:
            entry["caption"] = text
            entry["caption_html"] = markdown_html(text) if text else None
        if description is not None:
            entry["alt"] = description
        shown.append(entry)
    return add_element("image", {"images": shown, "width": width, "link": link or None})
