"""st.logo: the app's logo over the sidebar (or, with the sidebar closed, its icon at the top
left of the page), sent as a message: it is no element of the page."""
from __future__ import annotations

import re
from typing import Any, Literal

from appcore.plugin import AppcoreAPIError, StreamlitValueError, check_icon, maybe_current_run, send_message

from ._images import image_url

__all__ = ["logo"]


def _invalid(field: str) -> str:
    return (f"The {field} passed to st.logo is invalid - See "
            "[documentation](https://docs.streamlit.io/develop/api-reference/media/st.logo) "
            "for more information on valid types")


def _logo_image(image: Any, field: str, place: tuple) -> dict[str, str]:
    try:
        if isinstance(image, str) and image.startswith(":material"):
            return {"kind": "icon", "value": check_icon(image)}
        if isinstance(image, str) and image not in ("", "spinner") and check_icon(image) == image \
                and not image.startswith(":"):
            return {"kind": "emoji", "value": image}
    except AppcoreAPIError:
        pass  # not an icon: it may still be an image's path or URL
    try:
        return {"kind": "image", "value": image_url(image, "content", False, "RGB", "auto", place=place)}
    except Exception as error:
        raise AppcoreAPIError(_invalid(field)) from error


def logo(image: Any, *, size: Literal["small", "medium", "large"] = "medium", link: str | None = None,
         icon_image: Any = None) -> None:
    """Show ``image`` as the app's logo; ``icon_image`` while the sidebar is closed."""
    if maybe_current_run() is None:
        return
    shown = _logo_image(image, "image", ("logo",))
    if link and not re.match(r"(?i)https?://", link):
        raise AppcoreAPIError(f'"{link}" is not a valid URL. You must use a fully qualified domain beginning '
                              'with "http://" or "https://".')
    icon = _logo_image(icon_image, "icon_image", ("logo", "icon")) if icon_image else None
    if not isinstance(size, str) or size.lower() not in ("small", "medium", "large"):
        raise StreamlitValueError("size", ["'small'", "'medium'", "'large'"])
    send_message({"t": "logo", "image": shown, "icon_image": icon, "size": size.lower(), "link": link or None})
