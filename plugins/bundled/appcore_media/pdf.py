"""st.pdf: a PDF in the browser's own viewer, served from the session's media."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from appcore.plugin import AppcoreAPIError, Container, StreamlitInvalidParameterTypeError, \
    StreamlitMissingRequiredParameterError, add_element, check_height, media_url

from ._images import normalize_alt

__all__ = ["pdf"]


def pdf(data: Any, *, height: int | str = 500, key: str | None = None, alt: str | None = None) -> Container:
    """Display a PDF viewer."""
    if data is None:
        raise StreamlitMissingRequiredParameterError(
            "data", detail="Please provide a valid PDF file path, URL, bytes data, or file-like object.")
    height = check_height(height, allow_content=False)
    if isinstance(data, (str, Path)):
        text = str(data).strip()
        if text.lower().startswith(("http://", "https://")):
            url = text
        else:
            try:
                with open(text, "rb") as file:
                    content = file.read()
            except (FileNotFoundError, PermissionError) as error:
                raise AppcoreAPIError(f"Unable to read file '{text}': {error}") from None
            url = media_url(content, "application/pdf")
    elif isinstance(data, (bytes, bytearray)):
        url = media_url(bytes(data), "application/pdf")
    elif hasattr(data, "read"):
        url = media_url(data.getvalue() if hasattr(data, "getvalue") else data.read(), "application/pdf")
    else:
        raise StreamlitInvalidParameterTypeError("data", type(data).__name__, ["str", "Path", "bytes", "file-like object"],
                                                 detail="A str can be a file path or a URL.")
    return add_element("pdf", {"url": url, "height": height, "alt": normalize_alt(alt)}, key=key)
