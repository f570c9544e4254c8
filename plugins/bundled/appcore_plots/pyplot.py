"""st.pyplot: a matplotlib figure drawn on the server (``savefig`` with Streamlit's
``bbox_inches="tight"`` and ``dpi=200``) and shown as an image, as Streamlit 1.67's
(an ``image`` node in AppTest). The image is served from the session's media, as st.image's."""
from __future__ import annotations

import io
import logging
from typing import Any

from appcore.plugin import (
    AppcoreAPIError, Container, StreamlitMissingRequiredParameterError, Width, add_element, api, check_width,
    container_width,
    media_url, sniff_mimetype,
)

__all__ = ["pyplot"]
log = logging.getLogger("appcore.plots")

SAVEFIG = {"bbox_inches": "tight", "dpi": 200, "format": "png"}
FIG_REQUIRED = ("Matplotlib's global figure is shared by every session and thread, so `None` cannot stand "
                "for it: pass the figure you drew on, `fig, ax = plt.subplots()` ... `st.pyplot(fig)`.")
SAVEFIG_DEPRECATED = ("Passing Matplotlib `savefig` keyword arguments to `st.pyplot` is deprecated and will be "
                      "removed in a future version. `st.pyplot` already uses `bbox_inches=\"tight\"` and "
                      "`dpi=200`; for other options save the figure yourself (`fig.savefig(buf, ...)`) and "
                      "show it with `st.image(buf)`.")


def pyplot(fig: Any, clear_figure: bool = False, *, width: Width = "stretch",
           use_container_width: bool | None = None, alt: str | None = None, **kwargs: Any) -> Container:
    """A matplotlib figure as an image; ``clear_figure`` clears it once drawn."""
    if fig is None:
        raise StreamlitMissingRequiredParameterError("fig", detail=FIG_REQUIRED)
    width = container_width(use_container_width, width)
    width = check_width(width, allow_content=True)
    if kwargs:
        log.warning(SAVEFIG_DEPRECATED)
        api("warning")(SAVEFIG_DEPRECATED)  # shown in the page too, as Streamlit 1.67 does
    savefig = getattr(fig, "savefig", None)
    if not callable(savefig):
        raise AppcoreAPIError(f"st.pyplot takes a matplotlib Figure, not {type(fig).__name__}. Draw on "
                              "`fig, ax = plt.subplots()` and pass `fig`.")
    try:
        import matplotlib.pyplot as plt
    except ImportError:  # a figure-like object without matplotlib: draw it as it says
        pass
    else:
        plt.ioff()  # no interactive window from a server's thread
    buffer = io.BytesIO()
    fig.savefig(buffer, **{**SAVEFIG, **kwargs})
    data = buffer.getvalue()
    image: dict[str, Any] = {"url": media_url(data, sniff_mimetype(data) or "image/png")}
    if alt is not None:
        image["alt"] = alt  # "" marks the figure as decorative, as for st.image
    if clear_figure:
        fig.clf()
    return add_element("pyplot", {"images": [image], "width": width})

